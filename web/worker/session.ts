// The worker's one factorization session: owns the Engine, the data (Problem) and the run
// (Factorization), iterates in time slices and answers the page's messages between slices.
// No worker globals here: the clock, the scheduler and `post` are given, so Node tests can drive it.
import type { DataMatrix } from '../../src/core/problem.js';
import { loadProblem } from '../../src/core/problem.js';
import type { SparseData } from '../../src/core/sparse.js';
import { loadSparseProblem, type AnyProblem } from '../../src/core/sparse-problem.js';
import { Factorization, type RunStart } from '../../src/driver/factorization.js';
import { OptionError } from '../../src/driver/options.js';
import { MAX_RESTARTS } from '../../src/rank/survey.js';
import { OutOfMemoryError, type Engine } from '../../src/wasm/engine.js';
import { makeAnyData } from '../../src/data/spec.js';
import { dataInfo, isSparseData } from './dataInfo.js';
import { factorsMessage, predictionsMessage, snapshotMessage } from './runMessages.js';
import type { Dense } from '../../src/core/matrix.js';
import { Pacer, PROGRESS_GAP_MS, RateMeter, SLICE_MS, SnapshotBudget } from './pace.js';
import { RestartSeries } from './restarts.js';
import { dataFile, factorFile, initialFactors, observedProductFile, resultFile } from './exportFiles.js';
import { StepClock } from './stepClock.js';
import type { ExportWhat, FromWorker, RunPhase, Speed, ToWorker } from '../shared/protocol.js';
import type { DataSpec } from '../../src/data/spec.js';
import type { RunOptions } from '../../src/driver/options.js';

/** What the session needs from its realm. */
export interface SessionHost {
  now(): number;
  /** Calls `fn` after `ms` milliseconds (0: as soon as pending messages have been handled). */
  schedule(ms: number, fn: () => void): void;
  post(msg: FromWorker, transfer?: ArrayBuffer[]): void;
}

/** Runs one factorization at a time on one matrix, driven by ToWorker messages. */
export class Session {
  /** The data: a dense matrix, or long-format data too large for one, held by its entries. */
  private data: DataMatrix | SparseData | null = null;
  private problem: AnyProblem | null = null;
  private dataMark = 0;
  private runId = 0;
  private f: Factorization | null = null;
  private options: RunOptions | null = null;
  /** The restarts of the run when it has more than one. */
  private series: RestartSeries | null = null;
  private restarts = 1;
  private phase: RunPhase = 'ready';
  private speed: Speed = null;
  /** While running to a shared link's iteration: that iteration (stops do not end the run before it). */
  private until: number | null = null;
  private sentHistory = 0;
  /** When the session last posted progress (ms): the running loop's next waits PROGRESS_GAP_MS from it. */
  private progressAt = Number.NEGATIVE_INFINITY;
  private snapshotWanted = false;
  /** Bumped to cancel a scheduled tick. */
  private loop = 0;
  private pacer: Pacer | null = null;
  private readonly meter = new RateMeter();
  private readonly snapshots = new SnapshotBudget();
  private readonly clock: StepClock;
  private itersPerSec = 0;
  /** The current run's initial W0, H0 once computed for an export (for `runId`). */
  private initial: { readonly runId: number; readonly W0: Dense; readonly H0: Dense } | null = null;

  constructor(
    private readonly engine: Engine,
    private readonly host: SessionHost,
  ) {
    this.clock = new StepClock(() => host.now());
  }

