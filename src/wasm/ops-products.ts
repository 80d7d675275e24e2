// Typed dense products over assembly/products.ts and assembly/transpose.ts: matrices in,
// shapes checked (see shapes.ts), the output written in place.
import type { Float32Copy, Mat } from '../core/matrix.js';
import type { Block } from './engine.js';
import type { Kernels } from './kernels.js';
import { JOB } from './pool-parts.js';
import type { ThreadPool } from './pool.js';
import { shapeError } from './shapes.js';

/** Whether lo..hi−1 is a range within 0..n. */
function inRange(lo: number, hi: number, n: number): boolean {
  return Number.isInteger(lo) && Number.isInteger(hi) && 0 <= lo && lo <= hi && hi <= n;
}

/**
 * The dense products of an NMF iteration on kernels K; shapes checked when `checks`; gemmTN,
 * gemmNT and gemmNN split by C's columns or rows over `pool`'s threads when big enough. WᵀV
 * and VHᵀ with a V that carries a float32 copy (Mat.f32) run in float32 (assembly/products-f32.ts).
 */
export function productOps(K: Kernels, checks: boolean, pool: ThreadPool | null = null) {
  /** The float32 mode's WᵀV: A (m×p) converted into B's scratch, then C = AᵀB with B's f32 copy (C stays f64). */
  function gemmTN32(A: Mat, B: Mat, B32: Float32Copy, C: Mat): void {
    const need = A.rows * A.cols + 3; // the last tile reads 3 entries past A (assembly/products-f32.ts)
    if (checks && B32.scratchLen < need)
      throw shapeError('gemmTN', `the float32 scratch holds ${B32.scratchLen} entries, A needs ${need}`, { A, B });
    K.to_f32(A.ptr, B32.scratch, A.rows * A.cols);
    const args = [B32.scratch, B32.ptr, C.ptr, A.rows, A.cols, B.cols];
    if (pool?.splits(A.rows * A.cols * B.cols, B.cols)) pool.run(JOB.gemmTNColsF32, args, B.cols);
    else K.gemm_tn_f32_cols(B32.scratch, B32.ptr, C.ptr, A.rows, A.cols, B.cols, 0, B.cols);
  }

  /** The float32 mode's VHᵀ: B (p×q) converted into A's scratch, then C = ABᵀ with A's f32 copy (C stays f64). */
  function gemmNT32(A: Mat, A32: Float32Copy, B: Mat, C: Mat): void {
    const need = (B.rows + 3) * B.cols; // the last tile reads 3 rows past B (assembly/products-f32.ts)
    if (checks && A32.scratchLen < need)
      throw shapeError('gemmNT', `the float32 scratch holds ${A32.scratchLen} entries, B needs ${need}`, { A, B });
    K.to_f32(B.ptr, A32.scratch, B.rows * B.cols);
    const args = [A32.ptr, A32.scratch, C.ptr, A.rows, A.cols, B.rows];
    if (pool?.splits(A.rows * A.cols * B.rows, A.rows)) pool.run(JOB.gemmNTRowsF32, args, A.rows);
    else K.gemm_nt_f32_rows(A32.ptr, A32.scratch, C.ptr, A.rows, A.cols, B.rows, 0, A.rows);
  }

  return {
    /** C (p×q) = AᵀB for A (m×p), B (m×q): WᵀV as gemmTN(W, V, WtV). */
    gemmTN(A: Mat, B: Mat, C: Mat): void {
      if (checks && (B.rows !== A.rows || C.rows !== A.cols || C.cols !== B.cols)) {
        throw shapeError('gemmTN', 'C = AᵀB needs A m×p, B m×q, C p×q', { A, B, C });
      }
      if (B.f32) return gemmTN32(A, B, B.f32, C);
      if (pool?.splits(A.rows * A.cols * B.cols, B.cols)) pool.run(JOB.gemmTNCols, [A.ptr, B.ptr, C.ptr, A.rows, A.cols, B.cols], B.cols);
      else K.gemm_tn(A.ptr, B.ptr, C.ptr, A.rows, A.cols, B.cols);
    },

    /** C (m×p) = ABᵀ for A (m×q), B (p×q): VHᵀ as gemmNT(V, H, VHt). */
    gemmNT(A: Mat, B: Mat, C: Mat): void {
      if (checks && (B.cols !== A.cols || C.rows !== A.rows || C.cols !== B.rows)) {
        throw shapeError('gemmNT', 'C = ABᵀ needs A m×q, B p×q, C m×p', { A, B, C });
      }
      if (A.f32) return gemmNT32(A, A.f32, B, C);
      if (pool?.splits(A.rows * A.cols * B.rows, A.rows)) pool.run(JOB.gemmNTRows, [A.ptr, B.ptr, C.ptr, A.rows, A.cols, B.rows], A.rows);
      else K.gemm_nt(A.ptr, B.ptr, C.ptr, A.rows, A.cols, B.rows);
    },

    /**
     * Columns col0..col1−1 of C = AᵀB (shapes as gemmTN), bit for bit as gemmTN computes them:
     * the pieces of a split of C's columns (one per thread) make exactly gemmTN's C.
     */
    gemmTNCols(A: Mat, B: Mat, C: Mat, col0: number, col1: number): void {
      if (checks && (B.rows !== A.rows || C.rows !== A.cols || C.cols !== B.cols || !inRange(col0, col1, C.cols))) {
        throw shapeError('gemmTNCols', `columns ${col0}..${col1} of C = AᵀB need A m×p, B m×q, C p×q, 0 ≤ col0 ≤ col1 ≤ q`, { A, B, C });
      }
      K.gemm_tn_cols(A.ptr, B.ptr, C.ptr, A.rows, A.cols, B.cols, col0, col1);
    },

    /**
     * Rows row0..row1−1 of C = ABᵀ (shapes as gemmNT), bit for bit as gemmNT computes them. B is
     * packed into `work` (one per concurrent caller; ≥ gemmNTWorkBytes(B) bytes packs it at once)
     * or, when null, into the module's own buffer.
     */
    gemmNTRows(A: Mat, B: Mat, C: Mat, row0: number, row1: number, work: Block | null = null): void {
      if (checks && (B.cols !== A.cols || C.rows !== A.rows || C.cols !== B.rows || !inRange(row0, row1, C.rows))) {
        throw shapeError('gemmNTRows', `rows ${row0}..${row1} of C = ABᵀ need A m×q, B p×q, C m×p, 0 ≤ row0 ≤ row1 ≤ m`, { A, B, C });
      }
      if (checks && work && work.bytes < K.gemm_nt_work_bytes(1, 1)) {
        throw shapeError('gemmNTRows', `work needs at least ${K.gemm_nt_work_bytes(1, 1)} bytes`, { work });
      }
      K.gemm_nt_rows(A.ptr, B.ptr, C.ptr, A.rows, A.cols, B.rows, row0, row1, work ? work.ptr : 0, work ? work.bytes : 0);
    },

    /** Bytes of packing workspace with which gemmNTRows packs all of B (p×q) at once. */
    gemmNTWorkBytes(B: Mat): number {
      return K.gemm_nt_work_bytes(B.rows, B.cols);
    },

    /** C (m×q) = AB for A (m×p), B (p×q): (WᵀW)H, W(HHᵀ), WH. */
    gemmNN(A: Mat, B: Mat, C: Mat): void {
      if (checks && (B.rows !== A.cols || C.rows !== A.rows || C.cols !== B.cols)) {
        throw shapeError('gemmNN', 'C = AB needs A m×p, B p×q, C m×q', { A, B, C });
      }
      if (pool?.splits(A.rows * A.cols * B.cols, A.rows)) pool.run(JOB.gemmNNRows, [A.ptr, B.ptr, C.ptr, A.rows, A.cols, B.cols], A.rows);
      else K.gemm_nn(A.ptr, B.ptr, C.ptr, A.rows, A.cols, B.cols);
    },

    /**
     * Rows row0..row1−1 of C = AB (shapes as gemmNN), bit for bit as gemmNN computes them. Rows
     * of A are packed into `work` (one per concurrent caller) or, when null, the module's own buffer.
     */
    gemmNNRows(A: Mat, B: Mat, C: Mat, row0: number, row1: number, work: Block | null = null): void {
      if (checks && (B.rows !== A.cols || C.rows !== A.rows || C.cols !== B.cols || !inRange(row0, row1, C.rows))) {
        throw shapeError('gemmNNRows', `rows ${row0}..${row1} of C = AB need A m×p, B p×q, C m×q, 0 ≤ row0 ≤ row1 ≤ m`, { A, B, C });
      }
      K.gemm_nn_rows(A.ptr, B.ptr, C.ptr, A.rows, A.cols, B.cols, row0, row1, work ? work.ptr : 0, work ? work.bytes : 0);
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
