// kl: the full-mask shortcut, the objective the driver tracks, and what KL is good at.
import { describe, expect, it } from 'vitest';
import { Factorization } from '../src/driver/factorization.js';
import { DEFAULT_OPTIONS, solverParams } from '../src/driver/options.js';
import { planted } from '../src/data/generate.js';
import { factors, scaledDiff, startRun, stepTimes, withOnesMask } from './helpers/solver-run.js';

describe('kl', () => {
  it('takes the same steps with column/row sums as with explicit products by an all-ones mask', async () => {
    const p = planted({ rows: 15, cols: 11, rank: 3, seed: 2, noise: 0.2 });
    const { engine, problem, f } = await startRun('kl', p.data, { rank: 3, seed: 4 });
    const masked = new Factorization(engine, withOnesMask(engine, problem), {
      ...DEFAULT_OPTIONS,
      algorithm: 'kl',
      rank: 3,
      seed: 4,
      tol: 0,
      params: solverParams('kl'),
    });
    stepTimes(f, 30);
    stepTimes(masked, 30);
    expect(scaledDiff(factors(masked).W, factors(f).W)).toBeLessThan(1e-12);
    expect(scaledDiff(factors(masked).H, factors(f).H)).toBeLessThan(1e-12);
  });

  it('tracks the generalized KL divergence as its objective and still reports the relative error', async () => {
    const p = planted({ rows: 12, cols: 10, rank: 2, seed: 8, noise: 0.1, missing: 0.2 });
    const { f } = await startRun('kl', p.data, { rank: 2 });
    stepTimes(f, 10);
    expect(f.objectiveHistory).toHaveLength(10);
    expect(f.objectiveValue).toBe(f.klDivergence());
    expect(f.objectiveValue).not.toBeCloseTo(f.loss, 6);
    expect(f.history.at(-1)).toBe(f.relError);
    expect(f.relError).toBeCloseTo(Math.sqrt((2 * f.loss) / f.problem.normV2), 14);
  });

  it('drives the KL divergence of an exactly low-rank matrix towards 0', async () => {
    const p = planted({ rows: 20, cols: 16, rank: 2, seed: 1 });
    const { f } = await startRun('kl', p.data, { rank: 2, maxIter: 2000 });
    const start = f.objectiveValue;
    while (!f.stop) f.step();
    expect(f.objectiveValue).toBeLessThan(1e-6 * start);
  });
});
