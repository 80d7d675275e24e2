// Plain-TypeScript dense products: the obvious loops, the test oracle and the bench baseline
// of assembly/products.ts. Row-major Float64Arrays with explicit shapes, same argument order.

/** C (p×q) = Aᵀ B for A (m×p), B (m×q): C[a,j] = Σ_i A[i,a]·B[i,j], i in increasing order. */
export function gemm_tn(A: Float64Array, B: Float64Array, C: Float64Array, m: number, p: number, q: number): void {
  C.fill(0, 0, p * q);
  for (let i = 0; i < m; i++) {
    for (let a = 0; a < p; a++) {
      const s = A[i * p + a];
      const c = a * q;
      const b = i * q;
      for (let j = 0; j < q; j++) C[c + j] += s * B[b + j];
    }
  }
}

/** C (m×p) = A Bᵀ for A (m×q), B (p×q): C[i,a] = Σ_j A[i,j]·B[a,j]. */
export function gemm_nt(A: Float64Array, B: Float64Array, C: Float64Array, m: number, q: number, p: number): void {
  for (let i = 0; i < m; i++) {
    for (let a = 0; a < p; a++) {
      let s = 0;
      for (let j = 0; j < q; j++) s += A[i * q + j] * B[a * q + j];
      C[i * p + a] = s;
    }
  }
}

/** C (m×q) = A B for A (m×p), B (p×q): C[i,j] = Σ_a A[i,a]·B[a,j], a in increasing order. */
export function gemm_nn(A: Float64Array, B: Float64Array, C: Float64Array, m: number, p: number, q: number): void {
  for (let i = 0; i < m; i++) {
    C.fill(0, i * q, (i + 1) * q);
    for (let a = 0; a < p; a++) {
      const s = A[i * p + a];
      for (let j = 0; j < q; j++) C[i * q + j] += s * B[a * q + j];
    }
  }
}

/** G (p×p) = Aᵀ A for A (m×p). */
export function gram_tn(A: Float64Array, G: Float64Array, m: number, p: number): void {
  gemm_tn(A, A, G, m, p, p);
}

/** G (m×m) = A Aᵀ for A (m×q). */
export function gram_nt(A: Float64Array, G: Float64Array, m: number, q: number): void {
  gemm_nt(A, A, G, m, q, m);
}
