// Alternating least squares with negatives clipped to 0 (the textbook method):
//   each column of H ← max(0, (W_oᵀW_o)⁻¹ W_oᵀ v_o) over its observed rows o; then each row of W
//   the same way with H. Singular Grams get a tiny ridge (assembly/linalg-cholesky.ts). Not monotone.
import type { SolverInfo } from './types.js';
import { createAlternating } from './als-core.js';
import { createSparseAlternating } from './sparse-als.js';

/** Registry entry of alternating least squares with clipping. */
export const als: SolverInfo = {
  id: 'als',
  label: 'Alternating least squares',
  description: 'Solves for H, then W, by least squares and clips negatives to 0; fast steps, not monotone.',
  maskUnsupported: null,
  monotone: false,
  objective: 'frobenius',
  productsWithV: 'full',
  params: [],
  create: (ctx) => createAlternating(ctx, 'clipped'),
  createSparse: (ctx) => createSparseAlternating(ctx, 'clipped'),
};
