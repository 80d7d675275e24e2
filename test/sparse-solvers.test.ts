// The sparse forms of the masked solvers against the dense masked path on the same matrix: the
// same trajectory to rounding, per solver; and a sparse problem never allocates m×n.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProblem } from '../src/core/problem.js';
import { denseToSparse } from '../src/core/sparse.js';
import { loadSparseProblem } from '../src/core/sparse-problem.js';
import { planted } from '../src/data/generate.js';
import { Factorization } from '../src/driver/factorization.js';
import { DEFAULT_OPTIONS, solverParams, type FactorOptions } from '../src/driver/options.js';
import type { AlgorithmId } from '../src/solvers/types.js';
import type { Engine } from '../src/wasm/engine.js';
import { createEngineNode } from '../src/wasm/node.js';

let engine: Engine;
beforeAll(async () => {
  engine = await createEngineNode();
});

// 40×30, rank 3, 70% hidden: each list holds observed entries in the dense path too
const { data } = planted({ rows: 40, cols: 30, rank: 3, noise: 0.05, seed: 11, missing: 0.7 });

function run(sparse: boolean, algorithm: AlgorithmId, iterations: number) {
  engine.reset();
  const problem = sparse ? loadSparseProblem(engine, denseToSparse(data)) : loadProblem(engine, data);
  const options: FactorOptions = {
    ...DEFAULT_OPTIONS,
    algorithm,
    rank: 3,
    seed: 4,
    tol: 0,
    maxIter: iterations,
    params: solverParams(algorithm),
  };
  const f = new Factorization(engine, problem, options);
  for (let t = 0; t < iterations; t++) f.step();
  return { W: engine.copyOut(f.W), H: engine.copyOut(f.H), history: f.history.slice(), used: engine.used };
}

function maxRelDiff(a: Float64Array | number[], b: Float64Array | number[]): number {
  let d = 0;
  let s = 0;
  for (let t = 0; t < a.length; t++) {
    d = Math.max(d, Math.abs(a[t] - b[t]));
    s = Math.max(s, Math.abs(a[t]), Math.abs(b[t]));
  }
  return d / s;
}

describe('sparse masked solvers agree with the dense masked path', () => {
  it.each([
    ['mu', 30],
    ['als', 10],
    ['anls', 10],
    ['hals', 20],
    ['gd', 30],
    ['sgd', 10],
  ] as const)('%s: W, H and the error history to rounding', (algorithm, iterations) => {
    const dense = run(false, algorithm, iterations);
    const sparse = run(true, algorithm, iterations);
    expect(sparse.history[iterations - 1]).toBeLessThan(sparse.history[0]);
    expect(maxRelDiff(sparse.W, dense.W)).toBeLessThan(1e-9);
    expect(maxRelDiff(sparse.H, dense.H)).toBeLessThan(1e-9);
    expect(maxRelDiff(sparse.history, dense.history)).toBeLessThan(1e-9);
    expect(sparse.W.every((x) => x >= 0) && sparse.H.every((x) => x >= 0)).toBe(true);
  });

  it('a sparse problem holds no m×n array: 2000×1500 at 0.1% observed takes well under m·n·8 bytes', () => {
    engine.reset();
    const m = 2000;
    const n = 1500;
    const rowPtr = new Int32Array(m + 1);
    const colIdx = new Int32Array(m * 2);
    const values = new Float64Array(m * 2).fill(1);
    for (let i = 0; i < m; i++) {
      colIdx[2 * i] = Math.min(i % n, (i * 7) % n);
      colIdx[2 * i + 1] = Math.max(i % n, (i * 7) % n) === colIdx[2 * i] ? (colIdx[2 * i] + 1) % n : Math.max(i % n, (i * 7) % n);
      if (colIdx[2 * i + 1] < colIdx[2 * i]) [colIdx[2 * i], colIdx[2 * i + 1]] = [colIdx[2 * i + 1], colIdx[2 * i]];
      rowPtr[i + 1] = 2 * i + 2;
    }
    const problem = loadSparseProblem(engine, { rows: m, cols: n, nnz: 2 * m, rowPtr, colIdx, values });
    const f = new Factorization(engine, problem, {
      ...DEFAULT_OPTIONS,
      algorithm: 'mu',
      rank: 5,
      tol: 0,
      maxIter: 2,
      params: solverParams('mu'),
    });
    f.step();
    expect(engine.used).toBeLessThan((m * n * 8) / 10);
    expect(f.relError).toBeLessThan(f.initialRelError);
  });

  it.each([
    ['kl', 'init random', 'kl has no sparse form'],
    ['mu', 'init nndsvd', 'nndsvd'],
  ])('%s with %s on a sparse matrix is refused with a message', (algorithm, _what, message) => {
    engine.reset();
    const problem = loadSparseProblem(engine, denseToSparse(data));
    const init = _what === 'init nndsvd' ? 'nndsvd' : 'random';
    expect(
      () =>
        new Factorization(engine, problem, {
          ...DEFAULT_OPTIONS,
          algorithm: algorithm as AlgorithmId,
          init,
          rank: 3,
          params: solverParams(algorithm as AlgorithmId),
        }),
    ).toThrow(message);
  });
});
