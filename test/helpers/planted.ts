// Seeded test matrices for the solver and driver tests: a planted non-negative low-rank
// matrix, optionally with noise and with entries hidden as missing.
import type { DataMatrix } from '../../src/core/problem.js';
import { Rng } from '../../src/core/rng.js';

/** A planted problem: the data as a solver sees it and the full truth behind it. */
export interface Planted {
  /** rows×cols, NaN at the hidden entries. */
  readonly data: DataMatrix;
  /** The noise-free scale·W₀H₀ (rows×cols), including at the hidden entries. */
  readonly truth: Float64Array;
  /** 1 where the entry is hidden, else 0 (rows×cols). */
  readonly hidden: Uint8Array;
}

export interface PlantedOptions {
  rows: number;
  cols: number;
  rank: number;
  seed: number;
  /** Chance that each entry is hidden; 0 by default. Every row and column keeps one entry. */
  missing?: number;
  /** Uniform noise amplitude in (−noise, noise) added before scaling, kept ≥ 0; 0 by default. */
  noise?: number;
  /** Multiplies every entry; 1 by default. */
  scale?: number;
}

/** V = scale·max(0, W₀H₀ + noise) with W₀ (rows×rank), H₀ (rank×cols) uniform in [0, 1); all from `seed`. */
export function planted(o: PlantedOptions): Planted {
  const { rows: m, cols: n, rank: k } = o;
  const rng = new Rng(o.seed, 7);
  const W0 = Float64Array.from({ length: m * k }, () => rng.next());
  const H0 = Float64Array.from({ length: k * n }, () => rng.next());
  const scale = o.scale ?? 1;
  const truth = new Float64Array(m * n);
  const values = new Float64Array(m * n);
  const hidden = new Uint8Array(m * n);
  for (let t = 0; t < m * n; t++) {
    const i = Math.floor(t / n);
    const j = t % n;
    let s = 0;
    for (let a = 0; a < k; a++) s += W0[i * k + a] * H0[a * n + j];
    truth[t] = scale * s;
    values[t] = scale * Math.max(0, s + (o.noise ?? 0) * (2 * rng.next() - 1));
    hidden[t] = rng.next() < (o.missing ?? 0) ? 1 : 0;
  }
  // every row and every column keeps at least one observed entry
  for (let i = 0; i < m; i++) if (hidden.subarray(i * n, (i + 1) * n).every((h) => h)) hidden[i * n + (i % n)] = 0;
  for (let j = 0; j < n; j++) {
    let any = false;
    for (let i = 0; i < m; i++) any ||= !hidden[i * n + j];
    if (!any) hidden[(j % m) * n + j] = 0;
  }
  for (let t = 0; t < m * n; t++) if (hidden[t]) values[t] = NaN;
  return { data: { rows: m, cols: n, values, name: `planted${m}x${n}k${k}` }, truth, hidden };
}

/** Root-mean-square of WH − truth over the hidden entries; W (m×k), H (k×n) row-major. */
export function heldOutRmse(p: Planted, W: ArrayLike<number>, H: ArrayLike<number>, k: number): number {
  const { rows: m, cols: n } = p.data;
  let s = 0;
  let c = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      if (!p.hidden[i * n + j]) continue;
      let wh = 0;
      for (let a = 0; a < k; a++) wh += W[i * k + a] * H[a * n + j];
      s += (wh - p.truth[i * n + j]) ** 2;
      c++;
    }
  }
  return Math.sqrt(s / c);
}

/** Root-mean-square of the truth over the hidden entries (the error of predicting 0). */
export function heldOutScale(p: Planted): number {
  let s = 0;
  let c = 0;
  p.hidden.forEach((h, t) => {
    if (h) {
      s += p.truth[t] ** 2;
      c++;
    }
  });
  return Math.sqrt(s / c);
}
