// The messages between the page and the factorization worker, both ways.
// Realm-neutral (no DOM, no worker globals): both tsconfig realms import it.
//
// Every message carries a run id. The page picks the ids: `load` and `configure` start a new
// run (a new id); run/pause/step/snapshot address the current one. The worker ignores control
// messages for any other id, and the page drops worker messages whose id is not its current
// run (or its pending load), so nothing from an older run ever reaches the screen.
import type { TopPredictions } from '../../src/data/recommend.js';
import type { ResultFile } from '../../src/data/results.js';
import type { DataSpec } from '../../src/data/spec.js';
import type { Summary } from '../../src/data/summary.js';
import type { RunStart, Stop, StopReason } from '../../src/driver/factorization.js';
import type { RunOptions } from '../../src/driver/options.js';
import type { BlockExtremes, DisplayMatrix } from './blocks.js';

/** Iterations per second, or null for as fast as possible. */
export type Speed = number | null;

/** What the page learns about a loaded matrix. */
export interface DataInfo {
  readonly name: string;
  readonly summary: Summary;
  readonly rowLabels?: readonly string[];
  readonly colLabels?: readonly string[];
  /** Whether the data has row labels and column labels (rowLabels/colLabels above are left out when V is shown in blocks). */
  readonly labelled: { readonly rows: boolean; readonly cols: boolean };
  /** V for display (block means of the observed entries; NaN where a cell has none). */
  readonly V: DisplayMatrix;
  /** Fraction of observed entries in each display cell of V (same shape as V). */
  readonly observed: Float64Array;
  /** Smallest and largest entry of each display cell of V, when V is shown as block means. */
  readonly extremes?: BlockExtremes | null;
  /** Width in pixels when each column of V is an image (then snapshots carry the full W). */
  readonly imageWidth?: number;
  /** For image data: the columns of V shown as images (imageColumnIndices) and their values, m×c row-major. */
  readonly imageColumns?: { readonly cols: readonly number[]; readonly V: Float64Array };
  /** Long-format data too large for a dense copy, held by its observed entries (the sparse solvers run on it; V and WH are shown as block means only). */
  readonly sparse?: boolean;
}

/** Where the run stands, as the worker sees it. */
export type RunPhase = 'ready' | 'running' | 'paused' | 'stopped';

/**
 * The files the app exports, as CSV: the result files (src/data/results.ts: the full factors, their
 * product and the error history at the current iteration); and for the Reproduce elsewhere programs
 * the data V (labelled, NA for missing) and the run's initial W0 and H0 (no labels).
 */
export type ExportWhat = ResultFile | 'V' | 'W0' | 'H0';

/** Test-only faults, to check that the page recovers from a dead or silent worker. */
export type Fault = 'throw' | 'hang';

// ---------------------------------------------------------------- page → worker