  /** Handles one message from the page. */
  handle(msg: ToWorker): void {
    switch (msg.type) {
      case 'load':
        return this.load(msg.runId, msg.spec);
      case 'configure':
        return this.configure(msg.runId, msg.options, msg.runTo ?? 0, msg.start, msg.restarts ?? 1);
      case 'export':
        return this.exportFile(msg.runId, msg.requestId, msg.what);
      case 'factors':
        return this.sendFactors(msg.runId, msg.requestId);
      case 'predict':
        return this.predict(msg.runId, msg.requestId, msg.row, msg.count);
      case 'restartPair': {
        const pair = msg.runId === this.runId && this.series ? this.series.pair() : { best: null, second: null };
        return this.host.post({ type: 'restartPair', runId: msg.runId, requestId: msg.requestId, ...pair });
      }
      case 'speed':
        this.speed = msg.speed;
        if (this.phase === 'running') this.startLoop();
        return;
      case 'ping':
        return this.host.post({ type: 'pong', runId: msg.runId });
      case 'fault':
        return fault(msg.fault);
    }
    if (msg.runId !== this.runId || !this.f) return; // stale: addressed to an older run
    switch (msg.type) {
      case 'run':
        if (this.phase === 'stopped' || this.phase === 'running') return this.postProgress();
        this.phase = 'running';
        this.meter.restart(this.host.now(), this.f.iteration);
        this.startLoop();
        return this.postProgress();
      case 'pause':
        if (this.phase === 'running') {
          this.halt('paused');
          if (msg.at !== undefined) this.backTo(msg.at);
        }
        return this.postProgress();
      case 'step':
        this.halt('paused');
        this.clock.step(this.f);
        this.nextRestart();
        if (this.f.stop) this.phase = 'stopped';
        this.postProgress();
        return this.flushSnapshot();
      case 'limits':
        try {
          this.f.setLimits({ maxIter: msg.maxIter, tol: msg.tol, target: msg.target });
        } catch (e) {
          if (!(e instanceof OptionError)) throw e;
          return this.host.post({ type: 'optionsInvalid', runId: msg.runId, option: e.option, message: e.message });
        }
        if (this.options) this.options = { ...this.options, maxIter: msg.maxIter, tol: msg.tol, target: msg.target };
        if (this.phase === 'stopped' && !this.f.stop) this.phase = 'paused';
        else if ((this.phase === 'paused' || this.phase === 'ready') && this.f.stop) this.phase = 'stopped';
        return this.postProgress();
      case 'snapshot':
        this.snapshotWanted = true;
        if (this.phase !== 'running') this.flushSnapshot();
        return;
    }
  }

  private load(runId: number, spec: DataSpec): void {
    if (this.phase === 'running') {
      this.halt('paused');
      this.postProgress();
    }
    let data: DataMatrix | SparseData;
    try {
      data = makeAnyData(spec);
    } catch (e) {
      return this.host.post({ type: 'loadFailed', runId, message: messageOf(e) });
    }
    const previous = this.data;
    try {
      this.adoptData(data);
    } catch (e) {
      this.host.post({ type: 'loadFailed', runId, message: messageOf(e) });
      if (previous) {
        // Keep the previous matrix; its run cannot survive the arena reset, so it restarts.
        this.adoptData(previous);
        if (this.options) this.configure(this.runId, this.options, 0, undefined, this.restarts);
      }
      return;
    }
    this.runId = runId;
    this.host.post({ type: 'loaded', runId, data: dataInfo(data) });
  }

  private adoptData(data: DataMatrix | SparseData): void {
    this.halt('ready');
    this.f = null;
    this.problem = null;
    this.data = null;
    this.engine.reset();
    this.problem = isSparseData(data) ? loadSparseProblem(this.engine, data) : loadProblem(this.engine, data);
    this.data = data;
    this.dataMark = this.engine.mark();
  }

  private configure(runId: number, options: RunOptions, runTo = 0, start?: RunStart, restarts = 1): void {
    this.halt('ready');
    this.runId = runId;
    this.options = options;
    this.restarts = restarts;
    this.f = null;
    this.series = null;
    if (!this.problem) return;
    this.engine.release(this.dataMark);
    if (!(Number.isInteger(restarts) && restarts >= 1 && restarts <= MAX_RESTARTS)) {
      const message = `restarts ${restarts} must be an integer from 1 to ${MAX_RESTARTS}`;
      return this.host.post({ type: 'optionsInvalid', runId, option: 'restarts', message });
    }
    if (restarts > 1 && !start && runTo === 0) this.series = new RestartSeries(restarts, options.seed);
    try {
      this.f = this.factorization(runId, options, start);
    } catch (e) {
      if (e instanceof OutOfMemoryError) {
        // the run's blocks go, the data stays: another rank (or Reset) starts again from it
        this.engine.release(this.dataMark);
        const message = `Not enough memory for rank ${options.rank} on this matrix (${e.message}). The data is kept: try a lower rank.`;
        return this.host.post({ type: 'optionsInvalid', runId, option: 'rank', message });
      }
      if (!(e instanceof OptionError)) throw e;
      return this.host.post({ type: 'optionsInvalid', runId, option: e.option, message: e.message });
    }
    this.sentHistory = 0;
    // a resumed run is where it stopped, or paused at its iteration (the page shows 'Ready' for iteration 0 only)
    if (this.f.stop) this.phase = 'stopped';
    else if (this.f.iteration > 0) this.phase = 'paused';
    this.postProgress();
    if (this.snapshotWanted) this.flushSnapshot();
    if (runTo > 0) {
      this.phase = 'running';
      this.until = runTo;
      this.meter.restart(this.host.now(), 0);
      this.startLoop();
      this.postProgress();
    }
  }

