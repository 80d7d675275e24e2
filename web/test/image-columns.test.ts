// The columns of image data shown as images, and the numbers written in a small heatmap's cells.
import { describe, expect, it } from 'vitest';
import { cellNumber } from '../plots/summary.js';
import { imageColumnIndices, imageColumnsOf, pickColumns, productColumns } from '../shared/imageColumns.js';

describe('image columns', () => {
  it('spreads the shown columns over the matrix, ends included', () => {
    expect(imageColumnIndices(256)).toEqual([0, 51, 102, 153, 204, 255]);
    expect(imageColumnIndices(4)).toEqual([0, 1, 2, 3]);
  });

  it('gathers columns of V and computes the same columns of WH', () => {
    // V 2×3, W 2×2, H 2×3
    const V = [1, 2, 3, 4, 5, 6];
    expect(Array.from(pickColumns(V, 2, 3, [0, 2]))).toEqual([1, 3, 4, 6]);
    const W = [1, 0, 2, 1];
    const H = [1, 2, 3, 0, 1, 10];
    // WH = [[1, 2, 3], [2, 5, 16]]
    expect(Array.from(productColumns(W, H, 2, 2, 3, [1, 2]))).toEqual([2, 3, 5, 16]);
    expect(imageColumnsOf(V, 2, 3)).toEqual({ cols: [0, 1, 2], V: new Float64Array(V) });
  });
});

describe('cell numbers', () => {
  it('writes 2 significant digits, exponents for the very small and large, nothing for missing', () => {
    expect(cellNumber(0.8251736)).toBe('0.83');
    expect(cellNumber(0.1964726)).toBe('0.2');
    expect(cellNumber(-0.0886)).toBe('-0.089');
    expect(cellNumber(12.4)).toBe('12');
    expect(cellNumber(5e-11)).toBe('5e-11');
    expect(cellNumber(272000)).toBe('3e5');
    expect(cellNumber(0)).toBe('0');
    expect(cellNumber(Number.NaN)).toBe('');
  });
});
