// Typed k×k solves of als and anls (assembly/linalg-cholesky.ts, linalg-nnls.ts,
// linalg-masked-ls.ts). Each solves many normal equations G x = b at once: the columns of a
// k×n right-hand side (the H step, b = column j of WᵀV) or the rows of an m×k one (the W step,
// b = row i of VHᵀ).
import type { Mat } from '../core/matrix.js';
import type { Block } from './engine.js';
import type { Kernels } from './kernels.js';
import { maskedGatherOffset } from './pool-jobs.js';
import { JOB, MASKED_BYTES } from './pool-parts.js';
import type { ThreadPool } from './pool.js';
import { sameShape, shapeError } from './shapes.js';

/** Index lists over the vectors of a masked solve (built by src/solvers/als-mask.ts), in i32 blocks. */
export interface IndexLists {
  /** Number of vectors. */
  readonly count: number;
  /** count + 1 offsets into idx. */
  readonly ptr: number;
  readonly idx: number;
  /** Per vector: 1 when its list holds the missing indices, 0 when the observed ones. */
  readonly mode: number;
  /** Length of the longest list (sizes the gather buffer). */
  readonly longest: number;
  /**
   * The values of V at the listed entries (f64, idx's order; every mode 0), or absent: when
   * given, a masked solve sums its right-hand sides from them and writes them into B.
   */
  readonly vals?: number;
}

/** Where a masked solve keeps its state: nnls work (nnlsWorkBytes), the gather buffer (gatherBytes). */
export interface MaskedWork {
  readonly work: Block;
  readonly T: Block;
}

