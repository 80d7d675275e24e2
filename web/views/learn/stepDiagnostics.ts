// What one Step changed, from the factors shown before and after it: which rows of H moved most,
// how far W and H moved, and the error before and after. Pure (no DOM): the Learn panel and the
// Node tests use it. Works on the display matrices of two snapshots (exact when not block-averaged).
import { type DisplayMatrix, isAveraged } from '../../shared/blocks.js';

/** How far one row of H moved: ‖H_new[a,:] − H_old[a,:]‖₂ and that relative to ‖H_old[a,:]‖₂. */
export interface RowMove {
  /** 0-based row of H (component a). */
  readonly row: number;
  readonly change: number;
  /** change / ‖old row‖ (Infinity when the old row was zero and it moved). */
  readonly relative: number;
}

/** The changes of one iteration. */
export interface StepChange {
  readonly iteration: number;
  /** Rows of H, the largest change first (ties: lower row first). */
  readonly rows: readonly RowMove[];
  /** ‖ΔH‖_F and ‖ΔW‖_F: the step taken by each factor. */
  readonly stepH: number;
  readonly stepW: number;
  /** Whether a factor was block-averaged for display (then the changes are those of the block means). */
  readonly averaged: boolean;
}

/** Factors of one snapshot: W (m×k) and H (k×n) as displayed, at `iteration`. */
export interface ShownFactors {
  readonly iteration: number;
  readonly W: DisplayMatrix;
  readonly H: DisplayMatrix;
}

/** The change from `before` to `after` (consecutive iterations of one run), or null when they cannot be compared. */
export function stepChange(before: ShownFactors, after: ShownFactors): StepChange | null {
  if (after.iteration !== before.iteration + 1) return null;
  const same = (a: DisplayMatrix, b: DisplayMatrix) => a.rows === b.rows && a.cols === b.cols;
  if (!same(before.H, after.H) || !same(before.W, after.W)) return null;
  const { rows: k, cols: n } = after.H;
  const rows: RowMove[] = [];
  let stepH = 0;
  for (let a = 0; a < k; a++) {
    let d2 = 0;
    let o2 = 0;
    for (let j = 0; j < n; j++) {
      const old = before.H.data[a * n + j];
      const d = after.H.data[a * n + j] - old;
      d2 += d * d;
      o2 += old * old;
    }
    stepH += d2;
    const change = Math.sqrt(d2);
    rows.push({ row: a, change, relative: o2 > 0 ? change / Math.sqrt(o2) : change > 0 ? Infinity : 0 });
  }
  rows.sort((x, y) => y.change - x.change || x.row - y.row);
  let stepW = 0;
  for (let i = 0; i < after.W.data.length; i++) {
    const d = after.W.data[i] - before.W.data[i];
    stepW += d * d;
  }
  return {
    iteration: after.iteration,
    rows,
    stepH: Math.sqrt(stepH),
    stepW: Math.sqrt(stepW),
    averaged: isAveraged(after.H) || isAveraged(after.W),
  };
}
