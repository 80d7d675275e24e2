// One Explore rank plot: a RankFigure drawn by plotly's scatter (the lazily loaded basic bundle the
// loss plot uses), its width following its box, a dotted line at the suggested rank, each draw
// through the page's frame queue.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Data, Layout } from 'plotly.js-basic-dist-min';
import { loadPlotly, plotlyIfLoaded, type PlotlyApi } from '../../plots/loss/plotly.js';
import { PlotFrame } from '../../plots/PlotFrame.js';
import { useQueuedDraw } from '../../plots/frame/useQueuedDraw.js';
import type { RankFigure } from './rankFigures.js';

const MARGIN = { l: 58, r: 12, t: 26, b: 40, pad: 0 };

/** Props: the figure, the ranks on the x axis (lowest..highest of the sweep) and the suggested rank, if any. */
export interface RankPlotProps {
  figure: RankFigure;
  ranks: readonly [number, number];
  suggested: number | null;
  height?: number;
}

/** A plot of one RankFigure against rank k (x from lowest to highest), with a dotted line at the suggested rank. */
export function RankPlot({ figure, ranks, suggested, height = 240 }: RankPlotProps) {
  const box = useRef<HTMLDivElement | null>(null);
  const graph = useRef<HTMLDivElement | null>(null);
  const [plotly, setPlotly] = useState<PlotlyApi | null>(plotlyIfLoaded);
  const [failed, setFailed] = useState<string | null>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    if (plotly) return;
    let live = true;
    loadPlotly().then(
      (p) => live && setPlotly(() => p),
      (e: unknown) => live && setFailed(`plot could not load: ${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      live = false;
    };
  }, [plotly]);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth(Math.floor(el.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const div = graph.current;
    return () => {
      if (plotly && div) plotly.purge(div);
    };
  }, [plotly]);

  const { error } = useQueuedDraw(
    box,
    figure.title,
    'light',
    () =>
      plotly && graph.current && width > 0
        ? plotly.react(graph.current, figure.traces as unknown as Data[], layout(figure, ranks, suggested, width, height), {
            displayModeBar: false,
            staticPlot: false,
            responsive: false,
          })
        : undefined,
    [figure, ranks[0], ranks[1], suggested, width, height, plotly],
    plotly !== null,
  );

  const problem = failed ?? error;
  return (
    <PlotFrame title={figure.title} summary={figure.summary} className="rank-plot" pngButton={false} notes={problem ? [problem] : []}>
      <div ref={box} className="rank-plot-box" style={{ height }}>
        <div ref={graph} />
        {!plotly && !failed && <div className="plot-loading">loading plot…</div>}
      </div>
    </PlotFrame>
  );
}

function layout(
  f: RankFigure,
  [lo, hi]: readonly [number, number],
  suggested: number | null,
  width: number,
  height: number,
): Partial<Layout> {
  return {
    width,
    height,
    autosize: false,
    margin: MARGIN,
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: '#fff',
    font: { family: 'system-ui, sans-serif', size: 11, color: '#333' },
    showlegend: true,
    legend: { orientation: 'h', x: 0, xanchor: 'left', y: 1, yanchor: 'bottom', font: { size: 11 } },
    hovermode: 'closest',
    dragmode: false,
    xaxis: {
      title: { text: 'rank k', font: { size: 12 } },
      range: [lo - 0.4, hi + 0.4],
      dtick: hi - lo > 12 ? undefined : 1,
      fixedrange: true,
      zeroline: false,
      gridcolor: '#eceff3',
    },
    yaxis: {
      title: { text: f.yTitle, font: { size: 12 } },
      type: f.yLog ? 'log' : 'linear',
      fixedrange: true,
      zeroline: false,
      gridcolor: '#eceff3',
      automargin: true,
    },
    shapes:
      suggested === null
        ? []
        : [
            {
              type: 'line',
              xref: 'x',
              yref: 'paper',
              x0: suggested,
              x1: suggested,
              y0: 0,
              y1: 1,
              line: { color: '#2e7d32', width: 1.5, dash: 'dot' },
            },
          ],
  };
}
