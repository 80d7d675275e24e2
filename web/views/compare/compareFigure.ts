// The compare plot's plotly figure: one line per algorithm from its shared start (iteration 0 or
// 0 s), x = iteration or the algorithm's own seconds, y = relative error on a log axis. Pure.
import type { Data, Layout } from 'plotly.js-basic-dist-min';
import { escapeText, LOSS_AXES, LOSS_COLORS, LOSS_MARGIN } from '../../plots/loss/lossFigure.js';
import { lossRanges } from '../../plots/loss/lossTraces.js';
import type { CompareRow } from './compareState.js';

/** What the x axis counts. */
export type CompareAxis = 'iteration' | 'seconds';

/** Title of the x axis for each choice. */
export const X_TITLES: Record<CompareAxis, string> = { iteration: 'Iteration', seconds: 'Seconds (each algorithm’s own iterating time)' };

/** Most points drawn of one curve: longer histories are drawn at every s-th iteration (and the last). */
export const MAX_POINTS = 1500;

/**
 * Points of one row: (0 or 0 s, initial error), then one per iteration (every s-th when there are
 * more than MAX_POINTS, always the last); values a log axis cannot show are null.
 */
export function rowPoints(row: CompareRow, axis: CompareAxis): { x: number[]; y: (number | null)[] } {
  const x: number[] = [];
  const y: (number | null)[] = [];
  const show = (v: number) => (v > 0 && v < Infinity ? v : null);
  if (row.initial !== null) {
    x.push(0);
    y.push(show(row.initial));
  }
  const h = row.history;
  const stride = Math.max(1, Math.ceil(h.length / MAX_POINTS));
  const put = (i: number) => {
    x.push(axis === 'iteration' ? i + 1 : row.seconds[i]);
    y.push(show(h[i]));
  };
  for (let i = 0; i < h.length; i += stride) put(i);
  if (h.length > 0 && (h.length - 1) % stride !== 0) put(h.length - 1);
  return { x, y };
}

/** One scatter line per row (rows that failed before any iteration still get their legend entry). */
export function compareTraces(rows: readonly CompareRow[], axis: CompareAxis): Data[] {
  return rows.map(
    (row, i) =>
      ({
        type: 'scatter',
        mode: 'lines',
        name: escapeText(row.label),
        showlegend: true,
        ...rowPoints(row, axis),
        line: { color: LOSS_COLORS[i % LOSS_COLORS.length], width: 2 },
        hovertemplate: `%{y:.4~g}<extra>${escapeText(row.label)}</extra>`,
      }) as Data,
  );
}

/** A width×height layout: legend on top, x linear from 0, y log with the loss plot's ticks, nothing to drag. */
export function compareLayout(rows: readonly CompareRow[], width: number, height: number, axis: CompareAxis): Partial<Layout> {
  const margin = { ...LOSS_MARGIN, t: 40 };
  const series = rows.map((r) => ({ name: r.label, initial: r.initial, relError: r.history }));
  const r = lossRanges(series, height - margin.t - margin.b, width - margin.l - margin.r);
  return {
    width,
    height,
    autosize: false,
    margin,
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: '#fff',
    font: { family: 'system-ui, sans-serif', size: 11, color: '#333' },
    showlegend: true,
    legend: { orientation: 'h', x: 0, xanchor: 'left', y: 1, yanchor: 'bottom', font: { size: 12 } },
    hovermode: 'closest',
    dragmode: false,
    xaxis: {
      title: { text: X_TITLES[axis], font: { size: 12 } },
      rangemode: 'tozero',
      fixedrange: true,
      zeroline: false,
      showline: true,
      linecolor: '#888',
      gridcolor: '#e6e9ee',
    },
    yaxis: {
      type: 'log',
      range: r.y,
      autorange: false,
      tickmode: 'array',
      tickvals: r.tickvals,
      ticktext: r.ticktext,
      title: { text: LOSS_AXES.y, font: { size: 12 } },
      fixedrange: true,
      showline: true,
      linecolor: '#888',
      gridcolor: '#e6e9ee',
    },
  } as Partial<Layout>;
}
