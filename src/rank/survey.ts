// The rank survey: for each rank k and restart r, a fit of all of V (its error and the clustering
// of its H, for the consensus), a fit with the restart's own held-out set hidden (the error on
// that set) and optionally a fit of V with its columns shuffled (the baseline). A generator, so
// a driver (the CLI, the app's worker) takes one restart per next(), reports progress and can
// stop between restarts; nothing stays allocated in the engine between two next() calls.
import type { Dense } from '../core/matrix.js';
import type { DataMatrix } from '../core/problem.js';
import { loadProblem } from '../core/problem.js';
import { Factorization, type StopReason } from '../driver/factorization.js';
import { checkOptions, OptionError, type FactorOptions } from '../driver/options.js';
import { runToStop } from '../driver/run.js';
import type { Engine } from '../wasm/engine.js';
import { shuffleColumns } from './baseline.js';
import { addConnectivity, summarizeConsensus } from './consensus.js';
import { heldOutRelError, splitHoldout } from './holdout.js';
import { suggestRank, type Suggestion } from './suggest.js';

/** Above this many columns the O(n³) consensus clustering is skipped (cophenetic = null). */
export const MAX_CONSENSUS_COLS = 500;
/** Most restarts per rank a survey accepts. */
export const MAX_RESTARTS = 100;
/** Largest held-out fraction: at least half of the observed entries stay to fit on. */
export const MAX_HOLDOUT = 0.5;

/** What to survey. Restart r of every rank uses seed base.seed + r and held-out set r. */
export interface SurveyOptions {
  /** The ranks surveyed are lowest, lowest + 1, …, highest, with 1 ≤ lowest ≤ highest ≤ min(m, n). */
  readonly lowest: number;
  readonly highest: number;
  /** Restarts per rank, 1..MAX_RESTARTS. */
  readonly restarts: number;
  /** Fraction of the observed entries held out per restart, 0 (none) to MAX_HOLDOUT. */
  readonly holdout: number;
  /** Also fit a column-shuffled copy of V (one copy, seeded by base.seed) as the baseline. */
  readonly shuffled: boolean;
  /** Algorithm, init, first seed, stopping rules and parameters; `rank`, `restarts`, `given` are ignored. */
  readonly base: FactorOptions;
}

/** What one restart of one rank gave. Errors are relative: ‖M∘(V−WH)‖_F/‖M∘V‖_F. */
export interface RestartOutcome {
  readonly rank: number;
  /** 0-based restart index. */
  readonly restart: number;
  readonly seed: number;
  /** Fit of all observed entries. */
  readonly fitError: number;
  /** The solver's objective at the end of that fit (what picks the best restart). */
  readonly objective: number;
  readonly iterations: number;
  readonly stopReason: StopReason;
  /** Error on this restart's held-out entries after fitting the rest; NaN when that fit diverged, null without holdout. */
  readonly heldOutError: number | null;
  /** Fit of the shuffled copy; null without `shuffled`. */
  readonly shuffledFitError: number | null;
}

/** A factorization kept from the survey: W (m×k), H (k×n) of one restart's fit of all of V. */
export interface KeptFactorization {
  readonly restart: number;
  readonly seed: number;
  readonly stopReason: StopReason;
  readonly fitError: number;
  readonly objective: number;
  readonly W: Dense;
  readonly H: Dense;
}

/** The survey of one rank over its restarts. */
export interface RankSurvey {
  readonly rank: number;
  /** Relative error of the best restart (lowest objective among those that did not diverge; if all did, the first). */
  readonly fitError: number;
  /** Relative error of each restart, in restart order. */
  readonly fitErrors: readonly number[];
  /** Mean held-out error over the restarts (finite values only); null without holdout. */
  readonly heldOutError: number | null;
  /** Held-out error of each restart (its own held-out set); empty without holdout. */
  readonly heldOutErrors: readonly number[];
  /** Standard error of that mean, sd/√count; null with fewer than 2 finite values. */
  readonly heldOutStdErr: number | null;
  /** Cophenetic correlation of the consensus; null at k = 1, with fewer than 2 converged restarts or above MAX_CONSENSUS_COLS columns. */
  readonly cophenetic: number | null;
  /** Consensus matrix (n×n, fraction of restarts that cluster columns i, j together), or null as cophenetic. */
  readonly consensus: Float64Array | null;
  /** The columns in the order of the consensus clustering's tree (for the heatmap), or null. */
  readonly consensusOrder: Int32Array | null;
  /** Best relative error on the shuffled copy; null without `shuffled`. */
  readonly shuffledFitError: number | null;
  readonly shuffledFitErrors: readonly number[];
  readonly shuffledCophenetic: number | null;
  /** The best restart's factors (Open rank K) and the second best (Compare restarts), as `fitError` picks them. */
  readonly best: KeptFactorization;
  readonly runnerUp: KeptFactorization | null;
  readonly restarts: readonly RestartOutcome[];
}

