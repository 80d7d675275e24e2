// Display reduction in the worker: block means (partial blocks, missing entries) and block
// means of WH taken from block means of W and H (exact, not approximate).
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { blockMeans, blockSize, displayData, displayFactors, MAX_CELLS, multiply } from '../worker/display.js';

function random(len: number, seed: number): Float64Array {
  const r = new Rng(seed);
  return Float64Array.from({ length: len }, () => r.next());
}

describe('display', () => {
  it('blockSize keeps at most MAX_CELLS blocks per side', () => {
    expect(blockSize(200)).toBe(1);
    expect(blockSize(201)).toBe(2);
    expect(blockSize(2000)).toBe(10);
    expect(Math.ceil(1999 / blockSize(1999))).toBeLessThanOrEqual(MAX_CELLS);
  });

  it('blockMeans averages partial blocks over their own entries and skips NaN', () => {
    // 3×3 in 2×2 blocks: [[1,2,|3],[4,5,|6],[--,--]] with one NaN.
    const src = [1, 2, 3, 4, NaN, 6, 7, 8, 9];
    const { mat, observed } = blockMeans(src, 3, 3, 2, 2);
    expect(mat).toMatchObject({ rows: 2, cols: 2, sourceRows: 3, sourceCols: 3, blockRows: 2, blockCols: 2 });
    expect(Array.from(mat.data)).toEqual([(1 + 2 + 4) / 3, (3 + 6) / 2, (7 + 8) / 2, 9]);
    expect(Array.from(observed)).toEqual([0.75, 1, 1, 1]);
  });

  it('a block with no observed entry is NaN', () => {
    const { mat, observed } = blockMeans([NaN, NaN, 1, 2], 2, 2, 1, 2);
    expect(mat.data[0]).toBeNaN();
    expect(observed[0]).toBe(0);
    expect(mat.data[1]).toBe(1.5);
  });

  it('small matrices are shown as they are', () => {
    const v = random(12, 1);
    const { V } = displayData(v, 3, 4);
    expect(Array.from(V.data)).toEqual(Array.from(v));
  });

  it('block means of WH from block means of W and H equal block means of the full WH', () => {
    const [m, k, n] = [450, 3, 333];
    const W = random(m * k, 2);
    const H = random(k * n, 3);
    const d = displayFactors(W, H, m, k, n);
    const full = blockMeans(multiply(W, H, m, k, n), m, n, blockSize(m), blockSize(n)).mat;
    expect([d.WH.rows, d.WH.cols, d.WH.blockRows, d.WH.blockCols]).toEqual([full.rows, full.cols, 3, 2]);
    let worst = 0;
    for (let t = 0; t < full.data.length; t++) worst = Math.max(worst, Math.abs(d.WH.data[t] - full.data[t]));
    expect(worst).toBeLessThan(1e-12);
    expect([d.W.rows, d.W.cols, d.H.rows, d.H.cols]).toEqual([150, 3, 3, 167]);
  });
});
