// The wasm masked products and losses against src/kernels-ts, with random masks and with the
// null mask (pointer 0), guard values around every output and unchanged inputs.
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../src/core/rng.js';
import * as T from '../src/kernels-ts/index.js';
import type { Engine } from '../src/wasm/engine.js';
import { createEngineNode } from '../src/wasm/node.js';
import { Buffers, firstDiff, label, mask, testShapes, uniform, worstRel, type Buf, type Shape } from './helpers/kernels.js';

let engine: Engine;
beforeAll(async () => {
  engine = await createEngineNode();
});

const shapes = testShapes(77);

/** V (0 at missing entries), M or null, W, H for one case, in TS arrays and wasm buffers. */
function problem(s: Shape, c: number, masked: boolean) {
  engine.reset();
  const buf = new Buffers(engine, c % 2 === 1);
  const rng = new Rng(500 + c * 2 + (masked ? 1 : 0));
  const M = masked ? mask(rng, s.m * s.n) : null;
  const V = uniform(rng, s.m * s.n, 0, 2);
  if (M) for (let t = 0; t < V.length; t++) V[t] *= M[t];
  const W = uniform(rng, s.m * s.k);
  const H = uniform(rng, s.k * s.n);
  const bufs: [Buf, Float64Array][] = [];
  const put = (x: Float64Array): Buf => {
    const b = buf.put(x);
    bufs.push([b, x]);
    return b;
  };
  const bV = put(V),
    bW = put(W),
    bH = put(H);
  const bM = M ? put(M) : null;
  return {
    buf,
    V,
    M,
    W,
    H,
    bV,
    bW,
    bH,
    mPtr: bM ? bM.ptr : 0,
    /** Inputs unchanged and their guards intact. */
    inputsIntact(): void {
      for (const [b, x] of bufs) {
        expect(b.brokenGuards()).toEqual([]);
        expect(firstDiff(b.read(), x)).toBe(-1);
      }
    },
  };
}

for (const masked of [true, false]) {
  const which = masked ? 'random mask' : 'null mask';
  describe(`masked_wh, residual, kl_quotient (${which}): equal to the TS kernels bit for bit`, () => {
    shapes.forEach((s, c) => {
      it(`${label(s)}`, () => {
        const p = problem(s, c, masked);
        const { m, n, k } = s;
        const P = p.buf.zeros(m * n),
          R = p.buf.zeros(m * n),
          Q = p.buf.zeros(m * n);
        engine.kernels.masked_wh(p.bW.ptr, p.bH.ptr, p.mPtr, P.ptr, m, k, n);
        engine.kernels.residual(p.bV.ptr, p.mPtr, p.bW.ptr, p.bH.ptr, R.ptr, m, k, n);
        engine.kernels.kl_quotient(p.bV.ptr, p.bW.ptr, p.bH.ptr, Q.ptr, m, k, n, 1e-9);
        const rP = new Float64Array(m * n),
          rR = new Float64Array(m * n),
          rQ = new Float64Array(m * n);
        T.masked_wh(p.W, p.H, p.M, rP, m, k, n);
        T.residual(p.V, p.M, p.W, p.H, rR, m, k, n);
        T.kl_quotient(p.V, p.W, p.H, rQ, m, k, n, 1e-9);
        expect(firstDiff(P.read(), rP)).toBe(-1);
        expect(firstDiff(R.read(), rR)).toBe(-1);
        expect(firstDiff(Q.read(), rQ)).toBe(-1);
        for (const out of [P, R, Q]) expect(out.brokenGuards()).toEqual([]);
        if (p.M) {
          const r = R.read(),
            mk = p.M;
          expect(r.every((x, t) => mk[t] !== 0 || x === 0)).toBe(true);
        }
        p.inputsIntact();
      });
    });
  });

  describe(`sq_residual and kl_divergence (${which})`, () => {
    shapes.forEach((s, c) => {
      it(`${label(s)}: both within 1e-12 relative of the TS sums, scratch bounded`, () => {
        const p = problem(s, c, masked);
        const { m, n, k } = s;
        const scratch = p.buf.zeros(n);
        const sq = engine.kernels.sq_residual(p.bV.ptr, p.mPtr, p.bW.ptr, p.bH.ptr, m, k, n, scratch.ptr);
        const kl = engine.kernels.kl_divergence(p.bV.ptr, p.mPtr, p.bW.ptr, p.bH.ptr, m, k, n, scratch.ptr);
        const tmp = new Float64Array(n);
        expect(worstRel([sq], [T.sq_residual(p.V, p.M, p.W, p.H, m, k, n, tmp)])).toBeLessThan(1e-12);
        expect(worstRel([kl], [T.kl_divergence(p.V, p.M, p.W, p.H, m, k, n, tmp)])).toBeLessThan(1e-12);
        expect(scratch.brokenGuards()).toEqual([]);
        p.inputsIntact();
      });
    });
  });
}

describe('wh_row: one row of WH', () => {
  shapes.forEach((s, c) => {
    it(`${label(s)}: every row equals the TS row bit for bit`, () => {
      const p = problem(s, c, false);
      const out = p.buf.zeros(s.n);
      const ref = new Float64Array(s.n);
      for (let i = 0; i < s.m; i++) {
        engine.kernels.wh_row(p.bW.ptr, p.bH.ptr, out.ptr, i, s.k, s.n);
        T.wh_row(p.W, p.H, ref, i, s.k, s.n);
        expect(firstDiff(out.read(), ref)).toBe(-1);
      }
      expect(out.brokenGuards()).toEqual([]);
      p.inputsIntact();
    });
  });
});

