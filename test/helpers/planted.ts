// Seeded test matrices for the solver and driver tests: a planted non-negative low-rank
// matrix, optionally with noise and with entries hidden as missing.
import type { DataMatrix } from '../../src/core/problem.js';
import { Rng } from '../../src/core/rng.js';

/** A planted problem: the data as a solver sees it and the full truth behind it. */
export interface Planted {
  /** rows×cols, NaN at the hidden entries. */
  readonly data: DataMatrix;
  /** The noise-free W₀H₀ (rows×cols), including at the hidden entries. */
  readonly truth: Float64Array;
  /** 1 where the entry was hidden, else 0 (rows×cols). */
  readonly hidden: Uint8Array;
}

export interface PlantedOptions {
  rows: number;
  cols: number;
  rank: number;
  seed: number;
  /** Fraction of entries hidden (each independently); 0 by default. */
  missing?: number;
  /** Uniform noise amplitude added to the observed entries (kept ≥ 0); 0 by default. */
  noise?: number;
  /** Multiplies every entry (to test scale-dependent solvers); 1 by default. */
  scale?: number;
}

/** V = scale·(W₀H₀ + noise) with W₀, H₀ uniform in [0, 1), hidden entries drawn per entry; all from `seed`. */
export function planted(o: PlantedOptions): Planted {
  const { rows: m, cols: n, rank: k } = o;
  const rng = new Rng(o.seed, 7);
  const W0 = Float64Array.from({ length: m * k }, () => rng.next());
  const H0 = Float64Array.from({ length: k * n }, () => rng.next());
  const scale = o.scale ?? 1;
  const truth = new Float64Array(m * n);
  const values = new Float64Array(m * n);
  const hidden = new Uint8Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let a = 0; a < k; a++) s += W0[i * k + a] * H0[a * n + j];
      truth[i * n + j] = scale * s;
      const noisy = Math.max(0, s + (o.noise ?? 0) * (2 * rng.next() - 1));
      const hide = rng.next() < (o.missing ?? 0);
      hidden[i * n + j] = hide ? 1 : 0;
      values[i * n + j] = hide ? NaN : scale * noisy;
    }
  }
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
