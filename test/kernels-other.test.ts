// Kernels written by the solver files' owners (assembly/sgd.ts, assembly/hals-masked.ts)
// against their plain-TypeScript versions, with guard values around every output.
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../src/core/rng.js';
import * as T from '../src/kernels-ts/index.js';
import type { Engine } from '../src/wasm/engine.js';
import { createEngineNode } from '../src/wasm/node.js';
import { Buffers, firstDiff, intact, label, mask, testShapes, uniform, worstRel } from './helpers/kernels.js';

let engine: Engine;
beforeAll(async () => {
  engine = await createEngineNode();
});

const shapes = testShapes(55, 6);

function buffers(c: number): Buffers {
  engine.reset();
  return new Buffers(engine, c % 2 === 1);
}

describe('sgd_epoch and transpose', () => {
  shapes.forEach((s, c) => {
    it(`${label(s)}: epoch within 1e-12 of the TS epoch, transpose exact`, () => {
      const buf = buffers(c);
      const rng = new Rng(1100 + c);
      const W = uniform(rng, s.m * s.k),
        H = uniform(rng, s.k * s.n);
      const order = Int32Array.from({ length: s.m * s.n }, (_, t) => t);
      rng.shuffle(order, order.length);
      const count = Math.max(1, order.length - 2);
      const vals = uniform(rng, count, 0, 2);
      const bH = buf.put(H),
        bHt = buf.zeros(s.n * s.k),
        bH2 = buf.zeros(s.k * s.n);
      engine.kernels.transpose(bH.ptr, bHt.ptr, s.k, s.n);
      const Ht = new Float64Array(s.n * s.k);
      T.transpose(H, Ht, s.k, s.n);
      expect(firstDiff(bHt.read(), Ht)).toBe(-1);
      const bVals = buf.put(vals),
        bW = buf.put(W);
      engine.kernels.sgd_epoch(bVals.ptr, bW.ptr, bHt.ptr, buf.putI32(order), count, s.k, s.n, 0.05, 0.01, 1);
      const rW = W.slice(),
        rHt = Ht.slice();
      T.sgd_epoch(vals, rW, rHt, order, count, s.k, s.n, 0.05, 0.01, 1);
      expect(worstRel(bW.read(), rW)).toBeLessThan(1e-12);
      expect(worstRel(bHt.read(), rHt)).toBeLessThan(1e-12);
      engine.kernels.transpose(bHt.ptr, bH2.ptr, s.n, s.k);
      expect(firstDiff(bH2.read(), transpose(bHt.read(), s.n, s.k))).toBe(-1);
      intact(
        [bW, bHt, bH2],
        [
          [bVals, vals],
          [bH, H],
        ],
      );
    });
  });
});

function transpose(A: Float64Array, rows: number, cols: number): Float64Array {
  const B = new Float64Array(rows * cols);
  T.transpose(A, B, rows, cols);
  return B;
}

for (const masked of [true, false]) {
  describe(`hals_rows_masked and hals_cols_masked (${masked ? 'random mask' : 'null mask'})`, () => {
    shapes.forEach((s, c) => {
      it(`${label(s)}: H, W and the residual R within 1e-12 of the TS sweeps (relative to their largest entry)`, () => {
        const buf = buffers(c);
        const rng = new Rng(1200 + c);
        const { m, n, k } = s;
        const M = masked ? mask(rng, m * n) : null;
        const V = uniform(rng, m * n, 0, 2);
        const W = uniform(rng, m * k),
          H = uniform(rng, k * n);
        const R = new Float64Array(m * n);
        T.residual(
          V.map((v, t) => (M ? v * M[t] : v)),
          M,
          W,
          H,
          R,
          m,
          k,
          n,
        );
        const bW = buf.put(W),
          bH = buf.put(H),
          bR = buf.put(R),
          scratch = buf.zeros(3 * n);
        const bM = M ? buf.put(M) : null;
        engine.kernels.hals_rows_masked(bH.ptr, bW.ptr, bM ? bM.ptr : 0, bR.ptr, scratch.ptr, m, k, n);
        engine.kernels.hals_cols_masked(bW.ptr, bH.ptr, bM ? bM.ptr : 0, bR.ptr, m, k, n);
        const rW = W.slice(),
          rH = H.slice(),
          rR = R.slice();
        T.hals_rows_masked(rH, rW, M, rR, null, m, k, n);
        T.hals_cols_masked(rW, rH, M, rR, m, k, n);
        // The sums Σ R·H run over residuals of both signs, so entries are compared relative to
        // the largest entry of their matrix, not to themselves.
        const scaled = (x: Float64Array) => new Float64Array(x.length).fill(x.reduce((s, v) => Math.max(s, Math.abs(v)), 0));
        expect(worstRel(bH.read(), rH, scaled(rH))).toBeLessThan(1e-12);
        expect(worstRel(bW.read(), rW, scaled(rW))).toBeLessThan(1e-12);
        expect(worstRel(bR.read(), rR, scaled(V))).toBeLessThan(1e-12);
        intact([bW, bH, bR, scratch], bM && M ? [[bM, M]] : []);
      });
    });
  });
}
