// Every initialization, by id.
import type { InitId, InitInfo } from './types.js';
import { random } from './random.js';
import { given } from './given.js';
import { nndsvd, nndsvda } from './nndsvd.js';

/** The initializations in menu order. */
export const INITS: readonly InitInfo[] = [random, nndsvd, nndsvda, given];

/** Ids of every registered initialization. */
export const INIT_IDS: readonly InitId[] = INITS.map((i) => i.id);

/** The registry entry for `id`, or an Error naming the valid ids. */
export function initInfo(id: string): InitInfo {
  const s = INITS.find((x) => x.id === id);
  if (!s) throw new Error(`unknown init '${id}': expected one of ${INIT_IDS.join(', ')}`);
  return s;
}
