// Typed in-place updates of the factors: multiplicative (mu, kl), gradient (gd), HALS sweeps
// (assembly/updates.ts, hals.ts, hals-masked.ts) and one SGD epoch (assembly/sgd.ts).
import type { Mat } from '../core/matrix.js';
import type { Kernels } from './kernels.js';
import { JOB } from './pool-parts.js';
import type { ThreadPool } from './pool.js';
import { entries, maskFits, sameShape, shapeError } from './shapes.js';

/**
 * Multiply-adds of a full HALS sweep (k²·n for H, k²·m for W) from which it is split over the pool:
 * below, handing the job to a second thread cost more than it saved (2000×1000, k = 20, ms per
 * sweep on 2 threads, before and after splitting: H 0.17–0.20 → 0.29–0.60, W 0.35–0.38 → 0.49–0.75);
 * at k = 64 the W sweep went 3.1 → 1.8–2.5.
 */
const SWEEP_SPLIT_WORK = 1 << 21;

/** The factor updates on kernels K; shapes checked when `checks`; the full HALS sweeps split over `pool`'s threads when big enough (SWEEP_SPLIT_WORK). */
export function updateOps(K: Kernels, checks: boolean, pool: ThreadPool | null = null) {
  return {
    /** X ← X∘Num/(Den + ε), all three of one shape (H with WᵀV and (WᵀW)H, or W with VHᵀ and W(HHᵀ)). */
    muUpdate(X: Mat, Num: Mat, Den: Mat, eps: number): void {
      if (checks && !(sameShape(Num, X) && sameShape(Den, X))) {
        throw shapeError('muUpdate', 'X ← X∘Num/(Den + ε) needs X, Num, Den of one shape', { X, Num, Den });
      }
      K.mu_update(X.ptr, Num.ptr, Den.ptr, entries(X), eps);
    },

    /** X[r,c] ← X[r,c]·Num[r,c]/(d[r] + ε) for X, Num (r×c), d of r entries (kl's H step: d = column sums of W). */
    muUpdateRowDen(X: Mat, Num: Mat, d: Mat, eps: number): void {
      if (checks && !(sameShape(Num, X) && entries(d) === X.rows)) {
        throw shapeError('muUpdateRowDen', 'X ← X∘Num/(d + ε) by rows needs X, Num r×c and d of r entries', { X, Num, d });
      }
      K.mu_update_rowden(X.ptr, Num.ptr, d.ptr, X.rows, X.cols, eps);
    },

    /** X[r,c] ← X[r,c]·Num[r,c]/(d[c] + ε) for X, Num (r×c), d of c entries (kl's W step: d = row sums of H). */
    muUpdateColDen(X: Mat, Num: Mat, d: Mat, eps: number): void {
      if (checks && !(sameShape(Num, X) && entries(d) === X.cols)) {
        throw shapeError('muUpdateColDen', 'X ← X∘Num/(d + ε) by columns needs X, Num r×c and d of c entries', { X, Num, d });
      }
      K.mu_update_colden(X.ptr, Num.ptr, d.ptr, X.rows, X.cols, eps);
    },

    /** X ← X + η(G − λX), then max(0, ·) when `project`; G of X's shape (gd's step). */
    gdStep(X: Mat, G: Mat, lr: number, l2: number, project: boolean): void {
      if (checks && !sameShape(G, X)) throw shapeError('gdStep', 'X ← X + η(G − λX) needs X and G of one shape', { X, G });
      K.gd_update(X.ptr, G.ptr, entries(X), lr, l2, project ? 1 : 0);
    },

    /** One HALS sweep over the rows of H (k×n) from WtV (k×n) and WtW (k×k). */
    halsRows(H: Mat, WtV: Mat, WtW: Mat): void {
      if (checks && !(sameShape(WtV, H) && WtW.rows === H.rows && WtW.cols === H.rows)) {
        throw shapeError('halsRows', 'the rows of H need H, WtV k×n and WtW k×k', { H, WtV, WtW });
      }
      const [k, n] = [H.rows, H.cols];
      if (pool?.splits(k * k * n, n, SWEEP_SPLIT_WORK)) pool.run(JOB.halsRowsCols, [H.ptr, WtV.ptr, WtW.ptr, k, n], n);
      else K.hals_rows(H.ptr, WtV.ptr, WtW.ptr, k, n);
    },

    /** One HALS sweep over the columns of W (m×k) from VHt (m×k) and HHt (k×k). */
    halsCols(W: Mat, VHt: Mat, HHt: Mat): void {
      if (checks && !(sameShape(VHt, W) && HHt.rows === W.cols && HHt.cols === W.cols)) {
        throw shapeError('halsCols', 'the columns of W need W, VHt m×k and HHt k×k', { W, VHt, HHt });
      }
      const [m, k] = [W.rows, W.cols];
      if (pool?.splits(k * k * m, m, SWEEP_SPLIT_WORK)) pool.run(JOB.halsColsRows, [W.ptr, VHt.ptr, HHt.ptr, m, k], m);
      else K.hals_cols(W.ptr, VHt.ptr, HHt.ptr, m, k);
    },

    /**
     * One HALS sweep over the rows of H (k×n) on the residual R = M∘(V − WH) (m×n), kept up to
     * date; W (m×k), M (m×n) or null, scratch of ≥ 3n entries (used on one thread; split by
     * columns of H over the pool, each thread's workspace is its scratch).
     */
    halsRowsMasked(H: Mat, W: Mat, M: Mat | null, R: Mat, scratch: Mat): void {
      if (checks && !(W.cols === H.rows && R.rows === W.rows && R.cols === H.cols && maskFits(M, R) && entries(scratch) >= 3 * H.cols)) {
        throw shapeError('halsRowsMasked', 'the rows of H need H k×n, W m×k, M and R m×n, scratch of ≥ 3n entries', {
          H,
          W,
          M,
          R,
          scratch,
        });
      }
      const [m, k, n] = [W.rows, W.cols, H.cols];
      if (pool?.splits(m * k * n, n)) pool.run(JOB.halsMaskedCols, [H.ptr, W.ptr, M ? M.ptr : 0, R.ptr, m, k, n], n);
      else K.hals_rows_masked(H.ptr, W.ptr, M ? M.ptr : 0, R.ptr, scratch.ptr, m, k, n);
    },

    /** One HALS sweep over the columns of W (m×k) on the residual R = M∘(V − WH) (m×n), kept up to date; H (k×n); split by rows of W over the pool. */
    halsColsMasked(W: Mat, H: Mat, M: Mat | null, R: Mat): void {
      if (checks && !(W.cols === H.rows && R.rows === W.rows && R.cols === H.cols && maskFits(M, R))) {
        throw shapeError('halsColsMasked', 'the columns of W need W m×k, H k×n, M and R m×n', { W, H, M, R });
      }
      const [m, k, n] = [W.rows, W.cols, H.cols];
      if (pool?.splits(m * k * n, m)) pool.run(JOB.halsMaskedRows, [W.ptr, H.ptr, M ? M.ptr : 0, R.ptr, m, k, n], m);
      else K.hals_cols_masked(W.ptr, H.ptr, M ? M.ptr : 0, R.ptr, m, k, n);
    },

    /**
     * One SGD epoch over the entries vals (one per entry, V at order[t]) in the order of `order`
     * (i32 pointer, as many linear indices i·n + j as vals has entries), on W (m×k) and Ht (n×k).
     */
    sgdEpoch(vals: Mat, order: number, W: Mat, Ht: Mat, lr: number, l2: number, project: boolean): void {
      if (checks && Ht.cols !== W.cols) throw shapeError('sgdEpoch', 'an epoch needs W m×k and Ht n×k', { vals, W, Ht });
      K.sgd_epoch(vals.ptr, W.ptr, Ht.ptr, order, entries(vals), W.cols, Ht.rows, lr, l2, project ? 1 : 0);
    },
  };
}
