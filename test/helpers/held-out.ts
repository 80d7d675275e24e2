// How well a factorization predicts the entries a planted problem (src/data/generate.ts planted)
// hid: the error of WH at the hidden entries against the noise-free truth.
import type { Planted } from '../../src/data/generate.js';
import { gemm_nn } from '../../src/kernels-ts/products.js';

/** Root-mean-square of WH − truth over the hidden entries; W (m×k), H (k×n) row-major. */
export function heldOutRmse(p: Planted, W: Float64Array, H: Float64Array, k: number): number {
  const { rows: m, cols: n } = p.data;
  const WH = new Float64Array(m * n);
  gemm_nn(W, H, WH, m, k, n);
  let s = 0;
  let c = 0;
  p.hidden.forEach((h, t) => {
    if (h) {
      s += (WH[t] - p.truth[t]) ** 2;
      c++;
    }
  });
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
