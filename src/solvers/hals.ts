// Hierarchical ALS (coordinate descent, scikit-learn's `cd`) for ½‖M∘(V−WH)‖²_F: each row of
// H in turn minimized exactly with the others fixed, then each column of W.
//   Full mask: from the Gram matrices, H[a,:] ← max(0, H[a,:] + ((WᵀV)[a,:] − (WᵀW)[a,:]H)/(WᵀW)[a,a]),
//   then W[:,a] the same with VHᵀ and HHᵀ (as in the reference).
//   Missing entries: the same exact coordinate minimization on a residual R = M∘(V−WH) kept
//   in memory, each entry's denominator summing over its observed entries only.
import type { Solver, SolverContext, SolverInfo } from './types.js';
import { traceResidualSq } from './trace.js';
import { createSparseHals } from './sparse-hals.js';

function createHals(ctx: SolverContext): Solver {
  return ctx.problem.M ? createMaskedHals(ctx) : createFullHals(ctx);
}

/** Fully observed V: two products and two Grams per iteration. */
function createFullHals(ctx: SolverContext): Solver {
  const { engine, problem, k, W, H } = ctx;
  const { m, n, V } = problem;
  const { gemmTN, gemmNT, gramTN, gramNT, halsRows, halsCols } = engine.ops;
  const WtV = engine.mat(k, n);
  const WtW = engine.mat(k, k);
  const VHt = engine.mat(m, k);
  const HHt = engine.mat(k, k);
  gramTN(W, WtW);

  return {
    step() {
      gemmTN(W, V, WtV);
      halsRows(H, WtV, WtW);
      gemmNT(V, H, VHt);
      gramNT(H, HHt);
      halsCols(W, VHt, HHt);
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

/** Missing entries: coordinate descent on the masked residual R (m×n), recomputed after each iteration. */
function createMaskedHals(ctx: SolverContext): Solver {
  const { engine, problem, W, H } = ctx;
  const { m, n, V, M } = problem;
  const { residual, halsRowsMasked, halsColsMasked, dot } = engine.ops;
  const R = engine.mat(m, n);
  const scratch = engine.mat(3, n);
  residual(V, M, W, H, R);

  return {
    step() {
      halsRowsMasked(H, W, M, R, scratch);
      halsColsMasked(W, H, M, R);
      // afresh, so rounding in the in-place updates of R never accumulates across iterations
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

/** Registry entry of HALS / coordinate descent. */
export const hals: SolverInfo = {
  id: 'hals',
  label: 'HALS (coordinate descent)',
  description:
    'Hierarchical ALS: one row of H, then one column of W, at a time, each minimized exactly; monotone, with the cheapest exact iterations.',
  maskUnsupported: null,
  monotone: true,
  objective: 'frobenius',
  productsWithV: 'full',
  params: [],
  create: createHals,
  createSparse: createSparseHals,
};
