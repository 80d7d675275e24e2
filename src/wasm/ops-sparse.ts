// Typed ops over the observed entries of a sparse V (assembly/sparse.ts), O(nnz·k) each. A
// Compressed (src/core/sparse-problem.ts) is V by rows (m vectors) or by columns (n vectors);
// per-entry values (V's, WH's, a residual's) are 1×nnz matrices in that form's order.
import type { Mat } from '../core/matrix.js';
import type { Compressed } from '../core/sparse-problem.js';
import type { Kernels } from './kernels.js';
import { JOB } from './pool-parts.js';
import type { ThreadPool } from './pool.js';
import { shapeError } from './shapes.js';

/**
 * The sparse ops on kernels K; shapes checked when `checks`; the products split by vectors over
 * `pool` (each vector's outputs are computed as on one thread).
 */
export function sparseOps(K: Kernels, checks: boolean, pool: ThreadPool | null = null) {
  /** Whether S's vectors are worth splitting for work of `perEntry` multiply-adds per entry. */
  const splits = (S: Compressed, perEntry: number) => pool?.splits(nnzOf(K, S) * perEntry, S.count) === true;
  return {
    /**
     * out (count×k) = S·B with S's values `vals` (1×nnz, S's order): S = V by rows and B = Hᵀ (n×k)
     * give VHᵀ (m×k); by columns with B = W (m×k), (WᵀV)ᵀ (n×k).
     */
    sparseTimes(S: Compressed, vals: Mat | null, B: Mat, out: Mat): void {
      if (checks && !(out.rows === S.count && out.cols === B.cols && (vals === null || vals.rows * vals.cols === nnzOf(K, S)))) {
        throw shapeError('sparseTimes', 'out = S·B needs out count×k, B ·×k and vals 1×nnz', { vals, B, out });
      }
      const args = [S.ptr, S.idx, vals ? vals.ptr : S.vals, S.count, B.ptr, B.cols, out.ptr] as const;
      if (splits(S, B.cols)) pool!.run(JOB.sparseTimes, args, S.count);
      else K.sparse_times(...args);
    },
    /** out (1×nnz, S's order) = WH at S's entries: A[v,:]·B[idx,:] (by rows A = W, B = Hᵀ; by columns A = Hᵀ, B = W). */
    sparseSample(S: Compressed, A: Mat, B: Mat, out: Mat): void {
      if (checks && !(A.rows === S.count && A.cols === B.cols && out.rows * out.cols === nnzOf(K, S))) {
        throw shapeError('sparseSample', 'out = (ABᵀ) at the entries needs A count×k, B ·×k, out 1×nnz', { A, B, out });
      }
      const args = [S.ptr, S.idx, S.count, A.ptr, B.ptr, A.cols, out.ptr] as const;
      if (splits(S, A.cols)) pool!.run(JOB.sparseSample, args, S.count);
      else K.sparse_sample(...args);
    },
    /**
     * num = S·B and den = (M∘ABᵀ)·B (count×k each) in one pass: by columns with A = Hᵀ, B = W,
     * (WᵀV)ᵀ and (Wᵀ(M∘WH))ᵀ; by rows with A = W, B = Hᵀ, VHᵀ and (M∘WH)Hᵀ (mu's two sides).
     * P (1×nnz) is scratch: it is left holding ABᵀ at the entries, in S's order.
     */
    sparseMuPass(S: Compressed, A: Mat, B: Mat, num: Mat, den: Mat, P: Mat): void {
      const fits = (X: Mat) => X.rows === S.count && X.cols === B.cols;
      if (checks && !(A.rows === S.count && A.cols === B.cols && fits(num) && fits(den) && P.rows * P.cols === nnzOf(K, S))) {
        throw shapeError('sparseMuPass', 'needs A, num, den count×k, B ·×k and P 1×nnz', { A, B, num, den, P });
      }
      const args = [S.ptr, S.idx, S.vals, S.count, A.ptr, B.ptr, B.cols, num.ptr, den.ptr, P.ptr] as const;
      if (splits(S, 3 * B.cols)) pool!.run(JOB.sparseMuPass, args, S.count);
      else K.sparse_mu_pass(...args);
    },
    /** ‖M∘(V − WH)‖² over S's entries in one pass, A[v,:]·B[idx,:] the model (by rows A = W, B = Hᵀ). */
    sparseSqResidualOf(S: Compressed, A: Mat, B: Mat): number {
      if (checks && !(A.rows === S.count && A.cols === B.cols)) throw shapeError('sparseSqResidualOf', 'needs A count×k, B ·×k', { A, B });
      return K.sparse_sq_residual(S.ptr, S.idx, S.vals, S.count, A.ptr, B.ptr, B.cols);
    },
    /** dst[t] = src[perm[t]] (1×nnz each): values in CSR order into CSC order. */
    gatherValues(src: Mat, perm: number, dst: Mat): void {
      const nnz = src.rows * src.cols;
      if (checks && dst.rows * dst.cols !== nnz) throw shapeError('gatherValues', 'dst and src need the same length', { src, dst });
      K.gather_f64(src.ptr, perm, nnz, dst.ptr);
    },
    /** dst[perm[t]] = src[t] (1×nnz each): values in CSC order back into CSR order. */
    scatterValues(src: Mat, perm: number, dst: Mat): void {
      const nnz = src.rows * src.cols;
      if (checks && dst.rows * dst.cols !== nnz) throw shapeError('scatterValues', 'dst and src need the same length', { src, dst });
      K.scatter_f64(src.ptr, perm, nnz, dst.ptr);
    },
    /** HALS sweep of H's rows (H k×n) over V by columns (`cols`), W (m×k), R (1×nnz, CSC order) = V − WH at the entries, kept so. */
    halsSparseRows(cols: Compressed, W: Mat, H: Mat, R: Mat): void {
      if (checks && !(H.cols === cols.count && W.cols === H.rows && R.rows * R.cols === nnzOf(K, cols))) {
        throw shapeError('halsSparseRows', 'needs H k×n over the n columns, W m×k, R 1×nnz', { W, H, R });
      }
      const args = [cols.ptr, cols.idx, cols.count, R.ptr, W.ptr, H.ptr, H.rows] as const;
      if (splits(cols, 4 * H.rows)) pool!.run(JOB.halsSparseH, args, cols.count);
      else K.hals_sparse_h(...args, 0, cols.count);
    },
    /** HALS sweep of W's columns (W m×k) over V by rows (`rows`), H (k×n), R (1×nnz, CSR order) = V − WH at the entries, kept so. */
    halsSparseCols(rows: Compressed, W: Mat, H: Mat, R: Mat): void {
      if (checks && !(W.rows === rows.count && W.cols === H.rows && R.rows * R.cols === nnzOf(K, rows))) {
        throw shapeError('halsSparseCols', 'needs W m×k over the m rows, H k×n, R 1×nnz', { W, H, R });
      }
      const args = [rows.ptr, rows.idx, rows.count, R.ptr, W.ptr, H.ptr, H.rows, H.cols] as const;
      if (splits(rows, 4 * H.rows)) pool!.run(JOB.halsSparseW, args, rows.count);
      else K.hals_sparse_w(...args, 0, rows.count);
    },
    /** Σ (V − P)² over the entries, V's values at `vals` (S's order) and P (1×nnz) in the same order. */
    sparseSqResidual(S: Compressed, P: Mat): number {
      if (checks && P.rows * P.cols !== nnzOf(K, S)) throw shapeError('sparseSqResidual', 'P needs 1×nnz', { P });
      return K.sq_diff_sum(S.vals, P.ptr, P.rows * P.cols);
    },
    /** R (1×nnz) = V − P at the entries, same order as S (R may be P). */
    sparseResidual(S: Compressed, P: Mat, R: Mat): void {
      const nnz = P.rows * P.cols;
      if (checks && !(nnz === nnzOf(K, S) && R.rows * R.cols === nnz)) throw shapeError('sparseResidual', 'P, R need 1×nnz', { P, R });
      K.sub_f64(S.vals, P.ptr, nnz, R.ptr);
    },
  };
}

/** Number of entries of S (its last offset). */
function nnzOf(K: Kernels, S: Compressed): number {
  return new Int32Array(K.memory.buffer, S.ptr + 4 * S.count, 1)[0];
}
