// The messages of the Compare algorithms job (web/shared/jobs.ts carries them): the request, the
// controls and the events. Realm-neutral: the view and its worker import it.
import type { DataSpec } from '../../../src/data/spec.js';
import type { Stop } from '../../../src/driver/factorization.js';
import type { RunOptions } from '../../../src/driver/options.js';
import type { AlgorithmId } from '../../../src/solvers/types.js';

/** Race `algorithms` on the matrix of `spec`, each from the W, H that `options` (init, seed, rank) give. */
export interface CompareRequest {
  readonly spec: DataSpec;
  readonly options: RunOptions;
  readonly algorithms: readonly AlgorithmId[];
}

/** Pause the race between two slices, or go on. */
export type CompareControl = 'pause' | 'resume';

/** What one algorithm did since the last update. */
export interface RaceRowUpdate {
  readonly algorithm: AlgorithmId;
  /** Relative error of the shared initial W, H (null when the algorithm could not start). */
  readonly initial: number | null;
  /** Points already sent: `history` and `seconds` continue from this index. */
  readonly from: number;
  /** Relative error after each new iteration. */
  readonly history: readonly number[];
  /** Seconds the algorithm had spent iterating after each new iteration (its own time, cumulative). */
  readonly seconds: readonly number[];
  readonly iteration: number;
  readonly stop: Stop | null;
  /** Why the algorithm cannot run on this data or threw (a sentence for the user), else null. */
  readonly failure: string | null;
}

/** An update of the race: every row that changed, and whether all have stopped. */
export interface CompareEvent {
  readonly rows: readonly RaceRowUpdate[];
  readonly done: boolean;
}
