// The wasm dense products against the plain-TypeScript loops of src/kernels-ts, on seeded
// random shapes including k = 1, 1×1 and sizes that are not multiples of the tile sizes,
// with guard values around every output and unchanged inputs.
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../src/core/rng.js';
import * as T from '../src/kernels-ts/index.js';
import type { Engine } from '../src/wasm/engine.js';
import { createEngineNode } from '../src/wasm/node.js';
import { Buffers, firstDiff, label, testShapes, uniform, worstRel, type Buf } from './helpers/kernels.js';

let engine: Engine;
beforeAll(async () => {
  engine = await createEngineNode();
});

const shapes = testShapes();

/** Fresh buffers for one case; every other case uses pointers that are 8 bytes off 16-byte alignment. */
function setup(caseIndex: number): Buffers {
  engine.reset();
  return new Buffers(engine, caseIndex % 2 === 1);
}

/** The same product of |A| and |B|: Σ|a||b| per entry, the scale of a tolerance for sums of mixed signs. */
function absProduct(
  f: (A: Float64Array, B: Float64Array, C: Float64Array) => void,
  A: Float64Array,
  B: Float64Array,
  len: number,
): Float64Array {
  const C = new Float64Array(len);
  f(A.map(Math.abs), B.map(Math.abs), C);
  return C.map((x) => Math.max(x, Number.MIN_VALUE));
}

function expectIntact(out: Buf, inputs: [Buf, Float64Array][]): void {
  expect(out.brokenGuards()).toEqual([]);
  for (const [b, data] of inputs) {
    expect(b.brokenGuards()).toEqual([]);
    expect(firstDiff(b.read(), data)).toBe(-1);
  }
}

describe('gemm_tn: C (p×q) = AᵀB, the WᵀV of every solver', () => {
  shapes.forEach((s, c) => {
    it(`${label(s)}: equals the i-ordered TS loop bit for bit, mixed signs, guards intact`, () => {
      const buf = setup(c);
      const rng = new Rng(100 + c);
      const W = uniform(rng, s.m * s.k, -1, 1);
      const V = uniform(rng, s.m * s.n, -1, 1);
      const bW = buf.put(W),
        bV = buf.put(V),
        out = buf.put(uniform(rng, s.k * s.n, 5, 6));
      engine.kernels.gemm_tn(bW.ptr, bV.ptr, out.ptr, s.m, s.k, s.n);
      const ref = new Float64Array(s.k * s.n);
      T.gemm_tn(W, V, ref, s.m, s.k, s.n);
      expect(firstDiff(out.read(), ref)).toBe(-1);
      expectIntact(out, [
        [bW, W],
        [bV, V],
      ]);
    });
  });

  it('m = 0 gives a zero C', () => {
    const buf = setup(0);
    const out = buf.put([1, 2, 3, 4, 5, 6]);
    engine.kernels.gemm_tn(0, 0, out.ptr, 0, 2, 3);
    expect(Array.from(out.read())).toEqual([0, 0, 0, 0, 0, 0]);
    expect(out.brokenGuards()).toEqual([]);
  });
});

describe('gemm_nt: C (m×p) = ABᵀ, the VHᵀ of every solver', () => {
  shapes.forEach((s, c) => {
    it(`${label(s)}: within 1e-12 of the TS loop relative to Σ|A||B|, guards intact`, () => {
      const buf = setup(c);
      const rng = new Rng(200 + c);
      const V = uniform(rng, s.m * s.n, -1, 1);
      const H = uniform(rng, s.k * s.n, -1, 1);
      const bV = buf.put(V),
        bH = buf.put(H),
        out = buf.zeros(s.m * s.k);
      engine.kernels.gemm_nt(bV.ptr, bH.ptr, out.ptr, s.m, s.n, s.k);
      const f = (A: Float64Array, B: Float64Array, C: Float64Array) => T.gemm_nt(A, B, C, s.m, s.n, s.k);
      const ref = new Float64Array(s.m * s.k);
      f(V, H, ref);
      expect(worstRel(out.read(), ref, absProduct(f, V, H, ref.length))).toBeLessThan(1e-12);
      expectIntact(out, [
        [bV, V],
        [bH, H],
      ]);
    });
  });

  it('non-negative data: every entry within 1e-12 relative (n = 1001, odd)', () => {
    const buf = setup(1);
    const rng = new Rng(7);
    const [m, n, k] = [9, 1001, 6];
    const V = uniform(rng, m * n),
      H = uniform(rng, k * n);
    const bV = buf.put(V),
      bH = buf.put(H),
      out = buf.zeros(m * k);
    engine.kernels.gemm_nt(bV.ptr, bH.ptr, out.ptr, m, n, k);
    const ref = new Float64Array(m * k);
    T.gemm_nt(V, H, ref, m, n, k);
    expect(worstRel(out.read(), ref)).toBeLessThan(1e-12);
    expect(out.brokenGuards()).toEqual([]);
  });
});

describe('gemm_nn: C (m×q) = AB, for (WᵀW)H, W(HHᵀ) and WH', () => {
  shapes.forEach((s, c) => {
    it(`${label(s)}: W (m×k)·H (k×n) equals the a-ordered TS loop bit for bit, guards intact`, () => {
      const buf = setup(c);
      const rng = new Rng(300 + c);
      const W = uniform(rng, s.m * s.k, -1, 1);
      const H = uniform(rng, s.k * s.n, -1, 1);
      const bW = buf.put(W),
        bH = buf.put(H),
        out = buf.put(uniform(rng, s.m * s.n, 5, 6));
      engine.kernels.gemm_nn(bW.ptr, bH.ptr, out.ptr, s.m, s.k, s.n);
      const ref = new Float64Array(s.m * s.n);
      T.gemm_nn(W, H, ref, s.m, s.k, s.n);
      expect(firstDiff(out.read(), ref)).toBe(-1);
      expectIntact(out, [
        [bW, W],
        [bH, H],
      ]);
    });
  });
});

describe('gram_tn and gram_nt: WᵀW (k×k) and HHᵀ (k×k)', () => {
  shapes.forEach((s, c) => {
    it(`${label(s)}: match the TS loops and are exactly symmetric`, () => {
      const buf = setup(c);
      const rng = new Rng(400 + c);
      const W = uniform(rng, s.m * s.k);
      const H = uniform(rng, s.k * s.n);
      const bW = buf.put(W),
        bH = buf.put(H),
        G1 = buf.zeros(s.k * s.k),
        G2 = buf.zeros(s.k * s.k);
      engine.kernels.gram_tn(bW.ptr, G1.ptr, s.m, s.k);
      engine.kernels.gram_nt(bH.ptr, G2.ptr, s.k, s.n);
      const r1 = new Float64Array(s.k * s.k),
        r2 = new Float64Array(s.k * s.k);
      T.gram_tn(W, r1, s.m, s.k);
      T.gram_nt(H, r2, s.k, s.n);
      const g1 = G1.read(),
        g2 = G2.read();
      expect(firstDiff(g1, r1)).toBe(-1);
      expect(worstRel(g2, r2)).toBeLessThan(1e-12);
      for (let a = 0; a < s.k; a++) {
        for (let b = 0; b < a; b++) {
          expect(g1[a * s.k + b]).toBe(g1[b * s.k + a]);
          expect(g2[a * s.k + b]).toBe(g2[b * s.k + a]);
        }
      }
      expectIntact(G1, [[bW, W]]);
      expectIntact(G2, [[bH, H]]);
    });
  });
});
