// Matrix transposition: Hᵀ for the masked W step of als/anls and for sgd's epochs, Qᵀ in
// the truncated SVD.

/** B (cols×rows) = Aᵀ for A (rows×cols); A and B must not overlap. */
export function transpose(A: usize, B: usize, rows: i32, cols: i32): void {
  for (let i = 0; i < rows; i++) {
    const arow = A + (<usize>i * <usize>cols << 3);
    for (let j = 0; j < cols; j++) {
      store<f64>(B + ((<usize>j * <usize>rows + <usize>i) << 3), load<f64>(arow + (<usize>j << 3)));
    }
  }
}
