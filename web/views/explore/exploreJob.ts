// The Explore rank job: what the page asks the job worker (explore.worker.ts) for, what it hears
// back after every restart, and the survey itself as a stream of those events. Realm-neutral:
// the page, the worker and Node tests import it.
import type { DataSpec } from '../../../src/data/spec.js';
import { makeData } from '../../../src/data/spec.js';
import type { RunOptions } from '../../../src/driver/options.js';
import { type RankSurvey, surveyRanks } from '../../../src/rank/survey.js';
import type { Engine } from '../../../src/wasm/engine.js';
import type { ExploreSettings } from './settings.js';

/** Survey the data of `spec` over `settings` with `base` (the Options panel's algorithm, init, seed, stopping rules). */
export interface ExploreRequest {
  readonly spec: DataSpec;
  readonly settings: ExploreSettings;
  readonly base: RunOptions;
}

/** Sent after every restart: where the sweep stands and, after a rank's last restart, that rank's survey. */
export interface ExploreStep {
  /** The rank and restart (0-based) just done. */
  readonly rank: number;
  readonly restart: number;
  readonly restartsDone: number;
  readonly restartsTotal: number;
  /** Work units done and in all (see SurveyStep): time left ≈ elapsed · (workTotal − workDone) / workDone. */
  readonly workDone: number;
  readonly workTotal: number;
  /** Milliseconds since the job started in the worker (the data made, the survey so far). */
  readonly elapsedMs: number;
  readonly finishedRank: RankSurvey | null;
}

/**
 * The survey the request asks for (with the shuffled baseline), one event per restart. Makes the
 * matrix from the spec first; throws InputError or OptionError (their messages are for the user)
 * before any fit.
 */
export function* exploreSteps(engine: Engine, request: ExploreRequest, now: () => number): Generator<ExploreStep, void, void> {
  const t0 = now();
  const data = makeData(request.spec);
  const { lowest, highest, restarts, holdout } = request.settings;
  const survey = surveyRanks(engine, data, { lowest, highest, restarts, holdout, shuffled: true, base: { ...request.base, restarts: 1 } });
  for (;;) {
    const s = survey.next();
    if (s.done) return;
    const { restart, finishedRank, restartsDone, restartsTotal, workDone, workTotal } = s.value;
    yield {
      rank: restart.rank,
      restart: restart.restart,
      restartsDone,
      restartsTotal,
      workDone,
      workTotal,
      elapsedMs: now() - t0,
      finishedRank,
    };
  }
}
