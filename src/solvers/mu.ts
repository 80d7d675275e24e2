// Lee–Seung multiplicative updates for ½‖M∘(V−WH)‖²_F (R NMF's `lee`).
//   H ← H∘(WᵀV)/(Wᵀ(M∘WH) + ε), then W ← W∘(VHᵀ)/((M∘WH)Hᵀ + ε); with a full mask
//   Wᵀ(WH) = (WᵀW)H and (WH)Hᵀ = W(HHᵀ), which is much cheaper.
import type { Solver, SolverContext, SolverInfo } from './types.js';
import { traceResidualSq } from './trace.js';

function createMu(ctx: SolverContext): Solver {
  const { engine, problem, k, W, H, params } = ctx;
  const { m, n, V, M } = problem;
  const K = engine.k;
  const eps = params.epsilon;
  const WtV = engine.mat(k, n);
  const WtW = engine.mat(k, k);
  const Hden = engine.mat(k, n); // (WᵀW)H or Wᵀ(M∘WH)
  const VHt = engine.mat(m, k);
  const HHt = engine.mat(k, k);
  const Wden = engine.mat(m, k); // W(HHᵀ) or (M∘WH)Hᵀ
  const P = M ? engine.mat(m, n) : null; // M∘(WH)
  K.gram_tn(W.ptr, WtW.ptr, m, k);

  return {
    step() {
      K.gemm_tn(W.ptr, V.ptr, WtV.ptr, m, k, n);
      if (P && M) {
        K.masked_wh(W.ptr, H.ptr, M.ptr, P.ptr, m, k, n);
        K.gemm_tn(W.ptr, P.ptr, Hden.ptr, m, k, n);
      } else {
        K.gemm_nn(WtW.ptr, H.ptr, Hden.ptr, k, k, n);
      }
      K.mu_update(H.ptr, WtV.ptr, Hden.ptr, k * n, eps);

      K.gemm_nt(V.ptr, H.ptr, VHt.ptr, m, n, k);
      if (P && M) {
        K.masked_wh(W.ptr, H.ptr, M.ptr, P.ptr, m, k, n);
        K.gemm_nt(P.ptr, H.ptr, Wden.ptr, m, n, k);
      } else {
        K.gram_nt(H.ptr, HHt.ptr, k, n);
        K.gemm_nn(W.ptr, HHt.ptr, Wden.ptr, m, k, k);
      }
      K.mu_update(W.ptr, VHt.ptr, Wden.ptr, m * k, eps);
      K.gram_tn(W.ptr, WtW.ptr, m, k);
    },
    residualSq() {
      return traceResidualSq(engine, problem, W, VHt, WtW, HHt);
    },
  };
}

/** Registry entry of the Frobenius multiplicative update. */
export const mu: SolverInfo = {
  id: 'mu',
  label: 'Multiplicative (Frobenius)',
  description: 'Lee–Seung multiplicative updates for the squared error; simple, monotone, slow near the end.',
  maskUnsupported: null,
  monotone: true,
  objective: 'frobenius',
  params: ['epsilon'],
  create: createMu,
};
