// The messages between the page and the factorization worker, both ways.
// Realm-neutral (no DOM, no worker globals): both tsconfig realms import it.
//
// Every message carries a run id. The page picks the ids: `load` and `configure` start a new
// run (a new id); run/pause/step/snapshot address the current one. The worker ignores control
// messages for any other id, and the page drops worker messages whose id is not its current
// run (or its pending load), so nothing from an older run ever reaches the screen.
import type { ResultFile } from '../../src/data/results.js';
import type { DataSpec } from '../../src/data/spec.js';
import type { Summary } from '../../src/data/summary.js';
import type { Stop } from '../../src/driver/factorization.js';
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
  /** V for display (block means of the observed entries; NaN where a cell has none). */
  readonly V: DisplayMatrix;
  /** Fraction of observed entries in each display cell of V (same shape as V). */
  readonly observed: Float64Array;
  /** Smallest and largest entry of each display cell of V, when V is shown as block means. */
  readonly extremes?: BlockExtremes | null;
  /** Width in pixels when each column of V is an image (then snapshots carry the full W). */
  readonly imageWidth?: number;
}

/** Where the run stands, as the worker sees it. */
export type RunPhase = 'ready' | 'running' | 'paused' | 'stopped';

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
   */
  | { readonly type: 'configure'; readonly runId: number; readonly options: RunOptions; readonly runTo?: number }
  /** Iterate until a stopping rule fires or a pause arrives. */
  | { readonly type: 'run'; readonly runId: number }
  | { readonly type: 'pause'; readonly runId: number }
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
  | { readonly type: 'export'; readonly runId: number; readonly requestId: number; readonly what: ResultFile }
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
  /** Smallest and largest entry of each display cell of WH and of V − WH, when they are block means. */
  readonly extremes?: { readonly WH: BlockExtremes; readonly R: BlockExtremes } | null;
  /** Negative entries of the full W and H (0 unless projection is off). */
  readonly negatives: { readonly W: number; readonly H: number };
}

export type FromWorker =
  /** The wasm is compiled and the session is ready for messages. */
  | { readonly type: 'hello' }
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
  | { readonly type: 'exportFailed'; readonly runId: number; readonly requestId: number; readonly message: string };