  /** A new Factorization of the data, from `start` when it fits (else `startRefused` and from the options). */
  private factorization(runId: number, options: RunOptions, start?: RunStart): Factorization {
    const problem = this.problem!;
    if (start) {
      try {
        return new Factorization(this.engine, problem, { ...options, restarts: 1 }, start);
      } catch (e) {
        if (!(e instanceof OptionError) || e.option !== 'start') throw e;
        this.engine.release(this.dataMark);
        this.host.post({ type: 'startRefused', runId, message: e.message });
      }
    }
    return new Factorization(this.engine, problem, { ...options, restarts: 1 });
  }

  /**
   * After the current restart of a run with restarts stopped: records it and shows the next one
   * (iteration 0, its own seed), or after the last one the best, resumed at its stop.
   */
  private nextRestart(): void {
    const series = this.series;
    if (!series || series.done || !this.f?.stop) return;
    series.finish(this.f);
    this.engine.release(this.dataMark);
    this.f = series.factorization(this.engine, this.problem!, this.options!);
    this.sentHistory = 0;
    this.meter.restart(this.host.now(), 0);
  }

  /** Sends the full W, H, history and counters of the current run (copies, transferred). */
  private sendFactors(runId: number, requestId: number): void {
    const f = this.f;
    if (!f || runId !== this.runId) {
      const message = 'There is no run to save: the run changed or has not started. Try again.';
      return this.host.post({ type: 'exportFailed', runId, requestId, message });
    }
    const { msg, buffers } = factorsMessage(this.engine, f, runId, requestId);
    this.host.post(msg, buffers);
  }

  /** The top predictions of `row` for data held sparse (the page has no m×n V to rank them from). */
  private predict(runId: number, requestId: number, row: number, count: number): void {
    const f = this.f;
    if (!f || !this.data || !isSparseData(this.data) || runId !== this.runId) {
      const message = 'There are no predictions to show: the run changed or has not started. Try again.';
      return this.host.post({ type: 'exportFailed', runId, requestId, message });
    }
    try {
      this.host.post(predictionsMessage(f, this.data, runId, requestId, row, count));
    } catch (e) {
      this.host.post({ type: 'exportFailed', runId, requestId, message: messageOf(e) });
    }
  }

  /**
   * Pause pressed at iteration `at` of the page: the steps the worker took after it are taken back
   * (when `at` is an iteration it marked, i.e. showed lately), and the history goes again from
   * `at` (the page set aside what came after).
   */
  private backTo(at: number): void {
    const f = this.f!;
    if (f.backToMark(at)) this.clock.undo(f);
    this.sentHistory = Math.min(this.sentHistory, at, f.history.length);
  }

  /** Stops iterating (cancels the scheduled tick) and sets the phase. */
  private halt(phase: RunPhase): void {
    this.loop++;
    this.until = null;
    this.pacer = null;
    this.itersPerSec = 0;
    this.phase = phase;
  }

  private startLoop(): void {
    const token = ++this.loop;
    this.pacer = new Pacer(this.until === null ? this.speed : null, this.host.now());
    this.host.schedule(0, () => this.tick(token));
  }

