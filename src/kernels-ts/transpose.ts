// Plain-TypeScript transposition of assembly/transpose.ts.

/** B (cols×rows) = Aᵀ for A (rows×cols). */
export function transpose(A: Float64Array, B: Float64Array, rows: number, cols: number): void {
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) B[j * rows + i] = A[i * cols + j];
}
