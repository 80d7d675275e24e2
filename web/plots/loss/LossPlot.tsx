// Relative error per iteration on a log scale, several runs overlaid, each from iteration 0 (the
// initial W, H) with a dot at its start, drawn by plotly (loaded lazily). Written for speed: a fixed
// figure size from a ResizeObserver, fixed margins, explicit axis ranges that change in steps, new
// points appended with Plotly.extendTraces, every draw through the page's frame queue (so it never
// shares a frame with a heatmap draw) and only while the plot is on screen.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ModeBarButton } from 'plotly.js-basic-dist-min';
import { downloadUrl } from '../download.js';
import { LOSS_MARGIN, lossConfig, lossLayout, lossTraces, rangeLayout } from './lossFigure.js';
import type { LossSeries } from './lossScale.js';
import { planLossDraw, sameRanges, tracePoints, type DrawnSeries, type LossRanges } from './lossTraces.js';
import { loadPlotly, plotlyIfLoaded, type PlotlyApi } from './plotly.js';
import { PlotFrame } from '../PlotFrame.js';
import { fileName, lossSummary } from '../summary.js';
import { useQueuedDraw } from '../frame/useQueuedDraw.js';
import '../plots.css';

export type { LossSeries } from './lossScale.js';
export { LOSS_AXES, LOSS_COLORS } from './lossFigure.js';

/** Props of LossPlot: one series per run (initial = error at iteration 0, relError[i] = ‖V−WH‖/‖V‖ after iteration i+1). */
export interface LossPlotProps {
  series: readonly LossSeries[];
  /** Plot title, also its accessible name (default "Relative error per iteration"). */
  title?: string;
  /** Height of the figure (legend row, curves, ticks, axis titles) in px (default 300). */
  height?: number;
  /** One plain line under the plot on what it shows (see PlotFrame). */
  caption?: string;
  /** Title of the y axis (default LOSS_AXES.y, the relative error); change it together with `title`. */
  yTitle?: string;
}

/** What the plot last drew. */
interface Drawn {
  series: DrawnSeries[];
  ranges: LossRanges;
  title: string;
  width: number;
  height: number;
}

/** The loss curves of one or more runs (see LossPlotProps). Pass a new `series` array to update. */
export function LossPlot({ series, title = 'Relative error per iteration', height = 300, yTitle, caption }: LossPlotProps) {
  const box = useRef<HTMLDivElement | null>(null);
  const graph = useRef<HTMLDivElement | null>(null);
  const drawn = useRef<Drawn | null>(null);
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

  // The figure's width follows its box (plotly's own `responsive` mode would relayout on window resizes).
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
      drawn.current = null;
    };
  }, [plotly]);

  const { error } = useQueuedDraw(
    box,
    title,
    'heavy',
    () => plotly && graph.current && width > 0 && draw(plotly, graph.current, drawn, { series, title, width, height, yTitle }, setFailed),
    [series, title, width, height, yTitle, plotly],
    plotly !== null,
  );

  const problem = failed ?? error;
  return (
    <PlotFrame
      title={title}
      summary={`${title}: ${lossSummary(series)}`}
      className="loss"
      pngButton={false}
      caption={caption}
      notes={problem ? [problem] : []}
    >
      <div ref={box} className="loss-box" style={{ height }}>
        <div ref={graph} className="loss-graph" />
        {!plotly && !failed && <div className="plot-loading">loading plot…</div>}
      </div>
    </PlotFrame>
  );
}

/** Brings the figure in `div` up to date with `want`: nothing, appended points, or a full Plotly.react. */
function draw(
  Plotly: PlotlyApi,
  div: HTMLDivElement,
  drawn: { current: Drawn | null },
  want: { series: readonly LossSeries[]; title: string; width: number; height: number; yTitle?: string },
  fail: (message: string | null) => void,
): Promise<unknown> | undefined {
  const { series, title, width, height } = want;
  const last = drawn.current;
  const same = last && last.title === title && last.width === width && last.height === height;
  const next = planLossDraw(
    same ? last.series : null,
    series,
    height - LOSS_MARGIN.t - LOSS_MARGIN.b,
    width - LOSS_MARGIN.l - LOSS_MARGIN.r,
  );
  const { update: plan, ranges } = next;
  if (plan.kind === 'none' && sameRanges(last!.ranges, ranges)) return;
  drawn.current = { series: next.drawn, ranges, title, width, height };
  const forget = (e: unknown) => {
    drawn.current = null;
    throw e;
  };
  if (plan.kind === 'extend') {
    if (!sameRanges(last!.ranges, ranges)) {
      // extendTraces redraws from div.layout, so new ranges set there show in the same redraw
      // (a relayout first would cost a second one).
      const layout = (div as unknown as { layout: { xaxis: object; yaxis: object; hoverdistance: number } }).layout;
      const r = rangeLayout(ranges);
      Object.assign(layout.xaxis, r.xaxis);
      Object.assign(layout.yaxis, r.yaxis);
      layout.hoverdistance = r.hoverdistance;
    }
    const points = plan.traces.map((i, t) => tracePoints(series[i], plan.from[t]));
    return Plotly.extendTraces(div, { x: points.map((p) => p.x), y: points.map((p) => p.y) } as never, plan.traces).catch(forget);
  }
  const png = {
    name: 'png',
    title: `Download ${title} as PNG`,
    icon: Plotly.Icons.camera,
    click: () => {
      savePng(Plotly, div, title).then(
        () => fail(null),
        (e: unknown) => fail(`PNG not saved: ${e instanceof Error ? e.message : String(e)}`),
      );
    },
  } as ModeBarButton;
  return Plotly.react(div, lossTraces(series), lossLayout(width, height, ranges, series.length > 1, want.yTitle), lossConfig(png)).catch(
    forget,
  );
}

/** Saves the figure as a 720×400 PNG (at twice the resolution) with the title above the plot, named after the title. */
async function savePng(Plotly: PlotlyApi, div: HTMLDivElement, title: string): Promise<void> {
  const gd = div as unknown as { data: object[]; layout: Record<string, unknown> };
  const layout = {
    ...gd.layout,
    width: 720,
    height: 400,
    title: {
      text: title,
      x: 0,
      xref: 'paper',
      xanchor: 'left',
      y: 1,
      yref: 'container',
      yanchor: 'top',
      pad: { t: 10 },
      font: { size: 16 },
    },
    margin: { ...LOSS_MARGIN, t: LOSS_MARGIN.t + 30 },
    paper_bgcolor: '#fff',
  };
  const url = await Plotly.toImage({ data: gd.data, layout } as never, { format: 'png', width: 720, height: 400, scale: 2 });
  downloadUrl(url, `${fileName(title)}.png`);
}
