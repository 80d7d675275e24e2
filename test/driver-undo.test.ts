// Factorization.backToMark takes back the steps since mark() (the app's Pause within a frame, at
// the iteration the page showed): the run then goes on exactly as the uninterrupted one, bit for
// bit, for every solver on full, missing and sparse data; without a mark, or at it, there is
// nothing to take back.
import { describe, expect, it } from 'vitest';
import { loadProblem, type DataMatrix } from '../src/core/problem.js';
import { denseToSparse } from '../src/core/sparse.js';
import { loadSparseProblem } from '../src/core/sparse-problem.js';
import { planted } from '../src/data/generate.js';
import { Factorization } from '../src/driver/factorization.js';
import { DEFAULT_OPTIONS, solverParams, type FactorOptions } from '../src/driver/options.js';
import { ALGORITHM_IDS, solverInfo } from '../src/solvers/registry.js';
import type { AlgorithmId } from '../src/solvers/types.js';
import { createEngineNode } from '../src/wasm/node.js';

const full = planted({ rows: 18, cols: 14, rank: 3, seed: 4, noise: 0.1 }).data;
const holes = planted({ rows: 18, cols: 14, rank: 3, seed: 5, noise: 0.1, missing: 0.4 }).data;

function optionsFor(algorithm: AlgorithmId, maxIter = 1000, extrapolate = false): FactorOptions {
  return { ...DEFAULT_OPTIONS, algorithm, rank: 3, seed: 11, maxIter, tol: 0, params: solverParams(algorithm, { extrapolate }) };
}

async function make(data: DataMatrix, sparse: boolean, options: FactorOptions): Promise<Factorization> {
  const engine = await createEngineNode();
  const problem = sparse ? loadSparseProblem(engine, denseToSparse(data)) : loadProblem(engine, data);
  return new Factorization(engine, problem, options);
}

function state(f: Factorization) {
  return {
    W: f.engine.copyOut(f.W),
    H: f.engine.copyOut(f.H),
    iteration: f.iteration,
    history: f.history.slice(),
    objectives: f.objectiveHistory.slice(),
    relError: f.relError,
    objective: f.objectiveValue,
    stop: f.stop,
  };
}

describe('Factorization.undoStep', () => {
  // anls twice: plain, and extrapolated (whose own state, Wy and the plain H, goes back with the marks)
  const variants: [AlgorithmId, boolean][] = [...ALGORITHM_IDS.map((a): [AlgorithmId, boolean] => [a, false]), ['anls', true]];
  for (const [algorithm, extrapolate] of variants) {
    const info = solverInfo(algorithm);
    const cases: [string, DataMatrix, boolean][] = [['full', full, false]];
    if (!info.maskUnsupported) cases.push(['missing', holes, false]);
    if (info.createSparse) cases.push(['sparse', holes, true]);
    const label = extrapolate ? `${algorithm} extrapolated` : algorithm;
    for (const [name, data, sparse] of cases) {
      it(`${label}, ${name}: marks at 4, 5, 6, 8; back from 9 to 5; 5 more = 10 uninterrupted, bit for bit`, async () => {
        const o = optionsFor(algorithm, 1000, extrapolate);
        const straight = await make(data, sparse, o);
        for (let t = 0; t < 5; t++) straight.step();
        const at5 = state(straight);
        for (let t = 0; t < 5; t++) straight.step();

        const f = await make(data, sparse, o);
        for (let t = 0; t < 4; t++) f.step();
        f.mark();
        f.step();
        f.mark();
        f.step();
        f.mark();
        f.step();
        f.step();
        f.mark();
        f.step();
        expect(f.hasMark(7)).toBe(false);
        expect(f.backToMark(7)).toBe(false);
        expect(f.backToMark(5)).toBe(true);
        expect(state(f)).toEqual(at5);
        expect(f.backToMark(5)).toBe(false); // at the mark: nothing to take back
        expect([f.hasMark(4), f.hasMark(6)]).toEqual([true, false]); // the marks after it went
        for (let t = 0; t < 5; t++) f.step();
        expect(state(f)).toEqual(state(straight));
      });
    }
  }

  it('a stop a taken-back step made is lifted; without a mark, or after new limits, nothing is taken back', async () => {
    const f = await make(full, false, optionsFor('hals', 4));
    f.step();
    f.mark();
    expect(f.hasMark(1)).toBe(true);
    for (let t = 0; t < 3; t++) f.step();
    expect(f.stop?.reason).toBe('max-iter');
    expect(f.backToMark(1)).toBe(true);
    expect(f.stop).toBeNull();
    expect(f.iteration).toBe(1);
    expect(f.history).toHaveLength(1);
    expect(f.objectiveHistory).toHaveLength(1);

    const g = await make(full, false, optionsFor('hals'));
    g.step();
    expect(g.backToMark(0)).toBe(false);
    expect(g.iteration).toBe(1);
    g.mark();
    g.step();
    g.setLimits({ maxIter: 500, tol: 0, target: 0 });
    expect(g.hasMark(1)).toBe(false);
    expect(g.backToMark(1)).toBe(false);
    expect(g.iteration).toBe(2);
  });
});
