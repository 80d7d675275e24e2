// How the loss plot brings what it drew up to date with new series: nothing, append, or redraw. Pure (no DOM).

/** A loss series as the plot receives it: relative error at iteration 0 (optional), then after iterations 1, 2, …. */
export interface LossSeries {
  readonly name: string;
  /** Relative error of the initial W, H (drawn at iteration 0, so a run shows from its first frame). */
  readonly initial?: number | null;
  readonly relError: readonly number[];
  /** Bump (or change) to make the plot redraw this series from scratch, e.g. for a new run under the same name. */
  readonly revision?: number;
}

/** What the plot last drew of one series. */
export interface DrawnSeries {
  readonly name: string;
  readonly revision: number | undefined;
  readonly initial: number | null;
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
    initial: s.initial ?? null,
    length: s.relError.length,
    first: s.relError.length ? s.relError[0] : NaN,
    last: s.relError.length ? s.relError[s.relError.length - 1] : NaN,
  }));
}

/**
 * 'extend' when every series still starts as drawn (same name, revision and initial value in the same
 * place, at least as long, same first and last drawn value) and some grew; 'none' when nothing changed;
 * 'redraw' otherwise (a series added, removed, renamed, shortened or replaced, or its first point
 * appears, which gets a start marker), or when nothing was drawn.
 */
export function planLossUpdate(drawn: readonly DrawnSeries[] | null, series: readonly LossSeries[]): LossUpdate {
  if (!drawn || drawn.length !== series.length) return { kind: 'redraw' };
  const traces: number[] = [];
  const from: number[] = [];
  for (let i = 0; i < series.length; i++) {
    const d = drawn[i];
    const s = series[i];
    const y = s.relError;
    if (s.name !== d.name || s.revision !== d.revision || !Object.is(s.initial ?? null, d.initial) || y.length < d.length) return { kind: 'redraw' };
    if (d.length === 0 && d.initial === null && y.length > 0) return { kind: 'redraw' };
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
    ys[t - from] = plottable(y[t]);
  }
  return { x: xs, y: ys };
}

/** All points of a series: (0, initial) when it has an initial value, then (i + 1, relError[i]) (see points). */
export function seriesPoints(s: LossSeries): { x: number[]; y: (number | null)[] } {
  const p = points(s.relError);
  if (s.initial === undefined || s.initial === null) return p;
  return { x: [0, ...p.x], y: [plottable(s.initial), ...p.y] };
}

/** The first point of a series that a log axis can show (the run's start marker), or null. */
export function firstPoint(s: LossSeries): { x: number; y: number } | null {
  const { x, y } = seriesPoints(s);
  for (let t = 0; t < y.length; t++) if (y[t] !== null) return { x: x[t], y: y[t]! };
  return null;
}

function plottable(v: number): number | null {
  return v > 0 && v < Infinity ? v : null;
}

/** Smallest and largest plottable (positive finite) value of all series; NaN ends when there is none. */
export function positiveRange(series: readonly LossSeries[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const see = (y: number) => {
    if (y > 0 && y < Infinity) {
      if (y < lo) lo = y;
      if (y > hi) hi = y;
    }
  };
  for (const s of series) {
    if (s.initial !== undefined && s.initial !== null) see(s.initial);
    for (const y of s.relError) see(y);
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
