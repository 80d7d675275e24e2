// What a run's stop is and where a run resumes (a restored session, a rank picked from a sweep):
// the Stop and RunStart types, and the check that a RunStart fits the data and rank.

export type StopReason = 'max-iter' | 'tolerance' | 'target' | 'diverged';

/** Why a run stopped, at which iteration, in words a user can act on. */
export interface Stop {
  readonly reason: StopReason;
  readonly iteration: number;
  readonly message: string;
}

/**
 * Where a run resumes: its factors and counters at some iteration (a restored session, a rank
 * picked from a sweep). A Factorization given one starts from these W, H instead of running its
 * initialization, and its iteration count and history go on from them.
 */
export interface RunStart {
  /** W (m×k), row-major, in the data's units, as the run had it at `iteration`. */
  readonly W: Float64Array;
  /** H (k×n), row-major. */
  readonly H: Float64Array;
  /** Iterations the run had made (≥ 0). */
  readonly iteration: number;
  /** Relative error after each of those iterations (length `iteration`). */
  readonly history: ArrayLike<number> & Iterable<number>;
  /** Relative error of the run's initial W, H (default: that of the given W, H when iteration is 0, else NaN). */
  readonly initialRelError?: number;
  /** The stop the run had reached at `iteration`, if any. */
  readonly stop?: Stop | null;
  /**
   * The solver's objective at `iteration` (in the data's units) as the run computed it (the tolerance rule compares the
   * next one with it); default: recomputed from W, H, which can differ in the last bits.
   */
  readonly objective?: number;
  /**
   * The solver's own state beyond W and H at `iteration`, as Factorization.solverState gave it
   * (anls extrapolated: its Wy, plain H, β, β̄); absent for a solver without one, or to start it afresh.
   */
  readonly solverState?: Float64Array;
}

/** Why `start` cannot resume a rank-k run on an m×n matrix, or null. */
export function startProblem(start: RunStart, m: number, k: number, n: number): string | null {
  const { W, H, iteration, history } = start;
  if (!(W instanceof Float64Array) || W.length !== m * k) return `the saved W has ${W?.length} entries, expected ${m}×${k} = ${m * k}`;
  if (!(H instanceof Float64Array) || H.length !== k * n) return `the saved H has ${H?.length} entries, expected ${k}×${n} = ${k * n}`;
  if (!Number.isInteger(iteration) || iteration < 0) return `the saved iteration ${iteration} must be an integer ≥ 0`;
  if (!(Array.isArray(history) || history instanceof Float64Array) || history.length !== iteration) {
    return `the saved history has ${history?.length} entries, expected one per iteration (${iteration})`;
  }
  return null;
}
