// Seeded data for the plots demo page (e2e/plots-demo/index.html), used by e2e/plots.spec.ts only.
import { Rng } from '../../src/core/rng.js';
import type { Dense } from '../../src/core/matrix.js';
import { planted } from '../../src/data/generate.js';
import { gemm_nn, gemm_nt, gemm_tn } from '../../src/kernels-ts/products.js';

/** Uniform [0, 1) entries of a rows×cols matrix from `rng`. */
export function uniform(rng: Rng, rows: number, cols: number): Dense {
  const data = new Float64Array(rows * cols);
  for (let t = 0; t < data.length; t++) data[t] = rng.next();
  return { rows, cols, data };
}

/** The product A (m×k) · B (k×n), m×n (gemm_nn of src/kernels-ts). */
export function product(A: Dense, B: Dense): Dense {
  const out = new Float64Array(A.rows * B.cols);
  gemm_nn(A.data, B.data, out, A.rows, A.cols, B.cols);
  return { rows: A.rows, cols: B.cols, data: out };
}

/**
 * A non-negative m×n matrix of rank k plus noise (src/data/generate.ts planted, NaN at the hidden
 * entries), and its mask: about `missing` of the entries 0.
 */
export function lowRank(seed: number, m: number, n: number, k: number, noise: number, missing = 0) {
  const p = planted({ rows: m, cols: n, rank: k, seed, noise, missing });
  const V: Dense = { rows: m, cols: n, data: p.data.values };
  const mask = missing > 0 ? Float64Array.from(p.hidden, (h) => 1 - h) : null;
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
  const num = new Float64Array(k * Math.max(m, n));
  const den = new Float64Array(k * Math.max(m, n));
  gemm_tn(W.data, MV, num, m, k, n); // Wᵀ(M∘V), k×n
  gemm_tn(W.data, masked(product(W, H)), den, m, k, n); // Wᵀ(M∘WH)
  for (let t = 0; t < k * n; t++) H.data[t] *= num[t] / (den[t] + eps);
  gemm_nt(MV, H.data, num, m, n, k); // (M∘V)Hᵀ, m×k
  gemm_nt(masked(product(W, H)), H.data, den, m, n, k); // (M∘WH)Hᵀ
  for (let t = 0; t < m * k; t++) W.data[t] *= num[t] / (den[t] + eps);
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
