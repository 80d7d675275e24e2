// Display reduction in the worker: V with the observed fraction of each cell, and block means
// of WH taken from block means of W and H (exact, not approximate).
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { gemm_nn } from '../../src/kernels-ts/products.js';
import { asDisplay, fitBlocks, MAX_CELLS } from '../shared/blocks.js';
import { dataExtremes, displayData, displayFactors, negativeCounts, productExtremes, rowsOfWH } from '../worker/display.js';

function random(len: number, seed: number): Float64Array {
  const r = new Rng(seed);
  return Float64Array.from({ length: len }, () => r.next());
}

describe('display', () => {
  it('small matrices are shown as they are', () => {
    const v = random(12, 1);
    const { V } = displayData(v, 3, 4);
    expect(V).toMatchObject({ rows: 3, cols: 4, sourceRows: 3, sourceCols: 4, blockRows: 1, blockCols: 1 });
    expect(Array.from(V.data)).toEqual(Array.from(v));
  });

  it('V of a big matrix has at most MAX_CELLS per side, and each cell its fraction of observed entries', () => {
    const [m, n] = [2 * MAX_CELLS + 1, 3];
    const values = random(m * n, 4);
    for (let j = 0; j < n; j++) values[j] = NaN; // row 1 missing: the first block of 3×1 entries keeps 2 of 3
    values[(m - 1) * n] = NaN; // one of the two entries of the last block (rows m−1 and m) in column 1
    const { V, observed } = displayData(values, m, n);
    expect(V).toMatchObject({ rows: 134, cols: 3, sourceRows: m, sourceCols: n, blockRows: 3, blockCols: 1 });
    expect(observed[0]).toBeCloseTo(2 / 3, 15);
    const last = (V.rows - 1) * V.cols;
    expect(observed[last]).toBe(0.5); // a partial block is counted over the entries it holds
    expect(V.data[last]).toBe(values[(m - 2) * n]);
    expect(observed.filter((x) => x === 1).length).toBe(V.rows * V.cols - 4);
  });

  it('block means of WH from block means of W and H equal block means of the full WH', () => {
    const [m, k, n] = [450, 3, 333];
    const W = random(m * k, 2);
    const H = random(k * n, 3);
    const d = displayFactors(W, H, m, k, n);
    const WH = new Float64Array(m * n);
    gemm_nn(W, H, WH, m, k, n);
    const full = fitBlocks(asDisplay({ rows: m, cols: n, data: WH })).matrix;
    expect([d.WH.rows, d.WH.cols, d.WH.blockRows, d.WH.blockCols]).toEqual([full.rows, full.cols, 3, 2]);
    let worst = 0;
    for (let t = 0; t < full.data.length; t++) worst = Math.max(worst, Math.abs(d.WH.data[t] - full.data[t]));
    expect(worst).toBeLessThan(1e-12);
    expect([d.W.rows, d.W.cols, d.H.rows, d.H.cols]).toEqual([150, 3, 3, 167]);
    expect(d.W).toMatchObject({ sourceRows: m, sourceCols: k, blockRows: 3, blockCols: 1 });
    expect(d.H).toMatchObject({ sourceRows: k, sourceCols: n, blockRows: 1, blockCols: 2 });
  });

  it('a rank above MAX_CELLS is averaged too, W and H naming their source', () => {
    const [m, k, n] = [10, MAX_CELLS + 50, 12];
    const d = displayFactors(random(m * k, 5), random(k * n, 6), m, k, n);
    expect(d.W).toMatchObject({ rows: 10, cols: 125, sourceRows: 10, sourceCols: k, blockRows: 1, blockCols: 2 });
    expect(d.H).toMatchObject({ rows: 125, cols: 12, sourceRows: k, sourceCols: 12, blockRows: 2, blockCols: 1 });
  });

  it("block extremes of V, WH and V − WH hold each block's smallest and largest entry (signed residuals do not cancel)", () => {
    const [m, k, n] = [401, 2, 3];
    const W = random(m * k, 5);
    const H = random(k * n, 6);
    const values = new Float64Array(m * n);
    gemm_nn(W, H, values, m, k, n);
    values[0] += 0.5; // one entry of block (0, 0) above WH, one below
    values[1] -= 0.25;
    values[4] = NaN; // missing
    const { V } = displayData(values, m, n);
    const d = displayFactors(W, H, m, k, n);
    const ex = productExtremes(values, rowsOfWH(W, H, k, n), d.WH)!;
    const vx = dataExtremes(values, V)!;
    expect(V.blockRows).toBe(3);
    // block (0, 0): rows 1–3, column 1
    const col0 = [0, 3, 6].map((t) => values[t]);
    expect(vx.min[0]).toBe(Math.min(...col0));
    expect(vx.max[0]).toBe(Math.max(...col0));
    expect(ex.R.max[0]).toBeCloseTo(0.5, 12);
    expect(ex.R.min[1]).toBeCloseTo(-0.25, 12);
    expect(Math.abs(ex.R.min[0])).toBeLessThan(1e-12);
    const full = new Float64Array(m * n);
    gemm_nn(W, H, full, m, k, n);
    expect(ex.WH.max[V.cols + 2]).toBeCloseTo(Math.max(full[3 * n + 2], full[4 * n + 2], full[5 * n + 2]), 12);
    expect(dataExtremes(values.subarray(0, 12), { rows: 4, cols: 3, sourceRows: 4, sourceCols: 3, blockRows: 1, blockCols: 1 })).toBeNull();
  });

  it('counts the negative entries of the full W and H', () => {
    expect(negativeCounts(Float64Array.from([1, -0.0885, -1]), Float64Array.from([0, 2]))).toEqual({ W: 2, H: 0 });
  });
});
