// The series the main view's loss plot shows: the previous runs kept on this data (faded, named by
// their settings) and the current run, by the measure the current solver minimizes (kl: the KL
// divergence, which only other kl runs have; otherwise the relative error, which every run has).
import { solverInfo } from '../../../src/solvers/registry.js';
import type { RunOptions } from '../../../src/driver/options.js';
import type { LossSeries } from '../../plots/loss/lossScale.js';
import { runName, type PreviousRun } from '../../state/previousRuns.js';

/** The current run's curves as the state holds them (from iteration 0). */
export interface CurrentCurves {
  readonly initialRelError: number | null;
  readonly history: ArrayLike<number>;
  readonly initialObjective: number | null;
  readonly objectiveHistory: ArrayLike<number>;
}

/**
 * The loss plot's series: the previous runs comparable with the current one (oldest first, faded),
 * then the current run (colour 0), named "HALS" alone or "rank 4 · hals · seed 1 (current)" beside
 * previous runs.
 */
export function mainLossSeries(options: RunOptions, current: CurrentCurves, previous: readonly PreviousRun[]): LossSeries[] {
  const kl = solverInfo(options.algorithm).objective === 'kl';
  const shown = kl ? previous.filter((p) => p.objective === 'kl') : previous;
  const faded: LossSeries[] = shown.map((p) => ({
    name: p.name,
    initial: kl ? p.initialObjective : p.initialRelError,
    relError: kl ? p.objectiveHistory : p.relError,
    color: p.color,
    faded: true,
  }));
  const name = faded.length ? `${runName(options)} (current)` : solverInfo(options.algorithm).label;
  const now: LossSeries = kl
    ? { name, initial: current.initialObjective, relError: current.objectiveHistory, color: 0 }
    : { name, initial: current.initialRelError, relError: current.history, color: 0 };
  return [...faded, now];
}
