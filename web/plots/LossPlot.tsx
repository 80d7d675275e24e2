// Relative error per iteration on a log scale, several runs overlaid; while a run goes the new
// points are appended (Plotly.extendTraces), and a replaced series redraws the plot.
import { useRef } from 'react';
import type { Data, Layout } from 'plotly.js-dist-min';
import { escapeText } from './axes.js';
import { drawnOf, logTickMode, planLossUpdate, points, positiveRange, type DrawnSeries, type LossSeries } from './lossUpdate.js';
import { PlotFrame } from './PlotFrame.js';
import { plotConfig } from './plotly.js';
import { lossSummary } from './summary.js';
import { usePlot } from './usePlot.js';

export type { LossSeries } from './lossUpdate.js';

/** Props of LossPlot: one series per run (relError[i] = ‖V−WH‖/‖V‖ after iteration i+1). */
export interface LossPlotProps {
  series: readonly LossSeries[];
  /** Plot title, also its accessible name (default "Relative error per iteration"). */
  title?: string;
  /** Plot height in px (default 320). */
  height?: number;
}

/** Axis titles of the loss plot. */
export const LOSS_AXES = { x: 'Iteration', y: 'Relative error ‖V−WH‖/‖V‖' } as const;

/**
 * The loss curves of one or more runs (see LossPlotProps). Pass a new `series` array to update; each
 * relError may be the same array grown in place. A series with a new name, a new revision or a
 * different start is drawn again from scratch.
 */
export function LossPlot({ series, title = 'Relative error per iteration', height = 320 }: LossPlotProps) {
  const drawn = useRef<{ series: DrawnSeries[]; title: string; width: number; height: number; ticks: 'D2' | null } | null>(null);

  const plot = usePlot(
    title,
    (Plotly, div, width) => {
      const last = drawn.current;
      const same = last && last.title === title && last.width === width && last.height === height;
      const plan = planLossUpdate(same ? last.series : null, series);
      if (plan.kind === 'none') return;
      const ticks = logTickMode(positiveRange(series));
      const record = { series: drawnOf(series), title, width, height, ticks };
      if (plan.kind === 'extend') {
        const xs: number[][] = [];
        const ys: (number | null)[][] = [];
        plan.traces.forEach((i, t) => {
          const p = points(series[i].relError, plan.from[t]);
          xs.push(p.x);
          ys.push(p.y);
        });
        drawn.current = record;
        const extended = Plotly.extendTraces(div, { x: xs, y: ys } as Data, plan.traces);
        // The y range grew past 2.5 decades (or back): change the tick spacing, nothing else.
        return ticks === last!.ticks ? extended : extended.then(() => Plotly.relayout(div, { 'yaxis.dtick': ticks } as unknown as Partial<Layout>)); // a plotly attribute path
      }
      const traces = series.map(
        (s) =>
          ({
            type: 'scatter',
            mode: 'lines',
            name: s.name,
            ...points(s.relError),
            hovertemplate: `%{y:.4~g}<extra>${escapeText(s.name)}</extra>`,
          }) as Data,
      );
      const layout: Partial<Layout> = {
        title: { text: title, x: 0, xanchor: 'left', xref: 'paper', font: { size: 14 } },
        width,
        height,
        margin: { l: 64, r: 12, t: series.length > 1 ? 56 : 34, b: 44 },
        paper_bgcolor: 'rgba(0,0,0,0)',
        font: { family: 'system-ui, sans-serif', size: 11 },
        showlegend: series.length > 1,
        legend: { orientation: 'h', x: 0, xanchor: 'left', y: 1.02, yanchor: 'bottom' },
        hovermode: 'x unified',
        xaxis: { title: { text: LOSS_AXES.x }, rangemode: 'tozero', zeroline: false, automargin: true, unifiedhovertitle: { text: 'iteration %{x}' } },
        yaxis: { title: { text: LOSS_AXES.y }, type: 'log', tickformat: '.1~g', dtick: ticks ?? undefined, automargin: true },
        uirevision: 'loss',
      };
      drawn.current = record;
      return Plotly.react(div, traces, layout, plotConfig(title));
    },
    [series, title, height],
    () => {
      drawn.current = null;
    },
  );

  return <PlotFrame plot={plot} title={title} summary={`${title}: ${lossSummary(series)}`} height={height} />;
}
