// What the Compare algorithms view keeps while its tab is left: the algorithms chosen, the x axis,
// the race (its curves and table rows, compareState.ts) and what it runs on, and its reducer.
// Pure (no DOM, no worker): the view's Comparison and the Node tests use it.
import { SOLVERS } from '../../../src/solvers/registry.js';
import type { AlgorithmId } from '../../../src/solvers/types.js';
import type { CompareAxis } from './compareFigure.js';
import { applyUpdate, IDLE, started, type CompareState } from './compareState.js';
import type { CompareEvent } from './protocol.js';

/** What the Compare algorithms view shows. */
export interface ComparisonState {
  /** The algorithms checked, in menu order. */
  readonly chosen: readonly AlgorithmId[];
  readonly axis: CompareAxis;
  readonly race: CompareState;
  /** The data and options the race runs on ("tutorial 5×6, rank 2, …"), '' before any. */
  readonly about: string;
}

export type ComparisonAction =
  | { readonly type: 'choose'; readonly algorithm: AlgorithmId; readonly on: boolean }
  | { readonly type: 'axis'; readonly axis: CompareAxis }
  | { readonly type: 'started'; readonly algorithms: readonly AlgorithmId[]; readonly about: string }
  | { readonly type: 'updates'; readonly events: readonly CompareEvent[] }
  | { readonly type: 'paused'; readonly paused: boolean }
  | { readonly type: 'done'; readonly error: string | null }
  | { readonly type: 'reset' };

/** The state after `a`. */
export function reduceComparison(s: ComparisonState, a: ComparisonAction): ComparisonState {
  switch (a.type) {
    case 'choose': {
      const chosen = SOLVERS.map((x) => x.id).filter((id) => (id === a.algorithm ? a.on : s.chosen.includes(id)));
      return { ...s, chosen };
    }
    case 'axis':
      return { ...s, axis: a.axis };
    case 'started':
      return { ...s, race: started(a.algorithms), about: a.about };
    case 'updates':
      return a.events.length ? { ...s, race: a.events.reduce(applyUpdate, s.race) } : s;
    case 'paused': {
      const r = s.race;
      if (r.phase !== 'running' && r.phase !== 'paused') return s;
      return { ...s, race: { ...r, phase: a.paused ? 'paused' : 'running' } };
    }
    case 'done':
      return { ...s, race: { ...s.race, phase: 'done', error: a.error ?? s.race.error } };
    case 'reset':
      return { ...s, race: IDLE, about: '' };
  }
}

/** Nothing compared yet, with `current` and one other algorithm (MU, or HALS when current is MU) checked. */
export function initialComparison(current: AlgorithmId): ComparisonState {
  const other: AlgorithmId = current === 'mu' ? 'hals' : 'mu';
  return { chosen: SOLVERS.map((x) => x.id).filter((id) => id === current || id === other), axis: 'iteration', race: IDLE, about: '' };
}
