// What the page's controls do: commands become worker messages with run ids, worker messages
// become store actions, snapshots are asked for at a throttled rate, and a dead worker is
// replaced by a fresh one that gets the data and options back.
import type { TopPredictions } from '../../src/data/recommend.js';
import type { Action, AppState, DataSource } from '../state/app.js';
import type { Store } from '../state/store.js';
import type { ExportWhat, Factors, Fault, FromWorker, RestartFactors, Speed, ToWorker } from '../shared/protocol.js';
import type { DataSpec } from '../../src/data/spec.js';
import type { RunStart } from '../../src/driver/factorization.js';
import type { RunOptions } from '../../src/driver/options.js';
import type { ViewId } from '../state/view.js';
import { limitsOnly, newRunReason } from '../state/runChange.js';
import { SnapshotRequests } from './snapshotRequests.js';
import { WorkerLink } from './workerLink.js';

/** After this many crashes in a row the controller falls back to the first example, then gives up. */
const MAX_CRASHES = 3;

/** A file the worker exported: its name, its content and the iteration it holds. */
export interface ExportedFile {
  readonly fileName: string;
  readonly blob: Blob;
  readonly iteration: number;
}

/** The top predictions of one row of data held sparse, ranked in the worker at `iteration`. */
export interface SparsePredictions {
  readonly iteration: number;
  readonly result: TopPredictions;
}

/** The best and second-best finished restarts of the current run (null where fewer have finished). */
export interface RestartPair {
  readonly runId: number;
  readonly best: RestartFactors | null;
  readonly second: RestartFactors | null;
}

/** What the app opens: a shared link's or a kept session's data, options, speed and view. */
export interface Opening {
  /** The data (null: none in the link; the fallback example is shown with the options). */
  readonly data: DataSpec | null;
  /** 'link' (a shared link) or 'session' (a kept or saved session): names the data in messages. */
  readonly source: 'link' | 'session';
  readonly options: RunOptions;
  readonly speed: Speed;
  readonly view: ViewId;
  /** Whether the page is shown for an iframe (plots, run controls and status only). */
  readonly embed: boolean;
  readonly notices: readonly string[];
  /** Once loaded, run to this iteration (a link: the same numbers as the page that made it)… */
  readonly iteration: number;
  /** …or resume from these factors (a session: its W, H and history at its iteration). */
  readonly start?: RunStart;
  /** Called once the data has loaded and the run is configured (a view's settings are applied then). */
  readonly onLoaded?: () => void;
}

/** The bridge between the UI (store + commands) and the worker. */
export class Controller {
  private link: WorkerLink;
  private nextRunId = 1;
  private crashes = 0;
  private readonly snapshots = new SnapshotRequests(
    () => this.store.getState(),
    () => this.send({ type: 'snapshot', runId: this.runId }),
  );
  /** What to do once the load `loadRunId` of an Opening has arrived: run to an iteration, or resume from factors, then `onLoaded`. */
  private goal: {
    readonly loadRunId: number;
    readonly iteration: number;
    readonly start?: RunStart;
    readonly onLoaded?: () => void;
  } | null = null;
  private nextRequest = 1;
  private readonly exports = new Map<number, { resolve(f: ExportedFile): void; reject(e: Error): void }>();
  private readonly factorRequests = new Map<number, { resolve(f: Factors): void; reject(e: Error): void }>();
  private readonly pairRequests = new Map<number, { resolve(p: RestartPair): void; reject(e: Error): void }>();
  private readonly predictRequests = new Map<number, { resolve(p: SparsePredictions): void; reject(e: Error): void }>();

  constructor(
    private readonly store: Store<AppState, Action>,
    private readonly spawn: () => Worker,
    private readonly fallback: DataSpec,
    private watchdogMs = 30_000,
  ) {
    this.link = this.connect();
    // the worker starts as fast as possible; the page's speed (a watchable pace at first) is the one to keep
    this.send({ type: 'speed', runId: 0, speed: store.getState().speed });
  }

  /** Makes the matrix of `spec` the data (the current run pauses; on failure it stays); returns the load's run id. */
  load(spec: DataSpec, source: DataSource): number {
    const runId = this.nextRunId++;
    this.goal = null;
    this.store.dispatch({ type: 'loadRequested', runId, spec, source });
    this.send({ type: 'load', runId, spec });
    return runId;
  }

  /**
   * Opens a shared link or a session: its options, speed, view and notices at once, then its data
   * (the fallback example when it holds none) and, once loaded, a run to its iteration or resumed
   * from its start, and its `onLoaded`.
   */
  open(o: Opening): void {
    const { options, speed, view, embed, notices } = o;
    this.store.dispatch({ type: 'shared', options, speed, view, embed, notices });
    this.send({ type: 'speed', runId: 0, speed });
    const loadRunId = this.load(o.data ?? this.fallback, o.source);
    this.goal = o.data
      ? { loadRunId, iteration: o.iteration, start: o.start, onLoaded: o.onLoaded }
      : { loadRunId, iteration: 0, onLoaded: o.onLoaded };
  }

