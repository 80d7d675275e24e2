// Small helpers for the solver tests: start a factorization on seeded data, force an explicit
// all-ones mask, read factors out.
import { loadProblem, type DataMatrix, type Problem } from '../../src/core/problem.js';
import { Factorization } from '../../src/driver/factorization.js';
import { DEFAULT_OPTIONS, solverParams, type FactorOptions } from '../../src/driver/options.js';
import type { AlgorithmId } from '../../src/solvers/types.js';
import type { Engine } from '../../src/wasm/engine.js';
import { createEngineNode } from '../../src/wasm/node.js';

/** A fresh engine, `data` loaded into it, and a Factorization with the solver's default parameters. */
export async function startRun(algorithm: AlgorithmId, data: DataMatrix, more: Partial<FactorOptions> = {}) {
  const engine = await createEngineNode();
  const problem = loadProblem(engine, data);
  const f = new Factorization(engine, problem, { ...DEFAULT_OPTIONS, algorithm, tol: 0, params: solverParams(algorithm), ...more });
  return { engine, problem, f };
}

/** The same problem with an explicit M of ones, so a solver takes its masked path on full data. */
export function withOnesMask(engine: Engine, problem: Problem): Problem {
  const M = engine.mat(problem.m, problem.n);
  engine.view(M).fill(1);
  return { ...problem, M };
}

/** Steps `f` `times` times (ignoring stops). */
export function stepTimes(f: Factorization, times: number): void {
  for (let t = 0; t < times; t++) f.step();
}

/** W and H of `f` as plain arrays. */
export function factors(f: Factorization): { W: number[]; H: number[] } {
  return { W: Array.from(f.engine.view(f.W)), H: Array.from(f.engine.view(f.H)) };
}

/** Largest |a − b| divided by the largest |b|. */
export function scaledDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  let scale = 0;
  for (let t = 0; t < b.length; t++) {
    worst = Math.max(worst, Math.abs(a[t] - b[t]));
    scale = Math.max(scale, Math.abs(b[t]));
  }
  return worst / scale;
}
