// The truncated SVD behind NNDSVD: singular values and |vectors| against numpy's LAPACK SVD on the
// fixtures of test/fixtures/svd (make_svd_fixtures.py), orthonormality, residuals, determinism,
// the exact small-matrix path, rank deficiency, the iteration cap and the allocation discipline.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Mat } from '../src/core/matrix.js';
import { Rng } from '../src/core/rng.js';
import { planted } from '../src/data/generate.js';
import { SVD_TOL, truncatedSvd, type SvdOptions, type TruncatedSvd } from '../src/init/svd.js';
import type { Engine } from '../src/wasm/engine.js';
import { createEngineNode } from '../src/wasm/node.js';

const DIR = new URL('./fixtures/svd/', import.meta.url);

interface SvdCase {
  name: string;
  k: number;
  m: number;
  n: number;
  A: Float64Array;
  sigma: number[];
  absU: number[][];
  absV: number[][];
  vectors: number[];
}

function loadCase(file: string): SvdCase {
  const j = JSON.parse(readFileSync(new URL(file, DIR), 'utf8'));
  const m = j.A.length;
  const n = j.A[0].length;
  return { name: j.name, k: j.k, m, n, A: Float64Array.from(j.A.flat()), sigma: j.sigma, absU: j.absU, absV: j.absV, vectors: j.vectors };
}

const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map(loadCase);

/** What one SVD gives, copied out of wasm memory. */
interface Result {
  svd: TruncatedSvd;
  U: Float64Array; // k×m
  V: Float64Array; // k×n
}

async function svdOf(m: number, n: number, data: ArrayLike<number>, k: number, options?: SvdOptions): Promise<Result> {
  const engine = await createEngineNode();
  const A = engine.matFrom(m, n, data);
  const svd = truncatedSvd(engine, A, k, options);
  return { svd, U: engine.copyOut(svd.Ut), V: engine.copyOut(svd.Vt) };
}

/** max |XXᵀ − I| over the k rows (length len) of X. */
function orthoError(X: Float64Array, k: number, len: number): number {
  let worst = 0;
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      let s = 0;
      for (let t = 0; t < len; t++) s += X[a * len + t] * X[b * len + t];
      worst = Math.max(worst, Math.abs(s - (a === b ? 1 : 0)));
    }
  }
  return worst;
}

/** max_j of ‖A·vⱼ − σⱼuⱼ‖ and ‖Aᵀ·uⱼ − σⱼvⱼ‖, computed in plain TypeScript. */
function tripleResidual(A: ArrayLike<number>, m: number, n: number, r: Result): number {
  let worst = 0;
  for (let j = 0; j < r.svd.k; j++) {
    const s = r.svd.sigma[j];
    let left = 0;
    for (let i = 0; i < m; i++) {
      let av = 0;
      for (let c = 0; c < n; c++) av += A[i * n + c] * r.V[j * n + c];
      left += (av - s * r.U[j * m + i]) ** 2;
    }
    let right = 0;
    for (let c = 0; c < n; c++) {
      let au = 0;
      for (let i = 0; i < m; i++) au += A[i * n + c] * r.U[j * m + i];
      right += (au - s * r.V[j * n + c]) ** 2;
    }
    worst = Math.max(worst, Math.sqrt(left), Math.sqrt(right));
  }
  return worst;
}

/** An m×n matrix with entries uniform in [0, 1) from `seed`. */
function uniform(m: number, n: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: m * n }, () => rng.next());
}

/** An m×n non-negative matrix of rank r (src/data/generate.ts planted, no noise). */
function lowRank(m: number, n: number, r: number, seed: number): Float64Array {
  return planted({ rows: m, cols: n, rank: r, seed }).data.values;
}

describe('truncatedSvd against numpy (test/fixtures/svd)', () => {
  it('has the five fixtures: tall, wide, k = 1, a near-repeated pair, small', () => {
    expect(cases.map((c) => c.name)).toEqual([
      'svd_cluster130x105_k5',
      'svd_small12x9_k4',
      'svd_tall220x110_k6',
      'svd_uniform150x120_k1',
      'svd_wide110x230_k8',
    ]);
  });

  for (const c of cases) {
    it(`${c.name}: singular values to 1e-12, determined |vectors| to 1e-9, orthonormal, converged`, async () => {
      const r = await svdOf(c.m, c.n, c.A, c.k);
      expect(r.svd.stop).toBe('tolerance');
      expect(r.svd.residual).toBeLessThanOrEqual(SVD_TOL);
      expect(r.svd.sigma).toHaveLength(c.k);
      for (let j = 0; j < c.k; j++) expect(Math.abs(r.svd.sigma[j] - c.sigma[j]) / c.sigma[j]).toBeLessThan(1e-12);
      for (const j of c.vectors) {
        for (let i = 0; i < c.m; i++) expect(Math.abs(Math.abs(r.U[j * c.m + i]) - c.absU[j][i])).toBeLessThan(1e-9);
        for (let i = 0; i < c.n; i++) expect(Math.abs(Math.abs(r.V[j * c.n + i]) - c.absV[j][i])).toBeLessThan(1e-9);
      }
      expect(orthoError(r.U, c.k, c.m)).toBeLessThan(1e-12);
      expect(orthoError(r.V, c.k, c.n)).toBeLessThan(1e-12);
      expect(tripleResidual(c.A, c.m, c.n, r)).toBeLessThan(1e-11 * c.sigma[0]);
    });
  }

  it('takes one exact round when min(m, n) ≤ 100 and many on the 110×230 fixture', async () => {
    const small = cases.find((c) => c.name === 'svd_small12x9_k4')!;
    expect((await svdOf(small.m, small.n, small.A, small.k)).svd.iterations).toBe(1);
    const wide = cases.find((c) => c.name === 'svd_wide110x230_k8')!;
    expect((await svdOf(wide.m, wide.n, wide.A, wide.k)).svd.iterations).toBeGreaterThan(3);
  });
});

