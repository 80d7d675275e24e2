// Projected gradient descent with an L2 penalty on ½‖M∘(V−WH)‖²_F + ½λ(‖W‖² + ‖H‖²):
//   R = M∘(V − WH); W ← max(0, W + η(RHᵀ − λW)), H ← max(0, H + η(WᵀR − λH)),
// both gradients from the same R and the old W, H. With project off nothing is clipped, so
// entries go negative (the result is no longer an NMF): that is what the switch shows.
import type { Solver, SolverContext, SolverInfo } from './types.js';

function createGd(ctx: SolverContext): Solver {
  const { engine, problem, k, W, H, params } = ctx;
  const { m, n, V, M } = problem;
  const K = engine.k;
  const Mptr = M ? M.ptr : 0;
  const lr = params.learningRate;
  const l2 = params.l2;
  const project = params.project ? 1 : 0;
  const R = engine.mat(m, n); // M∘(V − WH) of the current W, H
  const RHt = engine.mat(m, k);
  const WtR = engine.mat(k, n);
  K.residual(V.ptr, Mptr, W.ptr, H.ptr, R.ptr, m, k, n);

  return {
    step() {
      K.gemm_nt(R.ptr, H.ptr, RHt.ptr, m, n, k);
      K.gemm_tn(W.ptr, R.ptr, WtR.ptr, m, k, n);
      K.gd_update(W.ptr, RHt.ptr, m * k, lr, l2, project);
      K.gd_update(H.ptr, WtR.ptr, k * n, lr, l2, project);
      // the residual of the new W, H: the driver's error now, the gradient's next iteration
      K.residual(V.ptr, Mptr, W.ptr, H.ptr, R.ptr, m, k, n);
    },
    residualSq() {
      return K.dot(R.ptr, R.ptr, m * n);
    },
  };
}

/** Registry entry of projected gradient descent. */
export const gd: SolverInfo = {
  id: 'gd',
  label: 'Gradient descent',
  description:
    'Full-gradient steps of size η with an L2 penalty λ, projected onto W, H ≥ 0 (the tutorial’s “SGD”); diverges when η is too large.',
  maskUnsupported: null,
  monotone: false,
  objective: 'frobenius',
  params: ['learningRate', 'l2', 'project'],
  divergenceHint: 'Lower the learning rate (try 10× smaller).',
  create: createGd,
};
