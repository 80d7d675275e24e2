// hals: the Gram form on full data (also followed by the reference fixture), the masked
// coordinate descent against a plain-TS version of its definition, and what it recovers.
import { describe, expect, it } from 'vitest';
import { Rng } from '../src/core/rng.js';
import { Factorization } from '../src/driver/factorization.js';
import { DEFAULT_OPTIONS, solverParams } from '../src/driver/options.js';
import { createEngineNode } from '../src/wasm/node.js';
import { planted } from '../src/data/generate.js';
import { heldOutRmse, heldOutScale } from './helpers/held-out.js';
import { factors, scaledDiff, startRun, stepTimes, withOnesMask } from './helpers/solver-run.js';

/**
 * One HALS iteration for ½‖M∘(V−WH)‖²_F by its definition, entry by entry: each H[a,j] set to
 * its exact minimizer ≥ 0 with everything else fixed (a = 0..k−1), then each W[i,a].
 * V, M (m×n), W (m×k), H (k×n) plain arrays, updated in place.
 */
function halsByDefinition(V: number[], M: number[], W: number[], H: number[], m: number, k: number, n: number): void {
  const wh = (i: number, j: number) => {
    let s = 0;
    for (let b = 0; b < k; b++) s += W[i * k + b] * H[b * n + j];
    return s;
  };
  for (let a = 0; a < k; a++) {
    for (let j = 0; j < n; j++) {
      let num = 0;
      let den = 0;
      for (let i = 0; i < m; i++) {
        num += M[i * n + j] * W[i * k + a] * (V[i * n + j] - wh(i, j));
        den += M[i * n + j] * W[i * k + a] ** 2;
      }
      if (den > 0) H[a * n + j] = Math.max(0, H[a * n + j] + num / den);
    }
  }
  for (let a = 0; a < k; a++) {
    for (let i = 0; i < m; i++) {
      let num = 0;
      let den = 0;
      for (let j = 0; j < n; j++) {
        num += M[i * n + j] * H[a * n + j] * (V[i * n + j] - wh(i, j));
        den += M[i * n + j] * H[a * n + j] ** 2;
      }
      if (den > 0) W[i * k + a] = Math.max(0, W[i * k + a] + num / den);
    }
  }
}

