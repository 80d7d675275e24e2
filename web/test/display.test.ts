// Display reduction in the worker: V with the observed fraction of each cell, and block means
// of WH taken from block means of W and H (exact, not approximate).
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { gemm_nn } from '../../src/kernels-ts/products.js';
import { asDisplay, fitBlocks, MAX_CELLS } from '../shared/blocks.js';
import { displayData, displayFactors } from '../worker/display.js';

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
});