export type ToWorker =
  /** Make the matrix of `spec` the data (the current run is paused first; kept if this fails). */
  | { readonly type: 'load'; readonly runId: number; readonly spec: DataSpec }
  /**
   * Start run `runId` on the current data: initialize W, H from `options` (Reset sends this too).
   * With `runTo` > 0 (a shared link), then iterate at full speed to that iteration, through any
   * stop as Step would, and pause there (or stop, if a stopping rule fired at that iteration).
   * With `start` (a restored session, a rank picked from a sweep), W and H are its factors instead
   * and the run goes on from its iteration and history; a start that does not fit the data and
   * rank is answered by `startRefused` and the run starts from `options` at iteration 0.
   */
  | {
      readonly type: 'configure';
      readonly runId: number;
      readonly options: RunOptions;
      readonly runTo?: number;
      readonly start?: RunStart;
      /**
       * Restarts (1..MAX_RESTARTS, default 1): the run iterates seeds seed, seed + 1, … in turn, each
       * to its stop, then shows the best one again (see RestartsProgress). Ignored with runTo or start.
       */
      readonly restarts?: number;
    }
  /** Iterate until a stopping rule fires or a pause arrives. */
  | { readonly type: 'run'; readonly runId: number }
  /**
   * Stop iterating. `at`: the iteration the page showed when Pause was pressed; the steps the
   * worker took after it are taken back, so the run pauses where the user saw it.
   */
  | { readonly type: 'pause'; readonly runId: number; readonly at?: number }
  /** Exactly one iteration (also after a stop). */
  | { readonly type: 'step'; readonly runId: number }
  | { readonly type: 'speed'; readonly runId: number; readonly speed: Speed }
  /** New stopping limits for the current run: it goes on from where it is (a stop they lift becomes a pause). */
  | { readonly type: 'limits'; readonly runId: number; readonly maxIter: number; readonly tol: number; readonly target: number }
  /** Send W, H and WH for display once (the page asks again when it has drawn them). */
  | { readonly type: 'snapshot'; readonly runId: number }
  /** Are you alive? Answered with `pong` as soon as the current iteration ends. */
  | { readonly type: 'ping'; readonly runId: number }
  /** Build the CSV file of `what` for the current iteration of run `runId`; answered by `exported` or `exportFailed`. */
  | { readonly type: 'export'; readonly runId: number; readonly requestId: number; readonly what: ExportWhat }
  /** Send the full W, H and history of run `runId` (to keep the session); answered by `factors` or `exportFailed`. */
  | { readonly type: 'factors'; readonly runId: number; readonly requestId: number }
  /** Send the best and second-best finished restarts of run `runId`; answered by `restartPair`. */
  | { readonly type: 'restartPair'; readonly runId: number; readonly requestId: number }
  /** For data held sparse (DataInfo.sparse): the `count` unrated columns of `row` (0-based) WH predicts highest; answered by `predictions` or `exportFailed`. */
  | { readonly type: 'predict'; readonly runId: number; readonly requestId: number; readonly row: number; readonly count: number }
  | { readonly type: 'fault'; readonly runId: number; readonly fault: Fault };

// ---------------------------------------------------------------- worker → page

/** Progress of a run: sent after every time slice while running and after every state change. */
export interface Progress {
  readonly type: 'progress';
  readonly runId: number;
  readonly phase: RunPhase;
  readonly iteration: number;
  /** Relative error ‖M∘(V−WH)‖_F/‖M∘V‖_F now (of the initial W, H at iteration 0). */
  readonly relError: number;
  /** Iterations per second over about the last second of running (0 when not running). */
  readonly itersPerSec: number;
  /** Relative errors of iterations from+1, from+2, … not sent before (append only). */
  readonly from: number;
  readonly history: readonly number[];
  readonly initialRelError: number;
  /** The objective the solver minimizes now (½‖M∘(V−WH)‖²_F, or the KL divergence for kl), and at iteration 0. */
  readonly objective: number;
  readonly initialObjective: number;
  /** Objective values of the same iterations as `history`. */
  readonly objectiveHistory: readonly number[];
  readonly stop: Stop | null;
  /** Where a run with restarts stands; absent for a run of one restart. */
  readonly restarts?: RestartsProgress;
}

/** How one restart of a run ended. */
export interface RestartFinal {
  readonly seed: number;
  /** Relative error at its stop. */
  readonly relError: number;
  readonly objective: number;
  readonly iterations: number;
  readonly stopReason: StopReason;
}

/** Where a run with restarts stands. */
export interface RestartsProgress {
  readonly total: number;
  /** 0-based index of the restart shown: the one iterating, or once all are done, the best one. */
  readonly current: number;
  /** Its seed (the run's seed + current). */
  readonly seed: number;
  /** All restarts have stopped and the run shown is the best one (resumed at its stop: Step goes on from it). */
  readonly done: boolean;
  /** The restarts that have stopped, in order (restart i has seed seed + i). */
  readonly finished: readonly RestartFinal[];
  /** Index of the best of them (lowest objective; diverged ones last), or −1 before the first stops. */
  readonly best: number;
}

