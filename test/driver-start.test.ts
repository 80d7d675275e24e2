// A Factorization resumed from a RunStart (saved W, H, iteration and history) continues exactly
// as the uninterrupted run: bit-identical factors, history and stop for every solver, with and
// without missing entries; a start that does not fit is refused with OptionError 'start'.
import { describe, expect, it } from 'vitest';
import { loadProblem, type DataMatrix } from '../src/core/problem.js';
import { Factorization, type RunStart } from '../src/driver/factorization.js';
import { DEFAULT_OPTIONS, OptionError, solverParams, type FactorOptions } from '../src/driver/options.js';
import { ALGORITHM_IDS, solverInfo } from '../src/solvers/registry.js';
import type { AlgorithmId } from '../src/solvers/types.js';
import { createEngineNode } from '../src/wasm/node.js';
import { planted } from '../src/data/generate.js';

const full = planted({ rows: 18, cols: 14, rank: 3, seed: 4, noise: 0.1 }).data;
const holes = planted({ rows: 18, cols: 14, rank: 3, seed: 5, noise: 0.1, missing: 0.3 }).data;

function optionsFor(algorithm: AlgorithmId, more: Partial<FactorOptions> = {}): FactorOptions {
  return { ...DEFAULT_OPTIONS, algorithm, rank: 3, seed: 11, maxIter: 1000, tol: 0, params: solverParams(algorithm), ...more };
}

/** A fresh engine with `data` loaded and a Factorization on it (from `start` when given). */
async function make(data: DataMatrix, options: FactorOptions, start?: RunStart) {
  const engine = await createEngineNode();
  const f = new Factorization(engine, loadProblem(engine, data), options, start);
  return { engine, f };
}

/** The run's state after its iterations so far, as a session would save it. */
function saved(f: Factorization): RunStart {
  return {
    W: f.engine.copyOut(f.W),
    H: f.engine.copyOut(f.H),
    iteration: f.iteration,
    history: f.history.slice(),
    initialRelError: f.initialRelError,
    stop: f.stop,
    objective: f.objectiveValue,
    ...(f.solverState ? { solverState: f.solverState } : {}),
  };
}

describe('Factorization from a RunStart', () => {
  // anls twice: plain, and extrapolated (its own state saved and restored with W and H)
  const variants: [AlgorithmId, boolean][] = [...ALGORITHM_IDS.map((a): [AlgorithmId, boolean] => [a, false]), ['anls', true]];
  for (const [algorithm, extrapolate] of variants) {
    for (const [name, data] of [
      ['full', full],
      ['missing', holes],
    ] as const) {
      if (name === 'missing' && solverInfo(algorithm).maskUnsupported) continue;
      const label = extrapolate ? `${algorithm} extrapolated` : algorithm;
      it(`${label}, ${name} data: 6 iterations, saved, resumed, 6 more = 12 uninterrupted, bit for bit`, async () => {
        const o = optionsFor(algorithm, { params: solverParams(algorithm, { extrapolate }) });
        const straight = (await make(data, o)).f;
        for (let t = 0; t < 12; t++) straight.step();

        const first = (await make(data, o)).f;
        for (let t = 0; t < 6; t++) first.step();
        const resumed = (await make(data, o, saved(first))).f;
        expect(resumed.iteration).toBe(6);
        expect(resumed.relError).toBe(first.relError);
        for (let t = 0; t < 6; t++) resumed.step();

        expect(resumed.iteration).toBe(12);
        expect(resumed.history).toEqual(straight.history);
        expect(resumed.initialRelError).toBe(straight.initialRelError);
        expect(resumed.engine.copyOut(resumed.W)).toEqual(straight.engine.copyOut(straight.W));
        expect(resumed.engine.copyOut(resumed.H)).toEqual(straight.engine.copyOut(straight.H));
      });
    }
  }

  it('a saved extrapolation state of another shape is refused with OptionError start', async () => {
    const o = optionsFor('anls', { params: solverParams('anls', { extrapolate: true }) });
    const first = (await make(full, o)).f;
    for (let t = 0; t < 3; t++) first.step();
    const start = { ...saved(first), solverState: new Float64Array(7) };
    await expect(make(full, o, start)).rejects.toThrow(
      new OptionError('start', `the saved extrapolation state has 7 entries, expected ${4 + 18 * 3 + 3 * 14}`),
    );
  });

  it('the stopping rules go on from the saved iteration: maxIter 10 resumed at 7 stops at 10', async () => {
    const o = optionsFor('hals', { maxIter: 10 });
    const first = (await make(full, o)).f;
    for (let t = 0; t < 7; t++) first.step();
    const resumed = (await make(full, o, saved(first))).f;
    while (!resumed.stop) resumed.step();
    expect(resumed.stop).toEqual({ reason: 'max-iter', iteration: 10, message: 'reached the maximum of 10 iterations' });
    expect(resumed.history).toHaveLength(10);
    expect(resumed.objectiveHistory.slice(0, 7).every(Number.isNaN)).toBe(true);
    expect(resumed.objectiveHistory.slice(7).every(Number.isFinite)).toBe(true);
  });

  it('a saved stop is kept; a start at iteration 0 takes the given factors’ error as the initial one', async () => {
    const o = optionsFor('mu', { maxIter: 4 });
    const first = (await make(full, o)).f;
    while (!first.stop) first.step();
    const resumed = (await make(full, o, saved(first))).f;
    expect(resumed.stop).toEqual(first.stop);

    const zero = (await make(full, o, { W: first.engine.copyOut(first.W), H: first.engine.copyOut(first.H), iteration: 0, history: [] })).f;
    expect(zero.initialRelError).toBeCloseTo(first.relError, 12); // recomputed directly, not from the solver's products
    expect(zero.stop).toBeNull();
  });

  it('factors gd left negative (projection off) are resumed as they are', async () => {
    const o = optionsFor('gd', { params: { ...solverParams('gd'), project: false, learningRate: 0.05 } });
    const first = (await make(full, o)).f;
    for (let t = 0; t < 20; t++) first.step();
    const start = saved(first);
    expect(start.W.some((x) => x < 0) || start.H.some((x) => x < 0)).toBe(true);
    const resumed = (await make(full, o, start)).f;
    expect(resumed.engine.copyOut(resumed.W)).toEqual(start.W);
  });

  it('a start that does not fit the data and rank: OptionError on option start, saying what', async () => {
    const o = optionsFor('hals');
    const first = (await make(full, o)).f;
    first.step();
    const good = saved(first);
    const cases: [Partial<RunStart>, string][] = [
      [{ W: new Float64Array(5) }, 'the saved W has 5 entries, expected 18×3 = 54'],
      [{ H: new Float64Array(41) }, 'the saved H has 41 entries, expected 3×14 = 42'],
      [{ iteration: -1 }, 'the saved iteration -1 must be an integer ≥ 0'],
      [{ iteration: 2 }, 'the saved history has 1 entries, expected one per iteration (2)'],
    ];
    for (const [change, message] of cases) {
      const engine = await createEngineNode();
      const problem = loadProblem(engine, full);
      let error: unknown;
      try {
        new Factorization(engine, problem, o, { ...good, ...change });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(OptionError);
      expect(error).toMatchObject({ option: 'start', message });
    }
  });
});
