// Data near the ends of float64 (entries around 1e200 or 1e-200): V is held divided by a power of
// two (Problem.scale), so a copy of V (largest entry in [1, 2)) times 2^±664 factorizes to exactly
// the same relative errors, and a copy times 1e±200 to the same ones up to rounding, never
// "diverged"; errors and factors come back in the data's units.
import { describe, expect, it } from 'vitest';
import type { DataMatrix } from '../src/core/problem.js';
import { dataScale, loadProblem } from '../src/core/problem.js';
import { lowRank } from '../src/data/generate.js';
import { factorize } from '../src/driver/run.js';
import { DEFAULT_OPTIONS, solverParams } from '../src/driver/options.js';
import { ALGORITHM_IDS } from '../src/solvers/registry.js';
import type { AlgorithmId } from '../src/solvers/types.js';
import { createEngineNode } from '../src/wasm/node.js';

const planted = lowRank({ rows: 24, cols: 18, rank: 3, noise: 0.1, seed: 4 });
/** The planted matrix divided by a power of two so its largest entry is in [1, 2) (held unscaled, as any data within 2^±64). */
const V = times(planted, 2 ** -Math.floor(Math.log2(Math.max(...planted.values))));

function times(d: DataMatrix, c: number): DataMatrix {
  return { ...d, values: d.values.map((x) => x * c) };
}

async function run(algorithm: AlgorithmId, data: DataMatrix) {
  const engine = await createEngineNode();
  return factorize(engine, loadProblem(engine, data), {
    ...DEFAULT_OPTIONS,
    algorithm,
    rank: 3,
    maxIter: 30,
    tol: 0,
    params: solverParams(algorithm),
  });
}

describe('data scale', () => {
  it('is 1 for data whose largest entry is within [2^-64, 2^64), else the power of two just below it', () => {
    expect(dataScale(5)).toBe(1);
    expect(dataScale(2 ** 63.9)).toBe(1);
    expect(dataScale(2 ** -64)).toBe(1);
    expect(dataScale(2 ** 64)).toBe(2 ** 64);
    expect(dataScale(1e200)).toBe(2 ** 664);
    expect(dataScale(1e-200)).toBe(2 ** -665);
    expect(dataScale(2 ** 664 * 1.999)).toBe(2 ** 664);
    expect(dataScale(Number.MAX_VALUE)).toBe(2 ** 1000);
    expect(dataScale(Number.MIN_VALUE)).toBe(2 ** -1000);
  });
});

describe.each(ALGORITHM_IDS)('%s on data near the ends of float64', (algorithm) => {
  it('gives exactly the relative errors of the unscaled data for V·2^664 and V·2^-664, and factors in the data’s units', async () => {
    const base = await run(algorithm, V);
    for (const e of [664, -664]) {
      const r = await run(algorithm, times(V, 2 ** e));
      expect(r.history).toEqual(base.history);
      expect(r.stopReason).toBe(base.stopReason);
      expect(Array.from(r.W.data)).toEqual(Array.from(base.W.data, (x) => x * 2 ** (e / 2)));
      expect(Array.from(r.H.data)).toEqual(Array.from(base.H.data, (x) => x * 2 ** (e / 2)));
      expect(r.error).toBe(base.error * 2 ** e);
    }
  });
});

describe.each(ALGORITHM_IDS)('%s on V·1e200 and V·1e-200', (algorithm) => {
  it('never diverges and follows the unscaled relative errors up to rounding', async () => {
    const base = await run(algorithm, V);
    for (const c of [1e200, 1e-200]) {
      const r = await run(algorithm, times(V, c));
      expect(r.stopReason).toBe('max-iter');
      expect(r.history).toHaveLength(30);
      // V·1e200 is held as V times a factor in (1/2, 2): scale-free solvers follow V's errors to rounding, gd and sgd nearly
      const tol = algorithm === 'gd' || algorithm === 'sgd' ? 0.5 : 1e-6;
      for (let t = 0; t < 30; t++) expect(Math.abs(r.history[t] - base.history[t]) / base.history[t]).toBeLessThan(tol);
      expect(Math.abs(r.error / c / base.error - 1)).toBeLessThan(tol);
    }
  });
});
