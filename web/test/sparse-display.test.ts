// What the page is shown of a V held by its entries (web/worker/sparseDisplay.ts) against the
// same computation on its dense copy (NaN = unobserved): block means, observed fractions and
// block extremes, cell by cell; and the residual at the observed entries.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { denseToSparse, sparseToDense, type SparseData } from '../../src/core/sparse.js';
import { gemm_nn } from '../../src/kernels-ts/products.js';
import { blockAverage } from '../shared/blocks.js';
import { dataExtremes, displayData, productExtremes, rowsOfWH } from '../worker/display.js';
import { sparseDisplayData, sparseResidual, sparseSummary } from '../worker/sparseDisplay.js';
import { summarize } from '../../src/data/summary.js';

/** m×n with about `density` of the entries observed, values 1..5 (a dense copy, NaN = unobserved). */
function ratings(m: number, n: number, density: number, seed: number): SparseData {
  const rng = new Rng(seed, 0);
  const values = new Float64Array(m * n);
  for (let t = 0; t < m * n; t++) values[t] = rng.next() < density ? 1 + rng.int(5) : Number.NaN;
  return denseToSparse({ rows: m, cols: n, values, rowLabels: Array.from({ length: m }, (_, i) => `u${i}`) });
}

describe('sparseDisplayData', () => {
  it('gives the block means, observed fractions and extremes of the dense copy (blocks 3×2, the last ones partial)', () => {
    const s = ratings(451, 331, 0.3, 11);
    const dense = sparseToDense(s, Infinity)!;
    const got = sparseDisplayData(s);
    const want = displayData(dense.values, s.rows, s.cols);
    const wantExtremes = dataExtremes(dense.values, want.V)!;
    expect([got.V.rows, got.V.cols, got.V.blockRows, got.V.blockCols]).toEqual([151, 166, 3, 2]);
    expect([got.V.rows, got.V.cols, got.V.blockRows, got.V.blockCols]).toEqual([
      want.V.rows,
      want.V.cols,
      want.V.blockRows,
      want.V.blockCols,
    ]);
    let empty = 0;
    for (let c = 0; c < want.V.data.length; c++) {
      if (Number.isNaN(want.V.data[c])) {
        empty++;
        expect(got.V.data[c]).toBeNaN();
        expect(got.extremes.min[c]).toBeNaN();
      } else {
        expect(got.V.data[c]).toBeCloseTo(want.V.data[c], 13);
        expect(got.extremes.min[c]).toBe(wantExtremes.min[c]);
        expect(got.extremes.max[c]).toBe(wantExtremes.max[c]);
      }
      expect(got.observed[c]).toBeCloseTo(want.observed[c], 14);
    }
    // at 30% observed about 0.7⁶ ≈ 12% of the 3×2 cells are empty: both branches were checked
    expect(empty).toBeGreaterThan(100);
    expect(empty).toBeLessThan(want.V.data.length / 2);
  });

  it('a small V is shown as is: 1×1 blocks, each cell its entry or NaN', () => {
    const s = ratings(7, 5, 0.5, 3);
    const dense = sparseToDense(s, Infinity)!;
    const { V, observed } = sparseDisplayData(s);
    expect([V.rows, V.cols, V.blockRows, V.blockCols]).toEqual([7, 5, 1, 1]);
    expect(Array.from(V.data)).toEqual(Array.from(dense.values));
    expect(Array.from(observed)).toEqual(Array.from(dense.values, (x) => (Number.isNaN(x) ? 0 : 1)));
  });

  it('sparseSummary is the summary of the dense copy', () => {
    const s = ratings(60, 40, 0.1, 5);
    expect(sparseSummary(s)).toEqual(summarize(sparseToDense(s, Infinity)!));
  });
});

describe('sparseResidual', () => {
  it('gives the block means and extremes of V − WH over the observed entries, as the dense path computes them', () => {
    const [m, k, n] = [451, 4, 331];
    const s = ratings(m, n, 0.3, 12);
    const rng = new Rng(13, 0);
    const W = Float64Array.from({ length: m * k }, () => rng.next());
    const H = Float64Array.from({ length: k * n }, () => rng.next());
    const dense = sparseToDense(s, Infinity)!;
    const { V } = displayData(dense.values, m, n);
    const wh = new Float64Array(s.nnz);
    for (let i = 0; i < m; i++)
      for (let t = s.rowPtr[i]; t < s.rowPtr[i + 1]; t++) for (let a = 0; a < k; a++) wh[t] += W[i * k + a] * H[a * n + s.colIdx[t]];
    const got = sparseResidual(s, wh, V);
    const WH = new Float64Array(m * n);
    gemm_nn(W, H, WH, m, k, n);
    const src = { rows: m, cols: n, data: dense.values, sourceRows: m, sourceCols: n, blockRows: 1, blockCols: 1 };
    const means = blockAverage(src, V.blockRows, V.blockCols, { minus: WH }).matrix.data;
    const { R } = productExtremes(dense.values, rowsOfWH(W, H, k, n), V)!;
    let cells = 0;
    for (let c = 0; c < means.length; c++) {
      if (Number.isNaN(means[c])) {
        expect(got.means[c]).toBeNaN();
        expect(got.extremes.max[c]).toBeNaN();
        continue;
      }
      cells++;
      expect(got.means[c]).toBeCloseTo(means[c], 12);
      expect(got.extremes.min[c]).toBeCloseTo(R.min[c], 12);
      expect(got.extremes.max[c]).toBeCloseTo(R.max[c], 12);
    }
    expect(cells).toBeGreaterThan(means.length / 2);
  });
});
