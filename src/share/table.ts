// The share link's one table of fields, in the order they are written: the dataset, the
// options of the run, the speed, the iteration reached, the open view and the embed switch.
// Every key, type, range and default of the URL hash is here and nowhere else, except the
// fields a view adds for its settings (src/share/section.ts, written after these).
import { EXAMPLES } from '../data/examples.js';
import { MAX_ENTRIES } from '../data/generate.js';
import { SPEC_KINDS } from '../data/spec.js';
import { PRECISIONS, type Precision } from '../driver/float32.js';
import { DEFAULT_OPTIONS, MAX_ITERATIONS, MAX_SEED } from '../driver/options.js';
import { INIT_IDS } from '../init/registry.js';
import type { InitId } from '../init/types.js';
import { ALGORITHM_IDS } from '../solvers/registry.js';
import { DEFAULT_PARAMS, type AlgorithmId } from '../solvers/types.js';
import { enumField, flagField, intField, numberField, textField, type Field } from './field.js';
import { VIEW_IDS, type ViewId } from './section.js';

/**
 * Version of the link format, written first (`v=3`). A link of a higher version (a newer app) is
 * read as far as this version can, with a notice saying so; one of a lower version is read with
 * that version's defaults (OLD_FALLBACKS). Version 2: the default algorithm became anls.
 * Version 3: anls extrapolates by default (`extrap`).
 */
export const LINK_VERSION = 3;

/** How the dataset is given: a DataSpec's kind (example, generator, inline text), or not at all. */
export const DATA_KINDS = [...SPEC_KINDS, 'none'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/** Largest compressed inline data a link holds, in characters (≈ kB): beyond, the link holds the options only. */
export const LINK_DATA_LIMIT = 16_000;

/** Largest iteration a link may ask to run to: the cap on iterations of any run. */
export const MAX_LINK_ITERATION = MAX_ITERATIONS;

/** Initializations the app offers (given W0/H0 needs files: command line only). */
export const LINK_INITS: readonly InitId[] = INIT_IDS.filter((i) => i !== 'given');

/** Iterations per second, or null for as fast as possible (`speed=max`). */
function speedField(): Field<number | null> {
  const number = numberField('speed', 'speed', { above: 0, max: 10_000 }, 1);
  return {
    key: 'speed',
    label: 'speed',
    fallback: null,
    accepts: `max or ${number.accepts}`,
    parse: (text) => (text === 'max' ? null : number.parse(text)),
    format: (value) => (value === null ? 'max' : number.format(value)),
  };
}

const SAFE = MAX_SEED;

/** Every field of a link, keyed by its name in `Flat`, in the order they are written. */
export const FIELDS = {
  v: intField('v', 'link version', 1, SAFE, LINK_VERSION),
  data: enumField('data', 'dataset kind', DATA_KINDS, 'example'),
  example: enumField<string>(
    'example',
    'example',
    EXAMPLES.map((e) => e.id),
    EXAMPLES[0].id,
  ),
  rows: intField('rows', 'rows', 1, MAX_ENTRIES, 100),
  cols: intField('cols', 'columns', 1, MAX_ENTRIES, 80),
  prank: intField('prank', 'planted rank', 1, MAX_ENTRIES, 5),
  noise: numberField('noise', 'noise', { min: 0 }, 0.05),
  density: numberField('density', 'observed fraction', { above: 0, max: 1 }, 0.3),
  dseed: intField('dseed', 'data seed', -SAFE, SAFE, 1),
  name: textField('name', 'file name', 200, 'shared data'),
  csv: textField('csv', 'inline data', LINK_DATA_LIMIT, ''),
  long: flagField('long', 'long format', false),
  alg: enumField<AlgorithmId>('alg', 'algorithm', ALGORITHM_IDS, DEFAULT_OPTIONS.algorithm),
  rank: intField('rank', 'rank', 1, MAX_ENTRIES, DEFAULT_OPTIONS.rank),
  init: enumField<InitId>('init', 'initialization', LINK_INITS, DEFAULT_OPTIONS.init),
  seed: intField('seed', 'seed', -SAFE, SAFE, DEFAULT_OPTIONS.seed),
  maxIter: intField('maxIter', 'max iterations', 1, MAX_ITERATIONS, DEFAULT_OPTIONS.maxIter),
  tol: numberField('tol', 'tolerance', { min: 0 }, DEFAULT_OPTIONS.tol),
  target: numberField('target', 'target error', { min: 0 }, DEFAULT_OPTIONS.target),
  eps: numberField('eps', 'epsilon', { min: 0 }, DEFAULT_PARAMS.epsilon),
  lr: numberField('lr', 'learning rate', { above: 0 }, DEFAULT_PARAMS.learningRate),
  l2: numberField('l2', 'L2 penalty', { min: 0 }, DEFAULT_PARAMS.l2),
  project: flagField('project', 'projection', DEFAULT_PARAMS.project),
  extrap: flagField('extrap', 'extrapolation', DEFAULT_PARAMS.extrapolate),
  prec: enumField<Precision>('prec', 'precision', PRECISIONS, 'float64'),
  speed: speedField(),
  iter: intField('iter', 'iteration', 0, MAX_LINK_ITERATION, 0),
  view: enumField<ViewId>('view', 'view', VIEW_IDS, 'main'),
  embed: flagField('embed', 'embed', false),
};

export type FieldName = keyof typeof FIELDS;

/** The link as a flat record: one value per field of FIELDS. */
export type Flat = { [K in FieldName]: (typeof FIELDS)[K] extends Field<infer T> ? T : never };

/** The field names in the order they are written. */
export const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

/**
 * The defaults of older link versions where they differ from FIELDS' fallbacks: a field such a
 * link does not hold (or holds a refused value of) takes the default it had then, so the link
 * keeps its meaning. Version 1 links were made while hals was the default algorithm; links
 * before version 3 ran anls without extrapolation.
 */
export const OLD_FALLBACKS: Readonly<Record<number, Partial<Flat>>> = {
  1: { alg: 'hals', extrap: false },
  2: { extrap: false },
};

/** Fields written only when not at their default, so that a link of a float64 run of the main view, not embedded (anls extrapolated), reads as before they existed. */
export const OPTIONAL_FIELDS: readonly FieldName[] = ['extrap', 'prec', 'view', 'embed'];

/** The fields a dataset kind uses (besides `data` itself). */
export const DATA_FIELDS: Readonly<Record<DataKind, readonly FieldName[]>> = {
  example: ['example'],
  lowrank: ['rows', 'cols', 'prank', 'noise', 'dseed'],
  uniform: ['rows', 'cols', 'dseed'],
  ratings: ['rows', 'cols', 'prank', 'density', 'dseed'],
  inline: ['name', 'csv', 'long'],
  none: [],
};

/** Every field that describes the dataset. */
export const ALL_DATA_FIELDS: readonly FieldName[] = [
  'example',
  'rows',
  'cols',
  'prank',
  'noise',
  'density',
  'dseed',
  'name',
  'csv',
  'long',
];
