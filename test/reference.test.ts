// Every solver follows the float64 reference trajectories of test/fixtures/reference
// (computed with numpy by test/fixtures/reference/make_reference.py) from the same V, W0, H0 and parameters.
import { describe, expect, it } from 'vitest';
import { loadProblem } from '../src/core/problem.js';
import { Factorization } from '../src/driver/factorization.js';
import { DEFAULT_OPTIONS } from '../src/driver/options.js';
import { ALGORITHM_IDS } from '../src/solvers/registry.js';
import { DEFAULT_PARAMS } from '../src/solvers/types.js';
import { createEngineNode } from '../src/wasm/node.js';
import { loadReference, maxRelDiff, maxScaledDiff, referenceNames } from './helpers/reference.js';

const cases = referenceNames()
  .filter((n) => !n.startsWith('init_'))
  .map(loadReference)
  .filter((c) => ALGORITHM_IDS.includes(c.algorithm));

describe('reference trajectories', () => {
  it('covers every registered solver that has a fixture', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const c of cases) {
    it(`${c.name}: follows the relative error history and ends at the reference W, H`, async () => {
      const engine = await createEngineNode();
      const problem = loadProblem(engine, c.V);
      const f = new Factorization(engine, problem, {
        ...DEFAULT_OPTIONS,
        algorithm: c.algorithm,
        rank: c.rank,
        init: 'given',
        given: { W0: c.W0, H0: c.H0 },
        maxIter: c.iterations,
        tol: 0,
        params: { ...DEFAULT_PARAMS, extrapolate: false, ...c.params }, // the references are of plain anls
      });
      while (!f.stop) f.step();
      expect(f.stop!.reason).toBe('max-iter');
      expect(f.history).toHaveLength(c.iterations);
      expect(maxRelDiff(f.history, c.relErrorHistory)).toBeLessThan(1e-8);
      expect(Math.abs(f.relError - c.relErrorHistory.at(-1)!) / c.relErrorHistory.at(-1)!).toBeLessThan(1e-8);
      expect(maxScaledDiff(engine.view(f.W), c.W.data)).toBeLessThan(1e-7);
      expect(maxScaledDiff(engine.view(f.H), c.H.data)).toBeLessThan(1e-7);
    });
  }
});
