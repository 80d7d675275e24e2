// Seeded synthetic matrices: planted low rank plus noise (with hidden entries for tests and benches),
// uniform random, sparse ratings.
import type { DataMatrix } from '../core/problem.js';
import { Rng } from '../core/rng.js';
import { gemm_nn } from '../kernels-ts/products.js';
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
  const { data } = planted(o);
  const noise = o.noiseModel === 'multiplicative' ? `multiplicative noise ${o.noise}` : `noise ${o.noise}`;
  return { ...data, name: `low rank ${o.rows}×${o.cols}, rank ${o.rank}, ${noise}, seed ${o.seed}` };
}

/** Options of planted: lowRank's, the noise optional, with missing entries and a scale. */
export interface PlantedOptions extends Omit<LowRankOptions, 'noise'> {
  /** Noise level relative to the mean of WH (as lowRank); 0 by default. */
  readonly noise?: number;
  /** Chance that each entry is hidden (NaN in the data); every row and column keeps one observed entry. 0 by default. */
  readonly missing?: number;
  /** Multiplies every entry of the data and the truth; 1 by default. */
  readonly scale?: number;
}

/** A planted problem: the data as a solver sees it and the truth behind it. */
export interface Planted {
  /** V (rows×cols) = scale·(WH + noise), NaN at the hidden entries. */
  readonly data: DataMatrix;
  /** The planted factors: W (rows×rank), H (rank×cols), uniform in [0, 1). */
  readonly W: Float64Array;
  readonly H: Float64Array;
  /** The noise-free scale·WH (rows×cols), at the hidden entries too. */
  readonly truth: Float64Array;
  /** rows×cols: 1 where the entry is hidden, else 0. */
  readonly hidden: Uint8Array;
}

/**
 * The one planted low-rank generator (lowRank, the tests, the benches and the plots demo): W then
 * H drawn from the seed, V = WH + noise·mean(WH)·|z| (z ≈ N(0, 1)), then the hidden entries drawn,
 * then the scale applied. Without `missing` and `scale` it is exactly lowRank's matrix.
 */
export function planted(o: PlantedOptions): Planted {
  const noise = o.noise ?? 0;
  const missing = o.missing ?? 0;
  const scale = o.scale ?? 1;
  checkShape(o.rows, o.cols, 'rows', 'columns');
  checkRank(o.rank, o.rows, o.cols);
  if (!(noise >= 0) || !Number.isFinite(noise)) throw param('noise', `noise ${noise} must be a number ≥ 0`);
  if (!(missing >= 0 && missing < 1)) throw param('missing', `missing ${missing} must be in [0, 1)`);
  const { rows: m, cols: n, rank: k } = o;
  const rng = new Rng(o.seed, 11);
  const { W, H, WH: truth } = plantedProduct(rng, m, n, k);
  const values = truth.slice();
  if (noise > 0 && o.noiseModel === 'multiplicative') {
    for (let t = 0; t < values.length; t++) values[t] = Math.max(0, values[t] * (1 + noise * rng.normal()));
  } else if (noise > 0) {
    let mean = 0;
    for (const x of values) mean += x;
    mean /= values.length;
    for (let t = 0; t < values.length; t++) values[t] += noise * mean * Math.abs(rng.normal());
  }
  const hidden = missing > 0 ? hiddenEntries(rng, m, n, missing) : new Uint8Array(m * n);
  for (let t = 0; t < values.length; t++) {
    if (scale !== 1) {
      values[t] *= scale;
      truth[t] *= scale;
    }
    if (hidden[t]) values[t] = NaN;
  }
  return { data: { rows: m, cols: n, values }, W, H, truth, hidden };
}

/** m×n flags, each 1 with probability `p`, then one entry of every all-hidden row and column shown again. */
function hiddenEntries(rng: Rng, m: number, n: number, p: number): Uint8Array {
  const hidden = new Uint8Array(m * n);
  for (let t = 0; t < hidden.length; t++) hidden[t] = rng.next() < p ? 1 : 0;
  for (let i = 0; i < m; i++) if (!hidden.subarray(i * n, (i + 1) * n).includes(0)) hidden[i * n + rng.int(n)] = 0;
  for (let j = 0; j < n; j++) {
    let any = false;
    for (let i = 0; i < m && !any; i++) any = hidden[i * n + j] === 0;
    if (!any) hidden[rng.int(m) * n + j] = 0;
  }
  return hidden;
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
  const values = plantedProduct(rng, m, n, o.rank).WH;
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

/** W (rows×rank), H (rank×cols) uniform in [0, 1), drawn W first, and WH (rows×cols), row-major. */
function plantedProduct(rng: Rng, rows: number, cols: number, rank: number): { W: Float64Array; H: Float64Array; WH: Float64Array } {
  const W = new Float64Array(rows * rank);
  const H = new Float64Array(rank * cols);
  for (let t = 0; t < W.length; t++) W[t] = rng.next();
  for (let t = 0; t < H.length; t++) H[t] = rng.next();
  const WH = new Float64Array(rows * cols);
  gemm_nn(W, H, WH, rows, rank, cols);
  return { W, H, WH };
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