/** The k×k solves on kernels K; shapes checked when `checks`; Cholesky and NNLS batches and masked solves split by vectors over `pool`. */
export function linalgOps(K: Kernels, checks: boolean, pool: ThreadPool | null = null) {
  const square = (G: Mat, k: number) => G.rows === k && G.cols === k;
  /** Strides of vector j and entry a of the vectors of X: columns of a k×n X, or rows of an m×k one. */
  const along = (X: Mat, cols: boolean) => (cols ? { count: X.cols, vs: 1, es: X.cols } : { count: X.rows, vs: X.cols, es: 1 });

  const cholSolve = (op: string, cols: boolean, L: Mat, B: Mat, X: Mat, work: Block, clip: boolean): void => {
    const k = cols ? X.rows : X.cols;
    if (checks && !(square(L, k) && sameShape(B, X) && work.bytes >= 8 * k)) {
      throw shapeError(op, `${cols ? 'B, X k×n' : 'B, X m×k'} need L k×k and work of ≥ 8k bytes`, { L, B, X, work });
    }
    const { count, vs, es } = along(X, cols);
    const args = [L.ptr, B.ptr, X.ptr, k, count, vs, es, clip ? 1 : 0, work.ptr] as const;
    // each vector is two triangular solves, ~2k² multiply-adds, on its own: split by vectors, bit for bit
    if (pool?.splits(count * k * k, count)) pool.run(JOB.cholSolve, args, count);
    else K.chol_solve(...args);
  };

  const nnlsBatch = (op: string, cols: boolean, G: Mat, B: Mat, X: Mat, work: Block): number => {
    const k = cols ? X.rows : X.cols;
    if (checks && !(square(G, k) && sameShape(B, X) && work.bytes >= K.nnls_work_bytes(k))) {
      throw shapeError(op, `${cols ? 'B, X k×n' : 'B, X m×k'} need G k×k and work of nnlsWorkBytes(k)`, { G, B, X, work });
    }
    const { count, vs, es } = along(X, cols);
    const args = [G.ptr, B.ptr, X.ptr, k, count, vs, es, work.ptr] as const;
    // each vector's active set costs about k³ (a few Cholesky factors of the passive set); consecutive
    // vectors share factors, which a part boundary only recomputes, bit for bit
    if (K.nnls_work_bytes(k) <= MASKED_BYTES && pool?.splits(count * k ** 3, count)) return pool.run(JOB.nnlsBatch, args, count);
    return K.nnls_batch(...args);
  };

  const maskedSolve = (
    op: string,
    cols: boolean,
    F: Mat,
    Base: Mat,
    B: Mat,
    X: Mat,
    lists: IndexLists,
    nonneg: boolean,
    ws: MaskedWork,
    Q: Mat | null,
  ): number => {
    const k = cols ? X.rows : X.cols;
    const { count, vs, es } = along(X, cols);
    if (
      checks &&
      !(
        F.cols === k &&
        square(Base, k) &&
        sameShape(B, X) &&
        lists.count === count &&
        ws.work.bytes >= K.nnls_work_bytes(k) &&
        ws.T.bytes >= K.gather_bytes(k, lists.longest) &&
        (Q === null || Q.rows * Q.cols === count)
      )
    ) {
      const rule = cols
        ? 'B, X k×n need F r×k, Base k×k and lists over the n columns'
        : 'B, X m×k need F r×k, Base k×k and lists over the m rows';
      throw shapeError(op, `${rule} (work nnlsWorkBytes(k), T gatherBytes(k, longest), Q 1×count)`, {
        F,
        Base,
        B,
        X,
        work: ws.work,
        T: ws.T,
        Q,
      });
    }
    const Qp = Q ? Q.ptr : 0;
    const args = [F.ptr, Base.ptr, B.ptr, X.ptr, lists.ptr, lists.idx, lists.mode, count, k, vs, es, nonneg ? 1 : 0] as const;
    // a worker's gather buffer must hold the longest list; beyond, the solve stays on this thread
    const fits = maskedGatherOffset(K, k) + K.gather_bytes(k, lists.longest) <= MASKED_BYTES;
    const entries = new Int32Array(K.memory.buffer, lists.ptr + 4 * count, 1)[0];
    const work = entries * k * k + count * k ** 3; // the Grams' and the solves' multiply-adds
    const vals = lists.vals ?? 0;
    if (fits && pool?.splits(work, count)) return pool.run(JOB.maskedLs, [...args, Qp, ws.work.ptr, ws.T.ptr, vals], count);
    return K.masked_ls(...args, ws.work.ptr, ws.T.ptr, Qp, vals);
  };

  return {
    /**
     * L (k×k, lower) = robust Cholesky factor of the Gram G (k×k, lower triangle read), of G + δI
     * when G is singular. Returns 0, the ridge δ added, or −1 when L was set to I.
     */
    cholFactor(G: Mat, L: Mat): number {
      if (checks && !(square(G, G.rows) && sameShape(L, G))) throw shapeError('cholFactor', 'needs G and L k×k', { G, L });
      return K.chol_factor(G.ptr, L.ptr, G.rows);
    },

    /** Each column j of X (k×n) ← (LLᵀ)⁻¹ B[:, j] (B k×n, may be X), then max(0, ·) when `clip`; work ≥ 8k bytes. */
    cholSolveCols(L: Mat, B: Mat, X: Mat, work: Block, clip = true): void {
      cholSolve('cholSolveCols', true, L, B, X, work, clip);
    },

    /** Each row i of X (m×k) ← (LLᵀ)⁻¹ B[i, :]ᵀ (B m×k, may be X), then max(0, ·) when `clip`; work ≥ 8k bytes. */
    cholSolveRows(L: Mat, B: Mat, X: Mat, work: Block, clip = true): void {
      cholSolve('cholSolveRows', false, L, B, X, work, clip);
    },

    /** Bytes of work the NNLS and masked solves need at rank k. */
    nnlsWorkBytes(k: number): number {
      return K.nnls_work_bytes(k);
    },

    /** Each column j of X (k×n) ← argmin_{x ≥ 0} ½xᵀGx − B[:, j]ᵀx, warm-started from X; G k×k. Returns how many hit the iteration cap. */
    nnlsCols(G: Mat, B: Mat, X: Mat, work: Block): number {
      return nnlsBatch('nnlsCols', true, G, B, X, work);
    },

    /** Each row i of X (m×k) ← argmin_{x ≥ 0} ½xᵀGx − B[i, :]x, warm-started from X; G k×k. Returns how many hit the iteration cap. */
    nnlsRows(G: Mat, B: Mat, X: Mat, work: Block): number {
      return nnlsBatch('nnlsRows', false, G, B, X, work);
    },

    /** Bytes of the gather buffer of a masked solve at rank k whose longest index list has maxLen entries. */
    gatherBytes(k: number, maxLen: number): number {
      return K.gather_bytes(k, maxLen);
    },

    /**
     * H step with missing entries: each column j of X (k×n) solved from the Gram of F's rows
     * (F = W, m×k) observed in column j (built from Base = WᵀW and `lists`) and B[:, j] (WᵀV);
     * NNLS warm-started when `nonneg`, else clipped. Q (1×n) or null receives x_jᵀG_jx_j per column.
     * With lists.vals, B is written (WᵀV over the listed entries) instead of read.
     * Returns how many NNLS problems hit their iteration cap.
     */
    maskedSolveCols(F: Mat, Base: Mat, B: Mat, X: Mat, lists: IndexLists, nonneg: boolean, ws: MaskedWork, Q: Mat | null = null): number {
      return maskedSolve('maskedSolveCols', true, F, Base, B, X, lists, nonneg, ws, Q);
    },

    /**
     * W step with missing entries: each row i of X (m×k) solved from the Gram of F's rows
     * (F = Hᵀ, n×k) observed in row i (from Base = HHᵀ and `lists`) and B[i, :] (VHᵀ); Q (1×m)
     * or null receives w_iᵀG_iw_i per row, whose sum (ops.sum) is ‖M∘(WH)‖²_F of the new W.
     * With lists.vals, B is written (VHᵀ over the listed entries) instead of read.
     */
    maskedSolveRows(F: Mat, Base: Mat, B: Mat, X: Mat, lists: IndexLists, nonneg: boolean, ws: MaskedWork, Q: Mat | null = null): number {
      return maskedSolve('maskedSolveRows', false, F, Base, B, X, lists, nonneg, ws, Q);
    },
  };
}
