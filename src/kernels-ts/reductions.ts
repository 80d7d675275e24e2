// Plain-TypeScript reductions of assembly/reductions.ts.

/** Σ A[t]·B[t] over len entries. */
export function dot(A: Float64Array, B: Float64Array, len: number): number {
  let s = 0;
  for (let t = 0; t < len; t++) s += A[t] * B[t];
  return s;
}

/** 1 if any of the len entries of X is NaN or ±Inf, else 0. */
export function has_nonfinite(X: Float64Array, len: number): number {
  for (let t = 0; t < len; t++) if (!Number.isFinite(X[t])) return 1;
  return 0;
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