/** What a next() of the survey hands over: one restart, and its rank when that was the last restart. */
export interface SurveyStep {
  readonly restart: RestartOutcome;
  /** The rank this restart completed (its last restart), else null. */
  readonly finishedRank: RankSurvey | null;
  readonly restartsDone: number;
  readonly restartsTotal: number;
  /**
   * Work done and in all, counting a restart at rank k as k units per fit (an iteration costs
   * about m·n·k): time left ≈ elapsed · (workTotal − workDone) / workDone.
   */
  readonly workDone: number;
  readonly workTotal: number;
}

/** The whole survey and the rank it suggests. */
export interface SurveyResult {
  readonly ranks: readonly RankSurvey[];
  readonly suggestion: Suggestion;
}

/** Throws OptionError (naming ranks, restarts, holdout or a base option) for a survey that cannot run on m×n data. */
export function checkSurveyOptions(o: SurveyOptions, m: number, n: number): void {
  const max = Math.min(m, n);
  for (const [name, k] of [
    ['lowest', o.lowest],
    ['highest', o.highest],
  ] as const) {
    if (!Number.isInteger(k) || k < 1 || k > max) {
      throw new OptionError(
        name,
        `${name} rank ${k} is out of range: it must be an integer from 1 to min(m, n) = ${max} for a ${m}×${n} matrix`,
      );
    }
  }
  if (o.highest < o.lowest) throw new OptionError('highest', `highest rank ${o.highest} is below the lowest rank ${o.lowest}`);
  if (!Number.isInteger(o.restarts) || o.restarts < 1 || o.restarts > MAX_RESTARTS) {
    throw new OptionError('restarts', `restarts per rank ${o.restarts} must be an integer from 1 to ${MAX_RESTARTS}`);
  }
  if (!(o.holdout >= 0 && o.holdout <= MAX_HOLDOUT)) {
    throw new OptionError('holdout', `held-out fraction ${o.holdout} must be from 0 to ${MAX_HOLDOUT}`);
  }
  if (o.base.init === 'given')
    throw new OptionError('init', 'the survey needs an initialization that works at every rank, not given W0, H0');
  checkOptions({ ...o.base, rank: o.lowest, restarts: 1 }, m, n);
}

/**
 * Surveys the ranks of V (data, m×n): yields after every restart, returns the whole survey with
 * its suggestion. (data, options) fix every number bit for bit. Throws OptionError before any work.
 */
export function* surveyRanks(engine: Engine, data: DataMatrix, o: SurveyOptions): Generator<SurveyStep, SurveyResult, void> {
  const { rows: m, cols: n } = data;
  checkSurveyOptions(o, m, n);
  const rankList = Array.from({ length: o.highest - o.lowest + 1 }, (_, i) => o.lowest + i);
  const shuffled = o.shuffled ? shuffleColumns(data, o.base.seed) : null;
  const fitsPerRestart = 1 + (o.holdout > 0 ? 1 : 0) + (shuffled ? 1 : 0);
  const workTotal = rankList.reduce((s, k) => s + k, 0) * o.restarts * fitsPerRestart;
  const restartsTotal = rankList.length * o.restarts;
  const withConsensus = n <= MAX_CONSENSUS_COLS;
  const ranks: RankSurvey[] = [];
  let workDone = 0;
  let restartsDone = 0;
  for (const k of rankList) {
    const outcomes: RestartOutcome[] = [];
    const kept: KeptFactorization[] = [];
    // one component puts every column in the same cluster: no clustering to be stable about
    const counts = withConsensus && k > 1 ? new Float64Array(n * n) : null;
    const shuffledCounts = counts && shuffled ? new Float64Array(n * n) : null;
    let runs = 0;
    let shuffledRuns = 0;
    for (let r = 0; r < o.restarts; r++) {
      const seed = o.base.seed + r;
      const options: FactorOptions = { ...o.base, rank: k, seed, restarts: 1, given: undefined };
      const outcome = fitOnce(engine, data, options, (f) => {
        const stopReason = f.stop!.reason;
        const fit = { rank: k, restart: r, seed, fitError: f.relError, objective: f.objectiveValue, iterations: f.iteration, stopReason };
        if (stopReason !== 'diverged') {
          if (counts) addConnectivity(counts, engine.view(f.H), k, n);
          runs++;
        }
        keep(kept, {
          restart: r,
          seed,
          stopReason,
          fitError: f.relError,
          objective: f.objectiveValue,
          W: { rows: m, cols: k, data: engine.copyOut(f.W) },
          H: { rows: k, cols: n, data: engine.copyOut(f.H) },
        });
        return fit;
      });
      let heldOutError: number | null = null;
      if (o.holdout > 0) {
        const split = splitHoldout(data, o.holdout, seed);
        heldOutError = fitOnce(engine, split.train, options, (g) =>
          g.stop!.reason === 'diverged' ? NaN : heldOutRelError(data.values, n, engine.view(g.W), engine.view(g.H), k, split.heldOut),
        );
      }
      let shuffledFitError: number | null = null;
      if (shuffled) {
        shuffledFitError = fitOnce(engine, shuffled, options, (s) => {
          if (s.stop!.reason !== 'diverged') {
            if (shuffledCounts) addConnectivity(shuffledCounts, engine.view(s.H), k, n);
            shuffledRuns++;
          }
          return s.relError;
        });
      }
      const restart: RestartOutcome = { ...outcome, heldOutError, shuffledFitError };
      outcomes.push(restart);
      workDone += k * fitsPerRestart;
      restartsDone++;
      let finishedRank: RankSurvey | null = null;
      if (r === o.restarts - 1) {
        finishedRank = summarizeRank(
          k,
          outcomes,
          kept,
          counts && runs >= 2 ? summarizeConsensus(counts, runs, n) : null,
          shuffledCounts,
          shuffledRuns,
          n,
        );
        ranks.push(finishedRank);
      }
      yield { restart, finishedRank, restartsDone, restartsTotal, workDone, workTotal };
    }
  }
  return { ranks, suggestion: suggestRank(ranks) };
}

