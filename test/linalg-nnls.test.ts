// The active-set NNLS on normal equations (assembly/linalg-nnls.ts) against scipy.optimize.nnls,
// brute force over every support, and the KKT conditions, on regular and singular Grams.
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../src/core/rng.js';
import type { Engine } from '../src/wasm/engine.js';
import { createEngineNode } from '../src/wasm/node.js';
import { atv, gramOf, kktViolation, nnlsBrute, quadratic, scaledDiff, uniform } from './helpers/linalg.js';

let engine: Engine;
beforeAll(async () => {
  engine = await createEngineNode();
});

/** Runs the wasm nnls on (G, b) from the warm start x0 (default 0); returns x and nnls's result. */
function nnls(G: Float64Array, b: ArrayLike<number>, k: number, x0?: ArrayLike<number>): { x: Float64Array; result: number } {
  const mark = engine.mark();
  const g = engine.matFrom(k, k, G);
  const bv = engine.matFrom(1, k, b);
  const x = engine.matFrom(1, k, x0 ?? new Float64Array(k));
  const work = engine.allocBytes(engine.kernels.nnls_work_bytes(k));
  const result = engine.kernels.nnls(g.ptr, g.ptr, bv.ptr, x.ptr, k, work);
  const out = engine.copyOut(x);
  engine.release(mark);
  return { x: out, result };
}

/** G = AᵀA and b = Aᵀv for A (r×k) given row by row. */
function normal(A: number[][], v: number[]): { G: Float64Array; b: Float64Array; k: number } {
  const k = A[0].length;
  const a = Float64Array.from(A.flat());
  return { G: gramOf(a, A.length, k), b: atv(a, Float64Array.from(v), A.length, k), k };
}

describe('nnls', () => {
  it('matches scipy.optimize.nnls on two problems with mixed supports', () => {
    const p1 = normal(
      [
        [1, 0.5, 0.2],
        [0.3, 1, 0.1],
        [0.2, 0.4, 1],
        [0.9, 0.1, 0.3],
        [0.1, 0.8, 0.6],
      ],
      [1, -0.5, 0.3, 0.8, -0.2],
    );
    expect(scaledDiff(nnls(p1.G, p1.b, 3).x, [0.8256410256410256, 0, 0])).toBeLessThan(1e-13);
    const p2 = normal(
      [
        [0.9, 0.2, 0.4, 0.1],
        [0.1, 0.8, 0.3, 0.7],
        [0.5, 0.5, 0.9, 0.2],
        [0.3, 0.6, 0.1, 0.9],
        [0.7, 0.1, 0.6, 0.4],
        [0.2, 0.9, 0.5, 0.3],
      ],
      [0.5, 0.9, -0.4, 1.2, 0.1, 0.6],
    );
    const x2 = nnls(p2.G, p2.b, 4).x;
    expect(x2[0]).toBe(0);
    expect(x2[2]).toBe(0);
    expect(scaledDiff(x2, [0, 0.11303255724084639, 0, 1.0794126171384404])).toBeLessThan(1e-13);
  });

  it('matches brute force over every support for k = 1..8, from a cold and from a warm start', () => {
    const rng = new Rng(101);
    let mixed = 0;
    for (let trial = 0; trial < 64; trial++) {
      const k = 1 + (trial % 8);
      const r = k + 1 + (trial % 3);
      const A = uniform(rng, r, k, 0, 1);
      const v = uniform(rng, 1, r, -0.5, 1);
      const G = gramOf(A, r, k);
      const b = atv(A, v, r, k);
      const want = nnlsBrute(G, b, k).x;
      const cold = nnls(G, b, k);
      const warm = nnls(G, b, k, uniform(rng, 1, k, 0, 2));
      expect(cold.result).toBeGreaterThanOrEqual(0);
      for (const got of [cold.x, warm.x]) {
        expect(scaledDiff(got, want)).toBeLessThan(1e-9);
        for (let a = 0; a < k; a++) if (want[a] === 0) expect(got[a]).toBe(0);
        expect(kktViolation(G, b, got, k)).toBeLessThan(1e-12);
      }
      if (want.some((x) => x === 0) && want.some((x) => x > 0)) mixed++;
    }
    expect(mixed).toBeGreaterThan(20); // the constraints were active in many of the problems
  });

  it('satisfies KKT for k = 20 and never ends above its warm start', () => {
    const rng = new Rng(202);
    const k = 20;
    for (let trial = 0; trial < 10; trial++) {
      const r = 30;
      const A = uniform(rng, r, k, 0, 1);
      const G = gramOf(A, r, k);
      const b = atv(A, uniform(rng, 1, r, -0.3, 1), r, k);
      const x0 = uniform(rng, 1, k, 0, 1);
      const { x, result } = nnls(G, b, k, x0);
      expect(result).toBeGreaterThanOrEqual(0);
      expect(kktViolation(G, b, x, k)).toBeLessThan(1e-12);
      expect(quadratic(G, b, x, k)).toBeLessThanOrEqual(quadratic(G, b, x0, k));
    }
  });

  it('from a warm start that is a poor guess (as a random initialization is) takes the cold path, bit for bit', () => {
    // An all-positive warm start whose passive solution is mostly ≤ 0: Lawson–Hanson would drop
    // those indices one by one; nnls starts from x = 0 instead, so x and the count of entering
    // indices are exactly the cold start's (the drop path rounds differently and counts fewer).
    const rng = new Rng(303);
    const k = 20;
    let zeros = 0;
    for (let trial = 0; trial < 10; trial++) {
      const r = 40;
      const A = uniform(rng, r, k, 0, 1);
      const G = gramOf(A, r, k);
      const b = atv(A, uniform(rng, 1, r, -1, 0.6), r, k);
      const cold = nnls(G, b, k);
      const warm = nnls(G, b, k, new Float64Array(k).fill(1));
      expect(warm.result).toBe(cold.result);
      expect(Array.from(warm.x)).toEqual(Array.from(cold.x));
      expect(kktViolation(G, b, warm.x, k)).toBeLessThan(1e-12);
      zeros += cold.x.filter((x) => x === 0).length;
    }
    expect(zeros).toBeGreaterThan(10 * (k / 4)); // most problems had many active constraints
  });

  it('takes no step from a solution: the warm start is returned with 0 entering indices', () => {
    const p = normal(
      [
        [1, 0.2],
        [0.3, 1],
        [0.5, 0.5],
      ],
      [1, 1, 0.2],
    );
    const first = nnls(p.G, p.b, 2);
    const again = nnls(p.G, p.b, 2, first.x);
    expect(again.result).toBe(0);
    expect(scaledDiff(again.x, first.x)).toBeLessThan(1e-15);
  });

  it('gives x = 0 when b ≤ 0 (G positive definite), and when G = 0 whatever the warm start', () => {
    const p = normal(
      [
        [1, 0.2],
        [0.3, 1],
        [0.5, 0.5],
      ],
      [-1, -1, -0.2],
    );
    expect(Array.from(nnls(p.G, p.b, 2).x)).toEqual([0, 0]);
    expect(Array.from(nnls(new Float64Array(9), new Float64Array(3), 3, [1, 2, 3]).x)).toEqual([0, 0, 0]);
  });

  it('treats negative and NaN warm-start entries as 0', () => {
    const p = normal(
      [
        [1, 0.2],
        [0.3, 1],
        [0.5, 0.5],
      ],
      [1, 1, 0.2],
    );
    const want = nnls(p.G, p.b, 2).x;
    expect(scaledDiff(nnls(p.G, p.b, 2, [-1, NaN]).x, want)).toBeLessThan(1e-15);
  });
});

