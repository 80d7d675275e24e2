// What a share link holds, as the app uses it: the dataset (or none), the run's options, the
// speed, the iteration reached, the open view with its settings, and whether it is for an
// iframe. Conversions to and from the flat table of table.ts.
import { specProblem, type DataSpec } from '../data/spec.js';
import { solverParams, type RunOptions } from '../driver/options.js';
import type { ParamId, SolverParams } from '../solvers/types.js';
import type { SectionValues, ViewId } from './section.js';
import { FIELDS, type Flat } from './table.js';

/** Everything a link reproduces. */
export interface ShareState {
  /** The dataset; null when the link holds the options only (the data was too large). */
  readonly data: DataSpec | null;
  readonly options: RunOptions;
  /** Iterations per second, or null for as fast as possible. */
  readonly speed: number | null;
  /** The iteration reached: opening the link runs to it. */
  readonly iteration: number;
  /** The view that is open. */
  readonly view: ViewId;
  /** The open view's settings (its LinkSection's values), or null when it has no section. */
  readonly viewSettings: SectionValues | null;
  /** A link for an iframe: the plots, run controls and status only. */
  readonly embed: boolean;
}

/** The link field of each solver parameter. */
export const PARAM_FIELDS: Readonly<Record<ParamId, 'eps' | 'lr' | 'l2' | 'project' | 'extrap'>> = {
  epsilon: 'eps',
  learningRate: 'lr',
  l2: 'l2',
  project: 'project',
  extrapolate: 'extrap',
};

/** The state of an empty link: the first example and the engine's default options. */
export function defaultShareState(): ShareState {
  return toState(defaultFlat(), new Set()).state;
}

/** Every field at its default. */
export function defaultFlat(): Flat {
  const flat: Partial<Record<keyof Flat, unknown>> = {};
  for (const [name, f] of Object.entries(FIELDS)) flat[name as keyof Flat] = f.fallback;
  return flat as Flat;
}

/** The flat fields of `s` (the dataset's text still uncompressed: `csv` holds it as is). */
export function toFlat(s: ShareState): Flat {
  const o = s.options;
  const flat: Flat = {
    ...defaultFlat(),
    alg: o.algorithm,
    rank: o.rank,
    init: o.init,
    seed: o.seed,
    maxIter: o.maxIter,
    tol: o.tol,
    target: o.target,
    eps: o.params.epsilon,
    lr: o.params.learningRate,
    l2: o.params.l2,
    project: o.params.project,
    extrap: o.params.extrapolate,
    prec: o.precision ?? 'float64',
    speed: s.speed,
    iter: s.iteration,
    view: s.view,
    embed: s.embed,
  };
  const d = s.data;
  if (!d) return { ...flat, data: 'none' };
  switch (d.kind) {
    case 'example':
      return { ...flat, data: 'example', example: d.id };
    case 'lowrank':
      return { ...flat, data: 'lowrank', rows: d.rows, cols: d.cols, prank: d.rank, noise: d.noise, dseed: d.seed };
    case 'uniform':
      return { ...flat, data: 'uniform', rows: d.rows, cols: d.cols, dseed: d.seed };
    case 'ratings':
      return { ...flat, data: 'ratings', rows: d.rows, cols: d.cols, prank: d.rank, density: d.density, dseed: d.seed };
    case 'inline':
      return { ...flat, data: 'inline', name: d.fileName, csv: d.text, long: d.long === true };
  }
}

/**
 * The state of flat fields (`csv` already decompressed). Solver parameters not in `present`
 * take the chosen algorithm's own defaults. A generator spec whose fields do not fit together
 * (planted rank above min(rows, cols), too many entries) gives the default dataset and a
 * problem naming it.
 */
export function toState(f: Flat, present: ReadonlySet<string>): { state: ShareState; problems: string[] } {
  const problems: string[] = [];
  const defaults = solverParams(f.alg);
  const param = <P extends ParamId>(p: P): SolverParams[P] =>
    (present.has(PARAM_FIELDS[p]) ? f[PARAM_FIELDS[p]] : defaults[p]) as SolverParams[P];
  const options: RunOptions = {
    algorithm: f.alg,
    rank: f.rank,
    init: f.init,
    seed: f.seed,
    maxIter: f.maxIter,
    tol: f.tol,
    target: f.target,
    params: {
      epsilon: param('epsilon'),
      learningRate: param('learningRate'),
      l2: param('l2'),
      project: param('project'),
      extrapolate: param('extrapolate'),
    },
    ...(f.prec === 'float32' ? { precision: 'float32' as const } : {}),
  };
  let data = dataOf(f);
  const why = data ? specProblem(data) : null;
  if (why) {
    problems.push(why);
    data = { kind: 'example', id: FIELDS.example.fallback };
  }
  return { state: { data, options, speed: f.speed, iteration: f.iter, view: f.view, viewSettings: null, embed: f.embed }, problems };
}

function dataOf(f: Flat): DataSpec | null {
  const shape = { rows: f.rows, cols: f.cols, seed: f.dseed };
  switch (f.data) {
    case 'example':
      return { kind: 'example', id: f.example };
    case 'lowrank':
      return { kind: 'lowrank', ...shape, rank: f.prank, noise: f.noise };
    case 'uniform':
      return { kind: 'uniform', ...shape };
    case 'ratings':
      return { kind: 'ratings', ...shape, rank: f.prank, density: f.density };
    case 'inline':
      return { kind: 'inline', text: f.csv, fileName: f.name, ...(f.long ? { long: true } : {}) };
    case 'none':
      return null;
  }
}