  /** One time slice: the iterations owed, then progress, then come back (or stop). */
  private tick(token: number): void {
    const pacer = this.pacer;
    if (token !== this.loop || !this.f || !pacer) return;
    const t0 = this.host.now();
    const until = this.until;
    // Without a goal the run ends at a stop (of its last restart); with one, at the goal's iteration (stops pass, as with Step).
    const more = () => (until === null ? !this.f!.stop : this.f!.iteration < until);
    let owed = pacer.due(t0);
    let done = 0;
    while (owed > 0 && more()) {
      this.clock.step(this.f);
      if (until === null) this.nextRestart();
      done++;
      owed--;
      if (this.host.now() - t0 >= SLICE_MS) break;
    }
    pacer.record(done);
    const now = this.host.now();
    const f = this.f;
    if (done > 0) this.itersPerSec = this.meter.sample(now, f.iteration);
    if (!more()) this.halt(f.stop ? 'stopped' : 'paused');
    // at full speed a slice can end every few ms: the page gets the points at most every PROGRESS_GAP_MS
    // (counted from Run's own answer too, so a run of a few slices costs the page no render in between)
    const gap = pacer.speed === null ? PROGRESS_GAP_MS : 0;
    if (this.phase !== 'running' || (done > 0 && now - this.progressAt >= gap)) {
      this.postProgress();
      if (this.phase !== 'running' || this.snapshots.due(now)) this.flushSnapshot();
    }
    if (this.phase === 'running') this.host.schedule(pacer.wait(now), () => this.tick(token));
  }

  private postProgress(): void {
    const f = this.f;
    if (!f) return;
    // an iteration the page shows while running is where a Pause goes back to
    if (this.phase === 'running') f.mark();
    this.progressAt = this.host.now();
    const from = this.sentHistory;
    const history = Array.from(f.history.subarray(from));
    this.sentHistory = f.history.length;
    this.host.post({
      type: 'progress',
      runId: this.runId,
      phase: this.phase,
      iteration: f.iteration,
      relError: f.relError,
      itersPerSec: this.phase === 'running' ? this.itersPerSec : 0,
      from,
      history,
      initialRelError: f.initialRelError,
      objective: f.objectiveValue,
      initialObjective: f.initialObjective,
      objectiveHistory: Array.from(f.objectiveHistory.subarray(from)),
      stop: f.stop,
      ...(this.series ? { restarts: this.series.progress() } : {}),
    });
  }

  /** Builds the CSV of `what` at the current iteration and sends it as a Blob (no copy reaches the page's thread). */
  private exportFile(runId: number, requestId: number, what: ExportWhat): void {
    const f = this.f;
    if (!f || !this.data || !this.problem || !this.options || runId !== this.runId) {
      const message = 'There is no result to export: the run changed or has not started. Try again.';
      return this.host.post({ type: 'exportFailed', runId, requestId, message });
    }
    let file: { fileName: string; blob: Blob };
    const sparse = isSparseData(this.data) ? this.data : null;
    if (sparse && what === 'V') {
      const size = `${sparse.rows.toLocaleString('en-US')}×${sparse.cols.toLocaleString('en-US')}`;
      const message = `V is held by its ${sparse.nnz.toLocaleString('en-US')} observed entries (${size} in all): it is the file you loaded.`;
      return this.host.post({ type: 'exportFailed', runId, requestId, message });
    }
    if (sparse && what === 'WH') file = observedProductFile(f, sparse, this.options);
    else if (what === 'V') file = { fileName: 'V.csv', blob: dataFile(this.data as DataMatrix) };
    else if (what === 'W0' || what === 'H0') {
      // the run's initialization from its options, computed once per run
      if (this.initial?.runId !== runId) this.initial = { runId, ...initialFactors(this.engine, this.problem, this.options) };
      file = { fileName: `${what}.csv`, blob: factorFile(this.initial[what]) };
    } else file = resultFile(what, f, this.data, this.options, this.clock.secondsOf(f));
    this.host.post({ type: 'exported', runId, requestId, iteration: f.iteration, ...file });
  }

  /** Sends W, H, WH for display if the page asked for them. */
  private flushSnapshot(): void {
    const f = this.f;
    if (!this.snapshotWanted || !f) return;
    this.snapshotWanted = false;
    const t0 = this.host.now();
    const { msg, buffers } = snapshotMessage(f, this.data, this.runId);
    this.host.post(msg, buffers);
    this.snapshots.record(t0, this.host.now());
  }
}

function messageOf(e: unknown): string {
  if (e instanceof OutOfMemoryError || e instanceof RangeError)
    return `not enough memory to make this matrix (${e.message}); the previous data is kept`;
  return e instanceof Error ? e.message : String(e);
}

/** Test-only faults: an uncaught exception, or a worker that never answers again. */
function fault(kind: 'throw' | 'hang'): void {
  if (kind === 'throw') throw new Error('test fault: the worker threw');
  for (;;) {
    // spin forever: the page's watchdog must notice the silence
  }
}
