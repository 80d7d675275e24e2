// A run with restarts in the worker: seeds seed, seed + 1, …, seed + N − 1 in turn, each iterated to
// its stop (watchable like any run), the two best kept (ranked as the rank survey ranks them), and
// after the last one the best shown again, resumed where it stopped. No worker globals: the session
// drives it, Node tests too.
import type { AnyProblem } from '../../src/core/sparse-problem.js';
import { Factorization, type RunStart } from '../../src/driver/factorization.js';
import type { RunOptions } from '../../src/driver/options.js';
import { keepBestTwo } from '../../src/rank/survey.js';
import type { Engine } from '../../src/wasm/engine.js';
import type { RestartFactors, RestartFinal, RestartsProgress } from '../shared/protocol.js';

/** A finished restart kept for later: what ranks it and what resuming it needs. */
interface Kept {
  readonly restart: number;
  readonly seed: number;
  readonly stopReason: RestartFinal['stopReason'];
  readonly objective: number;
  readonly relError: number;
  readonly start: RunStart & { readonly W: Float64Array; readonly H: Float64Array };
  readonly m: number;
  readonly k: number;
  readonly n: number;
}

/** The restarts of one run: which one is iterating, how the finished ones ended, the two best. */
export class RestartSeries {
  /** 0-based index of the restart iterating (after the last: that of the best). */
  current = 0;
  /** All restarts have finished and the run shown is the best one. */
  done = false;
  private readonly finished: RestartFinal[] = [];
  private readonly kept: Kept[] = [];

  constructor(
    readonly total: number,
    readonly baseSeed: number,
  ) {}

  /** The seed of the restart iterating. */
  get seed(): number {
    return this.baseSeed + this.current;
  }

  /** Records the current restart, `f`, which has stopped (its factors are copied out of wasm memory). */
  finish(f: Factorization): void {
    const stop = f.stop!;
    const outcome: RestartFinal = {
      seed: this.seed,
      relError: f.relError,
      objective: f.objectiveValue,
      iterations: f.iteration,
      stopReason: stop.reason,
    };
    this.finished.push(outcome);
    const start = {
      W: f.engine.copyOut(f.W),
      H: f.engine.copyOut(f.H),
      iteration: f.iteration,
      history: f.history.slice(),
      initialRelError: f.initialRelError,
      stop,
      objective: f.objectiveValue,
    };
    keepBestTwo(this.kept, { ...outcome, restart: this.current, start, m: f.problem.m, k: f.k, n: f.problem.n });
    if (this.current + 1 < this.total) this.current++;
    else {
      this.done = true;
      this.current = this.kept[0].restart;
    }
  }

  /**
   * The factorization to show after finish(): the next restart from its seed, or after the last
   * the best one resumed at its stop. Allocates in the engine: release the last one's memory first.
   */
  factorization(engine: Engine, problem: AnyProblem, options: RunOptions): Factorization {
    const o = { ...options, seed: this.seed, restarts: 1 };
    return this.done ? new Factorization(engine, problem, o, this.kept[0].start) : new Factorization(engine, problem, o);
  }

  /** What the page is told with each progress. */
  progress(): RestartsProgress {
    const best = this.kept.length ? this.kept[0].restart : -1;
    return { total: this.total, current: this.current, seed: this.seed, done: this.done, finished: this.finished.slice(), best };
  }

  /** The best and second-best finished restarts' factors (copies), null where fewer have finished. */
  pair(): { best: RestartFactors | null; second: RestartFactors | null } {
    const factors = (x: Kept | undefined): RestartFactors | null =>
      x
        ? { restart: x.restart, seed: x.seed, relError: x.relError, m: x.m, k: x.k, n: x.n, W: x.start.W.slice(), H: x.start.H.slice() }
        : null;
    return { best: factors(this.kept[0]), second: factors(this.kept[1]) };
  }
}