describe('sq_residual: values a person can check', () => {
  it('is 0 for V = WH exactly and counts only observed entries', () => {
    engine.reset();
    const buf = new Buffers(engine);
    // W = [1; 2] (2×1), H = [1 2 3] (1×3): WH = [1 2 3; 2 4 6].
    const W = buf.put([1, 2]),
      H = buf.put([1, 2, 3]);
    const exact = buf.put([1, 2, 3, 2, 4, 6]);
    expect(engine.kernels.sq_residual(exact.ptr, 0, W.ptr, H.ptr, 2, 1, 3, 0)).toBe(0);
    const off = buf.put([2, 2, 3, 2, 4, 9]); // errors 1 at (0,0) and 3 at (1,2)
    expect(engine.kernels.sq_residual(off.ptr, 0, W.ptr, H.ptr, 2, 1, 3, 0)).toBe(10);
    const M = buf.put([1, 1, 1, 1, 1, 0]);
    const offMasked = buf.put([2, 2, 3, 2, 4, 0]);
    expect(engine.kernels.sq_residual(offMasked.ptr, M.ptr, W.ptr, H.ptr, 2, 1, 3, 0)).toBe(1);
  });
});

describe('dot and has_nonfinite', () => {
  const lengths = [0, 1, 2, 3, 7, 8, 9, 63, 64, 65, 127, 1000, 1001];
  lengths.forEach((len, c) => {
    it(`len ${len}: dot within 1e-12 of Σ|a||b|; has_nonfinite finds NaN/±Inf at first, middle, last`, () => {
      engine.reset();
      const buf = new Buffers(engine, c % 2 === 1);
      const rng = new Rng(900 + len);
      const A = uniform(rng, len, -1, 1),
        B = uniform(rng, len, -1, 1);
      const bA = buf.put(A),
        bB = buf.put(B);
      const scale = A.reduce((s, a, t) => s + Math.abs(a * B[t]), 0);
      const d = engine.kernels.dot(bA.ptr, bB.ptr, len);
      expect(Math.abs(d - T.dot(A, B, len))).toBeLessThanOrEqual(1e-12 * scale);
      expect(engine.kernels.has_nonfinite(bA.ptr, len)).toBe(0);
      const view = () => new Float64Array(engine.kernels.memory.buffer, bA.ptr, len);
      for (const at of len ? [0, len >> 1, len - 1] : []) {
        for (const bad of [NaN, Infinity, -Infinity]) {
          view()[at] = bad;
          expect(engine.kernels.has_nonfinite(bA.ptr, len)).toBe(1);
          view()[at] = A[at];
        }
      }
      expect(engine.kernels.has_nonfinite(bA.ptr, len)).toBe(0);
      expect(bA.brokenGuards()).toEqual([]);
    });
  });

  it('has_nonfinite ignores a NaN just past the end and accepts ±MAX_VALUE', () => {
    engine.reset();
    const buf = new Buffers(engine);
    const b = buf.put([Number.MAX_VALUE, -Number.MAX_VALUE, 0, NaN]);
    expect(engine.kernels.has_nonfinite(b.ptr, 3)).toBe(0);
    expect(engine.kernels.has_nonfinite(b.ptr, 4)).toBe(1);
  });
});

describe('kl_divergence: the vectorized log, entry by entry', () => {
  /** kl of the 1×2 matrix V = [v0 v1] against WH = [w0 w1] (W = [1], H = [w0 w1]). */
  function kl2(v: [number, number], wh: [number, number], m: [number, number] | null = null): number {
    engine.reset();
    const buf = new Buffers(engine);
    const V = buf.put(v),
      W = buf.put([1]),
      H = buf.put(wh),
      scratch = buf.zeros(2);
    const M = m ? buf.put(m) : null;
    return engine.kernels.kl_divergence(V.ptr, M ? M.ptr : 0, W.ptr, H.ptr, 1, 1, 2, scratch.ptr);
  }
  const ref = (v: number, wh: number) => (v > 0 ? v * Math.log(v / wh) : 0) - v + wh;

  it('matches V log(V/WH) − V + WH with Math.log within 1e-14 over quotients from 1e-300 to 1e300', () => {
    const rng = new Rng(4242);
    let worst = 0;
    for (let t = 0; t < 400; t++) {
      const v: [number, number] = [10 ** (rng.next() * 300 - 150), 10 ** (rng.next() * 300 - 150)];
      const wh: [number, number] = [10 ** (rng.next() * 300 - 150), v[1] * (0.5 + rng.next())];
      const got = kl2(v, wh);
      const want = ref(v[0], wh[0]) + ref(v[1], wh[1]);
      const scale = Math.abs(v[0] * Math.log(v[0] / wh[0])) + v[0] + wh[0] + Math.abs(v[1] * Math.log(v[1] / wh[1])) + v[1] + wh[1];
      worst = Math.max(worst, Math.abs(got - want) / scale);
    }
    expect(worst).toBeLessThan(1e-14);
  });

  it('0·log 0 = 0, WH = 0 < V gives Infinity, a subnormal quotient is exact, NaN propagates, masked entries are skipped', () => {
    expect(kl2([0, 2], [3, 2])).toBe(3); // 0 − 0 + 3, then 2·log 1 − 2 + 2 = 0
    expect(kl2([1, 1], [0, 1])).toBe(Infinity);
    const tiny = 1e-310; // v/wh below 2^-1022: the scalar log
    expect(Math.abs(kl2([tiny, 1], [1, 1]) - ref(tiny, 1)) / 1).toBeLessThan(1e-300);
    expect(kl2([NaN, 1], [1, 1])).toBeNaN();
    expect(kl2([5, 1], [1, 1], [0, 1])).toBe(0);
  });
});
