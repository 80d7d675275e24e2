// Lee–Seung multiplicative updates for the generalized KL divergence (R NMF's `brunet`):
//   Q = M∘V/(WH + ε); H ← H∘(WᵀQ)/(WᵀM + ε); recompute Q; W ← W∘(QHᵀ)/(MHᵀ + ε).
// With a full mask WᵀM is the column sums of W repeated over the n columns and MHᵀ the row
// sums of H repeated over the m rows, so the two products with M reduce to k sums each.
import type { Solver, SolverContext, SolverInfo } from './types.js';

function createKl(ctx: SolverContext): Solver {
  const { engine, problem, k, W, H, params } = ctx;
  const { m, n, V, M } = problem;
  const K = engine.k;
  const eps = params.epsilon;
  const Q = engine.mat(m, n); // M∘V/(WH + ε); V is 0 where missing, so this is V/(WH + ε)
  const WtQ = engine.mat(k, n);
  const QHt = engine.mat(m, k);
  const WtM = M ? engine.mat(k, n) : null;
  const MHt = M ? engine.mat(m, k) : null;
  const wSums = engine.mat(1, k); // column sums of W (full mask)
  const hSums = engine.mat(k, 1); // row sums of H (full mask)

  return {
    step() {
      K.kl_quotient(V.ptr, W.ptr, H.ptr, Q.ptr, m, k, n, eps);
      K.gemm_tn(W.ptr, Q.ptr, WtQ.ptr, m, k, n);
      if (M && WtM) {
        K.gemm_tn(W.ptr, M.ptr, WtM.ptr, m, k, n);
        K.mu_update(H.ptr, WtQ.ptr, WtM.ptr, k * n, eps);
      } else {
        K.col_sums(W.ptr, wSums.ptr, m, k);
        K.mu_update_rowden(H.ptr, WtQ.ptr, wSums.ptr, k, n, eps);
      }

      K.kl_quotient(V.ptr, W.ptr, H.ptr, Q.ptr, m, k, n, eps);
      K.gemm_nt(Q.ptr, H.ptr, QHt.ptr, m, n, k);
      if (M && MHt) {
        K.gemm_nt(M.ptr, H.ptr, MHt.ptr, m, n, k);
        K.mu_update(W.ptr, QHt.ptr, MHt.ptr, m * k, eps);
      } else {
        K.row_sums(H.ptr, hSums.ptr, k, n);
        K.mu_update_colden(W.ptr, QHt.ptr, hSums.ptr, m, k, eps);
      }
    },
  };
}

/** Registry entry of the KL multiplicative update; the driver tracks the KL divergence as its objective. */
export const kl: SolverInfo = {
  id: 'kl',
  label: 'Multiplicative (KL)',
  description: 'Lee–Seung multiplicative updates for the generalized Kullback–Leibler divergence (R NMF’s brunet); suits counts.',
  maskUnsupported: null,
  monotone: true,
  objective: 'kl',
  params: ['epsilon'],
  create: createKl,
};
