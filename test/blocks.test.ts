// Block averaging for display (web/shared/blocks.ts): sums and counts preserved, masks honoured,
// odd sizes handled, the factor reported; checked against a direct per-block reference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../src/core/rng.js';
import {
  asDisplay,
  blockAverage,
  blockFactor,
  blockSpan,
  fitBlocks,
  fitLayout,
  isAveraged,
  type BlockInputs,
  type DisplayMatrix,
} from '../web/shared/blocks.js';

/** A test matrix: rows×cols values shown as is, with an optional mask. */
interface Source {
  rows: number;
  cols: number;
  data: Float64Array;
  mask?: Float64Array | null;
}

/** Block means of `src` in at most maxRows×maxCols cells, as the heatmap asks for them. */
function average(
  src: { rows: number; cols: number; data: ArrayLike<number>; mask?: ArrayLike<number> | null; minus?: ArrayLike<number> | null },
  maxRows = 200,
  maxCols = 200,
  reuse?: BlockInputs['reuse'],
) {
  const matrix = asDisplay({ rows: src.rows, cols: src.cols, data: Float64Array.from(src.data) });
  return fitBlocks(matrix, maxRows, maxCols, { mask: src.mask, minus: src.minus, reuse });
}

/** Block means computed block by block (the slow, obvious way). */
function reference(src: { rows: number; cols: number; data: ArrayLike<number>; mask?: ArrayLike<number> | null }, fr: number, fc: number) {
  const rows = Math.ceil(src.rows / fr);
  const cols = Math.ceil(src.cols / fc);
  const means: number[] = [];
  const counts: number[] = [];
  for (let a = 0; a < rows; a++)
    for (let b = 0; b < cols; b++) {
      let s = 0;
      let c = 0;
      for (let i = a * fr; i < Math.min((a + 1) * fr, src.rows); i++)
        for (let j = b * fc; j < Math.min((b + 1) * fc, src.cols); j++) {
          const t = i * src.cols + j;
          const x = src.data[t];
          if (Number.isNaN(x) || (src.mask && src.mask[t] === 0)) continue;
          s += x;
          c++;
        }
      means.push(c ? s / c : NaN);
      counts.push(c);
    }
  return { rows, cols, means, counts };
}

function randomMatrix(seed: number, rows: number, cols: number, missing = 0): Source {
  const rng = new Rng(seed);
  const data = new Float64Array(rows * cols);
  for (let t = 0; t < data.length; t++) data[t] = rng.next() * 10;
  let mask: Float64Array | null = null;
  if (missing > 0) {
    mask = new Float64Array(rows * cols);
    for (let t = 0; t < mask.length; t++) mask[t] = rng.next() < missing ? 0 : 1;
  }
  return { rows, cols, data, mask };
}

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0);

describe('blockFactor', () => {
  it('is the smallest whole factor that leaves at most `limit` blocks', () => {
    expect(blockFactor(2000, 200)).toBe(10);
    expect(blockFactor(1000, 200)).toBe(5);
    expect(blockFactor(200, 200)).toBe(1);
    expect(blockFactor(201, 200)).toBe(2);
    expect(blockFactor(5, 200)).toBe(1);
    expect(blockFactor(0, 200)).toBe(1);
  });

  it('rejects a limit below 1', () => {
    expect(() => blockFactor(10, 0)).toThrow('blockFactor: limit 0 must be at least 1');
  });
});

