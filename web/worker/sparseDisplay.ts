// What the page is shown of a V held by its observed entries only (src/core/sparse.ts): block
// means, observed fractions and extremes of the display cells, summed from the entries in
// O(nnz), never an m×n array. The cells are laid out as displayData lays out a dense V.
import { sparseRange } from '../../src/data/recommend.js';
import type { Summary } from '../../src/data/summary.js';
import type { SparseData } from '../../src/core/sparse.js';
import { blockFactor, type BlockExtremes, type DisplayLayout, type DisplayMatrix } from '../shared/blocks.js';
import type { SparseResidual } from '../shared/protocol.js';

/**
 * Per display cell of `layout` (over s's m×n), the mean, count, smallest and largest of `x`, one
 * value per entry of s in its row order (NaN means and extremes where a cell has no entry): O(nnz).
 */
function cellStats(s: SparseData, layout: DisplayLayout, x: ArrayLike<number>) {
  const { rows: m, rowPtr, colIdx } = s;
  const { rows: R, cols: C, blockRows: br, blockCols: bc } = layout;
  const means = new Float64Array(R * C);
  const count = new Float64Array(R * C);
  const min = new Float64Array(R * C).fill(Infinity);
  const max = new Float64Array(R * C).fill(-Infinity);
  for (let i = 0; i < m; i++) {
    const base = ((i / br) | 0) * C;
    for (let t = rowPtr[i]; t < rowPtr[i + 1]; t++) {
      const c = base + ((colIdx[t] / bc) | 0);
      const v = x[t];
      means[c] += v;
      count[c]++;
      if (v < min[c]) min[c] = v;
      if (v > max[c]) max[c] = v;
    }
  }
  for (let c = 0; c < means.length; c++) {
    if (count[c] === 0) means[c] = min[c] = max[c] = Number.NaN;
    else means[c] /= count[c];
  }
  return { means, count, extremes: { min, max } };
}

/** V (m×n, its entries) for display: each cell the mean of its observed entries (NaN where none), with the fraction observed and each cell's extremes. */
export function sparseDisplayData(s: SparseData): { V: DisplayMatrix; observed: Float64Array; extremes: BlockExtremes } {
  const { rows: m, cols: n } = s;
  const br = blockFactor(m);
  const bc = blockFactor(n);
  const layout: DisplayLayout = {
    rows: Math.ceil(m / br),
    cols: Math.ceil(n / bc),
    sourceRows: m,
    sourceCols: n,
    blockRows: br,
    blockCols: bc,
  };
  const { means, count, extremes } = cellStats(s, layout, s.values);
  const { rows: R, cols: C } = layout;
  const observed = new Float64Array(R * C);
  for (let I = 0; I < R; I++) {
    const h = Math.min(br, m - I * br);
    for (let J = 0; J < C; J++) observed[I * C + J] = count[I * C + J] / (h * Math.min(bc, n - J * bc));
  }
  return { V: { ...layout, data: means }, observed, extremes };
}

/** The Summary of a sparse V: its size, observed entries and their range. */
export function sparseSummary(s: SparseData): Summary {
  const { min, max } = sparseRange(s);
  return { rows: s.rows, cols: s.cols, observed: s.nnz, missing: s.rows * s.cols - s.nnz, min, max };
}

/**
 * V − WH at the observed entries of `s` (m×n), given WH at those entries (`wh`, nnz values in
 * s's row order, overwritten with the residual), by the cells of `layout` (V's display layout):
 * O(nnz), nothing m×n.
 */
export function sparseResidual(s: SparseData, wh: Float64Array, layout: DisplayLayout): SparseResidual {
  const { values } = s;
  for (let t = 0; t < wh.length; t++) wh[t] = values[t] - wh[t];
  const { means, extremes } = cellStats(s, layout, wh);
  return { means, extremes };
}
