// The previous runs kept on the loss plot: when an options change (rank, algorithm, seed, init,
// parameters) starts a new run, the run it replaces keeps its error curves here, named by its
// settings, a few at most (the oldest dropped). New data clears them (they were about other data).
import { solverInfo } from '../../src/solvers/registry.js';
import type { RunOptions } from '../../src/driver/options.js';
import type { RunView } from './app.js';

/** At most this many previous runs are kept on the loss plot. */
export const MAX_PREVIOUS_RUNS = 5;

/** A finished-with run's curves: relative error and the solver's objective, from iteration 0. */
export interface PreviousRun {
  /** Its settings, as the legend shows them: "rank 3 · hals · seed 1". */
  readonly name: string;
  /** The objective its solver minimized (a kl run's objective curve is only comparable with other kl runs). */
  readonly objective: 'frobenius' | 'kl';
  readonly initialRelError: number | null;
  /** Relative error after each iteration (index 0 = iteration 1), a copy. */
  readonly relError: Float64Array;
  readonly initialObjective: number | null;
  /** The objective after each iteration, a copy. */
  readonly objectiveHistory: Float64Array;
  /** Its index in LOSS_COLORS (the current run has 0), kept while it stays on the plot. */
  readonly color: number;
}

/** The settings of a run in a few words: "rank 3 · hals · seed 1" (the initialization too when it is not random, float32 when asked for). */
export function runName(o: RunOptions): string {
  return `rank ${o.rank} · ${o.algorithm} · seed ${o.seed}${o.init === 'random' ? '' : ` · ${o.init}`}${o.precision === 'float32' ? ' · float32' : ''}`;
}

/**
 * `kept` with the run `run` (made with options `o`) added as the newest, when it did at least one
 * iteration; the oldest dropped beyond MAX_PREVIOUS_RUNS. Its colour is one no kept run uses.
 */
export function keepRun(kept: readonly PreviousRun[], run: RunView, o: RunOptions): readonly PreviousRun[] {
  if (run.history.length === 0) return kept;
  const rest = kept.slice(Math.max(0, kept.length - (MAX_PREVIOUS_RUNS - 1)));
  const used = new Set(rest.map((p) => p.color));
  let color = 1;
  while (used.has(color)) color++;
  return [
    ...rest,
    {
      name: runName(o),
      objective: solverInfo(o.algorithm).objective,
      initialRelError: run.initialRelError,
      relError: run.history.slice(),
      initialObjective: run.initialObjective,
      objectiveHistory: run.objectiveHistory.slice(),
      color,
    },
  ];
}
