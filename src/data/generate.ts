// Seeded synthetic matrices: planted low rank plus noise, uniform random, sparse ratings.
import type { Dense } from '../core/matrix.js';
import type { DataMatrix } from '../core/problem.js';
import { Rng } from '../core/rng.js';
import { InputError } from './errors.js';

/** Largest number of entries a generated matrix may have (80 MB of f64). */
export const MAX_ENTRIES = 10_000_000;

/** Options of lowRank: V (rows×cols) = W (rows×rank) · H (rank×cols) + noise. */
export interface LowRankOptions {
  readonly rows: number;
  readonly cols: number;
  readonly rank: number;
  /** Noise level relative to the mean of WH: V = WH + noise·mean(WH)·|z|, z ≈ N(0, 1). */
  readonly noise: number;
  readonly seed: number;
  /**
   * 'additive' (the default): the noise above. 'multiplicative': V = max(0, WH∘(1 + noise·z)),
   * each entry off by a fraction `noise` of itself (zero mean, so no constant floor is added).
   */
  readonly noiseModel?: 'additive' | 'multiplicative';
}

/** A matrix of planted rank: W, H uniform in [0, 1), plus non-negative noise (0 → exactly rank `rank`). */
export function lowRank(o: LowRankOptions): DataMatrix {
  checkShape(o.rows, o.cols, 'rows', 'columns');
  checkRank(o.rank, o.rows, o.cols);
  if (!(o.noise >= 0) || !Number.isFinite(o.noise)) throw param('noise', `noise ${o.noise} must be a number ≥ 0`);
  const rng = new Rng(o.seed, 11);
  const values = plantedProduct(rng, o.rows, o.cols, o.rank);
  let mean = 0;
  for (const x of values) mean += x;
  mean /= values.length;
  const multiplicative = o.noiseModel === 'multiplicative';
  if (o.noise > 0 && multiplicative)
    for (let t = 0; t < values.length; t++) values[t] = Math.max(0, values[t] * (1 + o.noise * rng.normal()));
  else if (o.noise > 0) for (let t = 0; t < values.length; t++) values[t] += o.noise * mean * Math.abs(rng.normal());
  const noise = multiplicative ? `multiplicative noise ${o.noise}` : `noise ${o.noise}`;
  return { rows: o.rows, cols: o.cols, values, name: `low rank ${o.rows}×${o.cols}, rank ${o.rank}, ${noise}, seed ${o.seed}` };
}

/** Options of uniformRandom. */
export interface UniformOptions {
  readonly rows: number;
  readonly cols: number;
  readonly seed: number;
}

/** A rows×cols matrix of independent uniform [0, 1) entries (the tutorial's random matrix). */
export function uniformRandom(o: UniformOptions): DataMatrix {
  checkShape(o.rows, o.cols, 'rows', 'columns');
  const rng = new Rng(o.seed, 12);
  const values = new Float64Array(o.rows * o.cols);
  for (let t = 0; t < values.length; t++) values[t] = rng.next();
  return { rows: o.rows, cols: o.cols, values, name: `uniform random ${o.rows}×${o.cols}, seed ${o.seed}` };
}

/** Options of ratings: a rows×cols matrix, one row per user and one column per item. */
export interface RatingsOptions {
  readonly rows: number;
  readonly cols: number;
  /** Rank of the taste model behind the ratings. */
  readonly rank: number;
  /** Fraction of observed entries, in (0, 1]. */
  readonly density: number;
  readonly seed: number;
}

/**
 * A rows×cols (users×items) matrix of ratings 1..5 from a rank-`rank` taste model, observed
 * with probability `density` (NaN elsewhere); every user and item keeps at least one rating.
 */
