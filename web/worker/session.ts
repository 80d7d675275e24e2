// The worker's one factorization session: owns the Engine, the data (Problem) and the run
// (Factorization), iterates in time slices and answers the page's messages between slices.
// No worker globals here: the clock, the scheduler and `post` are given, so Node tests can drive it.
import type { DataMatrix, Problem } from '../../src/core/problem.js';
import { loadProblem } from '../../src/core/problem.js';
import { summarize } from '../../src/data/summary.js';
import { Factorization } from '../../src/driver/factorization.js';
import { OptionError } from '../../src/driver/options.js';
import type { Engine } from '../../src/wasm/engine.js';
import { resultFileName, resultPieces, type ResultFile } from '../../src/data/results.js';
import { makeData } from '../../src/data/spec.js';
import { dataExtremes, displayData, displayFactors, negativeCounts, productExtremes } from './display.js';
import { Pacer, RateMeter, SLICE_MS } from './pace.js';
import type { DataInfo, FromWorker, RunPhase, Speed, ToWorker } from '../shared/protocol.js';
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
  private data: DataMatrix | null = null;
  private problem: Problem | null = null;
  private dataMark = 0;
  private runId = 0;
  private f: Factorization | null = null;
  private options: RunOptions | null = null;
  private phase: RunPhase = 'ready';
  private speed: Speed = null;
  /** While running to a shared link's iteration: that iteration (stops do not end the run before it). */
  private until: number | null = null;
  private sentHistory = 0;
  private snapshotWanted = false;
  /** Bumped to cancel a scheduled tick. */
  private loop = 0;
  private pacer: Pacer | null = null;
  private readonly meter = new RateMeter();
  private itersPerSec = 0;

  constructor(
    private readonly engine: Engine,
    private readonly host: SessionHost,
  ) {}

  /** Handles one message from the page. */
  handle(msg: ToWorker): void {
    switch (msg.type) {
      case 'load':
        return this.load(msg.runId, msg.spec);
      case 'configure':
        return this.configure(msg.runId, msg.options, msg.runTo ?? 0);
      case 'export':
        return this.exportFile(msg.runId, msg.requestId, msg.what);
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
        if (this.phase === 'running') this.halt('paused');
        return this.postProgress();
      case 'step':
        this.halt('paused');
        this.f.step();
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
    let data: DataMatrix;
    try {
      data = makeData(spec);
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
        if (this.options) this.configure(this.runId, this.options);
      }
      return;
    }
    this.runId = runId;
    this.host.post({ type: 'loaded', runId, data: dataInfo(data) });
  }

  private adoptData(data: DataMatrix): void {
    this.halt('ready');
    this.f = null;
    this.problem = null;
    this.data = null;
    this.engine.reset();
    this.problem = loadProblem(this.engine, data);
    this.data = data;
    this.dataMark = this.engine.mark();
  }

  private configure(runId: number, options: RunOptions, runTo = 0): void {
    this.halt('ready');
    this.runId = runId;
    this.options = options;
    this.f = null;
    if (!this.problem) return;
    this.engine.release(this.dataMark);
    try {
      this.f = new Factorization(this.engine, this.problem, { ...options, restarts: 1 });
    } catch (e) {
      if (!(e instanceof OptionError)) throw e;
      return this.host.post({ type: 'optionsInvalid', runId, option: e.option, message: e.message });
    }
    this.sentHistory = 0;
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
    const f = this.f;
    const pacer = this.pacer;
    if (token !== this.loop || !f || !pacer) return;
    const t0 = this.host.now();
    const until = this.until;
    // Without a goal the run ends at a stop; with one, at the goal's iteration (stops pass, as with Step).
    const more = () => (until === null ? !f.stop : f.iteration < until);
    let owed = pacer.due(t0);
    let done = 0;
    while (owed > 0 && more()) {
      f.step();
      done++;
      owed--;
      if (this.host.now() - t0 >= SLICE_MS) break;
    }
    pacer.record(done);
    const now = this.host.now();
    if (done > 0) this.itersPerSec = this.meter.sample(now, f.iteration);
    if (!more()) this.halt(f.stop ? 'stopped' : 'paused');
    if (done > 0 || this.phase !== 'running') {
      this.postProgress();
      this.flushSnapshot();
    }
    if (this.phase === 'running') this.host.schedule(pacer.wait(now), () => this.tick(token));
  }

  private postProgress(): void {
    const f = this.f;
    if (!f) return;
    const from = this.sentHistory;
    const history = f.history.slice(from);
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
      objectiveHistory: f.objectiveHistory.slice(from),
      stop: f.stop,
    });
  }

  /** Builds the CSV of `what` at the current iteration and sends it as a Blob (no copy reaches the page's thread). */
  private exportFile(runId: number, requestId: number, what: ResultFile): void {
    const f = this.f;
    if (!f || !this.data || runId !== this.runId) {
      const message = 'There is no result to export: the run changed or has not started. Try again.';
      return this.host.post({ type: 'exportFailed', runId, requestId, message });
    }
    const pieces = resultPieces(what, {
      W: this.engine.view(f.W),
      H: this.engine.view(f.H),
      m: f.problem.m,
      k: f.k,
      n: f.problem.n,
      rowLabels: this.data.rowLabels,
      colLabels: this.data.colLabels,
      history: f.history,
    });
    const blob = new Blob(pieces, { type: 'text/csv' });
    this.host.post({ type: 'exported', runId, requestId, fileName: resultFileName(what), iteration: f.iteration, blob });
  }

  /** Sends W, H, WH for display if the page asked for them. */
  private flushSnapshot(): void {
    const f = this.f;
    if (!this.snapshotWanted || !f) return;
    this.snapshotWanted = false;
    const { m, n } = f.problem;
    const W = this.engine.view(f.W);
    const H = this.engine.view(f.H);
    const d = displayFactors(W, H, m, f.k, n);
    const Wfull = this.data?.imageWidth ? this.engine.copyOut(f.W) : undefined;
    const extremes = this.data ? productExtremes(this.data.values, W, H, f.k, d.WH) : null;
    const negatives = negativeCounts(W, H);
    const buffers: ArrayBuffer[] = [d.W.data.buffer, d.H.data.buffer, d.WH.data.buffer] as ArrayBuffer[];
    if (Wfull) buffers.push(Wfull.buffer as ArrayBuffer);
    if (extremes) for (const e of [extremes.WH, extremes.R]) buffers.push(e.min.buffer as ArrayBuffer, e.max.buffer as ArrayBuffer);
    this.host.post({ type: 'snapshot', runId: this.runId, iteration: f.iteration, ...d, Wfull, extremes, negatives }, buffers);
  }
}

/** What the page is told about a matrix: name, summary, labels and V for display. */
function dataInfo(data: DataMatrix): DataInfo {
  const { V, observed } = displayData(data.values, data.rows, data.cols);
  return {
    name: data.name ?? 'data',
    summary: summarize(data),
    rowLabels: V.blockRows === 1 ? data.rowLabels : undefined,
    colLabels: V.blockCols === 1 ? data.colLabels : undefined,
    V,
    observed,
    extremes: dataExtremes(data.values, V),
    imageWidth: data.imageWidth,
  };
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Test-only faults: an uncaught exception, or a worker that never answers again. */
function fault(kind: 'throw' | 'hang'): void {
  if (kind === 'throw') throw new Error('test fault: the worker threw');
  for (;;) {
    // spin forever: the page's watchdog must notice the silence
  }
}