/** One finished restart's factors: W (m×k) and H (k×n), full, row-major. */
export interface RestartFactors {
  readonly restart: number;
  readonly seed: number;
  readonly relError: number;
  readonly m: number;
  readonly k: number;
  readonly n: number;
  readonly W: Float64Array;
  readonly H: Float64Array;
}

/** The residual V − WH at the observed entries of a V held by its entries, by display cell. */
export interface SparseResidual {
  /** Each cell's mean residual over its observed entries (NaN where none). */
  readonly means: Float64Array;
  /** Each cell's smallest and largest residual over its observed entries. */
  readonly extremes: BlockExtremes;
}

/** W (m×k), H (k×n) and WH for display, block-averaged like V. */
export interface Snapshot {
  readonly type: 'snapshot';
  readonly runId: number;
  readonly iteration: number;
  readonly W: DisplayMatrix;
  readonly H: DisplayMatrix;
  readonly WH: DisplayMatrix;
  /** The full W (m×k, row-major) when the columns of V are images, to draw W's columns as images. */
  readonly Wfull?: Float64Array;
  /** The same columns of WH as DataInfo.imageColumns (m×c row-major), for image data. */
  readonly WHcols?: Float64Array;
  /** Smallest and largest entry of each display cell of WH and of V − WH, when they are block means. */
  readonly extremes?: { readonly WH: BlockExtremes; readonly R: BlockExtremes } | null;
  /** Negative entries of the full W and H (0 unless projection is off). */
  readonly negatives: { readonly W: number; readonly H: number };
  /** For a V held by its entries: V − WH at its observed entries, by display cell (mean, smallest and largest); `extremes` is null then. */
  readonly residual?: SparseResidual;
}

export type FromWorker =
  /** The wasm is compiled and the session is ready for messages; its products run on `threads` threads (isolated: the page may share memory). */
  | { readonly type: 'hello'; readonly threads: number; readonly isolated: boolean }
  | { readonly type: 'pong'; readonly runId: number }
  | { readonly type: 'loaded'; readonly runId: number; readonly data: DataInfo }
  /** The data could not be made (parser or generator message); the previous data and run stay. */
  | { readonly type: 'loadFailed'; readonly runId: number; readonly message: string }
  /** The run's options cannot be used with this data; `option` names the field. */
  | { readonly type: 'optionsInvalid'; readonly runId: number; readonly option: string; readonly message: string }
  | Progress
  | Snapshot
  /** The file asked for by `export` request `requestId`, made at `iteration`. */
  | {
      readonly type: 'exported';
      readonly runId: number;
      readonly requestId: number;
      readonly fileName: string;
      readonly iteration: number;
      readonly blob: Blob;
    }
  | { readonly type: 'exportFailed'; readonly runId: number; readonly requestId: number; readonly message: string }
  | Factors
  /** Answers `restartPair` request `requestId`: the two best finished restarts of run `runId` (null where there are fewer). */
  | {
      readonly type: 'restartPair';
      readonly runId: number;
      readonly requestId: number;
      readonly best: RestartFactors | null;
      readonly second: RestartFactors | null;
    }
  /** Answers `predict` request `requestId` with the row's top predictions at `iteration`. */
  | {
      readonly type: 'predictions';
      readonly runId: number;
      readonly requestId: number;
      readonly iteration: number;
      readonly result: TopPredictions;
    }
  /** The configure of run `runId` had a `start` that does not fit (`message` says why): the run started from its options instead. */
  | { readonly type: 'startRefused'; readonly runId: number; readonly message: string };

/**
 * The whole state of a run at `iteration`, answering `factors` request `requestId`: everything a
 * RunStart needs to resume it (W m×k and H k×n full, row-major, sent as transferable buffers).
 */
export interface Factors extends RunStart {
  readonly type: 'factors';
  readonly runId: number;
  readonly requestId: number;
  readonly m: number;
  readonly k: number;
  readonly n: number;
  readonly initialRelError: number;
  readonly stop: Stop | null;
  readonly objective: number;
}
