// Plain-TypeScript per-element updates of assembly/updates.ts, in place.

/** X ← X∘Num/(Den + ε) over len entries. */
export function mu_update(X: Float64Array, Num: Float64Array, Den: Float64Array, len: number, eps: number): void {
  for (let t = 0; t < len; t++) X[t] = (X[t] * Num[t]) / (Den[t] + eps);
}

/** X[r,c] ← X[r,c]·Num[r,c]/(d[r] + ε) for X, Num (rows×cols), d (rows). */
export function mu_update_rowden(X: Float64Array, Num: Float64Array, d: Float64Array, rows: number, cols: number, eps: number): void {
  for (let r = 0; r < rows; r++) {
    const den = d[r] + eps;
    for (let c = 0; c < cols; c++) X[r * cols + c] = (X[r * cols + c] * Num[r * cols + c]) / den;
  }
}

/** X[r,c] ← X[r,c]·Num[r,c]/(d[c] + ε) for X, Num (rows×cols), d (cols). */
export function mu_update_colden(X: Float64Array, Num: Float64Array, d: Float64Array, rows: number, cols: number, eps: number): void {
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) X[r * cols + c] = (X[r * cols + c] * Num[r * cols + c]) / (d[c] + eps);
  }
}

/** out (p) = column sums of A (m×p), i in increasing order. */
export function col_sums(A: Float64Array, out: Float64Array, m: number, p: number): void {
  out.fill(0, 0, p);
  for (let i = 0; i < m; i++) for (let a = 0; a < p; a++) out[a] += A[i * p + a];
}

/** out (m) = row sums of A (m×q). */
export function row_sums(A: Float64Array, out: Float64Array, m: number, q: number): void {
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < q; j++) s += A[i * q + j];
    out[i] = s;
  }
}

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

/** X ← X + η(G − λX), then max(0, ·) when project ≠ 0. */
export function gd_update(X: Float64Array, G: Float64Array, len: number, lr: number, l2: number, project: number): void {
  for (let t = 0; t < len; t++) {
    const x = X[t];
    const v = x + lr * (G[t] - l2 * x);
    X[t] = project !== 0 && !(v > 0) ? 0 : v;
  }
}
