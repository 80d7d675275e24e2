// The loss plot's numbers, without drawing: its series and their points (iteration 0 = the initial
// error), the axis ranges (x linear from 0, y log), the ticks of both axes, the line of a series
// thinned to what a pixel column can show, and what hovering an iteration reads. Pure (no DOM).
import { valueTicks, type ValueTick } from './axes.js';

/** A loss series as the plot receives it: relative error at iteration 0 (optional), then after iterations 1, 2, …. */
export interface LossSeries {
  readonly name: string;
  /** Relative error of the initial W, H (drawn at iteration 0, so a run shows from its first frame). */
  readonly initial?: number | null;
  readonly relError: readonly number[];
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
 * decades (at least 0.05 decade), 0.1 to 1 when there is nothing to show.
 */
export function lossAxes(series: readonly LossSeries[]): LossAxes {
  let last = 0;
  for (const s of series) last = Math.max(last, s.relError.length);
  const [lo, hi] = positiveRange(series);
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

/** Ticks of the iteration axis: whole round numbers from 0 to xMax (`at` = fraction of the axis). */
export function iterationTicks(xMax: number, maxTicks: number): ValueTick[] {
  return valueTicks(0, xMax, maxTicks).filter((t) => Number.isInteger(t.value));
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

/**
 * The line of a series in pixels, thinned for drawing: for each pixel column the first and last
 * point and the lowest and highest ones, in order (so a curve of 100 000 iterations costs a few
 * points per pixel, and looks the same). `x(it)` and `y(v)` map to pixels; a value the log axis
 * cannot show breaks the line (a null in the result).
 */
export function linePoints(s: LossSeries, x: (it: number) => number, y: (v: number) => number): ([number, number] | null)[] {
  const out: ([number, number] | null)[] = [];
  let col = NaN;
  let bucket: [number, number][] = [];
  const flush = () => {
    if (!bucket.length) return;
    if (bucket.length <= 4) out.push(...bucket);
    else {
      let lo = bucket[0];
      let hi = bucket[0];
      for (const p of bucket) {
        if (p[1] < lo[1]) lo = p;
        if (p[1] > hi[1]) hi = p;
      }
      const mid = lo[0] <= hi[0] ? [lo, hi] : [hi, lo];
      out.push(bucket[0], ...mid, bucket[bucket.length - 1]);
    }
    bucket = [];
  };
  for (let it = firstIteration(s); it <= s.relError.length; it++) {
    const v = valueAt(s, it);
    if (!plottable(v)) {
      flush();
      if (out.length && out[out.length - 1] !== null) out.push(null);
      col = NaN;
      continue;
    }
    const px = x(it);
    const c = Math.floor(px);
    if (c !== col) {
      flush();
      col = c;
    }
    bucket.push([px, y(v)]);
  }
  flush();
  return out;
}

/** The iteration nearest to fraction f (0..1) of an x axis from 0 to xMax, clamped to 0..last. */
export function iterationAt(f: number, xMax: number, last: number): number {
  return Math.min(last, Math.max(0, Math.round(f * xMax)));
}
