// The built-in example matrices, each with the rank that shows something.
import { UnknownIdError } from '../core/errors.js';
import { fromRows } from '../core/matrix.js';
import type { DataMatrix } from '../core/problem.js';
import { TOPICS_RANK, topicsExample } from './corpus.js';
import { lowRank, ratings } from './generate.js';
import { swimmer } from './swimmer.js';

export type ExampleId = 'tutorial' | 'lowrank' | 'ratings' | 'swimmer' | 'topics';

/** A built-in dataset: what it is, the rank to try first, and how to make it. */
export interface ExampleInfo {
  readonly id: ExampleId;
  readonly label: string;
  readonly description: string;
  /** The rank the app selects when the example is loaded. */
  readonly rank: number;
  /** The shape of the matrix make() gives (rows m, columns n), known without making it. */
  readonly rows: number;
  readonly cols: number;
  make(): DataMatrix;
}

/** The 5×6 matrix printed in the NMF tutorial (the reference fixtures seed5x6_*). */
export const TUTORIAL_5X6 = [
  [0.2572934, 0.7850774, 0.1964726, 0.89460898, 0.5124385, 0.6538741],
  [0.4548971, 0.7619701, 0.4504754, 0.04016496, 0.1973834, 0.9347442],
  [0.8251736, 0.3744436, 0.5294228, 0.79247087, 0.5080712, 0.3198328],
  [0.9600582, 0.5075759, 0.1684872, 0.95316732, 0.4352644, 0.5006196],
  [0.3160396, 0.5518905, 0.2720268, 0.01742472, 0.101541, 0.3987225],
];

/** The examples in menu order; the first one loaded at start is 'lowrank'. */
export const EXAMPLES: readonly ExampleInfo[] = [
  {
    id: 'lowrank',
    label: 'Low-rank synthetic 60×40 (planted rank 4)',
    description: 'W·H with W 60×4 and H 4×40 uniform, plus 2% noise: rank 4 fits it almost exactly, rank 3 cannot.',
    rank: 4,
    rows: 60,
    cols: 40,
    make: () => ({ ...lowRank({ rows: 60, cols: 40, rank: 4, noise: 0.02, seed: 7 }), name: 'low-rank 60×40' }),
  },
  {
    id: 'tutorial',
    label: 'Tutorial 5×6',
    description: 'The 5×6 random matrix of the NMF tutorial, factorized with rank 3.',
    rank: 3,
    rows: 5,
    cols: 6,
    make: () => {
      const d = fromRows(TUTORIAL_5X6);
      return { rows: d.rows, cols: d.cols, values: d.data, name: 'tutorial 5×6' };
    },
  },
  {
    id: 'ratings',
    label: 'Ratings 50×40, 25% observed',
    description: 'Users × items ratings 1–5 from a rank-3 taste model; three in four entries missing, as in a recommender.',
    rank: 3,
    rows: 50,
    cols: 40,
    make: () => ({ ...ratings({ rows: 50, cols: 40, rank: 3, density: 0.25, seed: 3 }), name: 'ratings 50×40' }),
  },
  {
    id: 'swimmer',
    label: 'Swimmer 1024×256 (images)',
    description: '256 stick figures of 32×32 pixels, each column one image: rank 17 separates torso and limb positions.',
    rank: 17,
    rows: 1024,
    cols: 256,
    make: swimmer,
  },
  {
    id: 'topics',
    label: 'Topics 64×40 (words × texts)',
    description:
      'Forty one-line texts on cooking, football, astronomy and gardening as a tf-idf term × document matrix: rank 4 gives one topic per subject.',
    rank: TOPICS_RANK,
    rows: 64,
    cols: 40,
    make: topicsExample,
  },
];

/** The example with this id; UnknownIdError (listing the ids) when there is none. */
export function exampleInfo(id: string): ExampleInfo {
  const e = EXAMPLES.find((x) => x.id === id);
  if (!e)
    throw new UnknownIdError(
      'example',
      id,
      EXAMPLES.map((x) => x.id),
    );
  return e;
}
