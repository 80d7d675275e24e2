// Typed kernels that form WH tile by tile and consume it at once (assembly/residual.ts,
// assembly/loss.ts), the display's extremes per cell (assembly/extremes.ts), and the whole-matrix
// reductions (assembly/reductions.ts). V, M, W, H follow the solvers' shapes: V (m×n), M (m×n)
// or null when every entry is observed, W (m×k), H (k×n).
import type { Mat } from '../core/matrix.js';
import type { Kernels } from './kernels.js';
import { JOB, WORK_BYTES } from './pool-parts.js';
import type { ThreadPool } from './pool.js';
import { entries, maskFits, sameShape, shapeError } from './shapes.js';

/** Whether W (m×k) and H (k×n) multiply into the shape of X (m×n). */
function fitsWH(W: Mat, H: Mat, X: Mat): boolean {
  return W.cols === H.rows && X.rows === W.rows && X.cols === H.cols;
}

/** The WH-based kernels and reductions on kernels K; shapes checked when `checks`; maskedWH, residual, klQuotient, klQuotientLoss and sqResidual split by rows over `pool`. */
export function residualOps(K: Kernels, checks: boolean, pool: ThreadPool | null = null) {
  /** Blocks of sq_block() rows a pass over W (m×k)·H (k×n) splits into over the pool; 0 to run it on this thread alone. */
  const splitBlocks = (m: number, k: number, n: number): number => {
    const blocks = Math.ceil(m / K.sq_block());
    return pool && blocks <= K.sq_max_blocks() && pool.splits(m * k * n, blocks) ? blocks : 0;
  };
  /** Σ of the `blocks` block sums at byte address p, in block order (as the one-thread kernels add them). */
  const inOrder = (p: number, blocks: number): number => {
    const sums = new Float64Array(K.memory.buffer, p, blocks);
    let total = 0;
    for (let b = 0; b < blocks; b++) total += sums[b];
    return total;
  };
  return {
    /** P (m×n) = M∘(WH) (masked mu's denominators); M null = all observed. */
    maskedWH(W: Mat, H: Mat, M: Mat | null, P: Mat): void {
      if (checks && !(fitsWH(W, H, P) && maskFits(M, P))) {
        throw shapeError('maskedWH', 'P = M∘(WH) needs W m×k, H k×n, M and P m×n', { W, H, M, P });
      }
      if (pool?.splits(W.rows * W.cols * H.cols, W.rows))
        pool.run(JOB.maskedWHRows, [W.ptr, H.ptr, M ? M.ptr : 0, P.ptr, W.rows, W.cols, H.cols], W.rows);
      else K.masked_wh(W.ptr, H.ptr, M ? M.ptr : 0, P.ptr, W.rows, W.cols, H.cols);
    },

    /** R (m×n) = M∘(V − WH), the residual of gd and masked hals; also into R's float32 copy when it has one (gd's float32 mode). */
    residual(V: Mat, M: Mat | null, W: Mat, H: Mat, R: Mat): void {
      if (checks && !(fitsWH(W, H, V) && sameShape(R, V) && maskFits(M, V))) {
        throw shapeError('residual', 'R = M∘(V − WH) needs V, M, R m×n, W m×k, H k×n', { V, M, W, H, R });
      }
      const R32 = R.f32 ? R.f32.ptr : 0;
      if (pool?.splits(W.rows * W.cols * H.cols, W.rows))
        pool.run(JOB.residualRows, [V.ptr, M ? M.ptr : 0, W.ptr, H.ptr, R.ptr, W.rows, W.cols, H.cols, R32], W.rows);
      else {
        K.residual(V.ptr, M ? M.ptr : 0, W.ptr, H.ptr, R.ptr, W.rows, W.cols, H.cols);
        if (R32) K.to_f32(R.ptr, R32, W.rows * H.cols);
      }
    },

    /** Q (m×n) = V/(WH + ε), kl's quotient (V holds 0 where missing, so Q does too). */
    klQuotient(V: Mat, W: Mat, H: Mat, Q: Mat, eps: number): void {
      if (checks && !(fitsWH(W, H, V) && sameShape(Q, V))) {
        throw shapeError('klQuotient', 'Q = V/(WH + ε) needs V, Q m×n, W m×k, H k×n', { V, W, H, Q });
      }
      if (pool?.splits(W.rows * W.cols * H.cols, W.rows))
        pool.run(JOB.klQuotientRows, [V.ptr, W.ptr, H.ptr, Q.ptr, W.rows, W.cols, H.cols], W.rows, eps);
      else K.kl_quotient(V.ptr, W.ptr, H.ptr, Q.ptr, W.rows, W.cols, H.cols, eps);
    },

    /** out (n entries) = row i of WH for W (m×k), H (k×n). */
    whRow(W: Mat, H: Mat, i: number, out: Mat): void {
      if (checks && !(W.cols === H.rows && entries(out) === H.cols && i >= 0 && i < W.rows)) {
        throw shapeError('whRow', `row ${i} of WH needs W m×k, H k×n, i < m, out of n entries`, { W, H, out });
      }
      K.wh_row(W.ptr, H.ptr, out.ptr, i, W.cols, H.cols);
    },

    /**
     * Updates ext (4 rows of `cells` cells: min WH, max WH, min V − WH, max V − WH) with rows
     * i0..i0 + P.rows − 1 of V (m×n), M (or null) and P (those rows of WH, P.rows×n), the cells
     * being blocks of br×bc entries, ⌈n/bc⌉ to a row of cells. Missing entries count for WH only.
     */
    blockExtremes(V: Mat, M: Mat | null, P: Mat, i0: number, br: number, bc: number, ext: Mat): void {
      const cols = Math.ceil(V.cols / bc);
      const cells = Math.ceil(V.rows / br) * cols;
      if (checks && !(P.cols === V.cols && i0 >= 0 && i0 + P.rows <= V.rows && maskFits(M, V) && ext.rows === 4 && ext.cols === cells)) {
        throw shapeError('blockExtremes', 'needs V, M m×n, P rows i0.. of WH (≤ m − i0 rows, n columns), ext 4×cells', { V, M, P, ext });
      }
      K.block_extremes(V.ptr, M ? M.ptr : 0, P.ptr, i0, i0 + P.rows, V.cols, br, bc, cols, ext.ptr, cells);
    },

    /** ‖M∘(V − WH)‖²_F, its blocks of rows split over the pool (the same sum for any thread count). */
    sqResidual(V: Mat, M: Mat | null, W: Mat, H: Mat): number {
      if (checks && !(fitsWH(W, H, V) && maskFits(M, V))) {
        throw shapeError('sqResidual', '‖M∘(V − WH)‖² needs V, M m×n, W m×k, H k×n', { V, M, W, H });
      }
      const [m, k, n] = [W.rows, W.cols, H.cols];
      const blocks = splitBlocks(m, k, n);
      if (!blocks) return K.sq_residual(V.ptr, M ? M.ptr : 0, W.ptr, H.ptr, m, k, n, 0);
      pool!.run(JOB.sqResidualBlocks, [V.ptr, M ? M.ptr : 0, W.ptr, H.ptr, m, k, n], blocks);
      return inOrder(K.sq_sums(), blocks);
    },

    /** Generalized KL divergence Σ_observed V log(V/WH) − V + WH; scratch holds ≥ n entries (one row of WH). */
    klDivergence(V: Mat, M: Mat | null, W: Mat, H: Mat, scratch: Mat): number {
      if (checks && !(fitsWH(W, H, V) && maskFits(M, V) && entries(scratch) >= H.cols)) {
        throw shapeError('klDivergence', 'D(V‖WH) needs V, M m×n, W m×k, H k×n, scratch of ≥ n entries', { V, M, W, H, scratch });
      }
      return K.kl_divergence(V.ptr, M ? M.ptr : 0, W.ptr, H.ptr, W.rows, W.cols, H.cols, scratch.ptr);
    },

    /**
     * kl's pass after an iteration, one sweep over WH: Q (m×n) = V/(WH + ε) for the next H step,
     * out (2 entries) = [the KL divergence, ‖M∘(V − WH)‖²_F], each bit for bit as klDivergence
     * and sqResidual give them; scratch holds ≥ n entries. Split over the pool by blocks of rows
     * (n ≤ 8192: a worker's workspace holds its row of WH), the blocks' sums added in order.
     */
    klQuotientLoss(V: Mat, M: Mat | null, W: Mat, H: Mat, Q: Mat, out: Mat, eps: number, scratch: Mat): void {
      if (checks && !(fitsWH(W, H, V) && maskFits(M, V) && sameShape(Q, V) && entries(out) === 2 && entries(scratch) >= H.cols)) {
        throw shapeError('klQuotientLoss', 'needs V, M, Q m×n, W m×k, H k×n, out of 2 entries, scratch of ≥ n entries', {
          V,
          M,
          W,
          H,
          Q,
          out,
          scratch,
        });
      }
      const [m, k, n] = [W.rows, W.cols, H.cols];
      // a worker's workspace holds its scratch row of WH
      const blocks = n * 8 <= WORK_BYTES ? splitBlocks(m, k, n) : 0;
      if (!blocks) {
        K.kl_quotient_loss(V.ptr, M ? M.ptr : 0, W.ptr, H.ptr, Q.ptr, out.ptr, m, k, n, eps, scratch.ptr);
        return;
      }
      pool!.run(JOB.klQuotientLossBlocks, [V.ptr, M ? M.ptr : 0, W.ptr, H.ptr, Q.ptr, m, k, n, scratch.ptr], blocks, eps);
      new Float64Array(K.memory.buffer, out.ptr, 2).set([inOrder(K.kl_sums(), blocks), inOrder(K.sq_sums(), blocks)]);
    },

    /** Σ of A's entries in storage order (a fixed order, so the same sum for any thread count). */
    sum(A: Mat): number {
      const a = new Float64Array(K.memory.buffer, A.ptr, A.rows * A.cols);
      let s = 0;
      for (let i = 0; i < a.length; i++) s += a[i];
      return s;
    },

    /** Σ A[t]·B[t] over all entries of two matrices of one shape: tr(AᵀB). */
    dot(A: Mat, B: Mat): number {
      if (checks && !sameShape(A, B)) throw shapeError('dot', 'tr(AᵀB) needs A and B of one shape', { A, B });
      return K.dot(A.ptr, B.ptr, entries(A));
    },

    /** Whether any entry of X is NaN or ±Inf. */
    hasNonfinite(X: Mat): boolean {
      return K.has_nonfinite(X.ptr, entries(X)) !== 0;
    },

    /** out (p entries) = column sums of A (m×p). */
    colSums(A: Mat, out: Mat): void {
      if (checks && entries(out) !== A.cols) throw shapeError('colSums', 'column sums of A m×p need out of p entries', { A, out });
      K.col_sums(A.ptr, out.ptr, A.rows, A.cols);
    },

    /** out (m entries) = row sums of A (m×q). */
    rowSums(A: Mat, out: Mat): void {
      if (checks && entries(out) !== A.rows) throw shapeError('rowSums', 'row sums of A m×q need out of m entries', { A, out });
      K.row_sums(A.ptr, out.ptr, A.rows, A.cols);
    },
  };
}
