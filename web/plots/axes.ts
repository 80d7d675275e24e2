// Axis ticks and hover names of heatmap rows and columns, in 1-based source coordinates, where they
// sit along a side of the drawn grid, and the ticks of a colour bar. Pure (no DOM).
import { blockSpan } from '../shared/blocks.js';

/** Explicit ticks of one axis: positions (1-based source indices) and their texts. */
export interface Ticks {
  tickvals: number[];
  ticktext: string[];
}

const STEPS = [1, 2, 5];

/** The smallest step in 1, 2, 5, 10, 20, 50, … that puts at most maxTicks ticks on 1..n. */
export function tickStep(n: number, maxTicks: number): number {
  const limit = Math.max(1, Math.floor(maxTicks));
  for (let scale = 1; ; scale *= 10) {
    for (const s of STEPS) {
      const step = s * scale;
      if (Math.ceil(n / step) <= limit) return step;
    }
  }
}

/**
 * At most maxTicks ticks on a side of n entries: every index when they fit, else 1 and the multiples
 * of a round step (1, 3, 5, … for a step of 2). Texts are labels[i-1] as given (not escaped), else the index.
 */
export function indexTicks(n: number, maxTicks: number, labels?: readonly string[]): Ticks {
  const step = tickStep(n, maxTicks);
  const tickvals: number[] = [];
  if (step <= 2) for (let i = 1; i <= n; i += step) tickvals.push(i);
  else {
    tickvals.push(1);
    for (let i = step; i <= n; i += step) tickvals.push(i);
  }
  const ticktext = tickvals.map((i) => (labels && labels[i - 1] !== undefined ? labels[i - 1] : String(i)));
  return { tickvals, ticktext };
}

/**
 * How hover names display cell b of a side of n source entries grouped by `factor`:
 * "row 3" or "row 3 (Alice)" for single entries, "rows 11–20" (with "Alice … Jo" when labelled) for blocks.
 * Labels are used as given (not escaped).
 */
export function spanName(noun: string, b: number, factor: number, n: number, labels?: readonly string[]): string {
  const [first, last] = blockSpan(b, factor, n);
  const at = (i: number) => (labels && labels[i - 1] !== undefined ? labels[i - 1] : undefined);
  if (first === last) {
    const l = at(first);
    return l === undefined ? `${noun} ${first}` : `${noun} ${first} (${l})`;
  }
  const a = at(first);
  const z = at(last);
  return a === undefined || z === undefined ? `${noun}s ${first}–${last}` : `${noun}s ${first}–${last} (${a} … ${z})`;
}

/**
 * Where the centre of source entry i (1-based) of a side of n entries sits along a grid drawn with
 * ⌈n/factor⌉ equal cells, as a fraction 0..1 of the side: the middle of its cell, shifted within the
 * cell by its place in the block (a clipped last block spans its whole cell).
 */
export function sourcePosition(i: number, factor: number, n: number): number {
  const cells = Math.ceil(n / factor);
  const b = Math.floor((i - 1) / factor);
  const size = Math.min(factor, n - b * factor);
  return (b + (i - 0.5 - b * factor) / size) / cells;
}

/** The cell (0-based) of a side of `count` equal cells under a point at fraction f (0..1) of it, clamped to the ends. */
export function cellAt(f: number, count: number): number {
  return Math.min(count - 1, Math.max(0, Math.floor(f * count)));
}

/** A tick of a value axis: its value, where it sits (fraction 0..1 from lo to hi) and its text. */
export interface ValueTick {
  value: number;
  at: number;
  text: string;
}

/**
 * At most maxTicks round values (multiples of 1, 2 or 5 × 10^e) from lo to hi, with texts of as many
 * decimals as the step needs; [] when the range is empty or not finite.
 */
export function valueTicks(lo: number, hi: number, maxTicks: number): ValueTick[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  const limit = Math.max(2, Math.floor(maxTicks));
  const raw = (hi - lo) / (limit - 1);
  const e = Math.floor(Math.log10(raw));
  let step = 0;
  for (const s of [1, 2, 5, 10]) {
    step = s * 10 ** e;
    if (Math.floor(hi / step + 1e-9) - Math.ceil(lo / step - 1e-9) + 1 <= limit) break;
  }
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const useExp = Math.max(Math.abs(lo), Math.abs(hi)) >= 1e6 || step < 1e-4;
  const ticks: ValueTick[] = [];
  for (let q = Math.ceil(lo / step - 1e-9); q * step <= hi + step * 1e-9; q++) {
    const value = Number((q * step).toPrecision(12));
    const text = value === 0 ? '0' : useExp ? value.toExponential(1).replace('e+', 'e') : value.toFixed(decimals);
    ticks.push({ value, at: (value - lo) / (hi - lo), text });
  }
  return ticks;
}