describe('blockAverage', () => {
  it('reports the factor and grid of a 2000×1000 matrix shown in at most 200×200 cells', () => {
    const g = average(randomMatrix(1, 2000, 1000));
    expect([g.matrix.blockRows, g.matrix.blockCols, g.matrix.rows, g.matrix.cols]).toEqual([10, 5, 200, 200]);
    expect(isAveraged(g.matrix)).toBe(true);
    expect(g.matrix.data.length).toBe(200 * 200);
    expect(g.counts.every((c) => c === 50)).toBe(true);
  });

  it('shows a matrix that fits as it is (factor 1, means equal to the entries)', () => {
    const src = randomMatrix(2, 5, 6);
    const g = average(src);
    expect([g.matrix.blockRows, g.matrix.blockCols, g.matrix.rows, g.matrix.cols]).toEqual([1, 1, 5, 6]);
    expect(isAveraged(g.matrix)).toBe(false);
    expect(Array.from(g.matrix.data)).toEqual(Array.from(src.data));
  });

  it('averages the partial last blocks of odd sizes over the entries they hold', () => {
    // 7×5 in at most 3×2 cells: factors 3 and 3, grid 3×2; last row block holds row 7 only, last column block columns 4–5.
    const data = Array.from({ length: 35 }, (_, t) => t); // entry (i, j) = 5i + j
    const g = average({ rows: 7, cols: 5, data }, 3, 2);
    expect([g.matrix.blockRows, g.matrix.blockCols, g.matrix.rows, g.matrix.cols]).toEqual([3, 3, 3, 2]);
    expect(Array.from(g.counts)).toEqual([9, 6, 9, 6, 3, 2]);
    // rows 1–3 × cols 1–3: mean of 5i+j for i 0..2, j 0..2 = 5·1 + 1 = 6
    expect(g.matrix.data[0]).toBe(6);
    // row 7 × cols 4–5: (33 + 34) / 2
    expect(g.matrix.data[5]).toBe(33.5);
    expect(Array.from(g.matrix.data)).toEqual(reference({ rows: 7, cols: 5, data }, 3, 3).means);
  });

  it('preserves the sum and the number of observed entries', () => {
    const src = randomMatrix(3, 333, 517, 0.2);
    const g = average(src, 40, 60);
    let total = 0;
    let observed = 0;
    for (let t = 0; t < src.data.length; t++)
      if (src.mask![t] === 1) {
        total += src.data[t];
        observed++;
      }
    let back = 0;
    for (let c = 0; c < g.matrix.data.length; c++) if (g.counts[c] > 0) back += g.matrix.data[c] * g.counts[c];
    expect(back).toBeCloseTo(total, 6);
    expect(sum(g.counts)).toBe(observed);
    expect(g.missing).toBe(src.data.length - observed);
  });

  it('leaves masked entries out of the means, whatever their value', () => {
    const src = randomMatrix(4, 50, 40, 0.3);
    const before = average(src, 10, 10);
    const poisoned = src.data.slice();
    for (let t = 0; t < poisoned.length; t++) if (src.mask![t] === 0) poisoned[t] = 1e12;
    const after = average({ ...src, data: poisoned }, 10, 10);
    expect(Array.from(after.matrix.data)).toEqual(Array.from(before.matrix.data));
    expect(after.max).toBe(before.max);
  });

  it('treats NaN in the data as missing, like a mask of 0', () => {
    const src = randomMatrix(5, 20, 30, 0.25);
    const withNaN = src.data.map((x, t) => (src.mask![t] === 0 ? NaN : x));
    const a = average(src, 7, 7);
    const b = average({ rows: 20, cols: 30, data: withNaN }, 7, 7);
    expect(Array.from(b.matrix.data)).toEqual(Array.from(a.matrix.data));
    expect(b.missing).toBe(a.missing);
  });

  it('gives NaN for a block with no observed entry, and counts 0', () => {
    const mask = new Float64Array(16).fill(1);
    for (const t of [0, 1, 4, 5]) mask[t] = 0; // the top-left 2×2 block
    const g = average({ rows: 4, cols: 4, data: new Float64Array(16).fill(2), mask }, 2, 2);
    expect(Number.isNaN(g.matrix.data[0])).toBe(true);
    expect(g.counts[0]).toBe(0);
    expect(Array.from(g.matrix.data.slice(1))).toEqual([2, 2, 2]);
    expect(g.missing).toBe(4);
  });

  it('reports the range of the observed source entries, NaN when none is observed', () => {
    const g = average({ rows: 2, cols: 3, data: [0.5, -1, 7, 3, NaN, 2], mask: [1, 0, 1, 1, 1, 1] });
    expect([g.min, g.max, g.missing]).toEqual([0.5, 7, 2]);
    const empty = average({ rows: 1, cols: 2, data: [1, 2], mask: [0, 0] });
    expect(Number.isNaN(empty.min) && Number.isNaN(empty.max)).toBe(true);
  });

  it('reuses the buffers it is given and computes the same grid as a fresh call', () => {
    const a = randomMatrix(6, 120, 90);
    const b = randomMatrix(7, 120, 90, 0.1);
    const first = average(a, 25, 25);
    const means = first.matrix.data;
    const again = average(b, 25, 25, first);
    expect(again.counts).toBe(first.counts);
    expect(again.matrix.data).toBe(means);
    expect(Array.from(again.matrix.data)).toEqual(Array.from(average(b, 25, 25).matrix.data));
  });

  it('averages data − minus when minus is given (the residual without forming it)', () => {
    const V = randomMatrix(8, 45, 31, 0.15);
    const WH = randomMatrix(9, 45, 31).data;
    const R = V.data.map((x, t) => x - WH[t]);
    const direct = average({ rows: 45, cols: 31, data: R, mask: V.mask }, 10, 10);
    const fused = average({ ...V, minus: WH }, 10, 10);
    expect(Array.from(fused.matrix.data)).toEqual(Array.from(direct.matrix.data));
    expect([fused.min, fused.max, fused.missing]).toEqual([direct.min, direct.max, direct.missing]);
  });

  it('rejects data or a mask of the wrong length with the shape in the message', () => {
    expect(() => average({ rows: 2, cols: 3, data: [1, 2, 3] })).toThrow('blockAverage: 3 values for 2×3');
    expect(() => average({ rows: 1, cols: 2, data: [1, 2], mask: [1] })).toThrow('blockAverage: mask has 1 entries for 1×2');
    expect(() => average({ rows: 1, cols: 2, data: [1, 2], minus: [1, 2, 3] })).toThrow('blockAverage: minus has 3 entries for 1×2');
  });

  it('matches the block-by-block reference on random shapes, limits and masks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        (rows, cols, maxRows, maxCols, seed, missing) => {
          const src = randomMatrix(seed, rows, cols, missing);
          const g = average(src, maxRows, maxCols);
          const ref = reference(src, blockFactor(rows, maxRows), blockFactor(cols, maxCols));
          expect(g.matrix.rows).toBe(ref.rows);
          expect(g.matrix.cols).toBe(ref.cols);
          expect(g.matrix.rows).toBeLessThanOrEqual(maxRows);
          expect(g.matrix.cols).toBeLessThanOrEqual(maxCols);
          expect(Array.from(g.counts)).toEqual(ref.counts);
          g.matrix.data.forEach((x, t) => {
            if (Number.isNaN(ref.means[t])) expect(x).toBeNaN();
            else expect(x).toBeCloseTo(ref.means[t], 10);
          });
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('blockSpan', () => {
  it('gives the 1-based source range of a display cell, the last one clipped', () => {
    expect(blockSpan(0, 10, 2000)).toEqual([1, 10]);
    expect(blockSpan(199, 10, 2000)).toEqual([1991, 2000]);
    expect(blockSpan(2, 3, 7)).toEqual([7, 7]);
  });
});

describe('fitLayout and averaging block means again', () => {
  it('counts source entries on the axes when the matrix is already block means (the worker display of a 2000×1000 V)', () => {
    const worker = { rows: 200, cols: 200, sourceRows: 2000, sourceCols: 1000, blockRows: 10, blockCols: 5 };
    expect(fitLayout(worker, 200)).toEqual(worker);
    const small = { rows: 60, cols: 40, sourceRows: 60, sourceCols: 40, blockRows: 1, blockCols: 1 };
    expect(fitLayout(small, 200)).toEqual(small);
    expect(fitLayout({ rows: 2000, cols: 1000, sourceRows: 2000, sourceCols: 1000, blockRows: 1, blockCols: 1 }, 200)).toEqual(worker);
  });

  it("a second averaging names the first one's source, with blocks of the product size", () => {
    const src = randomMatrix(10, 45, 31);
    const first = blockAverage(asDisplay(src), 4, 3).matrix; // 12×11 cells of 4×3 entries
    const second: DisplayMatrix = blockAverage(first, 5, 2).matrix;
    expect(second).toMatchObject({ rows: 3, cols: 6, sourceRows: 45, sourceCols: 31, blockRows: 20, blockCols: 6 });
    expect(isAveraged(second)).toBe(true);
    // Whole blocks (no clipped edge) are the plain mean of their 20×6 source entries.
    let s = 0;
    for (let i = 0; i < 20; i++) for (let j = 0; j < 6; j++) s += src.data[i * 31 + j];
    expect(second.data[0]).toBeCloseTo(s / 120, 12);
  });

  it('averaging block means again is averaging the source in blocks of the product size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 250 }),
        (m, f0, maxCells) => {
          const shown = Math.ceil(m / f0); // what the worker sends
          const d = fitLayout({ rows: shown, cols: 1, sourceRows: m, sourceCols: 1, blockRows: f0, blockCols: 1 }, maxCells);
          const f = blockFactor(shown, maxCells);
          expect(d.rows).toBe(Math.ceil(m / d.blockRows));
          expect(d.rows).toBeLessThanOrEqual(maxCells);
          for (const b of [0, d.rows - 1]) {
            // Cell b holds worker cells b·f … min((b+1)·f, shown) − 1, which hold these source rows.
            const first = blockSpan(b * f, f0, m)[0];
            const last = blockSpan(Math.min((b + 1) * f, shown) - 1, f0, m)[1];
            expect(blockSpan(b, d.blockRows, m)).toEqual([first, last]);
          }
        },
      ),
    );
  });
});