export function ratings(o: RatingsOptions): DataMatrix {
  checkShape(o.rows, o.cols, 'rows', 'columns');
  checkRank(o.rank, o.rows, o.cols);
  if (!(o.density > 0 && o.density <= 1)) throw param('density', `density ${o.density} must be in (0, 1]`);
  const rng = new Rng(o.seed, 13);
  const { rows: m, cols: n } = o;
  const values = plantedProduct(rng, m, n, o.rank);
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of values) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  const span = hi - lo || 1;
  const observed = new Uint8Array(m * n);
  for (let t = 0; t < observed.length; t++) observed[t] = rng.next() < o.density ? 1 : 0;
  for (let i = 0; i < m; i++) if (!observed.subarray(i * n, (i + 1) * n).includes(1)) observed[i * n + rng.int(n)] = 1;
  for (let j = 0; j < n; j++) {
    let any = false;
    for (let i = 0; i < m && !any; i++) any = observed[i * n + j] === 1;
    if (!any) observed[rng.int(m) * n + j] = 1;
  }
  for (let t = 0; t < values.length; t++) {
    values[t] = observed[t] ? Math.round(1 + (4 * (values[t] - lo)) / span) : NaN;
  }
  return {
    rows: m,
    cols: n,
    values,
    rowLabels: Array.from({ length: m }, (_, i) => `user ${i + 1}`),
    colLabels: Array.from({ length: n }, (_, j) => `item ${j + 1}`),
    name: `ratings ${m}×${n}, rank ${o.rank}, density ${o.density}, seed ${o.seed}`,
  };
}

/**
 * The factors planted in lowRank(o): W (rows×rank) and H (rank×cols), the truth a fit of its
 * matrix can be compared with (V = WH + noise). Throws InputError as lowRank does.
 */
export function plantedFactors(o: Pick<LowRankOptions, 'rows' | 'cols' | 'rank' | 'seed'>): { W: Dense; H: Dense } {
  checkShape(o.rows, o.cols, 'rows', 'columns');
  checkRank(o.rank, o.rows, o.cols);
  const { W, H } = drawFactors(new Rng(o.seed, 11), o.rows, o.cols, o.rank);
  return { W: { rows: o.rows, cols: o.rank, data: W }, H: { rows: o.rank, cols: o.cols, data: H } };
}

/** W (rows×rank), H (rank×cols) uniform in [0, 1), drawn W first, row-major. */
function drawFactors(rng: Rng, rows: number, cols: number, rank: number): { W: Float64Array; H: Float64Array } {
  const W = new Float64Array(rows * rank);
  const H = new Float64Array(rank * cols);
  for (let t = 0; t < W.length; t++) W[t] = rng.next();
  for (let t = 0; t < H.length; t++) H[t] = rng.next();
  return { W, H };
}

/** WH (rows×cols) for the factors drawFactors draws, row-major. */
function plantedProduct(rng: Rng, rows: number, cols: number, rank: number): Float64Array {
  const { W, H } = drawFactors(rng, rows, cols, rank);
  const V = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let a = 0; a < rank; a++) {
      const w = W[i * rank + a];
      for (let j = 0; j < cols; j++) V[i * cols + j] += w * H[a * cols + j];
    }
  }
  return V;
}

function checkShape(rows: number, cols: number, rowName: string, colName: string): void {
  for (const [name, x] of [
    [rowName, rows],
    [colName, cols],
  ] as const) {
    if (!Number.isInteger(x) || x < 1) throw param(name, `${name} ${x} must be an integer ≥ 1`);
  }
  if (rows * cols > MAX_ENTRIES) throw param(rowName, `${rows}×${cols} has more than ${MAX_ENTRIES.toLocaleString('en-US')} entries`);
}

function checkRank(rank: number, rows: number, cols: number): void {
  const max = Math.min(rows, cols);
  if (!Number.isInteger(rank) || rank < 1 || rank > max) throw param('rank', `planted rank ${rank} must be an integer from 1 to ${max}`);
}

function param(parameter: string, message: string): InputError {
  return new InputError(message, { parameter });
}
