// Small seeded factorization problems for the als/anls tests: a planted low-rank V, an
// optional mask of a chosen pattern, and a Factorization started from given W0, H0.
import type { DataMatrix } from '../../src/core/problem.js';
import { loadProblem } from '../../src/core/problem.js';
import { Rng } from '../../src/core/rng.js';
import { planted } from '../../src/data/generate.js';
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
 * A planted rank-k problem (src/data/generate.ts planted, 5% noise), with the entries where
 * missing(i, j, rng) is true hidden (none when omitted), and start factors W0, H0 uniform in [0.1, 1.1).
 */
export function plantedCase(seed: number, m: number, n: number, k: number, missing?: (i: number, j: number, rng: Rng) => boolean): AlsCase {
  const V = planted({ rows: m, cols: n, rank: k, seed, noise: 0.05 }).data.values;
  const rng = new Rng(seed);
  const mask = missing ? new Float64Array(m * n) : null;
  if (mask) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const hidden = missing!(i, j, rng);
        if (hidden) V[i * n + j] = 0;
        mask[i * n + j] = hidden ? 0 : 1;
      }
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
    params: { ...DEFAULT_OPTIONS.params, extrapolate: false }, // each step one exact alternating solve, as the cases check
  });
}
