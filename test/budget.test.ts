// Bounding work before allocating: a run whose one iteration or memory would be too large is
// refused on 'rank' with a message saying what is too large; generators refuse a planted rank
// whose product would take minutes; nothing is allocated for a refused run.
import { describe, expect, it } from 'vitest';
import { loadProblem } from '../src/core/problem.js';
import { lowRank } from '../src/data/generate.js';
import { specProblem } from '../src/data/spec.js';
import { estimateWork, MAX_ITERATION_FLOPS, MAX_RUN_BYTES } from '../src/driver/budget.js';
import { Factorization } from '../src/driver/factorization.js';
import { checkOptions, DEFAULT_OPTIONS, OptionError } from '../src/driver/options.js';
import { ALGORITHM_IDS } from '../src/solvers/registry.js';
import { createEngineNode } from '../src/wasm/node.js';

describe('work estimates', () => {
  it('grow with m·n·k and leave the sizes the app offers by default well inside the limits', () => {
    for (const a of ALGORITHM_IDS) {
      const w = estimateWork(a, 'random', 2000, 1000, 20);
      expect(w.iterationFlops).toBeLessThan(MAX_ITERATION_FLOPS / 4);
      expect(w.bytes).toBeLessThan(MAX_RUN_BYTES / 4);
      expect(estimateWork(a, 'random', 2000, 1000, 40).iterationFlops).toBeGreaterThan(w.iterationFlops);
    }
  });
});

describe('a sparse V (its entries only)', () => {
  it('20,000×5,000 at 1% observed, k = 20, is within the limits for every solver with a sparse form, though its dense masked form is not', () => {
    for (const a of ['mu', 'hals', 'als', 'anls', 'gd', 'sgd'] as const) {
      const o = { ...DEFAULT_OPTIONS, algorithm: a, rank: 20 };
      expect(() => checkOptions(o, 20000, 5000, 1e6, true)).not.toThrow();
      const w = estimateWork(a, 'random', 20000, 5000, 20, 1e6, true);
      expect(w.bytes).toBeLessThan(20000 * 5000 * 8); // nothing m×n
    }
    expect(() => checkOptions({ ...DEFAULT_OPTIONS, algorithm: 'mu', rank: 20 }, 20000, 5000, 1e6)).toThrow(
      'rank 20 on a 20000×5000 matrix is too much work: one iteration of mu would take about 1.2e10 floating-point operations, more than the 1.0e10 allowed in one step. Lower the rank or use a smaller matrix.',
    );
  });

  it('grows with the observed entries, not with m·n', () => {
    const few = estimateWork('als', 'random', 20000, 5000, 20, 1e6, true).iterationFlops;
    const more = estimateWork('als', 'random', 20000, 5000, 20, 4e6, true).iterationFlops;
    expect(more).toBeGreaterThan(3 * few);
    expect(estimateWork('als', 'random', 200000, 50000, 20, 1e6, true).iterationFlops).toBeLessThan(MAX_ITERATION_FLOPS);
  });
});

describe('a run too large to do', () => {
  it('3162×3162 at rank 3162 is refused on rank, naming the size and the work of one iteration', () => {
    const o = { ...DEFAULT_OPTIONS, algorithm: 'hals' as const, rank: 3162 };
    let e: unknown;
    try {
      checkOptions(o, 3162, 3162);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(OptionError);
    expect((e as OptionError).option).toBe('rank');
    expect((e as OptionError).message).toBe(
      'rank 3162 on a 3162×3162 matrix is too much work: one iteration of hals would take about 3.8e11 floating-point operations, more than the 1.0e10 allowed in one step. Lower the rank or use a smaller matrix.',
    );
  });

  it('is refused before W and H are allocated', async () => {
    const engine = await createEngineNode();
    const problem = loadProblem(engine, lowRank({ rows: 1200, cols: 1100, rank: 3, noise: 0, seed: 1 }));
    const used = engine.used;
    expect(() => new Factorization(engine, problem, { ...DEFAULT_OPTIONS, algorithm: 'anls', rank: 1100 })).toThrow(
      /^rank 1100 on a 1200×1100 matrix is too much work: one iteration of anls/,
    );
    expect(engine.used).toBe(used);
  });

  it('a planted rank whose product is too much work is refused by the generator and in a spec', () => {
    const spec = { kind: 'lowrank', rows: 3162, cols: 3162, rank: 3162, noise: 0, seed: 1 } as const;
    const why =
      'the planted rank 3162 on 3162×3162 is too much work: making it takes rows × columns × rank = 3.2e10 multiply-adds, more than the 1e9 allowed; lower the planted rank or the size';
    expect(specProblem(spec)).toBe(why);
    expect(() => lowRank(spec)).toThrow(why);
    expect(specProblem({ ...spec, rank: 50 })).toBeNull();
  });
});
