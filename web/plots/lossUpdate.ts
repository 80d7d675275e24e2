// How the loss plot brings what it drew up to date with new series: nothing, append, or redraw. Pure (no DOM).

/** A loss series as the plot receives it: relative error after iterations 1, 2, …. */
export interface LossSeries {
  readonly name: string;
  readonly relError: readonly number[];
  /** Bump (or change) to make the plot redraw this series from scratch, e.g. for a new run under the same name. */
  readonly revision?: number;
}

/** What the plot last drew of one series. */
export interface DrawnSeries {
  readonly name: string;
  readonly revision: number | undefined;
  readonly length: number;
  readonly first: number;
  readonly last: number;
}

/** The cheapest way to show `series` over what was drawn. */
export type LossUpdate =
  | { readonly kind: 'none' }
  /** Append series[i].relError[from[i]..] to trace i for each i in `traces`. */
  | { readonly kind: 'extend'; readonly traces: number[]; readonly from: number[] }
  | { readonly kind: 'redraw' };

/** The record of what drawing `series` leaves on the plot. */
export function drawnOf(series: readonly LossSeries[]): DrawnSeries[] {
  return series.map((s) => ({
    name: s.name,
    revision: s.revision,
    length: s.relError.length,
    first: s.relError.length ? s.relError[0] : NaN,
    last: s.relError.length ? s.relError[s.relError.length - 1] : NaN,
  }));
}

/**
 * 'extend' when every series still starts as drawn (same name and revision in the same place, at
 * least as long, same first and last drawn value) and some grew; 'none' when nothing changed;
 * 'redraw' otherwise (a series added, removed, renamed, shortened or replaced), or when nothing was drawn.
 */
export function planLossUpdate(drawn: readonly DrawnSeries[] | null, series: readonly LossSeries[]): LossUpdate {
  if (!drawn || drawn.length !== series.length) return { kind: 'redraw' };
  const traces: number[] = [];
  const from: number[] = [];
  for (let i = 0; i < series.length; i++) {
    const d = drawn[i];
    const s = series[i];
    const y = s.relError;
    if (s.name !== d.name || s.revision !== d.revision || y.length < d.length) return { kind: 'redraw' };
    if (d.length > 0 && !(Object.is(y[0], d.first) && Object.is(y[d.length - 1], d.last))) return { kind: 'redraw' };
    if (y.length > d.length) {
      traces.push(i);
      from.push(d.length);
    }
  }
  return traces.length ? { kind: 'extend', traces, from } : { kind: 'none' };
}

/** Iteration numbers and plottable values of y[from..]: x = index + 1, y = value or null if it is not a positive finite number (log axis). */
export function points(y: readonly number[], from = 0): { x: number[]; y: (number | null)[] } {
  const xs = new Array<number>(y.length - from);
  const ys = new Array<number | null>(y.length - from);
  for (let t = from; t < y.length; t++) {
    xs[t - from] = t + 1;
    ys[t - from] = y[t] > 0 && y[t] < Infinity ? y[t] : null;
  }
  return { x: xs, y: ys };
}

/** Smallest and largest plottable (positive finite) value of all series; NaN ends when there is none. */
export function positiveRange(series: readonly LossSeries[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series)
    for (const y of s.relError)
      if (y > 0 && y < Infinity) {
        if (y < lo) lo = y;
        if (y > hi) hi = y;
      }
  return lo <= hi ? [lo, hi] : [NaN, NaN];
}

/**
 * The log axis' tick spacing for values in [lo, hi]: 'D2' (1, 2, 5 in each decade) up to 2.5 decades,
 * where plotly's own choice would label every digit; null (plotly's choice: powers of ten) beyond.
 */
export function logTickMode([lo, hi]: [number, number]): 'D2' | null {
  return !(lo > 0) || Math.log10(hi / lo) <= 2.5 ? 'D2' : null;
}
