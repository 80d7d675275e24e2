// The robust k×k Cholesky and its solves (assembly/linalg-cholesky.ts) against Gaussian elimination in
// plain TypeScript, on random SPD Grams from k = 1 to 20 and on singular ones.
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../src/core/rng.js';
import type { Engine } from '../src/wasm/engine.js';
import { createEngineNode } from '../src/wasm/node.js';
import { atv, gramOf, matVec, solveGE, scaledDiff, uniform } from './helpers/linalg.js';

let engine: Engine;
beforeAll(async () => {
  engine = await createEngineNode();
});

/** Factorizes G (k×k) in wasm; returns chol_factor's result, L, and a solver for right-hand sides. */
function factor(G: Float64Array, k: number, R?: Float64Array) {
  const mark = engine.mark();
  const g = engine.matFrom(k, k, G);
  const r = R ? engine.matFrom(k, k, R) : g;
  const L = engine.mat(k, k);
  const x = engine.mat(1, k);
  const status = engine.kernels.chol_factor_ref(g.ptr, r.ptr, L.ptr, k);
  const Lcopy = engine.copyOut(L);
  const solve = (b: ArrayLike<number>): Float64Array => {
    engine.view(x).set(b);
    engine.kernels.chol_solve_vec(L.ptr, x.ptr, k);
    return engine.copyOut(x);
  };
  return { status, L: Lcopy, solve, done: () => engine.release(mark) };
}

function trace(G: Float64Array, k: number): number {
  let t = 0;
  for (let a = 0; a < k; a++) t += G[a * k + a];
  return t;
}

describe('chol_factor and chol_solve_vec', () => {
  it('solve random SPD systems like Gaussian elimination for k = 1, 2, 3, 5, 8, 20, with no ridge', () => {
    const rng = new Rng(11);
    for (const k of [1, 2, 3, 5, 8, 20]) {
      for (let trial = 0; trial < 5; trial++) {
        const A = uniform(rng, k + 4, k, -1, 1);
        const G = gramOf(A, k + 4, k);
        const b = uniform(rng, 1, k, -2, 2);
        const f = factor(G, k);
        expect(f.status).toBe(0);
        expect(scaledDiff(f.solve(b), solveGE(G, b, k)!)).toBeLessThan(1e-10);
        f.done();
      }
    }
  });

  it('give a lower-triangular L with LLᵀ = G', () => {
    const k = 6;
    const G = gramOf(uniform(new Rng(3), 9, k, 0, 1), 9, k);
    const f = factor(G, k);
    const LLt = new Float64Array(k * k);
    for (let a = 0; a < k; a++) {
      for (let c = 0; c < k; c++) {
        if (c > a) expect(f.L[a * k + c]).toBe(0);
        for (let p = 0; p < k; p++) LLt[a * k + c] += f.L[a * k + p] * f.L[c * k + p];
      }
    }
    expect(scaledDiff(LLt, G)).toBeLessThan(1e-14);
    f.done();
  });

  it('k = 1: x = b/g', () => {
    const f = factor(Float64Array.of(4), 1);
    expect(f.status).toBe(0);
    expect(f.solve([3])[0]).toBe(0.75);
    f.done();
  });
});

