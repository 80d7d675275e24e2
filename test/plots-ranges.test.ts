// Colour ranges that tell the truth: the residual scaled against V, V and WH sharing a range only
// while it suits both, a robust top for factors where a few entries dominate, and block extremes.
import { describe, expect, it } from 'vitest';
import { colorLut, paintCells } from '../web/plots/heatmap/colormap.js';
import {
  canShareRange,
  countNegative,
  RESIDUAL_FLOOR,
  residualRange,
  robustTop,
  select,
  signedLargest,
} from '../web/plots/heatmap/ranges.js';
import { SEQUENTIAL } from '../web/plots/heatmap/colors.js';

describe('the residual colour range', () => {
  it('an exact fit (rounding noise ±5e-11) is drawn against 1% of the largest |V|, not saturated', () => {
    const { range, floored } = residualRange([5e-11, -4e-11, 0], 10.7);
    expect(floored).toBe(true);
    expect(range).toEqual([-RESIDUAL_FLOOR * 10.7, RESIDUAL_FLOOR * 10.7]);
  });

  it('a residual larger than the floor sets the range itself, symmetric about 0', () => {
    expect(residualRange([0.5, -2, 1], 10)).toEqual({ range: [-2, 2], floored: false });
  });
});

describe('V and WH share one colour range', () => {
  it('while WH stays near V', () => {
    expect(canShareRange([0, 10], [0.1, 11])).toBe(true);
  });

  it('not after a divergence (WH up to 272,000)', () => {
    expect(canShareRange([1.63, 10.71], [-3, 272_000])).toBe(false);
  });

  it('not when WH is NaN', () => {
    expect(canShareRange([0, 1], [NaN, NaN])).toBe(false);
  });
});

describe('a robust top for factors', () => {
  it('one row of H at 22 among entries up to 3 is clipped, and the clipped cells are counted', () => {
    const k = 17;
    const n = 256;
    const H = new Float64Array(k * n);
    for (let a = 1; a < k; a++) for (let j = 0; j < n; j++) H[a * n + j] = ((a * 31 + j * 7) % 100) / 33; // 0..3
    for (let j = 0; j < n; j++) H[j] = 22; // the torso component
    const top = robustTop({ rows: k, cols: n, data: H }, 'rows');
    expect(top).not.toBeNull();
    expect(top!.hi).toBeLessThanOrEqual(3);
    expect(top!.max).toBe(22);
    expect(top!.clipped).toBeGreaterThanOrEqual(n);
    expect(top!.clipped).toBe(H.filter((x) => x > top!.hi).length);
  });

  it('a single spike in one column of W is clipped at the 99th percentile', () => {
    const W = Float64Array.from({ length: 400 }, (_, t) => 1 + ((t * 37) % 101) / 100);
    W[5] = 40;
    const top = robustTop({ rows: 100, cols: 4, data: W }, 'cols');
    expect(top!.hi).toBeLessThan(2.01);
    expect(top!.clipped).toBeGreaterThanOrEqual(1);
  });

  it('uniform factors keep their plain range', () => {
    const W = Float64Array.from({ length: 240 }, (_, t) => (t * 37) % 101);
    expect(robustTop({ rows: 60, cols: 4, data: W }, 'cols')).toBeNull();
  });

  it('clipped cells are painted in the marking colour, the rest on the scale', () => {
    const lut = colorLut(SEQUENTIAL);
    const out = new Uint8ClampedArray(8);
    paintCells([2, 5], 0, 2, lut, [0, 0, 0], out, [255, 0, 200]);
    expect(Array.from(out.slice(0, 4))).toEqual(Array.from(lut.slice(lut.length - 4)));
    expect(Array.from(out.slice(4))).toEqual([255, 0, 200, 255]);
  });
});

describe('signed residual blocks and negatives', () => {
  it('a block is shown by its entry of largest magnitude, with its sign (means would cancel)', () => {
    expect(Array.from(signedLargest([-3, -0.5, -1], [2, 1, 1]))).toEqual([-3, 1, 1]);
  });

  it('counts negative entries', () => {
    expect(countNegative([0, -0.0885, 1, -2, NaN])).toBe(2);
  });
});

describe('select (the order statistic behind the robust top)', () => {
  it('gives the r-th smallest for every r, with duplicates, negatives and runs of equal values', () => {
    let s = 7;
    const next = () => (s = (s * 16807) % 2147483647) / 2147483647;
    for (const len of [1, 2, 3, 5, 17, 100, 257]) {
      for (const levels of [2, 10, 1000]) {
        const a = Float64Array.from({ length: len }, () => Math.floor(next() * levels) - levels / 3);
        const sorted = a.slice().sort();
        for (let r = 0; r < len; r++) expect(select(a.slice(), r)).toBe(sorted[r]);
      }
    }
  });

  it('on sorted and reversed input (the median-of-three pivot keeps these linear)', () => {
    const up = Float64Array.from({ length: 5000 }, (_, t) => t);
    expect(select(up.slice(), 4949)).toBe(4949);
    expect(select(up.slice().reverse(), 4949)).toBe(4949);
  });
});
