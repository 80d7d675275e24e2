// Given initial factors W0, H0 (from files, or shared between compared runs).
import { InputError } from '../data/errors.js';
import type { InitContext, InitInfo } from './types.js';

/** Copies W0 (m×k) and H0 (k×n) into W and H after checking shapes and signs. */
function runGiven({ engine, W, H, given }: InitContext): void {
  if (!given) throw new Error("init 'given' needs W0 and H0");
  const pairs = [
    ['W0', given.W0, W],
    ['H0', given.H0, H],
  ] as const;
  for (const [name, src, dst] of pairs) {
    if (src.rows !== dst.rows || src.cols !== dst.cols) {
      throw new InputError(`${name} is ${src.rows}×${src.cols}, expected ${dst.rows}×${dst.cols}`, { parameter: name });
    }
    for (let t = 0; t < src.data.length; t++) {
      const x = src.data[t];
      if (!(x >= 0) || !Number.isFinite(x)) {
        const row = Math.floor(t / src.cols) + 1;
        const col = (t % src.cols) + 1;
        throw new InputError(`${name}: row ${row}, column ${col}: ${x} is not a finite non-negative number`, {
          parameter: name,
          row,
          column: col,
        });
      }
    }
    engine.view(dst).set(src.data);
  }
}

/** Registry entry of the given initialization. */
export const given: InitInfo = {
  id: 'given',
  label: 'Given W0, H0',
  description: 'Start from supplied factors W0 and H0.',
  seeded: false,
  run: runGiven,
};