  /** Data from `source` could not even be handed to the worker (e.g. a file too large or unreadable): `message` shows next to its control. */
  dataFailed(source: DataSource, message: string): void {
    this.store.dispatch({ type: 'dataFailed', source, message });
  }

  /** The CSV of `what` at the worker's current iteration, built in the worker. */
  exportFile(what: ExportWhat): Promise<ExportedFile> {
    const requestId = this.nextRequest++;
    return new Promise((resolve, reject) => {
      this.exports.set(requestId, { resolve, reject });
      this.send({ type: 'export', runId: this.runId, requestId, what });
    });
  }

  /** The full W, H, history and counters of the current run, copied in the worker (to keep the session). */
  factors(): Promise<Factors> {
    const requestId = this.nextRequest++;
    return new Promise((resolve, reject) => {
      this.factorRequests.set(requestId, { resolve, reject });
      this.send({ type: 'factors', runId: this.runId, requestId });
    });
  }

  /** The two best finished restarts of the current run, copied in the worker (for Compare restarts). */
  restartPair(): Promise<RestartPair> {
    const requestId = this.nextRequest++;
    return new Promise((resolve, reject) => {
      this.pairRequests.set(requestId, { resolve, reject });
      this.send({ type: 'restartPair', runId: this.runId, requestId });
    });
  }

  /** For data held sparse: the `count` unrated columns of `row` (0-based) WH predicts highest, ranked in the worker. */
  predict(row: number, count: number): Promise<SparsePredictions> {
    const requestId = this.nextRequest++;
    return new Promise((resolve, reject) => {
      this.predictRequests.set(requestId, { resolve, reject });
      this.send({ type: 'predict', runId: this.runId, requestId, row, count });
    });
  }

  /** The Restarts field: a new run of that many restarts (seeds seed, seed + 1, …) starts at iteration 0. */
  setRestarts(restarts: number): void {
    this.store.dispatch({ type: 'restarts', restarts });
    if (!this.store.getState().pendingLoad) this.configure();
  }

  /**
   * New options and a run that resumes from `start` (its W, H, iteration and history) on the
   * current data, e.g. a restored session or a rank picked from a sweep. The start's buffers are
   * transferred to the worker (they are unusable here afterwards). A start that does not fit gives
   * a notice and a run from iteration 0.
   */
  resume(options: RunOptions, start: RunStart): void {
    this.store.dispatch({ type: 'options', options });
    this.configure(0, null, start);
  }

  /**
   * New options. Only the stopping limits changed: the run goes on from where it is (a stopped run
   * the new limits release can Run again). Otherwise a new run starts at iteration 0, and the
   * status says why.
   */
  setOptions(options: RunOptions): void {
    const s = this.store.getState();
    const old = s.options;
    this.store.dispatch({ type: 'options', options });
    if (this.store.getState().pendingLoad) return;
    const { phase, iteration } = s.run;
    if (limitsOnly(old, options) && phase !== 'starting' && phase !== 'invalid') {
      const { maxIter, tol, target } = options;
      return this.send({ type: 'limits', runId: this.runId, maxIter, tol, target });
    }
    const why = newRunReason(old, options);
    // worded without "iteration N": the status names only the current run's iteration that way
    const before = `the previous run stopped after ${iteration} iteration${iteration === 1 ? '' : 's'}`;
    this.configure(0, iteration > 0 && why ? `${why}; ${before}` : why, undefined, why ? old : undefined);
  }

  /** The Clear previous runs button: the loss plot keeps only the current run. */
  clearPreviousRuns(): void {
    this.store.dispatch({ type: 'clearPreviousRuns' });
  }

  /** The field labelled `field` holds an invalid text (`problem`), or is valid again (null). */
  fieldProblem(field: string, problem: string | null): void {
    this.store.dispatch({ type: 'fieldProblem', field, problem });
  }

  run(): void {
    this.store.dispatch({ type: 'intent', intent: 'run' });
    this.send({ type: 'run', runId: this.runId });
  }

  pause(): void {
    this.store.dispatch({ type: 'intent', intent: 'pause' });
    this.send({ type: 'pause', runId: this.runId, at: this.store.getState().run.iteration });
  }

  step(): void {
    this.snapshots.beforeStep();
    this.send({ type: 'step', runId: this.runId });
  }

  /** Back to iteration 0 with the same data and options (a new run id). */
  reset(): void {
    this.configure();
  }

  setSpeed(speed: Speed): void {
    this.store.dispatch({ type: 'speed', speed });
    this.send({ type: 'speed', runId: this.runId, speed });
  }

  /** Opens the tab of `view`. */
  openView(view: ViewId): void {
    this.store.dispatch({ type: 'view', view });
  }

  dismissNotices(): void {
    this.store.dispatch({ type: 'dismissNotices' });
  }

  /** Test hook: makes the worker throw or hang. */
  fault(fault: Fault): void {
    this.send({ type: 'fault', runId: this.runId, fault });
  }

  /** Test hook: how long a ping may go unanswered before the worker is declared dead. */
  setWatchdog(ms: number): void {
    this.watchdogMs = ms;
    this.link.timeoutMs = ms;
  }

