// Several algorithms racing on one matrix from the same initial W, H: each has its own
// Factorization (its own W, H in the engine's arena), and slices of time go to each in turn, so
// they advance side by side in one worker. Each algorithm's clock runs only while it iterates.
// Realm-neutral (no worker globals): the compare worker and the Node tests drive it.
import type { Problem } from '../../../src/core/problem.js';
import { Factorization } from '../../../src/driver/factorization.js';
import { type RunOptions, solverParams } from '../../../src/driver/options.js';
import type { AlgorithmId } from '../../../src/solvers/types.js';
import type { Engine } from '../../../src/wasm/engine.js';
import type { RaceRowUpdate } from './protocol.js';

interface Runner {
  readonly algorithm: AlgorithmId;
  readonly f: Factorization | null;
  failure: string | null;
  /** Cumulative iterating time (s) after each iteration. */
  readonly seconds: number[];
  elapsed: number;
  sent: number;
  changed: boolean;
}

/** The options one algorithm of a comparison runs with: the current ones, with that algorithm's default parameters unless it is the current algorithm. */
export function raceOptions(options: RunOptions, algorithm: AlgorithmId): RunOptions {
  return algorithm === options.algorithm ? options : { ...options, algorithm, params: solverParams(algorithm) };
}

/** A comparison in progress: one Factorization per algorithm, all from the same W0, H0. */
export class Race {
  private readonly runners: Runner[];
  private turn = 0;

  /** Starts each algorithm (those that cannot take the data get their reason as `failure`). */
  constructor(
    engine: Engine,
    problem: Problem,
    options: RunOptions,
    algorithms: readonly AlgorithmId[],
    private readonly now: () => number,
  ) {
    this.runners = algorithms.map((algorithm) => {
      let f: Factorization | null = null;
      let failure: string | null = null;
      try {
        f = new Factorization(engine, problem, { ...raceOptions(options, algorithm), restarts: 1 });
      } catch (e) {
        failure = `cannot run: ${messageOf(e)}`;
      }
      return { algorithm, f, failure, seconds: [], elapsed: 0, sent: 0, changed: true };
    });
  }

  /** Whether every algorithm has stopped or failed. */
  get done(): boolean {
    return this.runners.every((r) => !live(r));
  }

  /**
   * Spends about `budgetMs` iterating: the algorithms still going take turns, one iteration each,
   * starting after the one that went last (so none waits behind a slow one for long).
   */
  slice(budgetMs: number): void {
    const t0 = this.now();
    const n = this.runners.length;
    while (!this.done && this.now() - t0 < budgetMs) {
      const r = this.runners[this.turn];
      this.turn = (this.turn + 1) % n;
      if (live(r)) this.stepOne(r);
    }
  }

  /** The rows that changed since the last call, with their new points. */
  takeUpdates(): RaceRowUpdate[] {
    const out: RaceRowUpdate[] = [];
    for (const r of this.runners) {
      if (!r.changed) continue;
      r.changed = false;
      const from = r.sent;
      const f = r.f;
      const history = f ? Array.from(f.history.subarray(from)) : [];
      r.sent = from + history.length;
      out.push({
        algorithm: r.algorithm,
        initial: f ? f.initialRelError : null,
        from,
        history,
        seconds: r.seconds.slice(from),
        iteration: f ? f.iteration : 0,
        stop: f ? f.stop : null,
        failure: r.failure,
      });
    }
    return out;
  }

  private stepOne(r: Runner): void {
    const f = r.f!;
    const t = this.now();
    try {
      f.step();
    } catch (e) {
      r.failure = `failed at iteration ${f.iteration + 1}: ${messageOf(e)}`;
    }
    r.elapsed += (this.now() - t) / 1000;
    if (f.history.length > r.seconds.length) r.seconds.push(r.elapsed);
    r.changed = true;
  }
}

function live(r: Runner): boolean {
  return r.f !== null && r.failure === null && r.f.stop === null;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
