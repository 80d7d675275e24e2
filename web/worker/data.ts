// Turns a DataSpec into the matrix it names (in the worker: big generators and parsers never
// block the page). Throws InputError (src/data/errors.ts) for bad text or bad parameters.
import type { DataMatrix } from '../../src/core/problem.js';
import { InputError } from '../../src/data/errors.js';
import { exampleInfo } from '../../src/data/examples.js';
import { lowRank, ratings, uniformRandom } from '../../src/data/generate.js';
import { parseMatrixText } from '../../src/data/parse.js';
import type { DataSpec } from './protocol.js';

/** Largest matrix the app makes or accepts (entries), so a typo cannot exhaust memory. */
export const MAX_ENTRIES = 25_000_000;

/** The matrix `spec` describes. */
export function makeData(spec: DataSpec): DataMatrix {
  switch (spec.kind) {
    case 'example':
      return exampleInfo(spec.id).make();
    case 'text':
      return parseMatrixText(spec.text, spec.fileName);
    case 'lowrank':
      checkSize(spec.rows, spec.cols);
      return lowRank(spec);
    case 'uniform':
      checkSize(spec.rows, spec.cols);
      return uniformRandom(spec);
    case 'ratings':
      checkSize(spec.rows, spec.cols);
      return ratings({ users: spec.rows, items: spec.cols, rank: spec.rank, density: spec.density, seed: spec.seed });
  }
}

function checkSize(rows: number, cols: number): void {
  if (rows * cols > MAX_ENTRIES) {
    throw new InputError(`${rows}×${cols} = ${rows * cols} entries is more than the app handles (${MAX_ENTRIES})`, { parameter: 'rows' });
  }
}
