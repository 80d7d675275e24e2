// The wasm per-element updates, sums and HALS sweeps against src/kernels-ts, with
// guard values around every output and unchanged inputs.
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../src/core/rng.js';
import * as T from '../src/kernels-ts/index.js';
import type { Engine } from '../src/wasm/engine.js';
import { createEngineNode } from '../src/wasm/node.js';
import { Buffers, firstDiff, intact, label, testShapes, uniform, worstRel } from './helpers/kernels.js';

let engine: Engine;
beforeAll(async () => {
  engine = await createEngineNode();
});

const shapes = testShapes(31);

function buffers(c: number): Buffers {
  engine.reset();
  return new Buffers(engine, c % 2 === 1);
}

describe('multiplicative updates: mu_update, mu_update_rowden, mu_update_colden', () => {
  shapes.forEach((s, c) => {
    it(`${label(s)} (rows = k, cols = n): equal to the TS updates bit for bit`, () => {
      const buf = buffers(c);
      const rng = new Rng(600 + c);
      const rows = s.k,
        cols = s.n,
        len = rows * cols;
      const X = uniform(rng, len),
        Num = uniform(rng, len),
        Den = uniform(rng, len);
      const dr = uniform(rng, rows),
        dc = uniform(rng, cols);
      const bNum = buf.put(Num),
        bDen = buf.put(Den),
        bdr = buf.put(dr),
        bdc = buf.put(dc);
      const eps = 1e-3;
      for (const [kernel, ref] of [
        [(x: number) => engine.kernels.mu_update(x, bNum.ptr, bDen.ptr, len, eps), (x: Float64Array) => T.mu_update(x, Num, Den, len, eps)],
        [
          (x: number) => engine.kernels.mu_update_rowden(x, bNum.ptr, bdr.ptr, rows, cols, eps),
          (x: Float64Array) => T.mu_update_rowden(x, Num, dr, rows, cols, eps),
        ],
        [
          (x: number) => engine.kernels.mu_update_colden(x, bNum.ptr, bdc.ptr, rows, cols, eps),
          (x: Float64Array) => T.mu_update_colden(x, Num, dc, rows, cols, eps),
        ],
      ] as const) {
        const bX = buf.put(X);
        kernel(bX.ptr);
        const r = X.slice();
        ref(r);
        expect(firstDiff(bX.read(), r)).toBe(-1);
        intact(
          [bX],
          [
            [bNum, Num],
            [bDen, Den],
            [bdr, dr],
            [bdc, dc],
          ],
        );
      }
    });
  });
});

describe('col_sums and row_sums', () => {
  shapes.forEach((s, c) => {
    it(`${label(s)}: col_sums (m×k) equal bit for bit, row_sums (m×n) within 1e-12`, () => {
      const buf = buffers(c);
      const rng = new Rng(700 + c);
      const W = uniform(rng, s.m * s.k),
        V = uniform(rng, s.m * s.n);
      const bW = buf.put(W),
        bV = buf.put(V);
      const cs = buf.put(uniform(rng, s.k, 3, 4)),
        rs = buf.zeros(s.m);
      engine.kernels.col_sums(bW.ptr, cs.ptr, s.m, s.k);
      engine.kernels.row_sums(bV.ptr, rs.ptr, s.m, s.n);
      const rc = new Float64Array(s.k),
        rr = new Float64Array(s.m);
      T.col_sums(W, rc, s.m, s.k);
      T.row_sums(V, rr, s.m, s.n);
      expect(firstDiff(cs.read(), rc)).toBe(-1);
      expect(worstRel(rs.read(), rr)).toBeLessThan(1e-12);
      intact(
        [cs, rs],
        [
          [bW, W],
          [bV, V],
        ],
      );
    });
  });
});

