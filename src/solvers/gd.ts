// Projected gradient descent with an L2 penalty on ½‖M∘(V−WH)‖²_F + ½λ(‖W‖² + ‖H‖²):
//   R = M∘(V − WH); W ← max(0, W + η(RHᵀ − λW)), H ← max(0, H + η(WᵀR − λH)),
// both gradients from the same R and the old W, H. With project off nothing is clipped, so
// entries go negative (the result is no longer an NMF): that is what the switch shows. In the
// float32 mode RHᵀ and WᵀR read R rounded to float32 (src/driver/float32.ts).
import type { Solver, SolverContext, SolverInfo } from './types.js';
import { createSparseGd } from './sparse-gd.js';

function createGd(ctx: SolverContext): Solver {
  const { engine, problem, k, W, H, params } = ctx;
  const { m, n, V, M } = problem;
  const { residual, gemmNT, gemmTN, gdStep, dot } = engine.ops;
  const lr = params.learningRate;
  const l2 = params.l2;
  const project = params.project;
  // M∘(V − WH) of the current W, H; in float32 mode with a float32 copy that residual() refreshes and the products read
  const R = ctx.float32Copy ? ctx.float32Copy(engine.mat(m, n)) : engine.mat(m, n);
  const RHt = engine.mat(m, k);
  const WtR = engine.mat(k, n);
  residual(V, M, W, H, R);

  return {
    step() {
      gemmNT(R, H, RHt);
      gemmTN(W, R, WtR);
      gdStep(W, RHt, lr, l2, project);
      gdStep(H, WtR, lr, l2, project);
      // the residual of the new W, H: the driver's error now, the gradient's next iteration
      residual(V, M, W, H, R);
    },
    residualSq() {
      return dot(R, R);
    },
    rollback() {
      residual(V, M, W, H, R); // R of the W, H restored
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
  productsWithResidual: 'dense',
  monotone: false,
  objective: 'frobenius',
  params: ['learningRate', 'l2', 'project'],
  divergenceHint: 'Lower the learning rate (try 10× smaller).',
  create: createGd,
  createSparse: createSparseGd,
};