  private get runId(): number {
    return this.store.getState().run.runId;
  }

  private send(msg: ToWorker): void {
    this.link.send(msg);
  }

  private connect(): WorkerLink {
    return new WorkerLink(this.spawn, { message: (m) => this.onMessage(m), died: (r) => this.onDied(r) }, this.watchdogMs);
  }

  /** Starts a new run (`previous`: the options of the run it replaces, whose curves stay on the loss plot). */
  private configure(runTo = 0, why: string | null = null, start?: RunStart, previous?: RunOptions): void {
    const runId = this.nextRunId++;
    this.store.dispatch({ type: 'configured', runId, why, previous });
    this.snapshots.reset();
    const { options, restarts } = this.store.getState();
    const msg: ToWorker = {
      type: 'configure',
      runId,
      options,
      ...(runTo > 0 ? { runTo } : {}),
      ...(start ? { start } : {}),
      ...(restarts > 1 ? { restarts } : {}),
    };
    this.link.send(msg, start ? [...new Set([start.W.buffer as ArrayBuffer, start.H.buffer as ArrayBuffer])] : []);
  }

  private onMessage(msg: FromWorker): void {
    const pending = this.store.getState().pendingLoad;
    this.store.dispatch({ type: 'worker', msg });
    switch (msg.type) {
      case 'loaded': {
        const goal = this.goal?.loadRunId === msg.runId ? this.goal : null;
        if (goal) this.goal = null;
        if (pending?.runId !== msg.runId) return;
        this.configure(goal?.start ? 0 : (goal?.iteration ?? 0), null, goal?.start);
        goal?.onLoaded?.();
        return;
      }
      case 'loadFailed':
        if (pending?.runId === msg.runId && (pending.source === 'link' || pending.source === 'session') && pending.spec !== this.fallback) {
          this.openedDataFailed(pending.source, msg.message);
        }
        return;
      case 'exported':
      case 'exportFailed': {
        const waiting = this.exports.get(msg.requestId);
        this.exports.delete(msg.requestId);
        if (msg.type === 'exported') waiting?.resolve({ fileName: msg.fileName, blob: msg.blob, iteration: msg.iteration });
        else waiting?.reject(new Error(msg.message));
        if (msg.type === 'exportFailed') this.factorRequests.get(msg.requestId)?.reject(new Error(msg.message));
        if (msg.type === 'exportFailed') this.predictRequests.get(msg.requestId)?.reject(new Error(msg.message));
        this.predictRequests.delete(msg.requestId);
        this.factorRequests.delete(msg.requestId);
        return;
      }
      case 'factors':
        this.factorRequests.get(msg.requestId)?.resolve(msg);
        this.factorRequests.delete(msg.requestId);
        return;
      case 'predictions':
        this.predictRequests.get(msg.requestId)?.resolve({ iteration: msg.iteration, result: msg.result });
        this.predictRequests.delete(msg.requestId);
        return;
      case 'restartPair':
        this.pairRequests.get(msg.requestId)?.resolve({ runId: msg.runId, best: msg.best, second: msg.second });
        this.pairRequests.delete(msg.requestId);
        return;
      case 'progress':
        if (msg.runId === this.runId) this.crashes = 0;
        return this.snapshots.maybe();
      case 'snapshot':
        return msg.runId === this.runId ? this.snapshots.received(msg.iteration) : this.snapshots.maybe();
    }
  }

  /** A link's or session's data could not be made: say why and show the fallback example with its options. */
  private openedDataFailed(source: 'link' | 'session', message: string): void {
    const what = source === 'link' ? "The shared link's data" : "The session's data";
    this.store.dispatch({ type: 'notice', text: `${what} could not be loaded (${message}); the first example is shown instead.` });
    this.load(this.fallback, source);
  }

  private onDied(reason: string): void {
    for (const waiting of [...this.exports.values(), ...this.factorRequests.values(), ...this.pairRequests.values()])
      waiting.reject(new Error(`the worker stopped (${reason})`));
    this.exports.clear();
    this.factorRequests.clear();
    this.pairRequests.clear();
    this.crashes++;
    if (this.crashes > MAX_CRASHES) {
      this.store.dispatch({
        type: 'notice',
        text: `The worker failed ${MAX_CRASHES} times in a row (${reason}). Reload the page to start again.`,
      });
      return;
    }
    this.link = this.connect();
    this.recover(reason);
  }

  /** Gives a fresh worker the speed, the data (or the fallback after repeated crashes) and, once loaded, the options. */
  private recover(reason: string): void {
    const s = this.store.getState();
    this.store.dispatch({
      type: 'workerRestarted',
      notice: `The worker stopped: ${reason}. A fresh worker was started with the same data and options; the run restarts at iteration 0.`,
    });
    this.snapshots.reset();
    this.send({ type: 'speed', runId: 0, speed: s.speed });
    const spec = this.crashes >= MAX_CRASHES - 1 || !s.data ? this.fallback : s.data.spec;
    this.load(spec, 'recovery');
  }
}
