// The cost of the typed ops' shape checks (src/wasm/ops.ts): µs per iteration of each solver
// through Factorization on small matrices, where the checks weigh most, with checks on and off
// in two engines, measured in alternating batches so that drifts of a shared machine hit both.
import { loadProblem } from '../src/core/problem.js';
import { lowRank } from '../src/data/generate.js';
import { Factorization } from '../src/driver/factorization.js';
import { DEFAULT_OPTIONS, solverParams } from '../src/driver/options.js';
import type { AlgorithmId } from '../src/solvers/types.js';
import { Engine } from '../src/wasm/engine.js';
import { loadKernelsNode } from '../src/wasm/node.js';
import { cpuMs } from './timing.js';

/** One solver on one shape: best µs per iteration with and without checks. */
export interface CheckCost {
  algorithm: AlgorithmId;
  shape: string;
  checkedUs: number;
  uncheckedUs: number;
}

/** A factorization of a planted m×n rank-k matrix in `engine`, stepping for ever. */
async function factorization(checkShapes: boolean, algorithm: AlgorithmId, m: number, n: number, k: number): Promise<Factorization> {
  const engine = new Engine(await loadKernelsNode(), { checkShapes });
  const problem = loadProblem(engine, lowRank({ rows: m, cols: n, rank: k, noise: 0.05, seed: 3 }));
  return new Factorization(engine, problem, {
    ...DEFAULT_OPTIONS,
    algorithm,
    rank: k,
    seed: 1,
    maxIter: 1_000_000,
    tol: 0,
    params: solverParams(algorithm),
  });
}

/** Best CPU µs per step over `rounds` alternating batches of `batch` steps. */
function alternate(a: Factorization, b: Factorization, batch: number, rounds: number): [number, number] {
  let bestA = Infinity;
  let bestB = Infinity;
  for (let r = 0; r < rounds; r++) {
    for (const [f, isA] of [
      [a, true],
      [b, false],
    ] as const) {
      const c = cpuMs();
      for (let s = 0; s < batch; s++) f.step();
      const us = ((cpuMs() - c) * 1000) / batch;
      if (isA) bestA = Math.min(bestA, us);
      else bestB = Math.min(bestB, us);
    }
  }
  return [bestA, bestB];
}

/** The check costs of mu, hals, als and kl on the tutorial's 5×6 (k = 3) and a 50×40 (k = 5) matrix. */
export async function measureCheckCost(): Promise<CheckCost[]> {
  const out: CheckCost[] = [];
  for (const [m, n, k] of [
    [5, 6, 3],
    [50, 40, 5],
  ] as const) {
    for (const algorithm of ['mu', 'hals', 'als', 'kl'] as const) {
      const on = await factorization(true, algorithm, m, n, k);
      const off = await factorization(false, algorithm, m, n, k);
      alternate(on, off, 200, 2); // warm-up
      const [checkedUs, uncheckedUs] = alternate(on, off, 2000, 15);
      out.push({ algorithm, shape: `${m}×${n} k=${k}`, checkedUs, uncheckedUs });
    }
  }
  return out;
}
