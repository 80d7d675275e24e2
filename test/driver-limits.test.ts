// New stopping limits for a run in progress: raising Max iterations or lowering the tolerance
// lifts the stop and the run goes on exactly as one started with those limits would.
import { describe, expect, it } from 'vitest';
import { planted } from '../src/data/generate.js';
import { OptionError } from '../src/driver/options.js';
import { startRun } from './helpers/solver-run.js';
import { limitsOnly, newRunReason } from '../web/state/runChange.js';
import { defaultOptions } from '../web/state/options.js';

const noisy = planted({ rows: 20, cols: 15, rank: 2, seed: 1, noise: 0.2 }).data;

describe('setLimits', () => {
  it('raising maxIter of a run stopped at its maximum continues it, matching a run started with the higher limit', async () => {
    const { f } = await startRun('hals', noisy, { rank: 2, maxIter: 7, tol: 0 });
    while (!f.stop) f.step();
    expect(f.stop?.reason).toBe('max-iter');
    f.setLimits({ maxIter: 12, tol: 0, target: 0 });
    expect(f.stop).toBeNull();
    while (!f.stop) f.step();
    expect(f.stop).toEqual({ reason: 'max-iter', iteration: 12, message: 'reached the maximum of 12 iterations' });
    const { f: g } = await startRun('hals', noisy, { rank: 2, maxIter: 12, tol: 0 });
    while (!g.stop) g.step();
    expect(f.history).toEqual(g.history);
  });

  it('lowering the tolerance lifts a tolerance stop; a limit the run already passed keeps it stopped', async () => {
    const { f } = await startRun('hals', noisy, { rank: 2, maxIter: 500, tol: 1e-3 });
    while (!f.stop) f.step();
    expect(f.stop?.reason).toBe('tolerance');
    f.setLimits({ maxIter: 500, tol: 1e-12, target: 0 });
    expect(f.stop).toBeNull();
    f.setLimits({ maxIter: 1, tol: 0, target: 0 });
    expect(f.stop?.reason).toBe('max-iter');
  });

  it('a maximum lowered below the iterations run says the run is past it, not that it reached it', async () => {
    const { f } = await startRun('hals', noisy, { rank: 2, maxIter: 9, tol: 0 });
    while (!f.stop) f.step();
    f.setLimits({ maxIter: 3, tol: 0, target: 0 });
    expect(f.stop).toEqual({ reason: 'max-iter', iteration: 9, message: 'at iteration 9, past the maximum of 3 iterations' });
    f.step(); // Step after a stop goes on, as the UI's Step does
    expect(f.stop).toEqual({ reason: 'max-iter', iteration: 10, message: 'at iteration 10, past the maximum of 3 iterations' });
    f.setLimits({ maxIter: 10, tol: 0, target: 0 });
    expect(f.stop?.message).toBe('reached the maximum of 10 iterations');
  });

  it('rejects a limit out of range with an OptionError naming it', async () => {
    const { f } = await startRun('hals', noisy, { rank: 2, maxIter: 5 });
    expect(() => f.setLimits({ maxIter: 0, tol: 0, target: 0 })).toThrow(OptionError);
  });
});

describe('what an options change means for the run', () => {
  const o = defaultOptions();
  it('limits only: the run is kept', () => {
    expect(limitsOnly(o, { ...o, maxIter: o.maxIter + 100 })).toBe(true);
    expect(limitsOnly(o, { ...o, maxIter: o.maxIter + 100, rank: o.rank + 1 })).toBe(false);
    expect(limitsOnly(o, o)).toBe(false);
  });

  it('a new run names what changed', () => {
    expect(newRunReason(o, { ...o, rank: 4, seed: 9 })).toBe(`rank ${o.rank} → 4, seed ${o.seed} → 9`);
    expect(newRunReason(o, o)).toBeNull();
  });
});