describe('singular Grams', () => {
  it('a zero column of W: ridge δ = 1e-9·tr(G)/k, x = 0 on that column, the reduced solution elsewhere', () => {
    const k = 4;
    const rng = new Rng(5);
    const A = uniform(rng, 8, k, 0, 1);
    for (let i = 0; i < 8; i++) A[i * k + 1] = 0;
    const v = uniform(rng, 1, 8, 0, 1);
    const G = gramOf(A, 8, k);
    const b = atv(A, v, 8, k);
    const f = factor(G, k);
    expect(f.status).toBe((1e-9 * trace(G, k)) / k);
    const x = f.solve(b);
    expect(x[1]).toBe(0);
    const keep = [0, 2, 3];
    const Gr = Float64Array.from(keep.flatMap((a) => keep.map((c) => G[a * k + c])));
    const xr = solveGE(
      Gr,
      keep.map((a) => b[a]),
      3,
    )!;
    expect(
      scaledDiff(
        keep.map((a) => x[a]),
        xr,
      ),
    ).toBeLessThan(1e-6);
    f.done();
  });

  it('fewer observed rows than k (rank 2, k = 5): finite, near the minimum-norm least-squares solution', () => {
    const k = 5;
    const r = 2;
    const rng = new Rng(8);
    const A = uniform(rng, r, k, 0, 1);
    const v = uniform(rng, 1, r, 0, 1);
    const G = gramOf(A, r, k);
    const f = factor(G, k);
    expect(f.status).toBeGreaterThan(0);
    const x = f.solve(atv(A, v, r, k));
    expect(x.every(Number.isFinite)).toBe(true);
    // Minimum-norm solution Aᵀ(AAᵀ)⁻¹v.
    const AAt = new Float64Array(r * r);
    for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) for (let a = 0; a < k; a++) AAt[i * r + j] += A[i * k + a] * A[j * k + a];
    const y = solveGE(AAt, v, r)!;
    const xmn = new Float64Array(k);
    for (let i = 0; i < r; i++) for (let a = 0; a < k; a++) xmn[a] += A[i * k + a] * y[i];
    expect(scaledDiff(x, xmn)).toBeLessThan(1e-5);
    f.done();
  });

  it('a zero Gram returns −1 with L = I, so its zero right-hand side gives x = 0 (never NaN)', () => {
    for (const k of [1, 3]) {
      const f = factor(new Float64Array(k * k), k);
      expect(f.status).toBe(-1);
      expect(Array.from(f.L)).toEqual(Array.from({ length: k * k }, (_, t) => (t % (k + 1) === 0 ? 1 : 0)));
      expect(Array.from(f.solve(new Float64Array(k)))).toEqual(new Array(k).fill(0));
      f.done();
    }
  });

  it('a Gram with NaN returns −1 (L = I) instead of throwing', () => {
    const G = Float64Array.of(1, NaN, NaN, 1);
    const f = factor(G, 2);
    expect(f.status).toBe(-1);
    f.done();
  });

  it('a Gram formed by subtraction from a reference R is judged at R’s scale: rounding left by the cancellation is not a pivot', () => {
    // Column 2 of A is nonzero only in the rows that are subtracted, so G[2,2] is 0 up to rounding.
    const k = 3;
    const rng = new Rng(21);
    const A = uniform(rng, 6, k, 0.1, 1.3);
    for (let i = 0; i < 3; i++) A[i * k + 2] = 0;
    const R = gramOf(A, 6, k);
    const G = R.slice();
    for (let i = 3; i < 6; i++) for (let a = 0; a < k; a++) for (let c = 0; c < k; c++) G[a * k + c] -= A[i * k + a] * A[i * k + c];
    const v = uniform(rng, 1, 3, 0, 1);
    const b = atv(A.subarray(0, 3 * k), v, 3, k);
    const f = factor(G, k, R);
    expect(f.status).toBe((1e-9 * trace(R, k)) / k);
    const x = f.solve(b);
    // The reduced problem on columns 0, 1 over the 3 observed rows.
    const A01 = Float64Array.from({ length: 6 }, (_, t) => A[Math.floor(t / 2) * k + (t % 2)]);
    const xr = solveGE(gramOf(A01, 3, 2), b.subarray(0, 2), 2)!;
    expect(Math.abs(x[2])).toBeLessThan(1e-6 * Math.max(Math.abs(xr[0]), Math.abs(xr[1])));
    expect(scaledDiff(x.subarray(0, 2), xr)).toBeLessThan(1e-6);
    f.done();
  });
});

describe('chol_solve over many right-hand sides', () => {
  const k = 4;
  const rng = new Rng(13);
  const G = gramOf(uniform(rng, 7, k, 0, 1), 7, k);

  it('solves every column of a k×n matrix (vs = 1, es = n) and every row of an m×k one (vs = k, es = 1)', () => {
    const n = 9;
    const Bc = uniform(rng, k, n, -1, 1);
    const mark = engine.mark();
    const g = engine.matFrom(k, k, G);
    const L = engine.mat(k, k);
    const work = engine.mat(1, k);
    engine.kernels.chol_factor(g.ptr, L.ptr, k);
    const B = engine.matFrom(k, n, Bc);
    const X = engine.mat(k, n);
    engine.kernels.chol_solve(L.ptr, B.ptr, X.ptr, k, n, 1, n, 0, work.ptr);
    const Xc = engine.copyOut(X);
    for (let j = 0; j < n; j++) {
      const col = Array.from({ length: k }, (_, a) => Bc[a * n + j]);
      const want = solveGE(G, col, k)!;
      expect(
        scaledDiff(
          Array.from({ length: k }, (_, a) => Xc[a * n + j]),
          want,
        ),
      ).toBeLessThan(1e-12);
    }
    // Rows, in place (B = X), clipped: max(0, G⁻¹b) for each row.
    const Br = uniform(rng, n, k, -1, 1);
    const R = engine.matFrom(n, k, Br);
    engine.kernels.chol_solve(L.ptr, R.ptr, R.ptr, k, n, k, 1, 1, work.ptr);
    const Rc = engine.copyOut(R);
    let clipped = 0;
    for (let i = 0; i < n; i++) {
      const want = solveGE(G, Br.subarray(i * k, i * k + k), k)!;
      clipped += want.filter((v) => v < 0).length;
      expect(
        scaledDiff(
          Rc.subarray(i * k, i * k + k),
          want.map((v) => Math.max(0, v)),
        ),
      ).toBeLessThan(1e-12);
    }
    expect(clipped).toBeGreaterThan(0);
    engine.release(mark);
  });

  it('keeps the solution of G x = b with G x − b at rounding level', () => {
    const b = uniform(rng, 1, k, 0, 1);
    const f = factor(G, k);
    const r = matVec(G, f.solve(b), k).map((v, a) => v - b[a]);
    expect(Math.max(...r.map(Math.abs))).toBeLessThan(1e-13);
    f.done();
  });
});

describe('transpose (assembly/transpose.ts; the masked W step uses it for Hᵀ)', () => {
  it('At = Aᵀ', () => {
    const mark = engine.mark();
    const A = engine.matFrom(2, 3, [1, 2, 3, 4, 5, 6]);
    const At = engine.mat(3, 2);
    engine.kernels.transpose(A.ptr, At.ptr, 2, 3);
    expect(Array.from(engine.view(At))).toEqual([1, 4, 2, 5, 3, 6]);
    engine.release(mark);
  });
});
