// The driver's stopping rules and option checks, with real solvers on seeded data: each stop
// reason fires with its message, tol 0 runs to maxIter, bad options give exact OptionErrors.
import { describe, expect, it } from 'vitest';
import { loadProblem } from '../src/core/problem.js';
import { Factorization } from '../src/driver/factorization.js';
import { DEFAULT_OPTIONS, OptionError, solverParams, type FactorOptions } from '../src/driver/options.js';
import { DEFAULT_PARAMS } from '../src/solvers/types.js';
import { createEngineNode } from '../src/wasm/node.js';
import { planted } from '../src/data/generate.js';
import { startRun } from './helpers/solver-run.js';

const exact = planted({ rows: 20, cols: 15, rank: 2, seed: 1 }).data; // exactly rank 2
const noisy = planted({ rows: 20, cols: 15, rank: 2, seed: 1, noise: 0.2 }).data;

function runToStop(f: Factorization): void {
  while (!f.stop) f.step();
}

describe('stopping rules', () => {
  it('max-iter: stops after exactly maxIter iterations with its message', async () => {
    const { f } = await startRun('hals', noisy, { rank: 2, maxIter: 7, tol: 1e-12 });
    runToStop(f);
    expect(f.stop).toEqual({ reason: 'max-iter', iteration: 7, message: 'reached the maximum of 7 iterations' });
    expect(f.history).toHaveLength(7);
    expect(f.objectiveHistory).toHaveLength(7);
  });

  it('tol 0 turns the tolerance off: exactly maxIter iterations where tol 1e-6 stops early', async () => {
    const withTol = await startRun('hals', noisy, { rank: 2, maxIter: 400, tol: 1e-6 });
    runToStop(withTol.f);
    expect(withTol.f.stop!.reason).toBe('tolerance');
    expect(withTol.f.iteration).toBeLessThan(400);

    const { f } = await startRun('hals', noisy, { rank: 2, maxIter: 400, tol: 0 });
    runToStop(f);
    expect(f.iteration).toBe(400);
    expect(f.history).toHaveLength(400);
    expect(f.stop).toEqual({ reason: 'max-iter', iteration: 400, message: 'reached the maximum of 400 iterations' });
  });

  it('tolerance: stops at the first relative change of the objective below tol, with its message', async () => {
    const tol = 1e-4;
    const { f } = await startRun('mu', noisy, { rank: 2, maxIter: 5000, tol });
    const objectives = [f.objectiveValue];
    runToStop(f);
    objectives.push(...f.objectiveHistory);
    const changes = objectives.slice(1).map((o, t) => Math.abs(objectives[t] - o) / objectives[t]);
    const it = f.iteration;
    expect(f.stop!.reason).toBe('tolerance');
    expect(changes[it - 1]).toBeLessThan(tol);
    expect(changes.slice(0, it - 1).every((c) => c >= tol)).toBe(true);
    expect(f.stop!.message).toBe(
      `converged at iteration ${it}: the objective changed by ${changes[it - 1].toPrecision(3)} < tolerance 0.0001`,
    );
  });

  it('tolerance follows the KL divergence for kl', async () => {
    const { f } = await startRun('kl', noisy, { rank: 2, maxIter: 5000, tol: 1e-5 });
    runToStop(f);
    const h = f.objectiveHistory;
    const it = f.iteration;
    expect(f.stop!.reason).toBe('tolerance');
    expect(h[it - 1]).toBe(f.klDivergence());
    expect(Math.abs(h[it - 2] - h[it - 1]) / h[it - 2]).toBeLessThan(1e-5);
  });

  it('target: stops at the first iteration with ‖V−WH‖_F ≤ target, with its message', async () => {
    const { f, problem } = await startRun('hals', exact, { rank: 2, maxIter: 2000, target: 1e-3 });
    runToStop(f);
    const it = f.iteration;
    const normV = Math.sqrt(problem.normV2);
    expect(f.stop!.reason).toBe('target');
    expect(f.error).toBeLessThanOrEqual(1e-3);
    expect(f.history[it - 2] * normV).toBeGreaterThan(1e-3);
    expect(f.stop!.message).toBe(`reached the target: ‖V−WH‖_F = ${f.error.toPrecision(3)} ≤ 0.001 at iteration ${it}`);
  });

  it('target wins over max-iter when both hold at the same iteration', async () => {
    const probe = await startRun('hals', exact, { rank: 2, maxIter: 2000, target: 1e-3 });
    runToStop(probe.f);
    const { f } = await startRun('hals', exact, { rank: 2, maxIter: probe.f.iteration, target: 1e-3 });
    runToStop(f);
    expect(f.stop!.reason).toBe('target');
  });

  it('diverged: an infinite error stops at once, with the solver’s hint', async () => {
    const { f } = await startRun('gd', noisy, { rank: 2, maxIter: 50, params: solverParams('gd', { learningRate: 1e200 }) });
    runToStop(f);
    expect(f.relError).toBe(Infinity);
    expect(f.stop).toEqual({
      reason: 'diverged',
      iteration: 1,
      message: 'diverged at iteration 1: the error became NaN or infinite. Lower the learning rate (try 10× smaller).',
    });
  });

  it('diverged: a NaN error stops at once, even at the last allowed iteration', async () => {
    const { f } = await startRun('sgd', noisy, { rank: 2, maxIter: 1, params: solverParams('sgd', { learningRate: 1e200 }) });
    runToStop(f);
    expect(f.relError).toBeNaN();
    expect(f.stop).toEqual({
      reason: 'diverged',
      iteration: 1,
      message:
        'diverged at iteration 1: the error became NaN or infinite. Lower the learning rate (try 10× smaller); large values in V need a smaller rate.',
    });
  });

  it('diverged: a blow-up past 100× the best error stops with both numbers in the message', async () => {
    const data = planted({ rows: 100, cols: 80, rank: 5, seed: 3 }).data;
    const { f } = await startRun('gd', data, { rank: 5, maxIter: 100, params: solverParams('gd', { learningRate: 0.1 }) });
    runToStop(f);
    const it = f.iteration;
    const rel = f.history[it - 1];
    const best = Math.min(f.initialRelError, ...f.history.slice(0, it - 1));
    expect(f.stop!.reason).toBe('diverged');
    expect(rel).toBeGreaterThan(100 * best);
    expect(Number.isFinite(rel)).toBe(true);
    expect(f.stop!.message).toBe(
      `diverged at iteration ${it}: the relative error grew to ${rel.toPrecision(3)}, over 100× its best ${best.toPrecision(3)}. Lower the learning rate (try 10× smaller).`,
    );
  });

  it('a stopped run can be stepped on, extending its history', async () => {
    const { f } = await startRun('hals', noisy, { rank: 2, maxIter: 3 });
    runToStop(f);
    f.step();
    expect(f.iteration).toBe(4);
    expect(f.history).toHaveLength(4);
    expect(f.stop!.reason).toBe('max-iter');
  });
});