/** Runs the whole survey, calling onStep after each restart; the CLI's and the tests' way in. */
export function runSurvey(engine: Engine, data: DataMatrix, o: SurveyOptions, onStep?: (s: SurveyStep) => void): SurveyResult {
  const it = surveyRanks(engine, data, o);
  for (;;) {
    const s = it.next();
    if (s.done) return s.value;
    onStep?.(s.value);
  }
}

/** Loads V into the engine, fits it to a stop, returns what `use` takes from it, frees it all. */
function fitOnce<T>(engine: Engine, data: DataMatrix, options: FactorOptions, use: (f: Factorization) => T): T {
  const mark = engine.mark();
  try {
    const f = new Factorization(engine, loadProblem(engine, data), options);
    runToStop(f);
    return use(f);
  } finally {
    engine.release(mark);
  }
}

/** Keeps the two best factorizations, best first: diverged ones last, then by objective, then the earlier restart. */
function keep(kept: KeptFactorization[], f: KeptFactorization): void {
  const key = (x: KeptFactorization) => (x.stopReason === 'diverged' || !Number.isFinite(x.objective) ? Infinity : x.objective);
  kept.push(f);
  kept.sort((a, b) => (key(a) === key(b) ? a.restart - b.restart : key(a) < key(b) ? -1 : 1));
  if (kept.length > 2) kept.length = 2;
}

function summarizeRank(
  k: number,
  outcomes: readonly RestartOutcome[],
  kept: readonly KeptFactorization[],
  consensus: ReturnType<typeof summarizeConsensus> | null,
  shuffledCounts: Float64Array | null,
  shuffledRuns: number,
  n: number,
): RankSurvey {
  const held = outcomes.map((o) => o.heldOutError).filter((x): x is number => x !== null);
  const heldStats = meanStdErr(held);
  const shuffledFitErrors = outcomes.map((o) => o.shuffledFitError).filter((x): x is number => x !== null);
  const best = kept[0];
  return {
    rank: k,
    fitError: best.fitError,
    fitErrors: outcomes.map((o) => o.fitError),
    heldOutError: held.length ? heldStats.mean : null,
    heldOutErrors: held,
    heldOutStdErr: heldStats.stdErr,
    cophenetic: consensus ? consensus.cophenetic : null,
    consensus: consensus ? consensus.consensus : null,
    consensusOrder: consensus ? consensus.order : null,
    shuffledFitError: shuffledFitErrors.length ? Math.min(...shuffledFitErrors) : null,
    shuffledFitErrors,
    shuffledCophenetic: shuffledCounts && shuffledRuns >= 2 ? summarizeConsensus(shuffledCounts, shuffledRuns, n).cophenetic : null,
    best,
    runnerUp: kept[1] ?? null,
    restarts: outcomes,
  };
}

/** Mean and standard error (sample sd/√count) of the finite values; stdErr null below 2 of them. */
export function meanStdErr(xs: readonly number[]): { mean: number; stdErr: number | null } {
  const v = xs.filter(Number.isFinite);
  if (v.length === 0) return { mean: NaN, stdErr: null };
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  if (v.length < 2) return { mean, stdErr: null };
  const ss = v.reduce((s, x) => s + (x - mean) ** 2, 0);
  return { mean, stdErr: Math.sqrt(ss / (v.length - 1) / v.length) };
}

/** Parses "A..B" (or a single "K") into the ranks from A to B; null when malformed or not 1 ≤ A ≤ B. */
export function parseRankRange(s: string): { lowest: number; highest: number } | null {
  const m = /^\s*(\d+)\s*(?:\.\.\s*(\d+))?\s*$/.exec(s);
  if (!m) return null;
  const lowest = Number(m[1]);
  const highest = m[2] === undefined ? lowest : Number(m[2]);
  if (lowest < 1 || highest < lowest) return null;
  return { lowest, highest };
}
