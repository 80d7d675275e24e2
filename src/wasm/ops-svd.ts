// Typed kernels of the truncated SVD (assembly/svd.ts) behind the NNDSVD initializations
// (src/init/svd.ts). Vectors are the rows of row-major matrices.
import type { Mat } from '../core/matrix.js';
import type { Kernels } from './kernels.js';
import { entries, shapeError } from './shapes.js';

/** The SVD kernels on kernels K; shapes checked when `checks`. */
export function svdOps(K: Kernels, checks: boolean) {
  return {
    /**
     * Orthonormalizes rows from..to−1 of A (r×c) against all earlier rows (Gram–Schmidt twice);
     * L (r×r) or null receives A = L·Q. Returns the first row that collapsed (zeroed), or `to`.
     */
    orthRows(A: Mat, L: Mat | null, from: number, to: number): number {
      if (checks && ((L && (L.rows !== A.rows || L.cols !== A.rows)) || !(from >= 0 && from <= to && to <= A.rows))) {
        throw shapeError('orthRows', `rows ${from}..${to} need 0 ≤ from ≤ to ≤ r for A r×c, L r×r`, { A, L });
      }
      return K.orth_rows(A.ptr, L ? L.ptr : 0, A.rows, A.cols, from, to);
    },

    /** One-sided Jacobi on the rows of S (l×c), rotating G (l×l) alike, until the rows are orthogonal; returns the sweeps made. */
    jacobiRows(S: Mat, G: Mat, tol: number, maxSweeps: number): number {
      if (checks && !(G.rows === S.rows && G.cols === S.rows)) throw shapeError('jacobiRows', 'needs S l×c and G l×l', { S, G });
      return K.jacobi_rows(S.ptr, G.ptr, S.rows, S.cols, tol, maxSweeps);
    },

    /** sigma (l entries) = row norms of S (l×c); sorts the rows of S and G (l×g) by them, largest first, and normalizes S's rows. */
    sortNormalizeRows(S: Mat, G: Mat, sigma: Mat): void {
      if (checks && !(G.rows === S.rows && entries(sigma) === S.rows)) {
        throw shapeError('sortNormalizeRows', 'needs S l×c, G l×g and sigma of l entries', { S, G, sigma });
      }
      K.sort_normalize_rows(S.ptr, G.ptr, sigma.ptr, S.rows, S.cols, G.cols);
    },

    /** max over the k rows j of U (k×m) of ‖Y[j,:] − sigma[j]·U[j,:]‖, Y (≥ k rows × m), sigma (≥ k entries). */
    ritzResidual(Y: Mat, U: Mat, sigma: Mat): number {
      if (checks && !(Y.cols === U.cols && Y.rows >= U.rows && entries(sigma) >= U.rows)) {
        throw shapeError('ritzResidual', 'needs U k×m, Y of ≥ k rows × m and sigma of ≥ k entries', { Y, U, sigma });
      }
      return K.ritz_residual(Y.ptr, U.ptr, sigma.ptr, U.rows, U.cols);
    },
  };
}
