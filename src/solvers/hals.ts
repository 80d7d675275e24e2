// Hierarchical ALS (coordinate descent, scikit-learn's `cd`) for ½‖M∘(V−WH)‖²_F: each row of
// H in turn minimized exactly with the others fixed, then each column of W.
//   Full mask: from the Gram matrices, H[a,:] ← max(0, H[a,:] + ((WᵀV)[a,:] − (WᵀW)[a,:]H)/(WᵀW)[a,a]),
//   then W[:,a] the same with VHᵀ and HHᵀ (as in the reference).
//   Missing entries: the same exact coordinate minimization on a residual R = M∘(V−WH) kept
//   in memory, each entry's denominator summing over its observed entries only.
import type { Solver, SolverContext, SolverInfo } from './types.js';
import { traceResidualSq } from './trace.js';

function createHals(ctx: SolverContext): Solver {
  return ctx.problem.M ? createMaskedHals(ctx) : createFullHals(ctx);
}

/** Fully observed V: two products and two Grams per iteration. */
function createFullHals(ctx: SolverContext): Solver {
  const { engine, problem, k, W, H } = ctx;
  const { m, n, V } = problem;
  const K = engine.k;
  const WtV = engine.mat(k, n);
  const WtW = engine.mat(k, k);
  const VHt = engine.mat(m, k);
  const HHt = engine.mat(k, k);
  K.gram_tn(W.ptr, WtW.ptr, m, k);

  return {
    step() {
      K.gemm_tn(W.ptr, V.ptr, WtV.ptr, m, k, n);
      K.hals_rows(H.ptr, WtV.ptr, WtW.ptr, k, n);
      K.gemm_nt(V.ptr, H.ptr, VHt.ptr, m, n, k);
      K.gram_nt(H.ptr, HHt.ptr, k, n);
      K.hals_cols(W.ptr, VHt.ptr, HHt.ptr, m, k);
      K.gram_tn(W.ptr, WtW.ptr, m, k);
    },
    residualSq() {
      return traceResidualSq(engine, problem, W, VHt, WtW, HHt);
    },
  };
}

/** Missing entries: coordinate descent on the masked residual R (m×n), recomputed after each iteration. */
function createMaskedHals(ctx: SolverContext): Solver {
  const { engine, problem, k, W, H } = ctx;
  const { m, n, V, M } = problem;
  const K = engine.k;
  const Mptr = M ? M.ptr : 0;
  const R = engine.mat(m, n);
  const scratch = engine.mat(3, n);
  K.residual(V.ptr, Mptr, W.ptr, H.ptr, R.ptr, m, k, n);

  return {
    step() {
      K.hals_rows_masked(H.ptr, W.ptr, Mptr, R.ptr, scratch.ptr, m, k, n);
      K.hals_cols_masked(W.ptr, H.ptr, Mptr, R.ptr, m, k, n);
      // afresh, so rounding in the in-place updates of R never accumulates across iterations
      K.residual(V.ptr, Mptr, W.ptr, H.ptr, R.ptr, m, k, n);
    },
    residualSq() {
      return K.dot(R.ptr, R.ptr, m * n);
    },
  };
}

/** Registry entry of HALS / coordinate descent. */
export const hals: SolverInfo = {
  id: 'hals',
  label: 'HALS (coordinate descent)',
  description: 'Hierarchical ALS: one row of H, then one column of W, at a time, each minimized exactly; monotone and usually the fastest.',
  maskUnsupported: null,
  monotone: true,
  objective: 'frobenius',
  params: [],
  create: createHals,
};
