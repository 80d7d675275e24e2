// Small seeded factorization problems for the als/anls tests: a planted low-rank V, an
// optional mask, and a Factorization started from given W0, H0.
import type { DataMatrix } from '../../src/core/problem.js';
import { loadProblem } from '../../src/core/problem.js';
import { Rng } from '../../src/core/rng.js';
import { Factorization } from '../../src/driver/factorization.js';
import { DEFAULT_OPTIONS } from '../../src/driver/options.js';
import type { AlgorithmId } from '../../src/solvers/types.js';
import type { Engine } from '../../src/wasm/engine.js';
import { uniform } from './linalg.js';

/** V (m×n) = planted W·H plus noise, with 0 at missing entries; mask (m×n of 0/1) or null. */
export interface AlsCase {
  m: number;
  n: number;
  k: number;
  V: Float64Array;
  mask: Float64Array | null;
  W0: Float64Array;
  H0: Float64Array;
}

/**
 * A planted rank-k problem. missing(i, j) says which entries to hide (none when omitted).
 */
export function plantedCase(seed: number, m: number, n: number, k: number, missing?: (i: number, j: number, rng: Rng) => boolean): AlsCase {
  const rng = new Rng(seed);
  const Wt = uniform(rng, m, k);
  const Ht = uniform(rng, k, n);
  const V = new Float64Array(m * n);
  const mask = missing ? new Float64Array(m * n) : null;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0.05 * rng.next();
      for (let a = 0; a < k; a++) s += Wt[i * k + a] * Ht[a * n + j];
      const hidden = missing ? missing(i, j, rng) : false;
      V[i * n + j] = hidden ? 0 : s;
      if (mask) mask[i * n + j] = hidden ? 0 : 1;
    }
  }
  return { m, n, k, V, mask, W0: uniform(rng, m, k, 0.1, 1.1), H0: uniform(rng, k, n, 0.1, 1.1) };
}

/** The case as parsed data (NaN = missing). */
export function dataOf(c: AlsCase): DataMatrix {
  const values = c.V.map((v, t) => (c.mask && c.mask[t] === 0 ? NaN : v));
  return { rows: c.m, cols: c.n, values };
}

/** A Factorization of the case by `algorithm` from W0, H0, with no tolerance stop. */
export function startCase(engine: Engine, c: AlsCase, algorithm: AlgorithmId, maxIter = 1000): Factorization {
  const problem = loadProblem(engine, dataOf(c));
  return new Factorization(engine, problem, {
    ...DEFAULT_OPTIONS,
    algorithm,
    rank: c.k,
    init: 'given',
    given: { W0: { rows: c.m, cols: c.k, data: c.W0 }, H0: { rows: c.k, cols: c.n, data: c.H0 } },
    maxIter,
    tol: 0,
  });
}
