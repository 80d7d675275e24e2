// The compare plot: every algorithm's error curve overlaid (plotly, loaded lazily), redrawn
// through the page's frame queue while the plot is on screen.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { PlotFrame } from '../../plots/PlotFrame.js';
import { loadPlotly, plotlyIfLoaded, type PlotlyApi } from '../../plots/loss/plotly.js';
import { useQueuedDraw } from '../../plots/frame/useQueuedDraw.js';
import { compareLayout, compareTraces, type CompareAxis } from './compareFigure.js';
import { finalErrorText, type CompareRow } from './compareState.js';

const HEIGHT = 320;

/** The overlaid curves of `rows` against `axis`. */
export function CompareChart({ rows, axis }: { rows: readonly CompareRow[]; axis: CompareAxis }) {
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

  const title = axis === 'iteration' ? 'Relative error per iteration' : 'Relative error per second';
  const { error } = useQueuedDraw(
    box,
    'compare',
    'heavy',
    () =>
      plotly && graph.current && width > 0
        ? plotly.react(graph.current, compareTraces(rows, axis), compareLayout(rows, width, HEIGHT, axis), {
            displaylogo: false,
            displayModeBar: false,
            responsive: false,
            scrollZoom: false,
            doubleClick: false,
            showTips: false,
          })
        : undefined,
    [rows, axis, width, plotly],
    plotly !== null,
  );
  const problem = failed ?? error;
  const summary = rows.map((r) => `${r.label}: ${r.iteration} iterations, error ${finalErrorText(r)}`).join('; ');
  return (
    <PlotFrame title={title} summary={`${title}: ${summary}`} className="loss" pngButton={false} notes={problem ? [problem] : []}>
      <div ref={box} className="loss-box" style={{ height: HEIGHT }}>
        <div ref={graph} className="loss-graph" />
        {!plotly && !failed && <div className="plot-loading">loading plot…</div>}
      </div>
    </PlotFrame>
  );
}