describe('truncatedSvd properties', () => {
  it('is bit-identical across runs and engines', async () => {
    const A = uniform(130, 110, 3);
    const a = await svdOf(130, 110, A, 6);
    const b = await svdOf(130, 110, A, 6);
    expect(Array.from(b.svd.sigma)).toEqual(Array.from(a.svd.sigma));
    expect(Array.from(b.U)).toEqual(Array.from(a.U));
    expect(Array.from(b.V)).toEqual(Array.from(a.V));
  });

  it('depends on the start seed only at rounding level once converged', async () => {
    const A = lowRank(140, 120, 5, 11);
    const a = await svdOf(140, 120, A, 5, { seed: 1 });
    const b = await svdOf(140, 120, A, 5, { seed: 2 });
    expect(a.svd.stop).toBe('tolerance');
    expect(b.svd.stop).toBe('tolerance');
    for (let j = 0; j < 5; j++) expect(Math.abs(a.svd.sigma[j] - b.svd.sigma[j])).toBeLessThan(1e-12 * a.svd.sigma[0]);
    for (let t = 0; t < a.U.length; t++) expect(Math.abs(Math.abs(a.U[t]) - Math.abs(b.U[t]))).toBeLessThan(1e-9);
    for (let t = 0; t < a.V.length; t++) expect(Math.abs(Math.abs(a.V[t]) - Math.abs(b.V[t]))).toBeLessThan(1e-9);
  });

  it('gives σ ≈ 0 beyond the rank of a rank-3 matrix, with orthonormal vectors still', async () => {
    const A = lowRank(150, 120, 3, 21);
    const r = await svdOf(150, 120, A, 6);
    expect(r.svd.sigma[2]).toBeGreaterThan(1e-3 * r.svd.sigma[0]);
    for (let j = 3; j < 6; j++) expect(r.svd.sigma[j]).toBeLessThan(1e-12 * r.svd.sigma[0]);
    expect(orthoError(r.U, 6, 150)).toBeLessThan(1e-12);
    expect(orthoError(r.V, 6, 120)).toBeLessThan(1e-12);
    expect(tripleResidual(A, 150, 120, r)).toBeLessThan(1e-11 * r.svd.sigma[0]);
  });

  it('gives σ = 0 and orthonormal vectors for a zero matrix, small and large', async () => {
    for (const [m, n] of [
      [20, 10],
      [150, 120],
    ]) {
      const r = await svdOf(m, n, new Float64Array(m * n), 3);
      expect(Array.from(r.svd.sigma)).toEqual([0, 0, 0]);
      expect(r.svd.residual).toBe(0);
      expect(orthoError(r.U, 3, m)).toBeLessThan(1e-12);
      expect(orthoError(r.V, 3, n)).toBeLessThan(1e-12);
    }
  });

  it('stops at maxIter with stop = max-iter on a slowly converging matrix, still orthonormal', async () => {
    const A = uniform(150, 120, 5);
    const r = await svdOf(150, 120, A, 5, { maxIter: 2 });
    expect(r.svd.iterations).toBe(2);
    expect(r.svd.stop).toBe('max-iter');
    expect(r.svd.residual).toBeGreaterThan(SVD_TOL);
    expect(orthoError(r.U, 5, 150)).toBeLessThan(1e-12);
    expect(orthoError(r.V, 5, 120)).toBeLessThan(1e-12);
  });

  it('stops as stalled once the residual sits at rounding level above an unreachable tolerance', async () => {
    const A = uniform(140, 120, 12);
    const r = await svdOf(140, 120, A, 1, { tol: 1e-30, maxIter: 200 });
    expect(r.svd.stop).toBe('stalled');
    expect(r.svd.iterations).toBeLessThan(200);
    expect(r.svd.residual).toBeLessThan(1e-13);
  });

  it('rejects k outside 1..min(m, n) with a plain message', async () => {
    const engine = await createEngineNode();
    const A = engine.mat(12, 9);
    expect(() => truncatedSvd(engine, A, 0)).toThrow('truncatedSvd: k = 0 must be an integer from 1 to min(m, n) = 9');
    expect(() => truncatedSvd(engine, A, 10)).toThrow('truncatedSvd: k = 10 must be an integer from 1 to min(m, n) = 9');
  });

  it('allocates its whole workspace before the first round: same allocations for 1 and 12 rounds', async () => {
    const A = uniform(150, 120, 8);
    const count = async (maxIter: number): Promise<[number, number, number]> => {
      const engine = await createEngineNode();
      const M: Mat = engine.matFrom(150, 120, A);
      const before = engine.used;
      let calls = 0;
      const alloc = engine.allocBytes.bind(engine);
      (engine as Engine).allocBytes = (bytes: number) => {
        calls++;
        return alloc(bytes);
      };
      const r = truncatedSvd(engine, M, 4, { maxIter });
      return [calls, engine.used - before, r.iterations];
    };
    const one = await count(1);
    const many = await count(12);
    expect(one[2]).toBe(1);
    expect(many[2]).toBe(12);
    expect(many[0]).toBe(one[0]);
    expect(many[1]).toBe(one[1]);
  });
});
