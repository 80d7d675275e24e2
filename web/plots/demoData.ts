// Seeded data for the plots' demo page (web/plots/demo.html), used by e2e/plots.spec.ts only.
import { Rng } from '../../src/core/rng.js';
import type { Dense } from '../../src/core/matrix.js';

/** Uniform [0, 1) entries of a rows×cols matrix from `rng`. */
export function uniform(rng: Rng, rows: number, cols: number): Dense {
  const data = new Float64Array(rows * cols);
  for (let t = 0; t < data.length; t++) data[t] = rng.next();
  return { rows, cols, data };
}

/** The product A (m×k) · B (k×n), m×n. */
export function product(A: Dense, B: Dense): Dense {
  const { rows: m, cols: k } = A;
  const n = B.cols;
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let p = 0; p < k; p++) {
      const a = A.data[i * k + p];
      for (let j = 0; j < n; j++) out[i * n + j] += a * B.data[p * n + j];
    }
  return { rows: m, cols: n, data: out };
}

/** A non-negative m×n matrix of rank k plus |noise|, and a mask with about `missing` of its entries 0. */
export function lowRank(seed: number, m: number, n: number, k: number, noise: number, missing = 0) {
  const rng = new Rng(seed);
  const V = product(uniform(rng, m, k), uniform(rng, k, n));
  for (let t = 0; t < V.data.length; t++) V.data[t] += noise * Math.abs(rng.normal());
  let mask: Float64Array | null = null;
  if (missing > 0) {
    mask = new Float64Array(m * n);
    for (let t = 0; t < mask.length; t++) mask[t] = rng.next() < missing ? 0 : 1;
  }
  return { V, mask };
}

/** A made-up loss curve: relative error after iterations 1..count, falling from ~1 to `floor`. */
export function lossCurve(seed: number, count: number, floor: number, tau: number): number[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, (_, t) => floor + (0.9 - floor) * Math.exp(-(t + 1) / tau) * (1 + 0.02 * rng.next()));
}

/** Plain multiplicative updates with a mask (demo only): one iteration on W (m×k), H (k×n) in place; returns WH. */
export function muStep(V: Dense, mask: Float64Array | null, W: Dense, H: Dense): Dense {
  const { rows: m, cols: n } = V;
  const k = W.cols;
  const eps = 1e-9;
  const masked = (WH: Dense) => {
    const R = new Float64Array(m * n);
    for (let t = 0; t < R.length; t++) R[t] = mask && mask[t] === 0 ? 0 : WH.data[t];
    return R;
  };
  const MV = masked(V);
  let MWH = masked(product(W, H));
  for (let p = 0; p < k; p++)
    for (let j = 0; j < n; j++) {
      let num = 0,
        den = 0;
      for (let i = 0; i < m; i++) {
        num += W.data[i * k + p] * MV[i * n + j];
        den += W.data[i * k + p] * MWH[i * n + j];
      }
      H.data[p * n + j] *= num / (den + eps);
    }
  MWH = masked(product(W, H));
  for (let i = 0; i < m; i++)
    for (let p = 0; p < k; p++) {
      let num = 0,
        den = 0;
      for (let j = 0; j < n; j++) {
        num += MV[i * n + j] * H.data[p * n + j];
        den += MWH[i * n + j] * H.data[p * n + j];
      }
      W.data[i * k + p] *= num / (den + eps);
    }
  return product(W, H);
}

/** ‖M∘(V − WH)‖_F / ‖M∘V‖_F. */
export function relError(V: Dense, WH: Dense, mask: Float64Array | null): number {
  let r = 0,
    v = 0;
  for (let t = 0; t < V.data.length; t++) {
    if (mask && mask[t] === 0) continue;
    r += (V.data[t] - WH.data[t]) ** 2;
    v += V.data[t] ** 2;
  }
  return Math.sqrt(r / v);
}

/** W (size²×k) whose columns are size×size images of one horizontal or vertical bar each (a "swimmer"-like parts basis). */
export function barImages(size: number): Dense {
  const bars: [number, number, number, number][] = []; // row0, col0, height, width
  for (let b = 1; b < size - 1; b += 3) bars.push([b, 1, 2, size - 2]);
  for (let b = 1; b < size - 1; b += 3) bars.push([1, b, size - 2, 2]);
  const k = bars.length;
  const data = new Float64Array(size * size * k);
  bars.forEach(([r0, c0, h, w], c) => {
    for (let i = r0; i < r0 + h; i++) for (let j = c0; j < c0 + w; j++) data[(i * size + j) * k + c] = 1 - 0.4 * ((i + j) % 2);
  });
  return { rows: size * size, cols: k, data };
}
