// gd: both gradients from the same residual, what projection is for, divergence for a large η.
import { describe, expect, it } from 'vitest';
import { solverParams } from '../src/driver/options.js';
import { gemm_nn, gemm_nt, gemm_tn } from '../src/kernels-ts/products.js';
import { planted } from '../src/data/generate.js';
import { factors, startRun, stepTimes } from './helpers/solver-run.js';

describe('gd', () => {
  it('takes one projected gradient step from the same residual for W and H', async () => {
    const p = planted({ rows: 7, cols: 5, rank: 2, seed: 2, noise: 0.2, missing: 0.2 });
    const [m, n, k] = [7, 5, 2];
    const { f } = await startRun('gd', p.data, { rank: k, params: solverParams('gd', { learningRate: 0.05, l2: 0.1 }) });
    const { W, H } = factors(f);
    const Wt = Float64Array.from(W);
    const Ht = Float64Array.from(H);
    const WH = new Float64Array(m * n);
    gemm_nn(Wt, Ht, WH, m, k, n);
    const R = p.data.values.map((v, t) => (Number.isNaN(v) ? 0 : v - WH[t])); // M∘(V − WH)
    const RHt = new Float64Array(m * k);
    gemm_nt(R, Ht, RHt, m, n, k);
    const WtR = new Float64Array(k * n);
    gemm_tn(Wt, R, WtR, m, k, n);
    const W1 = W.map((w, t) => Math.max(0, w + 0.05 * (RHt[t] - 0.1 * w)));
    const H1 = H.map((h, t) => Math.max(0, h + 0.05 * (WtR[t] - 0.1 * h)));
    f.step();
    factors(f).W.forEach((w, t) => expect(w).toBeCloseTo(W1[t], 13));
    factors(f).H.forEach((h, t) => expect(h).toBeCloseTo(H1[t], 13));
  });

  it('stays non-negative with projection; without it W and H go negative, so the result is no NMF', async () => {
    const p = planted({ rows: 30, cols: 20, rank: 2, seed: 4, noise: 0.3, missing: 0.2 });
    for (const project of [true, false]) {
      const { f } = await startRun('gd', p.data, { rank: 4, params: solverParams('gd', { project }) });
      stepTimes(f, 30);
      const { W, H } = factors(f);
      expect(Math.min(...W) < 0, `W, project ${project}`).toBe(!project);
      expect(Math.min(...H) < 0, `H, project ${project}`).toBe(!project);
    }
  });

  it('stops as diverged, with the hint to lower the learning rate, when η is too large', async () => {
    const p = planted({ rows: 30, cols: 20, rank: 3, seed: 5, noise: 0.1 });
    const { f } = await startRun('gd', p.data, { rank: 3, maxIter: 100, params: solverParams('gd', { learningRate: 0.1 }) });
    while (!f.stop) f.step();
    // projected overshoots clip W and H to 0 here rather than growing without bound
    expect(f.stop!.reason).toBe('diverged');
    expect(f.stop!.message).toBe(
      `diverged at iteration ${f.iteration}: W·H collapsed to zero, from which no iteration recovers. Lower the learning rate (try 10× smaller).`,
    );
    expect(Math.max(...factors(f).W) === 0 || Math.max(...factors(f).H) === 0).toBe(true);
  });

  it('converges with its default learning rate on the same data', async () => {
    const p = planted({ rows: 30, cols: 20, rank: 3, seed: 5, noise: 0.1 });
    const { f } = await startRun('gd', p.data, { rank: 3, maxIter: 300 });
    while (!f.stop) f.step();
    expect(f.stop!.reason).toBe('max-iter');
    expect(f.relError).toBeLessThan(0.5 * f.initialRelError);
  });
});
