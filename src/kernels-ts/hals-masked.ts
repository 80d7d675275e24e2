// Plain-TypeScript masked HALS kernels of assembly/hals-masked.ts. Both expect
// R = M∘(V − WH) (m×n) on entry and leave it so for the updated factor.

/**
 * Rows of H (k×n) in place, a = 0..k−1: for each column j with d = Σ_i M[i,j]·W[i,a]² > 0,
 * H[a,j] ← max(0, H[a,j] + Σ_i W[i,a]·R[i,j] / d), then R[:,j] −= M[:,j]∘W[:,a]·ΔH[a,j].
 * W (m×k), M (m×n or null), R (m×n); scratch (3n) is not needed here.
 */
export function hals_rows_masked(
  H: Float64Array,
  W: Float64Array,
  M: Float64Array | null,
  R: Float64Array,
  _scratch: Float64Array | null,
  m: number,
  k: number,
  n: number,
): void {
  for (let a = 0; a < k; a++) {
    for (let j = 0; j < n; j++) {
      let num = 0;
      let den = 0;
      for (let i = 0; i < m; i++) {
        const w = W[i * k + a];
        num += w * R[i * n + j];
        den += w * w * (M ? M[i * n + j] : 1);
      }
      if (!(den > 0)) continue;
      const h = H[a * n + j];
      const v = h + num / den;
      const h2 = v > 0 ? v : 0;
      H[a * n + j] = h2;
      const change = h2 - h;
      for (let i = 0; i < m; i++) R[i * n + j] -= W[i * k + a] * change * (M ? M[i * n + j] : 1);
    }
  }
}

/**
 * Columns of W (m×k) in place, a = 0..k−1: with d = Σ_j M[i,j]·H[a,j]² > 0,
 * W[i,a] ← max(0, W[i,a] + Σ_j R[i,j]·H[a,j] / d), then R[i,:] −= M[i,:]∘H[a,:]·ΔW[i,a].
 * H (k×n), M (m×n or null), R (m×n).
 */
export function hals_cols_masked(
  W: Float64Array,
  H: Float64Array,
  M: Float64Array | null,
  R: Float64Array,
  m: number,
  k: number,
  n: number,
): void {
  for (let a = 0; a < k; a++) {
    for (let i = 0; i < m; i++) {
      let num = 0;
      let den = 0;
      for (let j = 0; j < n; j++) {
        const h = H[a * n + j];
        num += R[i * n + j] * h;
        den += h * h * (M ? M[i * n + j] : 1);
      }
      if (!(den > 0)) continue;
      const w = W[i * k + a];
      const v = w + num / den;
      const w2 = v > 0 ? v : 0;
      W[i * k + a] = w2;
      const change = w2 - w;
      for (let j = 0; j < n; j++) R[i * n + j] -= change * H[a * n + j] * (M ? M[i * n + j] : 1);
    }
  }
}
