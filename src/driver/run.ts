// A whole run as the CLI and the tests see it: restarts over seeds, each iterated to a stop,
// keeping the best. The worker drives Factorization itself so it can pause between iterations.
import type { Dense } from '../core/matrix.js';
import type { AnyProblem } from '../core/sparse-problem.js';
import type { Engine } from '../wasm/engine.js';
import { Factorization, type StopReason } from './factorization.js';
import type { Precision } from './float32.js';
import type { FactorOptions } from './options.js';

/** What one restart ended with. */
export interface RestartSummary {
  readonly seed: number;
  readonly iterations: number;
  readonly relError: number;
  readonly objective: number;
  readonly stopReason: StopReason;
}

/** The best restart of a run, with its factors copied out of wasm memory. */
export interface RunResult {
  readonly algorithm: string;
  readonly rank: number;
  readonly init: string;
  /** Seed of the kept (best) restart. */
  readonly seed: number;
  readonly iterations: number;
  readonly stopReason: StopReason;
  readonly stopMessage: string;
  /** ‖M∘(V−WH)‖_F / ‖M∘V‖_F at the end. */
  readonly relError: number;
  /** ‖M∘(V−WH)‖_F at the end. */
  readonly error: number;
  /** ½‖M∘(V−WH)‖²_F at the end. */
  readonly loss: number;
  /** The solver's objective at the end (the loss, or the KL divergence for kl). */
  readonly objective: number;
  /** Relative error after each iteration. */
  readonly history: readonly number[];
  readonly W: Dense;
  readonly H: Dense;
  /** Every restart, in seed order (the spread NMF's non-uniqueness gives). */
  readonly restarts: readonly RestartSummary[];
  /** The precision V's products ran in (float32 only when asked for and the solver forms them). */
  readonly precision: Precision;
  /** Wall time of the iterations and initializations of all restarts, in seconds. */
  readonly seconds: number;
}

/** Iterates `f` until a stopping rule fires. */
export function runToStop(f: Factorization): void {
  while (!f.stop) f.step();
}

/**
 * Runs options.restarts factorizations with seeds seed, seed+1, … and returns the one with
 * the lowest final objective (ties: the earliest seed). The arena is released after each restart.
 */
export function factorize(engine: Engine, problem: AnyProblem, options: FactorOptions): RunResult {
  const t0 = performance.now();
  const restarts: RestartSummary[] = [];
  let best: Omit<RunResult, 'restarts' | 'seconds'> | null = null;
  for (let r = 0; r < options.restarts; r++) {
    const seed = options.seed + r;
    const mark = engine.mark();
    try {
      const f = new Factorization(engine, problem, { ...options, seed });
      runToStop(f);
      const stop = f.stop!;
      restarts.push({ seed, iterations: f.iteration, relError: f.relError, objective: f.objectiveValue, stopReason: stop.reason });
      const better = !best || (stop.reason !== 'diverged' && (best.stopReason === 'diverged' || f.objectiveValue < best.objective));
      if (better) {
        best = {
          algorithm: options.algorithm,
          precision: f.precision,
          rank: f.k,
          init: options.init,
          seed,
          iterations: f.iteration,
          stopReason: stop.reason,
          stopMessage: stop.message,
          relError: f.relError,
          error: f.error,
          loss: f.loss,
          objective: f.objectiveValue,
          history: Array.from(f.history),
          W: { rows: f.W.rows, cols: f.W.cols, data: f.factorW().slice() },
          H: { rows: f.H.rows, cols: f.H.cols, data: f.factorH().slice() },
        };
      }
    } finally {
      engine.release(mark);
    }
  }
  return { ...best!, restarts, seconds: (performance.now() - t0) / 1000 };
}