describe('hals', () => {
  it.each([
    [9, 7, 3],
    [6, 8, 1],
    [5, 4, 4],
    [12, 10, 2],
  ])('with missing entries, follows the entry-by-entry definition of coordinate descent (%i×%i, k = %i)', async (m, n, k) => {
    const p = planted({ rows: m, cols: n, rank: 2, seed: 6 + m, noise: 0.3, missing: 0.35 });
    const { engine, f } = await startRun('hals', p.data, { rank: k, seed: 9 });
    const V = Array.from(p.data.values, (x) => (Number.isNaN(x) ? 0 : x));
    const M = Array.from(p.data.values, (x) => (Number.isNaN(x) ? 0 : 1));
    const { W, H } = factors(f);
    for (let t = 0; t < 15; t++) {
      halsByDefinition(V, M, W, H, m, k, n);
      f.step();
      expect(scaledDiff(engine.view(f.W), W), `iteration ${t + 1}`).toBeLessThan(1e-10);
      expect(scaledDiff(engine.view(f.H), H), `iteration ${t + 1}`).toBeLessThan(1e-10);
    }
  });

  it('gives the same iterations through the masked path with an all-ones mask as through the Gram form', async () => {
    const p = planted({ rows: 14, cols: 12, rank: 3, seed: 3, noise: 0.2 });
    const { engine, problem, f } = await startRun('hals', p.data, { rank: 4, seed: 2 });
    const masked = new Factorization(engine, withOnesMask(engine, problem), {
      ...DEFAULT_OPTIONS,
      algorithm: 'hals',
      rank: 4,
      seed: 2,
      tol: 0,
      params: solverParams('hals'),
    });
    stepTimes(f, 25);
    stepTimes(masked, 25);
    expect(scaledDiff(factors(masked).W, factors(f).W)).toBeLessThan(1e-10);
    expect(scaledDiff(factors(masked).H, factors(f).H)).toBeLessThan(1e-10);
    expect(Math.abs(masked.loss - f.loss) / f.loss).toBeLessThan(1e-10);
  });

  it('masked kernels with a null mask compute exactly what hals_rows and hals_cols compute', async () => {
    const engine = await createEngineNode();
    const K = engine.kernels;
    const rng = new Rng(17);
    const [m, k, n] = [13, 5, 11];
    const rand = (rows: number, cols: number) =>
      engine.matFrom(
        rows,
        cols,
        Array.from({ length: rows * cols }, () => rng.next()),
      );
    const V = rand(m, n);
    const W = rand(m, k);
    const H1 = rand(k, n);
    const H2 = engine.matFrom(k, n, engine.view(H1));
    const W2 = engine.matFrom(m, k, engine.view(W));
    const R = engine.mat(m, n);
    const scratch = engine.mat(3, n);
    const WtV = engine.mat(k, n);
    const WtW = engine.mat(k, k);
    K.gemm_tn(W.ptr, V.ptr, WtV.ptr, m, k, n);
    K.gram_tn(W.ptr, WtW.ptr, m, k);
    K.hals_rows(H1.ptr, WtV.ptr, WtW.ptr, k, n);
    K.residual(V.ptr, 0, W.ptr, H2.ptr, R.ptr, m, k, n);
    K.hals_rows_masked(H2.ptr, W.ptr, 0, R.ptr, scratch.ptr, m, k, n);
    expect(scaledDiff(engine.view(H2), engine.view(H1))).toBeLessThan(1e-12);

    const VHt = engine.mat(m, k);
    const HHt = engine.mat(k, k);
    K.gemm_nt(V.ptr, H1.ptr, VHt.ptr, m, n, k);
    K.gram_nt(H1.ptr, HHt.ptr, k, n);
    K.hals_cols(W.ptr, VHt.ptr, HHt.ptr, m, k);
    K.residual(V.ptr, 0, W2.ptr, H1.ptr, R.ptr, m, k, n);
    K.hals_cols_masked(W2.ptr, H1.ptr, 0, R.ptr, m, k, n);
    expect(scaledDiff(engine.view(W2), engine.view(W))).toBeLessThan(1e-12);

    // and R is left as the residual of the updated factors
    const R2 = engine.mat(m, n);
    K.residual(V.ptr, 0, W2.ptr, H1.ptr, R2.ptr, m, k, n);
    expect(scaledDiff(engine.view(R), engine.view(R2))).toBeLessThan(1e-12);
  });

  it('reports the same loss from its own residual as the driver computes entry by entry', async () => {
    for (const missing of [0, 0.3]) {
      const p = planted({ rows: 16, cols: 12, rank: 3, seed: 12, noise: 0.2, missing });
      const { engine, problem, f } = await startRun('hals', p.data, { rank: 3 });
      stepTimes(f, 7);
      const scratch = engine.mat(1, problem.n);
      const direct = engine.kernels.sq_residual(
        problem.V.ptr,
        problem.M ? problem.M.ptr : 0,
        f.W.ptr,
        f.H.ptr,
        problem.m,
        3,
        problem.n,
        scratch.ptr,
      );
      expect(Math.abs(2 * f.loss - direct) / direct).toBeLessThan(1e-12);
    }
  });

  it('recovers the hidden entries of an exactly low-rank matrix with 30% missing', async () => {
    const p = planted({ rows: 40, cols: 30, rank: 3, seed: 21, missing: 0.3 });
    const { engine, f } = await startRun('hals', p.data, { rank: 3, seed: 1, maxIter: 500 });
    while (!f.stop) f.step();
    expect(f.relError).toBeLessThan(1e-3);
    expect(heldOutRmse(p, engine.view(f.W), engine.view(f.H), 3) / heldOutScale(p)).toBeLessThan(1e-2);
  });
});
