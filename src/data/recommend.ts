// Ratings → recommendations: after V (users × items, NaN = not rated) ≈ WH, the items a user
// has not rated that WH predicts highest.
import type { Dense } from '../core/matrix.js';
import type { DataMatrix } from '../core/problem.js';
import type { SparseData } from '../core/sparse.js';
import { InputError } from './errors.js';

/** One recommended column: its index and label, WH's value, and that value clipped for display. */
export interface Prediction {
  readonly column: number;
  readonly label: string;
  /** (WH)[row, column] as fitted. */
  readonly predicted: number;
  /** `predicted` clipped to the range of V's observed entries (what a rating can be). */
  readonly shown: number;
  /** True when `shown` differs from `predicted` (the display says so). */
  readonly clipped: boolean;
}

/** The top predictions of one row, and why there are none when there are none. */
export interface TopPredictions {
  readonly row: number;
  readonly rowLabel: string;
  /** Highest `predicted` first; equal values in column order. */
  readonly items: readonly Prediction[];
  /** How many columns the row has not rated. */
  readonly unrated: number;
  /** Smallest and largest observed entry of V: the range `shown` is clipped to. */
  readonly range: { readonly min: number; readonly max: number };
  /** Null when there are items, else a sentence for the user ("user 3 has rated every column: nothing to predict"). */
  readonly message: string | null;
}

/**
 * For V (m×n, NaN = missing), W (m×k) and H (k×n): the `count` columns that `row` (0-based)
 * has not rated with the highest (WH)[row, j], labelled by V's colLabels ("column j+1" without).
 * Throws InputError for a row out of range or a count that is not an integer ≥ 1, Error for
 * factors whose shapes do not match V.
 */
export function topPredictions(V: DataMatrix, W: Dense, H: Dense, row: number, count: number): TopPredictions {
  const { rows: m, cols: n, values } = V;
  checkRequest(m, n, W, H, row, count);
  const unrated: number[] = [];
  for (let j = 0; j < n; j++) if (Number.isNaN(values[row * n + j])) unrated.push(j);
  return ranked(unrated, W, H, row, count, observedRange(values), V.rowLabels, V.colLabels);
}

/** topPredictions for a V held by its entries (SparseData, no m×n array): the row's unrated columns from its compressed row. */
export function topPredictionsSparse(V: SparseData, W: Dense, H: Dense, row: number, count: number): TopPredictions {
  const { rows: m, cols: n, rowPtr, colIdx } = V;
  checkRequest(m, n, W, H, row, count);
  const rated = new Uint8Array(n);
  for (let t = rowPtr[row]; t < rowPtr[row + 1]; t++) rated[colIdx[t]] = 1;
  const unrated: number[] = [];
  for (let j = 0; j < n; j++) if (!rated[j]) unrated.push(j);
  return ranked(unrated, W, H, row, count, sparseRange(V), V.rowLabels, V.colLabels);
}

const sparseRanges = new WeakMap<SparseData, { readonly min: number; readonly max: number }>();

/** Smallest and largest observed entry of a sparse V (both 0 when it has none), computed once per V (O(nnz)). */
export function sparseRange(V: SparseData): { readonly min: number; readonly max: number } {
  let r = sparseRanges.get(V);
  if (!r) {
    let min = Infinity;
    let max = -Infinity;
    const { values } = V;
    for (let t = 0; t < values.length; t++) {
      const x = values[t];
      if (x < min) min = x;
      if (x > max) max = x;
    }
    r = min <= max ? { min, max } : { min: 0, max: 0 };
    sparseRanges.set(V, r);
  }
  return r;
}

function checkRequest(m: number, n: number, W: Dense, H: Dense, row: number, count: number): void {
  const k = W.cols;
  if (W.rows !== m || H.cols !== n || H.rows !== k) {
    throw new Error(`topPredictions: W ${W.rows}×${W.cols} and H ${H.rows}×${H.cols} do not fit V ${m}×${n}`);
  }
  if (!Number.isInteger(row) || row < 0 || row >= m) {
    throw new InputError(`row ${row + 1} is out of range: V has rows 1 to ${m}`, { parameter: 'row' });
  }
  if (!Number.isInteger(count) || count < 1) throw new InputError(`count ${count} must be an integer ≥ 1`, { parameter: 'count' });
}

/** The `count` of `unrated` (columns of `row`) with the highest (WH)[row, j], clipped to `range` for display. */
function ranked(
  unrated: number[],
  W: Dense,
  H: Dense,
  row: number,
  count: number,
  range: { min: number; max: number },
  rowLabels: readonly string[] | undefined,
  colLabels: readonly string[] | undefined,
): TopPredictions {
  const k = W.cols;
  const n = H.cols;
  const rowLabel = rowLabels?.[row] ?? `row ${row + 1}`;
  const predicted = new Float64Array(n);
  for (const j of unrated) {
    let s = 0;
    for (let a = 0; a < k; a++) s += W.data[row * k + a] * H.data[a * n + j];
    predicted[j] = s;
  }
  unrated.sort((i, j) => predicted[j] - predicted[i] || i - j);
  const items = unrated.slice(0, count).map((j): Prediction => {
    const p = predicted[j];
    const shown = Math.min(range.max, Math.max(range.min, p));
    return { column: j, label: colLabels?.[j] ?? `column ${j + 1}`, predicted: p, shown, clipped: shown !== p };
  });
  const message = items.length ? null : `${rowLabel} has rated every column: nothing to predict`;
  return { row, rowLabel, items, unrated: unrated.length, range, message };
}

/** Smallest and largest non-NaN entry of `values` (both 0 when there is none). */
export function observedRange(values: Float64Array): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const x of values) {
    if (Number.isNaN(x)) continue;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return min <= max ? { min, max } : { min: 0, max: 0 };
}

/**
 * Smallest and largest prediction, WH over the missing entries of V (m×n, NaN = missing), for
 * W (m×k) and H (k×n); null when nothing is missing.
 */
export function predictedRange(values: Float64Array, W: Dense, H: Dense): { min: number; max: number } | null {
  const n = H.cols;
  const k = W.cols;
  let min = Infinity;
  let max = -Infinity;
  for (let t = 0; t < values.length; t++) {
    if (!Number.isNaN(values[t])) continue;
    const i = Math.floor(t / n);
    const j = t % n;
    let wh = 0;
    for (let a = 0; a < k; a++) wh += W.data[i * k + a] * H.data[a * n + j];
    if (wh < min) min = wh;
    if (wh > max) max = wh;
  }
  return min <= max ? { min, max } : null;
}
