// The driver against stub solvers that fail in controlled ways (added to the registry for this
// file only): a solver that refuses missing entries, NaN hidden in a factor, a collapse to
// W·H = 0, a steady blow-up, and restarts where some seeds diverge.
import { describe, expect, it, vi } from 'vitest';
import { loadProblem } from '../src/core/problem.js';
import { Factorization } from '../src/driver/factorization.js';
import { DEFAULT_OPTIONS, OptionError, type FactorOptions } from '../src/driver/options.js';
import { factorize } from '../src/driver/run.js';
import { SOLVERS } from '../src/solvers/registry.js';
import type { AlgorithmId } from '../src/solvers/types.js';
import { createEngineNode } from '../src/wasm/node.js';
import { planted } from '../src/data/generate.js';
import { resetStubs } from './helpers/stub-solvers.js';

vi.mock('../src/solvers/registry.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/solvers/registry.js')>();
  const { STUBS } = await import('./helpers/stub-solvers.js');
  const all = [...real.SOLVERS, ...STUBS];
  return {
    ...real,
    SOLVERS: real.SOLVERS, // the real list, so the loop below sees only real solvers
    solverInfo: (id: string) => all.find((s) => s.id === id) ?? real.solverInfo(id),
  };
});

const full = planted({ rows: 8, cols: 6, rank: 2, seed: 4, noise: 0.1 }).data;
const missing = planted({ rows: 8, cols: 6, rank: 2, seed: 4, noise: 0.1, missing: 0.3 }).data;

async function start(algorithm: string, data = full, more: Partial<FactorOptions> = {}) {
  const engine = await createEngineNode();
  const problem = loadProblem(engine, data);
  const options = { ...DEFAULT_OPTIONS, algorithm: algorithm as AlgorithmId, rank: 2, maxIter: 20, tol: 0, ...more };
  return { engine, problem, options, make: () => new Factorization(engine, problem, options) };
}

describe('missing entries with a solver that refuses them', () => {
  it('gives an OptionError on algorithm naming the solver and its reason', async () => {
    const { make } = await start('stub-full-only', missing);
    expect(make).toThrow(OptionError);
    try {
      make();
    } catch (e) {
      expect((e as OptionError).option).toBe('algorithm');
      expect((e as OptionError).message).toBe(
        'stub-full-only cannot be used with missing entries: it needs every entry of V; use hals or mu instead',
      );
    }
  });

  it('runs the same solver on fully observed data', async () => {
    const { make } = await start('stub-full-only', full);
    expect(make().k).toBe(2);
  });

  for (const info of SOLVERS.filter((s) => s.maskUnsupported)) {
    it(`${info.id} refuses missing entries with its reason`, async () => {
      const { make } = await start(info.id, missing);
      expect(make).toThrow(`${info.id} cannot be used with missing entries: ${info.maskUnsupported}`);
    });
  }
});

describe('divergence detected by the driver', () => {
  it('NaN in a factor stops the run even where it does not reach the error', async () => {
    const { make } = await start('stub-nan-in-h');
    const f = make();
    f.step();
    expect(f.stop).toEqual({ reason: 'diverged', iteration: 1, message: 'diverged at iteration 1: the error became NaN or infinite.' });
  });

  it('W·H collapsing to zero stops the run instead of passing for convergence', async () => {
    const { make } = await start('stub-zero-w', full, { tol: 1e-6, maxIter: 20 });
    const f = make();
    while (!f.stop) f.step();
    expect(f.relError).toBeCloseTo(1, 12);
    expect(f.stop).toEqual({
      reason: 'diverged',
      iteration: 3,
      message: 'diverged at iteration 3: W·H collapsed to zero, from which no iteration recovers.',
    });
  });

  it('a relative error of 1 with W·H ≠ 0 is not a collapse', async () => {
    // the initial factors scaled so that WH is tiny: relative error ≈ 1 but not a collapse
    const { make } = await start('stub-shrink', full, { maxIter: 3 });
    const f = make();
    while (!f.stop) f.step();
    expect(f.relError).toBeCloseTo(1, 6);
    expect(f.stop!.reason).toBe('max-iter');
  });

  it('a steady blow-up stops at the first error over 100× the best and over 1', async () => {
    const { make } = await start('stub-grow', full, { maxIter: 50 });
    const f = make();
    while (!f.stop) f.step();
    const it = f.iteration;
    const best = Math.min(f.initialRelError, ...f.history.slice(0, it - 1));
    expect(f.stop!.reason).toBe('diverged');
    expect(f.history[it - 1]).toBeGreaterThan(100 * best);
    expect(f.history[it - 2]).toBeLessThanOrEqual(100 * best);
    expect(f.stop!.message).toBe(
      `diverged at iteration ${it}: the relative error grew to ${f.history[it - 1].toPrecision(3)}, over 100× its best ${best.toPrecision(3)}.`,
    );
  });
});

describe('restarts with diverging seeds', () => {
  it('keeps the best restart that did not diverge', async () => {
    resetStubs();
    const { engine, problem, options } = await start('stub-diverge-odd', full, { seed: 1, restarts: 4, maxIter: 5 });
    const run = factorize(engine, problem, options);
    expect(run.restarts.map((r) => r.stopReason)).toEqual(['diverged', 'max-iter', 'diverged', 'max-iter']);
    expect(run.stopReason).toBe('max-iter');
    expect(run.objective).toBe(Math.min(run.restarts[1].objective, run.restarts[3].objective));
  });

  it('keeps the first restart when every one diverges', async () => {
    const { engine, problem, options } = await start('stub-nan-in-h', full, { seed: 7, restarts: 3 });
    const run = factorize(engine, problem, options);
    expect(run.restarts.every((r) => r.stopReason === 'diverged')).toBe(true);
    expect(run.seed).toBe(7);
    expect(run.stopMessage).toBe('diverged at iteration 1: the error became NaN or infinite.');
  });

  it('releases each restart’s memory', async () => {
    const { engine, problem, options } = await start('hals', full, { restarts: 3 });
    const used = engine.used;
    factorize(engine, problem, options);
    expect(engine.used).toBe(used);
  });
});
