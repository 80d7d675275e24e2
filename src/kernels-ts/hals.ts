// Plain-TypeScript HALS sweeps of assembly/hals.ts (fully observed V), in place.

/**
 * HALS on the rows of H (k×n), in place, a = 0..k−1:
 * H[a,:] ← max(0, H[a,:] + (WtV[a,:] − WtW[a,:]·H)/WtW[a,a]); skipped when WtW[a,a] ≤ 0.
 */
export function hals_rows(H: Float64Array, WtV: Float64Array, WtW: Float64Array, k: number, n: number): void {
  for (let a = 0; a < k; a++) {
    const daa = WtW[a * k + a];
    if (!(daa > 0)) continue;
    for (let j = 0; j < n; j++) {
      let s = WtV[a * n + j];
      for (let b = 0; b < k; b++) s -= WtW[a * k + b] * H[b * n + j];
      const v = H[a * n + j] + s / daa;
      H[a * n + j] = v > 0 ? v : 0;
    }
  }
}

/**
 * HALS on the columns of W (m×k), in place, a = 0..k−1:
 * W[:,a] ← max(0, W[:,a] + (VHt[:,a] − W·HHt[:,a])/HHt[a,a]); skipped when HHt[a,a] ≤ 0.
 */
export function hals_cols(W: Float64Array, VHt: Float64Array, HHt: Float64Array, m: number, k: number): void {
  for (let a = 0; a < k; a++) {
    const daa = HHt[a * k + a];
    if (!(daa > 0)) continue;
    for (let i = 0; i < m; i++) {
      let s = VHt[i * k + a];
      for (let b = 0; b < k; b++) s -= W[i * k + b] * HHt[b * k + a];
      const v = W[i * k + a] + s / daa;
      W[i * k + a] = v > 0 ? v : 0;
    }
  }
}
