// What the strip plot of a run's restarts shows: one dot per finished restart at its final relative
// error on a shared axis, the best marked, dots that would overlap stacked in rows. Pure (no DOM).
import { type ValueTick, valueTicks } from '../axes.js';
import type { RestartsProgress } from '../../shared/protocol.js';

/** Dots closer than this (a fraction of the axis) go to different rows. */
const MIN_GAP = 0.04;
/** Rows of dots at most; past this they share the last row. */
export const MAX_ROWS = 4;

/** One restart's dot. */
export interface StripPoint {
  readonly restart: number;
  readonly seed: number;
  readonly relError: number;
  /** Position along the axis, 0..1 (a diverged restart, with no finite error, sits at 1). */
  readonly at: number;
  /** Row of the dot, 0 = the axis line's own. */
  readonly row: number;
  readonly best: boolean;
  readonly diverged: boolean;
  /** "seed 6: 0.02345 (best)" */
  readonly label: string;
}

export interface StripData {
  readonly points: readonly StripPoint[];
  readonly ticks: readonly ValueTick[];
  /** The axis range. */
  readonly lo: number;
  readonly hi: number;
  readonly rows: number;
  /** The text alternative: range of the final errors and the best. */
  readonly summary: string;
}

/** The strip of the finished restarts of `r`, or null before one has finished. */
export function stripData(r: RestartsProgress, maxTicks = 4): StripData | null {
  const f = r.finished;
  if (f.length === 0) return null;
  const finite = f.map((x) => x.relError).filter(Number.isFinite);
  let lo = finite.length ? Math.min(...finite) : 0;
  let hi = finite.length ? Math.max(...finite) : 1;
  const pad = hi > lo ? 0.06 * (hi - lo) : Math.max(Math.abs(lo) * 0.01, 1e-12);
  lo = Math.max(0, lo - pad);
  hi += pad;
  const taken: number[][] = [];
  const points = f.map((x, i): StripPoint => {
    const diverged = x.stopReason === 'diverged' || !Number.isFinite(x.relError);
    const at = diverged ? 1 : (x.relError - lo) / (hi - lo);
    let row = 0;
    while (row < MAX_ROWS - 1 && (taken[row] ?? []).some((a) => Math.abs(a - at) < MIN_GAP)) row++;
    (taken[row] ??= []).push(at);
    const best = i === r.best;
    const value = diverged ? 'diverged' : x.relError.toPrecision(4);
    return {
      restart: i,
      seed: x.seed,
      relError: x.relError,
      at,
      row,
      best,
      diverged,
      label: `seed ${x.seed}: ${value}${best ? ' (best)' : ''}`,
    };
  });
  const b = r.best >= 0 ? f[r.best] : null;
  const range = finite.length ? `${Math.min(...finite).toPrecision(4)} to ${Math.max(...finite).toPrecision(4)}` : 'none finite';
  const diverged = points.filter((p) => p.diverged).length;
  const summary =
    `Final relative error of ${f.length} of ${r.total} restarts: ${range}` +
    (diverged ? `, ${diverged} diverged` : '') +
    (b ? `; best ${b.relError.toPrecision(4)} (seed ${b.seed}).` : '.');
  return { points, ticks: valueTicks(lo, hi, maxTicks), lo, hi, rows: taken.length, summary };
}
