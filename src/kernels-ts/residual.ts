// Plain-TypeScript matrices of WH and V of assembly/residual.ts. M is m×n of 1/0, or null when
// every entry is observed; V holds 0 at missing entries.

/** out (n) = row i of WH for W (m×k), H (k×n): out[j] = Σ_a W[i,a]·H[a,j], a in increasing order. */
export function wh_row(W: Float64Array, H: Float64Array, out: Float64Array, i: number, k: number, n: number): void {
  out.fill(0, 0, n);
  for (let a = 0; a < k; a++) {
    const s = W[i * k + a];
    for (let j = 0; j < n; j++) out[j] += s * H[a * n + j];
  }
}

/** P (m×n) = M∘(WH) for W (m×k), H (k×n), M (m×n or null). */
export function masked_wh(
  W: Float64Array,
  H: Float64Array,
  M: Float64Array | null,
  P: Float64Array,
  m: number,
  k: number,
  n: number,
): void {
  const row = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    wh_row(W, H, row, i, k, n);
    for (let j = 0; j < n; j++) P[i * n + j] = M ? row[j] * M[i * n + j] : row[j];
  }
}

/** R (m×n) = M∘(V − WH) for V (m×n), W (m×k), H (k×n), M (m×n or null). */
export function residual(
  V: Float64Array,
  M: Float64Array | null,
  W: Float64Array,
  H: Float64Array,
  R: Float64Array,
  m: number,
  k: number,
  n: number,
): void {
  const row = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    wh_row(W, H, row, i, k, n);
    for (let j = 0; j < n; j++) {
      const d = V[i * n + j] - row[j];
      R[i * n + j] = M ? d * M[i * n + j] : d;
    }
  }
}

/** Q (m×n) = V / (WH + ε) for V (m×n, 0 where missing), W (m×k), H (k×n). */
export function kl_quotient(
  V: Float64Array,
  W: Float64Array,
  H: Float64Array,
  Q: Float64Array,
  m: number,
  k: number,
  n: number,
  eps: number,
): void {
  const row = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    wh_row(W, H, row, i, k, n);
    for (let j = 0; j < n; j++) Q[i * n + j] = V[i * n + j] / (row[j] + eps);
  }
}
