// Every initialization, by id.
import { UnknownIdError } from '../core/errors.js';
import type { InitId, InitInfo } from './types.js';
import { random } from './random.js';
import { given } from './given.js';
import { nndsvd, nndsvda } from './nndsvd.js';

/** The initializations in menu order. */
export const INITS: readonly InitInfo[] = [random, nndsvd, nndsvda, given];

/** Ids of every registered initialization. */
export const INIT_IDS: readonly InitId[] = INITS.map((i) => i.id);

/** The registry entry for `id`; UnknownIdError (naming the valid ids) when there is none. */
export function initInfo(id: string): InitInfo {
  const s = INITS.find((x) => x.id === id);
  if (!s) throw new UnknownIdError('init', id, INIT_IDS);
  return s;
}
