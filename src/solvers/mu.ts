// Lee–Seung multiplicative updates for ½‖M∘(V−WH)‖²_F (R NMF's `lee`).
//   H ← H∘(WᵀV)/(Wᵀ(M∘WH) + ε), then W ← W∘(VHᵀ)/((M∘WH)Hᵀ + ε); with a full mask
//   Wᵀ(WH) = (WᵀW)H and (WH)Hᵀ = W(HHᵀ), which is much cheaper.
import type { Solver, SolverContext, SolverInfo } from './types.js';
import { traceResidualSq } from './trace.js';
import { createSparseMu } from './sparse-mu.js';

function createMu(ctx: SolverContext): Solver {
  const { engine, problem, k, W, H, params } = ctx;
  const { m, n, V, M } = problem;
  const { gemmTN, gemmNT, gemmNN, gramTN, gramNT, maskedWH, muUpdate } = engine.ops;
  const eps = params.epsilon;
  const WtV = engine.mat(k, n);
  const WtW = engine.mat(k, k);
  const Hden = engine.mat(k, n); // (WᵀW)H or Wᵀ(M∘WH)
  const VHt = engine.mat(m, k);
  const HHt = engine.mat(k, k);
  const Wden = engine.mat(m, k); // W(HHᵀ) or (M∘WH)Hᵀ
  const P = M ? engine.mat(m, n) : null; // M∘(WH)
  gramTN(W, WtW);

  return {
    step() {
      gemmTN(W, V, WtV);
      if (P) {
        maskedWH(W, H, M, P);
        gemmTN(W, P, Hden);
      } else {
        gemmNN(WtW, H, Hden);
      }
      muUpdate(H, WtV, Hden, eps);

      gemmNT(V, H, VHt);
      if (P) {
        maskedWH(W, H, M, P);
        gemmNT(P, H, Wden);
      } else {
        gramNT(H, HHt);
        gemmNN(W, HHt, Wden);
      }
      muUpdate(W, VHt, Wden, eps);
      gramTN(W, WtW);
    },
    residualSq() {
      return traceResidualSq(engine, problem, W, VHt, WtW, HHt);
    },
    rollback() {
      gramTN(W, WtW); // WᵀW of the W restored
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
  productsWithV: 'dense',
  params: ['epsilon'],
  create: createMu,
  createSparse: createSparseMu,
};