describe('nnls on singular Grams', () => {
  const rng = new Rng(303);

  it('a zero column of A stays at 0; the rest is the reduced solution', () => {
    const k = 5;
    const A = uniform(rng, 9, k, 0, 1);
    for (let i = 0; i < 9; i++) A[i * k + 2] = 0;
    const G = gramOf(A, 9, k);
    const b = atv(A, uniform(rng, 1, 9, 0, 1), 9, k);
    const { x } = nnls(G, b, k, [1, 1, 1, 1, 1]);
    expect(x[2]).toBe(0);
    expect(scaledDiff(x, nnlsBrute(G, b, k).x)).toBeLessThan(1e-9);
    expect(kktViolation(G, b, x, k)).toBeLessThan(1e-12);
  });

  it('rank-deficient Grams (fewer rows than k, duplicated columns): KKT holds and the objective is the optimum', () => {
    for (let trial = 0; trial < 24; trial++) {
      const k = 3 + (trial % 5);
      const duplicate = trial % 2 === 1;
      const r = duplicate ? k + 2 : 1 + (trial % (k - 1));
      const A = uniform(rng, r, k, 0, 1);
      if (duplicate) for (let i = 0; i < r; i++) A[i * k + k - 1] = A[i * k];
      const G = gramOf(A, r, k);
      const b = atv(A, uniform(rng, 1, r, -0.2, 1), r, k);
      for (const x0 of [undefined, uniform(rng, 1, k, 0, 1)]) {
        const { x, result } = nnls(G, b, k, x0);
        expect(result).toBeGreaterThanOrEqual(0);
        expect(x.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
        expect(kktViolation(G, b, x, k)).toBeLessThan(1e-10);
        const best = nnlsBrute(G, b, k).value;
        expect(quadratic(G, b, x, k) - best).toBeLessThan(1e-12 * Math.max(1, Math.abs(best)));
      }
    }
  });
});

describe('nnls_batch', () => {
  it('solves the columns of a k×n matrix (vs = 1, es = n) and the rows of an m×k one (vs = k, es = 1) like nnls one by one, bit for bit', () => {
    const rng = new Rng(404);
    const k = 4;
    const n = 7;
    const A = uniform(rng, 8, k, 0, 1);
    const G = gramOf(A, 8, k);
    const Bc = uniform(rng, k, n, -1, 1);
    const X0 = uniform(rng, k, n, 0, 1);
    const mark = engine.mark();
    const g = engine.matFrom(k, k, G);
    const B = engine.matFrom(k, n, Bc);
    const X = engine.matFrom(k, n, X0);
    const work = engine.allocBytes(engine.kernels.nnls_work_bytes(k));
    expect(engine.kernels.nnls_batch(g.ptr, B.ptr, X.ptr, k, n, 1, n, work)).toBe(0);
    const Xc = engine.copyOut(X);
    for (let j = 0; j < n; j++) {
      const col = (M: Float64Array) => Array.from({ length: k }, (_, a) => M[a * n + j]);
      expect(col(Xc)).toEqual(Array.from(nnls(G, col(Bc), k, col(X0)).x)); // bit-identical, factor sharing or not
    }
    const Br = uniform(rng, n, k, -1, 1);
    const R = engine.matFrom(n, k, Br);
    const Y = engine.mat(n, k);
    expect(engine.kernels.nnls_batch(g.ptr, R.ptr, Y.ptr, k, n, k, 1, work)).toBe(0);
    const Yc = engine.copyOut(Y);
    for (let i = 0; i < n; i++) {
      expect(scaledDiff(Yc.subarray(i * k, i * k + k), nnlsBrute(G, Br.subarray(i * k, i * k + k), k).x)).toBeLessThan(1e-9);
    }
    engine.release(mark);
  });
});
