// Alternating non-negative least squares: each column of H ← argmin_{h ≥ 0} ‖W_o h − v_o‖ over
// its observed rows o, exactly (active-set NNLS on the k×k normal equations, assembly/linalg-nnls.ts,
// warm-started from the current H); then each row of W the same way with H. Monotone. By default
// (params.extrapolate) W and H are extrapolated between steps (src/solvers/extrapolation.ts): about half the steps to a good fit.
import type { SolverInfo } from './types.js';
import { createAlternating } from './als-core.js';
import { createSparseAlternating } from './sparse-als.js';

/** Registry entry of alternating exact non-negative least squares. */
export const anls: SolverInfo = {
  id: 'anls',
  label: 'Alternating NNLS',
  description:
    'Solves for H, then W, by exact non-negative least squares (active set), extrapolated; few iterations, the fastest to a good fit (the default).',
  maskUnsupported: null,
  monotone: true,
  objective: 'frobenius',
  productsWithV: 'full',
  params: ['extrapolate'],
  create: (ctx) => createAlternating(ctx, 'nonnegative'),
  createSparse: (ctx) => createSparseAlternating(ctx, 'nonnegative'),
};
