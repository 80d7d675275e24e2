// How the plotly loss plot brings what it drew up to date: the points of a series from iteration 0
// (the initial error), what was drawn, and whether new points can be appended (Plotly.extendTraces)
// or the plot must be drawn again; the axis ranges, snapped so they change in steps, not on every
// update. Pure (no DOM, no plotly).
import { logTicks, lossAxes, mergeRanges, plottable, seriesRange, valueAt, firstIteration, type LossSeries } from './lossScale.js';

/** Points of a series from iteration `from` on: x = iteration, y = its value, or null where a log axis cannot show it. */
export function tracePoints(s: LossSeries, from = firstIteration(s)): { x: number[]; y: (number | null)[] } {
  const x: number[] = [];
  const y: (number | null)[] = [];
  for (let it = from; it <= s.relError.length; it++) {
    const v = valueAt(s, it);
    x.push(it);
    y.push(plottable(v) ? v : null);
  }
  return { x, y };
}

/** What the plot last drew of one series. */
export interface DrawnSeries {
  readonly name: string;
  readonly initial: number | null;
  /** Iterations drawn after the initial point (relError.length when drawn). */
  readonly length: number;
  readonly first: number;
  readonly last: number;
  /** Positive range of the drawn points (seriesRange), so appending reads the new points only. */
  readonly range: readonly [number, number];
}

/** The record of what drawing `series` leaves on the plot (reads every point). */
export function drawnOf(series: readonly LossSeries[]): DrawnSeries[] {
  return series.map((s) => drawnSeries(s, seriesRange(s, 0)));
}

function drawnSeries(s: LossSeries, range: readonly [number, number]): DrawnSeries {
  const y = s.relError;
  return {
    name: s.name,
    initial: s.initial ?? null,
    length: y.length,
    first: y.length ? y[0] : NaN,
    last: y.length ? y[y.length - 1] : NaN,
    range,
  };
}

/** What the plot draws next: how (the update), with which axes, and the record of what it then shows. */
export interface LossDraw {
  readonly update: LossUpdate;
  readonly ranges: LossRanges;
  readonly drawn: DrawnSeries[];
}

/**
 * How to bring a plot that shows `drawn` (null: nothing, or a figure of another size) up to
 * `series` in a plotHeight×plotWidth px plot area. Appending or nothing new reads only the points
 * not drawn yet (and the first and last drawn ones), so a long run costs each update its own points.
 */
export function planLossDraw(
  drawn: readonly DrawnSeries[] | null,
  series: readonly LossSeries[],
  plotHeight: number,
  plotWidth: number,
): LossDraw {
  const update = planLossUpdate(drawn, series);
  let next: DrawnSeries[];
  if (update.kind === 'redraw' || !drawn) {
    next = drawnOf(series);
  } else {
    next = series.map((s, i) => {
      const d = drawn[i];
      return s.relError.length === d.length ? d : drawnSeries(s, mergeRanges(d.range, seriesRange(s, d.length)));
    });
  }
  let known: [number, number] = [NaN, NaN];
  for (const d of next) known = mergeRanges(known, d.range);
  return { update, ranges: lossRanges(series, plotHeight, plotWidth, known), drawn: next };
}

/** The cheapest way to show `series` over what was drawn. */
export type LossUpdate =
  | { readonly kind: 'none' }
  /** Append the points of series[i] from iteration from[t] on to trace i, for each traces[t] = i. */
  | { readonly kind: 'extend'; readonly traces: number[]; readonly from: number[] }
  | { readonly kind: 'redraw' };

/**
 * 'extend' when every series still starts as drawn (same name and initial error in the same place,
 * at least as long, same first and last drawn value) and some grew; 'none' when nothing changed;
 * 'redraw' otherwise (a series added, removed, renamed, restarted, shortened or replaced), or when
 * nothing was drawn.
 */
export function planLossUpdate(drawn: readonly DrawnSeries[] | null, series: readonly LossSeries[]): LossUpdate {
  if (!drawn || drawn.length !== series.length) return { kind: 'redraw' };
  const traces: number[] = [];
  const from: number[] = [];
  for (let i = 0; i < series.length; i++) {
    const d = drawn[i];
    const s = series[i];
    const y = s.relError;
    if (s.name !== d.name || !Object.is(s.initial ?? null, d.initial) || y.length < d.length) return { kind: 'redraw' };
    if (d.length > 0 && !(Object.is(y[0], d.first) && Object.is(y[d.length - 1], d.last))) return { kind: 'redraw' };
    if (y.length > d.length) {
      traces.push(i);
      from.push(d.length + 1); // the trace holds iterations up to d.length
    }
  }
  return traces.length ? { kind: 'extend', traces, from } : { kind: 'none' };
}

/** Steps (in decades) to which the ends of the log axis are rounded outward. */
export const Y_STEP = 0.25;

/** Ranges of the loss plot's axes as plotly takes them (the log axis in log10 units) and the log axis' ticks. */
export interface LossRanges {
  x: [number, number];
  y: [number, number];
  tickvals: number[];
  ticktext: string[];
  /**
   * How far (px) from the pointer the hover looks for a point of each series: half an iteration's
   * width, so it names only the series that have a point at the iteration under the pointer.
   */
  hoverdistance: number;
}

/**
 * The axes of lossAxes (x from 0 to a round number past the longest series, y padded around the
 * values), with the log axis' ends rounded outward to multiples of Y_STEP decades, so the ranges (and
 * the tick labels plotly measures) change a few times in a run, not on every update; ticks for a
 * plot area `plotHeight` px tall (about one per 28 px) and `plotWidth` px wide. `known`: the
 * series' positiveRange, when the caller has it.
 */
export function lossRanges(
  series: readonly LossSeries[],
  plotHeight: number,
  plotWidth: number,
  known?: readonly [number, number],
): LossRanges {
  const a = lossAxes(series, known);
  const lo = Math.floor(a.yLo / Y_STEP + 1e-9) * Y_STEP;
  const hi = Math.ceil(a.yHi / Y_STEP - 1e-9) * Y_STEP;
  const ticks = logTicks(lo, hi, Math.max(2, plotHeight / 28));
  const hoverdistance = Math.max(1, Math.ceil(plotWidth / a.xMax / 2));
  return { x: [0, a.xMax], y: [lo, hi], tickvals: ticks.map((t) => t.value), ticktext: ticks.map((t) => t.text), hoverdistance };
}

/** Whether two LossRanges put the same axes and ticks on the plot. */
export function sameRanges(a: LossRanges | null, b: LossRanges): boolean {
  return (
    a !== null &&
    a.x[0] === b.x[0] &&
    a.x[1] === b.x[1] &&
    a.y[0] === b.y[0] &&
    a.y[1] === b.y[1] &&
    a.hoverdistance === b.hoverdistance &&
    a.ticktext.length === b.ticktext.length &&
    a.ticktext.every((t, i) => t === b.ticktext[i])
  );
}
