// anls with extrapolation (src/solvers/extrapolation.ts): the error never rises and W, H stay
// ≥ 0 on full, missing and sparse data; it reaches a good fit in fewer steps than plain anls;
// the same bits on one and two threads; the sparse form agrees with the dense masked one; a run
// resumed without its saved state (test/driver-start.test.ts has it with) starts afresh with a plain step.
import { describe, expect, it } from 'vitest';
import { loadProblem, type DataMatrix } from '../src/core/problem.js';
import { denseToSparse } from '../src/core/sparse.js';
import { loadSparseProblem } from '../src/core/sparse-problem.js';
import { planted } from '../src/data/generate.js';
import { Factorization } from '../src/driver/factorization.js';
import { DEFAULT_OPTIONS, solverParams, type FactorOptions } from '../src/driver/options.js';
import { extrapolate, extrapolateFrom } from '../src/solvers/extrapolation.js';
import { createEngineNode } from '../src/wasm/node.js';

const full = planted({ rows: 120, cols: 90, rank: 6, seed: 3, noise: 0.05 }).data;
const holes = planted({ rows: 120, cols: 90, rank: 6, seed: 4, noise: 0.05, missing: 0.3 }).data;

function options(extrapolate: boolean, more: Partial<FactorOptions> = {}): FactorOptions {
  return {
    ...DEFAULT_OPTIONS,
    algorithm: 'anls',
    rank: 6,
    seed: 7,
    maxIter: 1000,
    tol: 0,
    params: solverParams('anls', { extrapolate }),
    ...more,
  };
}

async function make(data: DataMatrix, o: FactorOptions, { sparse = false, threads = 1 } = {}) {
  const engine = await createEngineNode({ threads });
  const problem = sparse ? loadSparseProblem(engine, denseToSparse(data)) : loadProblem(engine, data);
  return new Factorization(engine, problem, o);
}

/** Steps until the relative error is at most `target` (or 500 steps); the iterations taken. */
function stepsTo(f: Factorization, target: number): number {
  while (f.iteration < 500 && f.step() > target);
  return f.iteration;
}

describe('anls with extrapolation', () => {
  for (const [name, data, sparse] of [
    ['full', full, false],
    ['missing', holes, false],
    ['sparse', holes, true],
  ] as const) {
    it(`${name}: 80 steps, the error never rises and W, H stay ≥ 0`, async () => {
      const f = await make(data, options(true), { sparse });
      for (let t = 0; t < 80; t++) f.step();
      const h = Array.from(f.history);
      expect(h[0]).toBeLessThanOrEqual(f.initialRelError);
      for (let t = 1; t < h.length; t++) expect(h[t]).toBeLessThanOrEqual(h[t - 1]);
      expect(f.engine.copyOut(f.W).every((x) => x >= 0)).toBe(true);
      expect(f.engine.copyOut(f.H).every((x) => x >= 0)).toBe(true);
    });
  }

  it('reaches 1.001 × the error plain anls ends at (after 300 steps) in at most 2/3 of plain anls’s steps', async () => {
    const long = await make(full, options(false));
    for (let t = 0; t < 300; t++) long.step();
    const target = 1.001 * long.relError;
    const plain = stepsTo(await make(full, options(false)), target);
    const fast = stepsTo(await make(full, options(true)), target);
    expect(plain).toBeLessThan(500);
    expect(fast).toBeLessThanOrEqual((2 / 3) * plain);
  });

  it('gives the same bits on one and two threads', async () => {
    const big = planted({ rows: 300, cols: 260, rank: 8, seed: 9, noise: 0.05 }).data;
    const o = options(true, { rank: 8 });
    const [one, two] = [await make(big, o), await make(big, o, { threads: 2 })];
    for (let t = 0; t < 12; t++) expect(two.step()).toBe(one.step());
    expect(two.engine.copyOut(two.W)).toEqual(one.engine.copyOut(one.W));
    expect(two.engine.copyOut(two.H)).toEqual(one.engine.copyOut(one.H));
    two.engine.close();
  });

  it('the sparse form follows the dense masked one to rounding', async () => {
    const [dense, sparse] = [await make(holes, options(true)), await make(holes, options(true), { sparse: true })];
    for (let t = 0; t < 15; t++) expect(sparse.step()).toBeCloseTo(dense.step(), 10);
  });

  it('a run resumed without a saved state extrapolates afresh: its first step is plain anls’s step from the saved W, H', async () => {
    const f = await make(full, options(true));
    for (let t = 0; t < 5; t++) f.step();
    const start = { W: f.engine.copyOut(f.W), H: f.engine.copyOut(f.H), iteration: 5, history: f.history.slice() };
    const engine = await createEngineNode();
    const resumed = new Factorization(engine, loadProblem(engine, full), options(true), start);
    const plain = new Factorization(engine, loadProblem(engine, full), options(false), start);
    expect(resumed.step()).toBe(plain.step());
    expect(engine.copyOut(resumed.H)).toEqual(engine.copyOut(plain.H));
    const before = resumed.relError;
    expect(resumed.step()).toBeLessThanOrEqual(before);
  });

  it('extrapolate: X ← max(0, X + β(X − P)), P ← the X given; extrapolateFrom: Y ← max(0, X + β(X − P))', () => {
    const X = new Float64Array([1, 2, 0.5, 0]);
    const P = new Float64Array([0, 4, 0.5, 1]);
    extrapolate(X, P, 0.5);
    expect(Array.from(X)).toEqual([1.5, 1, 0.5, 0]);
    expect(Array.from(P)).toEqual([1, 2, 0.5, 0]);
    const Y = new Float64Array(4);
    extrapolateFrom(Y, new Float64Array([1, 2, 0.5, 0]), new Float64Array([0, 4, 0.5, 1]), 2);
    expect(Array.from(Y)).toEqual([3, 0, 0.5, 0]);
  });
});
