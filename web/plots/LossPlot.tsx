// Relative error per iteration on a log scale, several runs overlaid, each from iteration 0 (the
// initial W, H) with a dot at its start, so a run is visible from its first frame. While a run goes
// the new points are appended (Plotly.extendTraces); a replaced series redraws the plot.
import { useRef } from 'react';
import type { Data, Layout } from 'plotly.js-dist-min';
import { escapeText } from './axes.js';
import { downloadUrl } from './download.js';
import {
  drawnOf, firstPoint, logTickMode, planLossUpdate, points, positiveRange, seriesPoints, type DrawnSeries, type LossSeries,
} from './lossUpdate.js';
import { PlotFrame } from './PlotFrame.js';
import { plotConfig } from './plotly.js';
import { fileName, lossSummary } from './summary.js';
import { usePlot } from './usePlot.js';

export type { LossSeries } from './lossUpdate.js';

/** Props of LossPlot: one series per run (initial = error at iteration 0, relError[i] = ‖V−WH‖/‖V‖ after iteration i+1). */
export interface LossPlotProps {
  series: readonly LossSeries[];
  /** Plot title, also its accessible name (default "Relative error per iteration"). */
  title?: string;
  /** Plot height in px (default 300). */
  height?: number;
}

/** Axis titles of the loss plot. */
export const LOSS_AXES = { x: 'Iteration', y: 'Relative error ‖V−WH‖/‖V‖' } as const;

/** Line colours of the series, in order (plotly's default colourway). */
export const LOSS_COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

/**
 * The loss curves of one or more runs (see LossPlotProps). Pass a new `series` array to update; each
 * relError may be the same array grown in place. A series with a new name, a new revision, a new
 * initial value or a different start is drawn again from scratch.
 */
export function LossPlot({ series, title = 'Relative error per iteration', height = 300 }: LossPlotProps) {
  const drawn = useRef<{ series: DrawnSeries[]; width: number; height: number; ticks: 'D2' | null } | null>(null);

  const plot = usePlot(
    title,
    (Plotly, div, width) => {
      const last = drawn.current;
      const same = last && last.width === width && last.height === height;
      const plan = planLossUpdate(same ? last.series : null, series);
      if (plan.kind === 'none') return;
      const ticks = logTickMode(positiveRange(series));
      const record = { series: drawnOf(series), width, height, ticks };
      drawn.current = record;
      if (plan.kind === 'extend') {
        const xs: number[][] = [];
        const ys: (number | null)[][] = [];
        plan.traces.forEach((i, t) => {
          const p = points(series[i].relError, plan.from[t]);
          xs.push(p.x);
          ys.push(p.y);
        });
        const extended = Plotly.extendTraces(div, { x: xs, y: ys } as Data, plan.traces);
        // The y range grew past 2.5 decades (or back): change the tick spacing, nothing else.
        return ticks === last!.ticks ? extended : extended.then(() => Plotly.relayout(div, { 'yaxis.dtick': ticks } as unknown as Partial<Layout>)); // a plotly attribute path
      }
      return Plotly.react(div, traces(series), layout(series, width, height, ticks), plotConfig());
    },
    [series, height],
    () => {
      drawn.current = null;
    },
  );

  const download = plot.plotly
    ? async () => {
        const div = plot.ref.current as unknown as { data: Data[]; layout: Partial<Layout> } | null;
        if (!div?.data) throw new Error('the plot is not drawn yet');
        const png = await plot.plotly!.toImage(
          { data: div.data, layout: { ...div.layout, title: { text: title, x: 0, xanchor: 'left', xref: 'paper', font: { size: 15 } }, margin: { ...div.layout.margin, t: 56 }, height: height + 30 } },
          { format: 'png', width: div.layout.width ?? 640, height: height + 30, scale: 2 },
        );
        downloadUrl(png, `${fileName(title)}.png`);
      }
    : undefined;

  return (
    <PlotFrame title={title} summary={`${title}: ${lossSummary(series)}`} onDownload={download}>
      <div className="plot-area" style={{ height }}>
        <div ref={plot.ref} className="plot-div" style={{ height }} />
        {!plot.plotly && !plot.error && (
          <div className="plot-loading">
            <span className="plot-loading-title">{title}</span>
            <span>loading plot…</span>
          </div>
        )}
        {plot.error && <p className="plot-error" role="alert">{plot.error}</p>}
      </div>
    </PlotFrame>
  );
}

/** One line per series (trace i), then one start dot per series (trace S + i), in the series' colour. */
function traces(series: readonly LossSeries[]): Data[] {
  const lines = series.map(
    (s, i) =>
      ({
        type: 'scatter',
        mode: 'lines',
        name: s.name,
        ...seriesPoints(s),
        line: { color: LOSS_COLORS[i % LOSS_COLORS.length], width: 2 },
        hovertemplate: `%{y:.4~g}<extra>${escapeText(s.name)}</extra>`,
      }) as Data,
  );
  const starts = series.map((s, i) => {
    const p = firstPoint(s);
    return {
      type: 'scatter',
      mode: 'markers',
      name: `${s.name} start`,
      x: p ? [p.x] : [],
      y: p ? [p.y] : [],
      marker: { color: LOSS_COLORS[i % LOSS_COLORS.length], size: 7 },
      cliponaxis: false, // the dot at iteration 0 sits on the axis' edge
      showlegend: false,
      hoverinfo: 'skip',
    } as Data;
  });
  return [...lines, ...starts];
}

function layout(series: readonly LossSeries[], width: number, height: number, ticks: 'D2' | null): Partial<Layout> {
  return {
    width,
    height,
    margin: { l: 64, r: 12, t: series.length > 1 ? 30 : 10, b: 44 },
    paper_bgcolor: 'rgba(0,0,0,0)',
    font: { family: 'system-ui, sans-serif', size: 11 },
    showlegend: series.length > 1,
    legend: { orientation: 'h', x: 0, xanchor: 'left', y: 1.02, yanchor: 'bottom' },
    hovermode: 'x unified',
    xaxis: {
      title: { text: LOSS_AXES.x }, rangemode: 'tozero', zeroline: false, automargin: true,
      // A run that has just started still gets a readable axis: 0 to at least 10.
      autorangeoptions: { include: [0, 10] },
      unifiedhovertitle: { text: 'iteration %{x}' },
    },
    yaxis: { title: { text: LOSS_AXES.y }, type: 'log', tickformat: '.1~g', dtick: ticks ?? undefined, automargin: true },
    uirevision: 'loss',
  } as Partial<Layout>;
}