describe('option errors', () => {
  const data = planted({ rows: 6, cols: 5, rank: 2, seed: 2 }).data;

  async function optionError(more: Partial<FactorOptions>): Promise<OptionError> {
    const engine = await createEngineNode();
    const problem = loadProblem(engine, data);
    try {
      new Factorization(engine, problem, { ...DEFAULT_OPTIONS, algorithm: 'hals', ...more });
    } catch (e) {
      expect(e).toBeInstanceOf(OptionError);
      return e as OptionError;
    }
    throw new Error('no OptionError');
  }

  it.each([
    [{ rank: 0 }, 'rank', 'rank 0 is out of range: it must be an integer from 1 to min(m, n) = 5 for a 6×5 matrix'],
    [{ rank: 6 }, 'rank', 'rank 6 is out of range: it must be an integer from 1 to min(m, n) = 5 for a 6×5 matrix'],
    [{ rank: 2.5 }, 'rank', 'rank 2.5 is out of range: it must be an integer from 1 to min(m, n) = 5 for a 6×5 matrix'],
    [{ maxIter: 0 }, 'maxIter', 'max iterations 0 must be an integer ≥ 1'],
    [{ tol: -1 }, 'tol', 'tolerance -1 must be ≥ 0'],
    [{ target: NaN }, 'target', 'target NaN must be ≥ 0'],
    [{ restarts: 0 }, 'restarts', 'restarts 0 must be an integer ≥ 1'],
    [{ seed: 1.5 }, 'seed', 'seed 1.5 must be an integer'],
    [{ params: { ...DEFAULT_PARAMS, epsilon: -1 } }, 'epsilon', 'epsilon -1 must be ≥ 0'],
    [{ params: { ...DEFAULT_PARAMS, learningRate: 0 } }, 'learningRate', 'learning rate 0 must be > 0'],
    [{ params: { ...DEFAULT_PARAMS, l2: -0.5 } }, 'l2', 'l2 penalty -0.5 must be ≥ 0'],
  ] as const)('%o → OptionError on %s', async (more, option, message) => {
    const e = await optionError(more);
    expect(e.option).toBe(option);
    expect(e.message).toBe(message);
  });

  it('accepts the largest rank, min(m, n)', async () => {
    const { f } = await startRun('hals', data, { rank: 5 });
    expect(f.k).toBe(5);
  });
});

describe('solverParams', () => {
  it('layers the shared defaults, the solver’s own and the overrides', () => {
    expect(solverParams('gd')).toEqual(DEFAULT_PARAMS);
    expect(solverParams('sgd')).toEqual({ ...DEFAULT_PARAMS, learningRate: 0.02, l2: 0.001 });
    expect(solverParams('sgd', { learningRate: 0.5 }).learningRate).toBe(0.5);
  });
});
