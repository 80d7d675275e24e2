// Lee–Seung multiplicative updates for the generalized KL divergence (R NMF's `brunet`):
//   Q = M∘V/(WH + ε); H ← H∘(WᵀQ)/(WᵀM + ε); recompute Q; W ← W∘(QHᵀ)/(MHᵀ + ε).
// With a full mask WᵀM is the column sums of W repeated over the n columns and MHᵀ the row
// sums of H repeated over the m rows, so the two products with M reduce to k sums each.
// After the W step one pass over WH makes the next iteration's first Q together with the KL
// divergence and the squared error the driver reports: two passes over WH per iteration.
import type { Solver, SolverContext, SolverInfo } from './types.js';

function createKl(ctx: SolverContext): Solver {
  const { engine, problem, k, W, H, params } = ctx;
  const { m, n, V, M } = problem;
  const { klQuotient, klQuotientLoss, gemmTN, gemmNT, muUpdate, colSums, rowSums, muUpdateRowDen, muUpdateColDen } = engine.ops;
  const eps = params.epsilon;
  const Q = engine.mat(m, n); // M∘V/(WH + ε); V is 0 where missing, so this is V/(WH + ε)
  const WtQ = engine.mat(k, n);
  const QHt = engine.mat(m, k);
  const WtM = M ? engine.mat(k, n) : null;
  const MHt = M ? engine.mat(m, k) : null;
  const wSums = engine.mat(1, k); // column sums of W (full mask)
  const hSums = engine.mat(k, 1); // row sums of H (full mask)
  const losses = engine.mat(1, 2); // [KL divergence, ‖M∘(V − WH)‖²] of the current W, H
  const scratch = engine.mat(1, n);
  let fresh = false; // Q and losses belong to the current W, H (only step() changes them)

  return {
    step() {
      if (!fresh) klQuotient(V, W, H, Q, eps);
      gemmTN(W, Q, WtQ);
      if (M && WtM) {
        gemmTN(W, M, WtM);
        muUpdate(H, WtQ, WtM, eps);
      } else {
        colSums(W, wSums);
        muUpdateRowDen(H, WtQ, wSums, eps);
      }

      klQuotient(V, W, H, Q, eps);
      gemmNT(Q, H, QHt);
      if (M && MHt) {
        gemmNT(M, H, MHt);
        muUpdate(W, QHt, MHt, eps);
      } else {
        rowSums(H, hSums);
        muUpdateColDen(W, QHt, hSums, eps);
      }
      klQuotientLoss(V, M, W, H, Q, losses, eps, scratch);
      fresh = true;
    },
    residualSq() {
      return fresh ? engine.view(losses)[1] : null;
    },
    objective() {
      return fresh ? engine.view(losses)[0] : null;
    },
    rollback() {
      fresh = false; // Q and losses were of the step taken back
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
