// The sparse form of gd (src/solvers/gd.ts): R = M∘(V − WH) kept at the observed entries only,
// W ← max(0, W + η(RHᵀ − λW)), H ← max(0, H + η(WᵀR − λH)) from the same R and the old W, H,
// both products over the entries (O(nnz·k), assembly/sparse.ts).
import type { Solver, SparseSolverContext } from './types.js';

/** Projected gradient descent over the entries of a sparse V. */
export function createSparseGd(ctx: SparseSolverContext): Solver {
  const { engine, problem, k, W, H, params } = ctx;
  const { m, n, rows, cols, observed, perm } = problem;
  const { transpose, sparseTimes, sparseSample, sparseSqResidual, sparseResidual, gatherValues, gdStep } = engine.ops;
  const { learningRate: lr, l2, project } = params;
  const Ht = engine.mat(n, k);
  const Rr = engine.mat(1, observed); // R at the entries, by rows
  const Rc = engine.mat(1, observed); // the same, by columns
  const RHt = engine.mat(m, k);
  const RtW = engine.mat(n, k); // (WᵀR)ᵀ
  const WtR = engine.mat(k, n);
  let sq = Number.NaN;
  /** R and ‖R‖² of the current W, H. */
  const residual = () => {
    transpose(H, Ht);
    sparseSample(rows, W, Ht, Rr);
    sq = sparseSqResidual(rows, Rr);
    sparseResidual(rows, Rr, Rr);
  };
  residual();

  return {
    step() {
      sparseTimes(rows, Rr, Ht, RHt);
      gatherValues(Rr, perm, Rc);
      sparseTimes(cols, Rc, W, RtW);
      transpose(RtW, WtR);
      gdStep(W, RHt, lr, l2, project);
      gdStep(H, WtR, lr, l2, project);
      residual();
    },
    residualSq() {
      return sq;
    },
    rollback() {
      residual(); // R of the W, H restored
    },
  };
}
