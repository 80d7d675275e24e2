// What the Options panel may offer for the current data, from the registries (never a fixed list).
import type { Summary } from '../../src/data/summary.js';
import { DEFAULT_OPTIONS, solverParams } from '../../src/driver/options.js';
import { INITS } from '../../src/init/registry.js';
import type { InitInfo } from '../../src/init/types.js';
import { SOLVERS, solverInfo } from '../../src/solvers/registry.js';
import type { ParamId, SolverInfo } from '../../src/solvers/types.js';
import type { RunOptions } from '../../src/driver/options.js';

/** The app's starting options: the engine's defaults, with a registered algorithm and its parameters. */
export function defaultOptions(): RunOptions {
  const algorithm = SOLVERS.some((s) => s.id === DEFAULT_OPTIONS.algorithm) ? DEFAULT_OPTIONS.algorithm : SOLVERS[0].id;
  const { given: _g, restarts: _r, ...rest } = DEFAULT_OPTIONS;
  return { ...rest, algorithm, params: solverParams(algorithm) };
}

/** Why `solver` cannot be chosen for data with `missing` missing entries, or null if it can. */
export function algorithmBlocked(solver: SolverInfo, missing: number): string | null {
  return missing > 0 && solver.maskUnsupported ? `cannot use missing entries: ${solver.maskUnsupported}` : null;
}

/** Why `init` cannot be chosen in the app, or null if it can. */
export function initBlocked(init: InitInfo): string | null {
  return init.id === 'given' ? 'needs W0 and H0 files: use the command line' : null;
}

/** The solvers' parameters in the order the Options panel shows them, with their visible labels (also their accessible names). */
export const PARAM_LABELS: readonly { readonly id: ParamId; readonly label: string }[] = [
  { id: 'epsilon', label: 'ε (epsilon)' },
  { id: 'learningRate', label: 'Learning rate η' },
  { id: 'l2', label: 'L2 penalty λ' },
  { id: 'project', label: 'Project onto W, H ≥ 0' },
  { id: 'extrapolate', label: 'Extrapolate between steps' },
];

/** "a", "a and b", "a, b and c". */
function listText(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The one line saying which parameters do not apply to `solver` (those it does not read); '' when it reads them all. */
export function notApplyText(solver: SolverInfo): string {
  const others = PARAM_LABELS.filter((p) => !solver.params.includes(p.id)).map((p) => p.label);
  if (others.length === 0) return '';
  if (others.length === PARAM_LABELS.length) return `${solver.label} has no parameters of its own: ${listText(others)} do not apply.`;
  return `${listText(others)} ${others.length === 1 ? 'does' : 'do'} not apply to ${solver.label}.`;
}

/** The rank slider ends at least here (when the matrix allows): a range in which one step of the slider is one rank. */
export const RANK_SLIDER_TOP = 50;

/**
 * Where the rank slider ends for rank `rank` on a matrix whose largest rank is `max`: at
 * min(max, max(RANK_SLIDER_TOP, 2·rank)), so a 2000×1000 matrix's slider spans 1..50, not 1..1000,
 * and a larger rank typed in the box sits in the middle of its slider. Never below 1.
 */
export function rankSliderTop(rank: number, max: number): number {
  return Math.max(1, Math.min(max, Math.max(RANK_SLIDER_TOP, 2 * rank)));
}

/** The largest rank for a matrix of this size. */
export function maxRank(s: Pick<Summary, 'rows' | 'cols'>): number {
  return Math.max(1, Math.min(s.rows, s.cols));
}

/**
 * Options adjusted to newly loaded data: the suggested rank if any, the rank kept in
 * 1..min(m, n), and a solver that accepts missing entries if there are any. Returns the
 * options and a note for each change the user did not ask for.
 */
export function fitOptions(o: RunOptions, s: Summary, suggestedRank?: number): { options: RunOptions; notes: string[] } {
  const notes: string[] = [];
  let rank = suggestedRank ?? o.rank;
  const top = maxRank(s);
  if (rank > top) {
    notes.push(`Rank lowered to ${top}, the most a ${s.rows}×${s.cols} matrix allows.`);
    rank = top;
  }
  let { algorithm, params } = o;
  const current = solverInfo(algorithm);
  if (algorithmBlocked(current, s.missing)) {
    const ok = SOLVERS.find((x) => !algorithmBlocked(x, s.missing));
    if (ok) {
      notes.push(`Algorithm switched to ${ok.label}: ${current.label} ${algorithmBlocked(current, s.missing)}.`);
      algorithm = ok.id;
      params = solverParams(ok.id);
    }
  }
  let init = o.init;
  const initInfo = INITS.find((i) => i.id === init);
  if (!initInfo || initBlocked(initInfo)) init = INITS.find((i) => !initBlocked(i))!.id;
  return { options: { ...o, rank: Math.max(1, rank), algorithm, params, init }, notes };
}

/**
 * For data with missing entries: a notice when rank k gives W (m×k) and H (k×n) at least as many
 * unknowns as there are observed entries (m·k + k·n ≥ observed), so the fit can match every
 * observed entry without saying anything about the missing ones; null otherwise.
 */
export function overfitNotice(s: Pick<Summary, 'rows' | 'cols' | 'observed' | 'missing'>, k: number): string | null {
  const unknowns = s.rows * k + k * s.cols;
  if (s.missing === 0 || unknowns < s.observed) return null;
  return (
    `Overfitting: rank ${k} gives W and H ${s.rows}·${k} + ${k}·${s.cols} = ${unknowns} unknowns for ${s.observed} observed entries, ` +
    'so a fit can match them all while saying little about the missing ones. Try a lower rank, or Hold out some entries.'
  );
}
