// Stochastic gradient descent, one observed entry at a time (the recommender setting): one
// step() is one epoch over every observed entry, in an order the run's seeded rng shuffles
// afresh each epoch. For entry (i, j) with error e = V[i,j] − W[i,:]·H[:,j]:
//   W[i,:] += η(e·H[:,j] − λW[i,:]),  H[:,j] += η(e·W[i,:] − λH[:,j])  (clipped at 0 by default).
import type { Solver, SolverContext, SolverInfo } from './types.js';

function createSgd(ctx: SolverContext): Solver {
  const { engine, problem, k, W, H, params, rng } = ctx;
  const { n, V, observed, observedIdx } = problem;
  const K = engine.k;
  const lr = params.learningRate;
  const l2 = params.l2;
  const project = params.project ? 1 : 0;
  const Ht = engine.mat(n, k);
  // the visiting order: the observed entries' linear indices, shuffled in place every epoch
  const order = engine.i32(observed);
  engine.viewI32(order, observed).set(engine.viewI32(observedIdx, observed));
  let orderView = engine.viewI32(order, observed);

  return {
    step() {
      if (orderView.buffer !== K.memory.buffer) orderView = engine.viewI32(order, observed); // memory grew
      rng.shuffle(orderView, observed);
      K.sgd_transpose(H.ptr, Ht.ptr, k, n);
      K.sgd_epoch(V.ptr, W.ptr, Ht.ptr, order, observed, k, n, lr, l2, project);
      K.sgd_transpose(Ht.ptr, H.ptr, n, k);
    },
  };
}

/** Registry entry of stochastic gradient descent; its own learning rate and penalty defaults. */
export const sgd: SolverInfo = {
  id: 'sgd',
  label: 'Stochastic gradient (SGD)',
  description: 'One observed entry at a time in a shuffled order, one epoch per iteration; made for ratings with many missing entries.',
  maskUnsupported: null,
  monotone: false,
  objective: 'frobenius',
  params: ['learningRate', 'l2', 'project'],
  defaults: { learningRate: 0.02, l2: 0.001 },
  divergenceHint: 'Lower the learning rate (try 10× smaller); large values in V need a smaller rate.',
  create: createSgd,
};
