// The truncated-SVD kernels (assembly/svd.ts, written for the NNDSVD initializations) against
// their plain-TypeScript versions, with guard values around every output.
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../src/core/rng.js';
import * as T from '../src/kernels-ts/index.js';
import type { Engine } from '../src/wasm/engine.js';
import { createEngineNode } from '../src/wasm/node.js';
import { Buffers, firstDiff, uniform, worstRel } from './helpers/kernels.js';

let engine: Engine;
beforeAll(async () => {
  engine = await createEngineNode();
});

/** Relative to the largest entry of b (rows of orthonormal bases mix signs). */
function scaledDiff(a: Float64Array, b: Float64Array): number {
  const s = b.reduce((m, x) => Math.max(m, Math.abs(x)), 0) || 1;
  return worstRel(a, b, new Float64Array(b.length).fill(s));
}

const SHAPES = [
  [1, 1],
  [1, 5],
  [3, 1],
  [2, 7],
  [5, 9],
  [6, 33],
  [10, 64],
  [13, 101],
] as const;

describe('svd kernels: transpose, orth_rows, jacobi_rows, sort_normalize_rows, ritz_residual', () => {
  SHAPES.forEach(([rows, cols], c) => {
    it(`${rows}×${cols}: match the TS versions (transpose exactly, the rest within 1e-12)`, () => {
      engine.reset();
      const buf = new Buffers(engine, c % 2 === 1);
      const rng = new Rng(1300 + c);
      const A = uniform(rng, rows * cols, -1, 1);

      const bA = buf.put(A),
        bAt = buf.zeros(rows * cols);
      engine.kernels.transpose(bA.ptr, bAt.ptr, rows, cols);
      const At = new Float64Array(rows * cols);
      T.transpose(A, At, rows, cols);
      expect(firstDiff(bAt.read(), At)).toBe(-1);

      // Gram–Schmidt: rows 0..r−1 (r ≤ cols so they can be independent), with L.
      const r = Math.min(rows, cols);
      const bL = buf.zeros(rows * rows);
      const got = engine.kernels.orth_rows(bA.ptr, bL.ptr, rows, cols, 0, r);
      const Q = A.slice(),
        L = new Float64Array(rows * rows);
      expect(got).toBe(T.orth_rows(Q, L, rows, cols, 0, r));
      expect(got).toBe(r);
      expect(scaledDiff(bA.read(), Q)).toBeLessThan(1e-12);
      expect(scaledDiff(bL.read(), L)).toBeLessThan(1e-12);

      // Jacobi on a fresh S (l = rows) with G = I, then sort and normalize.
      const S = uniform(rng, rows * cols, -1, 1);
      const G = new Float64Array(rows * rows);
      for (let i = 0; i < rows; i++) G[i * rows + i] = 1;
      const bS = buf.put(S),
        bG = buf.put(G),
        bSig = buf.zeros(rows);
      const sweeps = engine.kernels.jacobi_rows(bS.ptr, bG.ptr, rows, cols, 1e-13, 30);
      const rS = S.slice(),
        rG = G.slice(),
        rSig = new Float64Array(rows);
      expect(sweeps).toBe(T.jacobi_rows(rS, rG, rows, cols, 1e-13, 30));
      expect(scaledDiff(bS.read(), rS)).toBeLessThan(1e-12);
      expect(scaledDiff(bG.read(), rG)).toBeLessThan(1e-12);
      engine.kernels.sort_normalize_rows(bS.ptr, bG.ptr, bSig.ptr, rows, cols, rows);
      T.sort_normalize_rows(rS, rG, rSig, rows, cols, rows);
      expect(worstRel(bSig.read(), rSig)).toBeLessThan(1e-12);
      expect(scaledDiff(bS.read(), rS)).toBeLessThan(1e-12);
      expect(scaledDiff(bG.read(), rG)).toBeLessThan(1e-12);
      const sig = bSig.read();
      for (let i = 1; i < rows; i++) expect(sig[i]).toBeLessThanOrEqual(sig[i - 1]);

      // Ritz residual of Y = U·diag(σ) + noise.
      const Y = uniform(rng, rows * cols, -1, 1);
      const bY = buf.put(Y);
      const rr = engine.kernels.ritz_residual(bY.ptr, bS.ptr, bSig.ptr, rows, cols);
      expect(worstRel([rr], [T.ritz_residual(Y, bS.read(), sig, rows, cols)])).toBeLessThan(1e-12);

      for (const b of [bA, bAt, bL, bS, bG, bSig, bY]) expect(b.brokenGuards()).toEqual([]);
    });
  });

  it('orth_rows returns the index of a row inside the span of the earlier ones, and zeroes it', () => {
    engine.reset();
    const buf = new Buffers(engine);
    const A = buf.put([1, 0, 0, 0, 1, 0, 2, 3, 0]); // row 2 = 2·row 0 + 3·row 1
    expect(engine.kernels.orth_rows(A.ptr, 0, 3, 3, 0, 3)).toBe(2);
    expect(Array.from(A.read().subarray(6))).toEqual([0, 0, 0]);
    expect(A.brokenGuards()).toEqual([]);
  });
});
