// Our side of bench/sklearn.ts: one factorization driven through src/driver/factorization.ts,
// timed after every iteration, exactly as the CLI runs it (init included, no data loading).
import type { Dense } from '../src/core/matrix.js';
import type { Problem } from '../src/core/problem.js';
import { Factorization, type Stop } from '../src/driver/factorization.js';
import { DEFAULT_OPTIONS, solverParams, type FactorOptions } from '../src/driver/options.js';
import type { InitId } from '../src/init/types.js';
import type { AlgorithmId } from '../src/solvers/types.js';
import type { Engine } from '../src/wasm/engine.js';

/** One run of ours: the error history and the time since the start after each iteration. */
export interface OurRun {
  /** ‖V−WH‖_F/‖V‖_F after each iteration (index 0 = iteration 1), as the driver records it. */
  readonly relErrors: number[];
  /** Wall seconds from the start (initialization included) to the end of each iteration. */
  readonly seconds: number[];
  /** The same in this process's CPU seconds (user + system). */
  readonly cpuSeconds: number[];
  /** Wall seconds of the constructor alone: the init, the solver's workspace, the first error. */
  readonly setupSeconds: number;
  /** The same in CPU seconds. */
  readonly setupCpuSeconds: number;
  readonly initRelError: number;
  /** The last relative error recomputed from W, H directly (not from the solver's Gram trace). */
  readonly finalDirect: number;
  readonly stop: Stop;
}

/** The options of a benchmark run: `iterations` iterations exactly (no tolerance, no target). */
export function benchOptions(
  algorithm: AlgorithmId,
  init: InitId,
  k: number,
  iterations: number,
  seed: number,
  given?: { W0: Dense; H0: Dense },
): FactorOptions {
  return {
    ...DEFAULT_OPTIONS,
    algorithm,
    init,
    rank: k,
    seed,
    maxIter: iterations,
    tol: 0,
    target: 0,
    params: solverParams(algorithm),
    restarts: 1,
    given,
  };
}

/** Runs one factorization to its stop, timing each step; the arena is released afterwards. */
export function runOurs(engine: Engine, problem: Problem, options: FactorOptions): OurRun {
  const mark = engine.mark();
  try {
    const t0 = performance.now();
    const c0 = cpuSeconds();
    const f = new Factorization(engine, problem, options);
    const setupSeconds = (performance.now() - t0) / 1000;
    const setupCpuSeconds = cpuSeconds() - c0;
    const seconds: number[] = [];
    const cpu: number[] = [];
    while (!f.stop) {
      f.step();
      seconds.push((performance.now() - t0) / 1000);
      cpu.push(cpuSeconds() - c0);
    }
    const sq = engine.ops.sqResidual(problem.V, null, f.W, f.H);
    return {
      relErrors: f.history.slice(),
      seconds,
      cpuSeconds: cpu,
      setupSeconds,
      setupCpuSeconds,
      initRelError: f.initialRelError,
      finalDirect: Math.sqrt(sq / problem.normV2),
      stop: f.stop,
    };
  } finally {
    engine.release(mark);
  }
}

/** CPU seconds (user + system) this process has used so far. */
export function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** Our `random` initialization for `seed`, copied out: W0 (m×k), H0 (k×n). */
export function randomStart(engine: Engine, problem: Problem, k: number, seed: number): { W0: Dense; H0: Dense } {
  const mark = engine.mark();
  try {
    const f = new Factorization(engine, problem, benchOptions('hals', 'random', k, 1, seed));
    return {
      W0: { rows: f.W.rows, cols: f.W.cols, data: engine.copyOut(f.W) },
      H0: { rows: f.H.rows, cols: f.H.cols, data: engine.copyOut(f.H) },
    };
  } finally {
    engine.release(mark);
  }
}
