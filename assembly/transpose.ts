// Matrix transposition: Hᵀ for the masked W step of als/anls and for sgd's epochs, Qᵀ in
// the truncated SVD; and the mirror of a lower triangle (the Gram matrices).

/** B (cols×rows) = Aᵀ for A (rows×cols); A and B must not overlap. */
export function transpose(A: usize, B: usize, rows: i32, cols: i32): void {
  for (let i = 0; i < rows; i++) {
    const arow = A + (<usize>i * <usize>cols << 3);
    for (let j = 0; j < cols; j++) {
      store<f64>(B + ((<usize>j * <usize>rows + <usize>i) << 3), load<f64>(arow + (<usize>j << 3)));
    }
  }
}

/** Copies the lower triangle of G (k×k) onto its upper triangle. */
export function symmetrize_lower(G: usize, k: i32): void {
  for (let i = 1; i < k; i++) {
    for (let j = 0; j < i; j++) {
      store<f64>(G + ((<usize>j * <usize>k + <usize>i) << 3), load<f64>(G + ((<usize>i * <usize>k + <usize>j) << 3)));
    }
  }
}
