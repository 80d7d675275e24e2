// Plain-TypeScript element-wise updates of assembly/updates.ts (mu, kl, gd), in place.

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

/** X ← X + η(G − λX), then max(0, ·) when project ≠ 0. */
export function gd_update(X: Float64Array, G: Float64Array, len: number, lr: number, l2: number, project: number): void {
  for (let t = 0; t < len; t++) {
    const x = X[t];
    const v = x + lr * (G[t] - l2 * x);
    X[t] = project !== 0 && !(v > 0) ? 0 : v;
  }
}
