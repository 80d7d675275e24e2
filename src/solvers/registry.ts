// Every solver, by id. Add a solver by writing its file and listing it here.
import { UnknownIdError } from '../core/errors.js';
import type { AlgorithmId, SolverInfo } from './types.js';
import { mu } from './mu.js';
import { kl } from './kl.js';
import { als } from './als.js';
import { anls } from './anls.js';
import { hals } from './hals.js';
import { gd } from './gd.js';
import { sgd } from './sgd.js';

/** The solvers in menu order. */
export const SOLVERS: readonly SolverInfo[] = [mu, kl, als, anls, hals, gd, sgd];

/** Ids of every registered solver. */
export const ALGORITHM_IDS: readonly AlgorithmId[] = SOLVERS.map((s) => s.id);

/** The registry entry for `id`; UnknownIdError (naming the valid ids) when there is none. */
export function solverInfo(id: string): SolverInfo {
  const s = SOLVERS.find((x) => x.id === id);
  if (!s) throw new UnknownIdError('algorithm', id, ALGORITHM_IDS);
  return s;
}
