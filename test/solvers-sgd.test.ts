// sgd: one step is one epoch over the observed entries in a shuffled order, checked against a
// plain-TS epoch; it fits a planted low-rank matrix with missing entries; it is fixed by the seed.
import { describe, expect, it } from 'vitest';
import { loadProblem } from '../src/core/problem.js';
import { Rng } from '../src/core/rng.js';
import { solverParams } from '../src/driver/options.js';
import { sgd, shuffleTogether } from '../src/solvers/sgd.js';
import { createEngineNode } from '../src/wasm/node.js';
import { planted } from '../src/data/generate.js';
import { heldOutRmse, heldOutScale } from './helpers/held-out.js';
import { factors, scaledDiff, startRun, stepTimes } from './helpers/solver-run.js';

describe('shuffleTogether', () => {
  it('permutes the indices and carries each value with its index', () => {
    const idx = Int32Array.from({ length: 50 }, (_, t) => t * 3);
    const val = Float64Array.from(idx, (x) => x / 2);
    shuffleTogether(new Rng(1), idx, val);
    expect(Array.from(idx)).not.toEqual(Array.from({ length: 50 }, (_, t) => t * 3));
    expect(Array.from(idx).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, t) => t * 3));
    idx.forEach((x, t) => expect(val[t]).toBe(x / 2));
  });

  it('is fixed by the seed and differs between seeds', () => {
    const shuffled = (seed: number) => {
      const idx = Int32Array.from({ length: 20 }, (_, t) => t);
      shuffleTogether(new Rng(seed), idx, new Float64Array(20));
      return Array.from(idx);
    };
    expect(shuffled(5)).toEqual(shuffled(5));
    expect(shuffled(6)).not.toEqual(shuffled(5));
  });

  it('makes each of the 6 orders of 3 items about equally likely', () => {
    const counts = new Map<string, number>();
    const rng = new Rng(99);
    const draws = 60000;
    for (let r = 0; r < draws; r++) {
      const idx = Int32Array.of(0, 1, 2);
      shuffleTogether(rng, idx, new Float64Array(3));
      counts.set(idx.join(''), (counts.get(idx.join('')) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const c of counts.values()) expect(Math.abs(c - draws / 6)).toBeLessThan(400); // ~4.4 standard deviations
  });
});

describe('sgd', () => {
  it('does one epoch per step: every observed entry once, in a fresh shuffled order, as a plain-TS loop does', async () => {
    const [m, n, k] = [8, 6, 3];
    const p = planted({ rows: m, cols: n, rank: 2, seed: 4, noise: 0.2, missing: 0.3 });
    const engine = await createEngineNode();
    const problem = loadProblem(engine, p.data);
    const W = engine.matFrom(
      m,
      k,
      Array.from({ length: m * k }, (_, t) => 0.2 + 0.01 * t),
    );
    const H = engine.matFrom(
      k,
      n,
      Array.from({ length: k * n }, (_, t) => 0.3 + 0.02 * t),
    );
    const params = solverParams('sgd', { learningRate: 0.05, l2: 0.01 });
    const solver = sgd.create({ engine, problem, k, W, H, params, rng: new Rng(77, 1) });

    // the same epochs by hand, drawing the orders from an identically seeded stream
    const w = Array.from(engine.view(W));
    const h = Array.from(engine.view(H));
    const order = Int32Array.from(engine.viewI32(problem.observedIdx, problem.observed));
    const vals = Float64Array.from(order, (t) => p.data.values[t]);
    const rng = new Rng(77, 1);
    const { learningRate: lr, l2 } = params;
    for (let epoch = 0; epoch < 3; epoch++) {
      shuffleTogether(rng, order, vals);
      order.forEach((idx, t) => {
        const i = Math.floor(idx / n);
        const j = idx % n;
        let e = vals[t];
        for (let a = 0; a < k; a++) e -= w[i * k + a] * h[a * n + j];
        for (let a = 0; a < k; a++) {
          const [wa, ha] = [w[i * k + a], h[a * n + j]];
          w[i * k + a] = Math.max(0, wa + lr * (e * ha - l2 * wa));
          h[a * n + j] = Math.max(0, ha + lr * (e * wa - l2 * ha));
        }
      });
      solver.step();
      expect(scaledDiff(engine.view(W), w), `epoch ${epoch + 1}`).toBeLessThan(1e-13);
      expect(scaledDiff(engine.view(H), h), `epoch ${epoch + 1}`).toBeLessThan(1e-13);
    }
  });

  it('fits a planted rank-3 matrix with 40% missing: small held-out error', async () => {
    const p = planted({ rows: 60, cols: 50, rank: 3, seed: 31, missing: 0.4, noise: 0.02 });
    const { engine, f } = await startRun('sgd', p.data, { rank: 3, seed: 2, maxIter: 300 });
    while (!f.stop) f.step();
    expect(f.stop!.reason).toBe('max-iter');
    expect(f.relError).toBeLessThan(0.03);
    expect(heldOutRmse(p, engine.view(f.W), engine.view(f.H), 3) / heldOutScale(p)).toBeLessThan(0.05);
  });

  it('is fixed by the seed (identical factors), and another seed gives other factors', async () => {
    const p = planted({ rows: 20, cols: 15, rank: 2, seed: 3, missing: 0.5 });
    const run = async (seed: number) => {
      const { f } = await startRun('sgd', p.data, { rank: 2, seed });
      stepTimes(f, 20);
      return { ...factors(f), history: f.history };
    };
    expect(await run(8)).toEqual(await run(8));
    expect((await run(9)).W).not.toEqual((await run(8)).W);
  });

  it('stays non-negative with projection and goes negative without it', async () => {
    const p = planted({ rows: 30, cols: 20, rank: 2, seed: 4, noise: 0.3, missing: 0.2 });
    for (const project of [true, false]) {
      const { f } = await startRun('sgd', p.data, { rank: 4, params: solverParams('sgd', { project }) });
      stepTimes(f, 30);
      const { W, H } = factors(f);
      expect(Math.min(...W, ...H) < 0).toBe(!project);
    }
  });

  it('stops as diverged, with its hint, when the learning rate is far too large', async () => {
    const p = planted({ rows: 20, cols: 15, rank: 2, seed: 3, missing: 0.2, scale: 5 });
    const { f } = await startRun('sgd', p.data, { rank: 2, maxIter: 50, params: solverParams('sgd', { learningRate: 1 }) });
    while (!f.stop) f.step();
    expect(f.stop!.reason).toBe('diverged');
    expect(f.stop!.message).toMatch(
      /^diverged at iteration \d+: .*\. Lower the learning rate \(try 10× smaller\); large values in V need a smaller rate\.$/,
    );
  });
});
