// Turns a DataSpec into the matrix it names, in the worker, so big generators and parsers never
// block the page. Throws InputError (src/data/errors.ts) for bad text or bad parameters.
import type { DataMatrix } from '../../src/core/problem.js';
import { exampleInfo } from '../../src/data/examples.js';
import { lowRank, ratings, uniformRandom } from '../../src/data/generate.js';
import { parseMatrixText } from '../../src/data/parse.js';
import type { DataSpec } from '../shared/protocol.js';

/** The matrix `spec` describes (generators check their own sizes and parameters). */
export function makeData(spec: DataSpec): DataMatrix {
  switch (spec.kind) {
    case 'example':
      return exampleInfo(spec.id).make();
    case 'text':
      return parseMatrixText(spec.text, spec.fileName);
    case 'lowrank':
      return lowRank(spec);
    case 'uniform':
      return uniformRandom(spec);
    case 'ratings':
      return ratings({ users: spec.rows, items: spec.cols, rank: spec.rank, density: spec.density, seed: spec.seed });
  }
}
