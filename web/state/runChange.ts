// What an options change means for the run on screen: only the stopping limits changed (the run
// goes on from where it is), or something that needs a new run, said in a few words.
import { solverInfo } from '../../src/solvers/registry.js';
import type { RunOptions } from '../../src/driver/options.js';

/** The options a stopping rule reads: changing only these keeps the run. */
const LIMITS = ['maxIter', 'tol', 'target'] as const;

/** Whether `next` differs from `old` only in Max iterations, Tolerance or Target error. */
export function limitsOnly(old: RunOptions, next: RunOptions): boolean {
  const strip = (o: RunOptions) => {
    const { maxIter: _m, tol: _t, target: _g, ...rest } = o;
    return JSON.stringify(rest);
  };
  return strip(old) === strip(next) && LIMITS.some((k) => old[k] !== next[k]);
}

/** Why a new run starts when the options go from `old` to `next`: "rank 3 → 4", "algorithm HALS → …", or null when nothing the run uses changed. */
export function newRunReason(old: RunOptions, next: RunOptions): string | null {
  const parts: string[] = [];
  if (old.algorithm !== next.algorithm) parts.push(`algorithm ${solverInfo(old.algorithm).label} → ${solverInfo(next.algorithm).label}`);
  if (old.rank !== next.rank) parts.push(`rank ${old.rank} → ${next.rank}`);
  if (old.seed !== next.seed) parts.push(`seed ${old.seed} → ${next.seed}`);
  if (old.init !== next.init) parts.push(`initialization ${old.init} → ${next.init}`);
  if (old.algorithm === next.algorithm && JSON.stringify(old.params) !== JSON.stringify(next.params)) parts.push('parameters changed');
  const [p0, p1] = [old.precision ?? 'float64', next.precision ?? 'float64'];
  if (p0 !== p1) parts.push(`precision ${p0} → ${p1}`);
  return parts.length ? parts.join(', ') : null;
}