/** A symmetric positive semi-definite Gram matrix XᵀX (k×k) of random X, with row `zero` of X's transpose zeroed (so G[zero,zero] = 0). */
function gram(rng: Rng, k: number, zero: number): Float64Array {
  const rows = k + 3;
  const X = uniform(rng, rows * k);
  for (let i = 0; i < rows; i++) if (zero >= 0) X[i * k + zero] = 0;
  const G = new Float64Array(k * k);
  T.gram_tn(X, G, rows, k);
  return G;
}

describe('hals_rows and hals_cols: in place, sequential over a', () => {
  shapes.forEach((s, c) => {
    it(`${label(s)}: equal to the TS sweeps bit for bit, clip at 0, skip a zero diagonal`, () => {
      const buf = buffers(c);
      const rng = new Rng(800 + c);
      const zero = s.k > 2 ? 1 : -1; // a zero diagonal entry must leave that row/column alone
      const WtW = gram(rng, s.k, zero),
        HHt = gram(rng, s.k, zero);
      // WtV, VHt with a wide range so that some updates go negative and are clipped.
      const WtV = uniform(rng, s.k * s.n, -2, 3),
        VHt = uniform(rng, s.m * s.k, -2, 3);
      const H = uniform(rng, s.k * s.n),
        W = uniform(rng, s.m * s.k);
      const bH = buf.put(H),
        bW = buf.put(W);
      const bWtV = buf.put(WtV),
        bWtW = buf.put(WtW),
        bVHt = buf.put(VHt),
        bHHt = buf.put(HHt);
      engine.kernels.hals_rows(bH.ptr, bWtV.ptr, bWtW.ptr, s.k, s.n);
      engine.kernels.hals_cols(bW.ptr, bVHt.ptr, bHHt.ptr, s.m, s.k);
      const rH = H.slice(),
        rW = W.slice();
      T.hals_rows(rH, WtV, WtW, s.k, s.n);
      T.hals_cols(rW, VHt, HHt, s.m, s.k);
      const h = bH.read(),
        w = bW.read();
      expect(firstDiff(h, rH)).toBe(-1);
      expect(firstDiff(w, rW)).toBe(-1);
      expect(h.every((x) => x >= 0) && w.every((x) => x >= 0)).toBe(true);
      if (zero >= 0) {
        expect(firstDiff(h.subarray(zero * s.n, (zero + 1) * s.n), H.subarray(zero * s.n, (zero + 1) * s.n))).toBe(-1);
        for (let i = 0; i < s.m; i++) expect(w[i * s.k + zero]).toBe(W[i * s.k + zero]);
      }
      intact(
        [bH, bW],
        [
          [bWtV, WtV],
          [bWtW, WtW],
          [bVHt, VHt],
          [bHHt, HHt],
        ],
      );
    });
  });
});

describe('gd_update: X ← X + η(G − λX), optionally projected', () => {
  const lengths = [1, 2, 3, 8, 17, 64, 1001];
  lengths.forEach((len, c) => {
    for (const project of [0, 1]) {
      it(`len ${len}, project ${project}: equal to the TS step bit for bit`, () => {
        const buf = buffers(c);
        const rng = new Rng(1000 + len);
        const X = uniform(rng, len, -1, 1),
          G = uniform(rng, len, -50, 50);
        X[0] = -0.5; // a step that stays negative: clipped to 0 only when projected
        G[0] = -50;
        if (len > 2) X[1] = NaN; // NaN becomes 0 when projected, stays NaN otherwise
        const bX = buf.put(X),
          bG = buf.put(G);
        engine.kernels.gd_update(bX.ptr, bG.ptr, len, 0.01, 0.1, project);
        const r = X.slice();
        T.gd_update(r, G, len, 0.01, 0.1, project);
        const x = bX.read();
        expect(firstDiff(x, r)).toBe(-1);
        if (project) expect(x.every((v) => v >= 0)).toBe(true);
        else expect(x[0]).toBeLessThan(0);
        intact([bX], [[bG, G]]);
      });
    }
  });
});
