// Plain-TypeScript objectives of assembly/loss.ts.
import { wh_row } from './residual.js';

/** Σ over observed (i,j) of (V − WH)²; V (m×n), M (m×n or null), W (m×k), H (k×n), scratch (n). */
export function sq_residual(
  V: Float64Array,
  M: Float64Array | null,
  W: Float64Array,
  H: Float64Array,
  m: number,
  k: number,
  n: number,
  scratch: Float64Array,
): number {
  let total = 0;
  for (let i = 0; i < m; i++) {
    wh_row(W, H, scratch, i, k, n);
    for (let j = 0; j < n; j++) {
      const d = (V[i * n + j] - scratch[j]) * (M ? M[i * n + j] : 1);
      total += d * d;
    }
  }
  return total;
}

/** Σ over observed (i,j) of V log(V/WH) − V + WH (0·log 0 = 0); V (m×n), M (m×n or null), W (m×k), H (k×n), scratch (n). */
export function kl_divergence(
  V: Float64Array,
  M: Float64Array | null,
  W: Float64Array,
  H: Float64Array,
  m: number,
  k: number,
  n: number,
  scratch: Float64Array,
): number {
  let total = 0;
  for (let i = 0; i < m; i++) {
    wh_row(W, H, scratch, i, k, n);
    for (let j = 0; j < n; j++) {
      if (M && M[i * n + j] === 0) continue;
      const v = V[i * n + j];
      const wh = scratch[j];
      total += (v > 0 ? v * Math.log(v / wh) : 0) - v + wh;
    }
  }
  return total;
}
