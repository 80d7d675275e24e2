// The loss plot's numbers, without drawing: its series and their points (iteration 0 = the initial
// error), the axis ranges (x linear from 0, y log) and the ticks of the log axis. Pure (no DOM).
import { valueTicks, type ValueTick } from '../axes.js';

/** A loss series as the plot receives it: relative error at iteration 0 (optional), then after iterations 1, 2, …. */
export interface LossSeries {
  readonly name: string;
  /** Relative error of the initial W, H (drawn at iteration 0, so a run shows from its first frame). */
  readonly initial?: number | null;
  /** Any array-like (the app passes a view of its append-only history: no copy). */
  readonly relError: ArrayLike<number>;
  /** Its index in LOSS_COLORS (default: its place among the series). */
  readonly color?: number;
  /** Drawn faded, without a start dot (a previous run kept for comparison). */
  readonly faded?: boolean;
}

/** The value of a series at iteration `it` (0 = initial), or undefined when it has none there. */
export function valueAt(s: LossSeries, it: number): number | undefined {
  if (it === 0) return s.initial ?? undefined;
  return it >= 1 && it <= s.relError.length ? s.relError[it - 1] : undefined;
}

/** Iteration of the first point of a series (0 when it has an initial value, else 1). */
export function firstIteration(s: LossSeries): number {
  return s.initial === undefined || s.initial === null ? 1 : 0;
}

/** Whether a log axis can show v (a positive finite number). */
export function plottable(v: number | undefined): v is number {
  return v !== undefined && v > 0 && v < Infinity;
}

/** The first point of a series that a log axis can show (the run's start dot), or null. */
export function firstPoint(s: LossSeries): { x: number; y: number } | null {
  for (let it = firstIteration(s); it <= s.relError.length; it++) {
    const y = valueAt(s, it);
    if (plottable(y)) return { x: it, y };
  }
  return null;
}

/** Smallest and largest plottable (positive finite) value of all series; NaN ends when there is none. */
export function positiveRange(series: readonly LossSeries[]): [number, number] {
  let range: [number, number] = [NaN, NaN];
  for (const s of series) range = mergeRanges(range, seriesRange(s, 0));
  return range;
}

/** The positive range of a series' points from index `from` of relError on (with its initial value when from = 0). */
export function seriesRange(s: LossSeries, from: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const see = (y: number) => {
    if (y > 0 && y < Infinity) {
      if (y < lo) lo = y;
      if (y > hi) hi = y;
    }
  };
  if (from === 0 && s.initial !== undefined && s.initial !== null) see(s.initial);
  const y = s.relError;
  for (let i = from; i < y.length; i++) see(y[i]);
  return lo <= hi ? [lo, hi] : [NaN, NaN];
}

/** The range holding both (NaN ends: empty). */
export function mergeRanges(a: readonly [number, number], b: readonly [number, number]): [number, number] {
  if (Number.isNaN(a[0])) return [b[0], b[1]];
  if (Number.isNaN(b[0])) return [a[0], a[1]];
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}

/** The axes of the loss plot: x from 0 to xMax (iterations), y from 10^lo to 10^hi (log). */
export interface LossAxes {
  xMax: number;
  /** log10 of the ends of the y axis. */
  yLo: number;
  yHi: number;
}

/**
 * Axes that hold every point: x from 0 to at least 10 iterations, up to the next round number
 * past the longest series; y at least a decade wide around its values, then padded by 5% of its
 * decades (at least 0.05 decade), 0.1 to 1 when there is nothing to show. `known` is the
 * series' positiveRange when the caller has it (then no point is read).
 */
export function lossAxes(series: readonly LossSeries[], known?: readonly [number, number]): LossAxes {
  let last = 0;
  for (const s of series) last = Math.max(last, s.relError.length);
  const [lo, hi] = known ?? positiveRange(series);
  if (Number.isNaN(lo)) return { xMax: roundUp(Math.max(10, last)), yLo: -1, yHi: 0 };
  const widen = Math.max(0, 1 - Math.log10(hi / lo)) / 2;
  const a = Math.log10(lo) - widen;
  const b = Math.log10(hi) + widen;
  const pad = Math.max(0.05, 0.05 * (b - a));
  return { xMax: roundUp(Math.max(10, last)), yLo: a - pad, yHi: b + pad };
}

/** The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^e at least x (x > 0). */
export function roundUp(x: number): number {
  const e = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * e >= x - 1e-9 * e) return Number((m * e).toPrecision(12));
  return 10 * e;
}

/**
 * Ticks of the log axis from 10^yLo to 10^yHi (`at` = fraction from the bottom): 1, 2, 5 in each
 * decade when the axis spans at most 2.5 decades (1 and 2 only when they would crowd), else powers of
 * ten, every second or third one on long axes so at most maxTicks remain.
 */
export function logTicks(yLo: number, yHi: number, maxTicks: number): ValueTick[] {
  const out: ValueTick[] = [];
  const add = (v: number) => {
    const l = Math.log10(v);
    if (l >= yLo - 1e-9 && l <= yHi + 1e-9) out.push({ value: v, at: (l - yLo) / (yHi - yLo), text: logLabel(v) });
  };
  const span = yHi - yLo;
  if (!(span > 0)) return out;
  if (span <= 2.5) {
    const mantissas = span * 3 <= maxTicks ? [1, 2, 5] : [1, 3];
    for (let e = Math.floor(yLo); e <= Math.ceil(yHi); e++) for (const m of mantissas) add(Number((m * 10 ** e).toPrecision(12)));
    if (out.length >= 2) return out;
    out.length = 0;
    const linear = valueTicks(10 ** yLo, 10 ** yHi, 3);
    for (const t of linear) if (t.value > 0) add(t.value);
    return out;
  }
  const every = Math.max(1, Math.ceil(span / Math.max(1, maxTicks - 1)));
  for (let e = Math.ceil(yLo); e <= Math.floor(yHi); e++) if (e % every === 0) add(Number((10 ** e).toPrecision(12)));
  return out;
}

/** A log axis label: "0.05", "2", "1e-5" (plain between 0.001 and 99999). */
export function logLabel(v: number): string {
  if (v >= 1e-3 && v < 1e5) return String(Number(v.toPrecision(6)));
  const [m, e] = v.toExponential().split('e');
  return `${Number(Number(m).toPrecision(6))}e${Number(e)}`;
}
