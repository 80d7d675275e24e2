// Typed dense products over assembly/products.ts and assembly/transpose.ts: matrices in,
// shapes checked (see shapes.ts), the output written in place.
import type { Mat } from '../core/matrix.js';
import type { Kernels } from './kernels.js';
import { shapeError } from './shapes.js';

/** The dense products of an NMF iteration on kernels K; shapes checked when `checks`. */
export function productOps(K: Kernels, checks: boolean) {
  return {
    /** C (p×q) = AᵀB for A (m×p), B (m×q): WᵀV as gemmTN(W, V, WtV). */
    gemmTN(A: Mat, B: Mat, C: Mat): void {
      if (checks && (B.rows !== A.rows || C.rows !== A.cols || C.cols !== B.cols)) {
        throw shapeError('gemmTN', 'C = AᵀB needs A m×p, B m×q, C p×q', { A, B, C });
      }
      K.gemm_tn(A.ptr, B.ptr, C.ptr, A.rows, A.cols, B.cols);
    },

    /** C (m×p) = ABᵀ for A (m×q), B (p×q): VHᵀ as gemmNT(V, H, VHt). */
    gemmNT(A: Mat, B: Mat, C: Mat): void {
      if (checks && (B.cols !== A.cols || C.rows !== A.rows || C.cols !== B.rows)) {
        throw shapeError('gemmNT', 'C = ABᵀ needs A m×q, B p×q, C m×p', { A, B, C });
      }
      K.gemm_nt(A.ptr, B.ptr, C.ptr, A.rows, A.cols, B.rows);
    },

    /** C (m×q) = AB for A (m×p), B (p×q): (WᵀW)H, W(HHᵀ), WH. */
    gemmNN(A: Mat, B: Mat, C: Mat): void {
      if (checks && (B.rows !== A.cols || C.rows !== A.rows || C.cols !== B.cols)) {
        throw shapeError('gemmNN', 'C = AB needs A m×p, B p×q, C m×q', { A, B, C });
      }
      K.gemm_nn(A.ptr, B.ptr, C.ptr, A.rows, A.cols, B.cols);
    },

    /** G (p×p) = AᵀA for A (m×p): WᵀW as gramTN(W, WtW). */
    gramTN(A: Mat, G: Mat): void {
      if (checks && (G.rows !== A.cols || G.cols !== A.cols)) {
        throw shapeError('gramTN', 'G = AᵀA needs A m×p, G p×p', { A, G });
      }
      K.gram_tn(A.ptr, G.ptr, A.rows, A.cols);
    },

    /** G (m×m) = AAᵀ for A (m×q): HHᵀ as gramNT(H, HHt). */
    gramNT(A: Mat, G: Mat): void {
      if (checks && (G.rows !== A.rows || G.cols !== A.rows)) {
        throw shapeError('gramNT', 'G = AAᵀ needs A m×q, G m×m', { A, G });
      }
      K.gram_nt(A.ptr, G.ptr, A.rows, A.cols);
    },

    /** B (c×r) = Aᵀ for A (r×c); A and B must not overlap. */
    transpose(A: Mat, B: Mat): void {
      if (checks && (B.rows !== A.cols || B.cols !== A.rows)) {
        throw shapeError('transpose', 'B = Aᵀ needs A r×c, B c×r', { A, B });
      }
      K.transpose(A.ptr, B.ptr, A.rows, A.cols);
    },
  };
}
