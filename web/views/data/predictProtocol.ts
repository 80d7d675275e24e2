// The held-out error job (web/shared/jobs.ts carries it): fit on all but a seeded share of the
// observed entries and score the predictions of those. Realm-neutral.
import type { PredictionError } from '../../../src/data/recommend-holdout.js';
import type { DataSpec } from '../../../src/data/spec.js';
import type { RunOptions } from '../../../src/driver/options.js';

/** Measure the held-out error of the matrix of `spec` factorized with `options`, `fraction` of its observed entries hidden. */
export interface PredictRequest {
  readonly spec: DataSpec;
  readonly options: RunOptions;
  /** The share of observed entries hidden (seeded by options.seed). */
  readonly fraction: number;
}

/** The job's one event: the error found. */
export type PredictEvent = PredictionError;
