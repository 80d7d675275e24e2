// Options of one factorization run, their defaults and their validation.
import type { Dense } from '../core/matrix.js';
import type { InitId } from '../init/types.js';
import type { AlgorithmId, SolverParams } from '../solvers/types.js';
import { DEFAULT_PARAMS } from '../solvers/types.js';
import { solverInfo } from '../solvers/registry.js';
import { workProblem } from './budget.js';
import { PRECISIONS, type Precision } from './float32.js';

/** Most iterations one run may be asked for (the command line's --max-iter, a link's maxIter and iter): 8 MB of history. */
export const MAX_ITERATIONS = 1_000_000;

/** Seeds are whole numbers from -MAX_SEED to MAX_SEED (exact in float64, the same in a file, a link and on the command line). */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** Everything that, with the data, fixes a run. */
export interface FactorOptions {
  algorithm: AlgorithmId;
  /** Rank k, 1 ≤ k ≤ min(m, n). */
  rank: number;
  init: InitId;
  /** Seed of the first restart; restart r uses seed + r. */
  seed: number;
  /** Iteration limit (≥ 1). */
  maxIter: number;
  /** Stop when the objective changes by less than tol relative to its previous value; 0 turns it off. */
  tol: number;
  /** Stop when ‖M∘(V−WH)‖_F ≤ target; 0 turns it off. */
  target: number;
  params: SolverParams;
  /** Number of seeds to run, keeping the best (≥ 1). */
  restarts: number;
  /** Initial W0 (m×k), H0 (k×n) for init 'given'. */
  given?: { W0: Dense; H0: Dense };
  /** The precision of V's products (src/driver/float32.ts); default float64. */
  precision?: Precision;
}

/** The options of one run as the app and a share link set them: no restarts, no given W0/H0. */
export type RunOptions = Omit<FactorOptions, 'given' | 'restarts'>;

/**
 * Defaults used by the CLI and the app when an option is not given. anls + random is the fastest
 * way to a good fit in the time-to-quality table (`npm run bench -- quality`, bench/README.md):
 * RcppML's error on the 2000×1000 rank-20 matrix in 9 iterations extrapolated (16 plain), where
 * hals + random needs ~450.
 * Share links of version 1 meant hals when they named no algorithm (OLD_FALLBACKS in src/share/table.ts).
 */
export const DEFAULT_OPTIONS: FactorOptions = {
  algorithm: 'anls',
  rank: 2,
  init: 'random',
  seed: 1,
  maxIter: 200,
  tol: 1e-6,
  target: 0,
  params: DEFAULT_PARAMS,
  restarts: 1,
};

/**
 * The parameters a run of `algorithm` should use: DEFAULT_PARAMS, then the solver's own
 * defaults (sgd has its own learning rate), then `overrides` (what the user set).
 */
export function solverParams(algorithm: AlgorithmId, overrides: Partial<SolverParams> = {}): SolverParams {
  return { ...DEFAULT_PARAMS, ...solverInfo(algorithm).defaults, ...overrides };
}

/** An option that cannot be used with this data; `option` names it (e.g. 'rank'). */
export class OptionError extends Error {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(message);
    this.name = 'OptionError';
  }
}

/**
 * Throws OptionError for the first option out of its range for an m×n matrix with `observed`
 * entries, and (on 'rank') for a run too large to do: its memory and the work of one iteration
 * are estimated before anything is allocated (budget.ts); `sparse` when V is held as its entries only.
 */
export function checkOptions(o: FactorOptions, m: number, n: number, observed = m * n, sparse = false): void {
  const maxRank = Math.min(m, n);
  if (!Number.isInteger(o.rank) || o.rank < 1 || o.rank > maxRank) {
    throw new OptionError(
      'rank',
      `rank ${o.rank} is out of range: it must be an integer from 1 to min(m, n) = ${maxRank} for a ${m}×${n} matrix`,
    );
  }
  if (!Number.isInteger(o.maxIter) || o.maxIter < 1 || o.maxIter > MAX_ITERATIONS) {
    throw new OptionError('maxIter', `max iterations ${o.maxIter} must be an integer from 1 to ${MAX_ITERATIONS} (the cap)`);
  }
  if (!(o.tol >= 0)) throw new OptionError('tol', `tolerance ${o.tol} must be ≥ 0`);
  if (!(o.target >= 0)) throw new OptionError('target', `target ${o.target} must be ≥ 0`);
  if (!Number.isInteger(o.restarts) || o.restarts < 1) throw new OptionError('restarts', `restarts ${o.restarts} must be an integer ≥ 1`);
  if (!Number.isInteger(o.seed) || Math.abs(o.seed) > MAX_SEED || Math.abs(o.seed + o.restarts - 1) > MAX_SEED) {
    throw new OptionError('seed', `seed ${o.seed} must be an integer from -${MAX_SEED} to ${MAX_SEED}`);
  }
  const p = o.params;
  if (!(p.epsilon >= 0)) throw new OptionError('epsilon', `epsilon ${p.epsilon} must be ≥ 0`);
  if (!(p.learningRate > 0)) throw new OptionError('learningRate', `learning rate ${p.learningRate} must be > 0`);
  if (!(p.l2 >= 0)) throw new OptionError('l2', `l2 penalty ${p.l2} must be ≥ 0`);
  if (o.precision !== undefined && !PRECISIONS.includes(o.precision)) {
    throw new OptionError('precision', `precision ${o.precision} must be one of ${PRECISIONS.join(', ')}`);
  }
  const tooLarge = workProblem(o.algorithm, o.init, m, n, o.rank, observed, sparse);
  if (tooLarge) throw new OptionError('rank', tooLarge);
}
