// The sparse form of masked hals (src/solvers/hals.ts): the same exact coordinate minimization
// on the residual R = V − WH kept at the observed entries only (by columns for H's rows, by rows
// for W's columns), each sweep O(nnz·k) (assembly/sparse.ts); R recomputed afresh each iteration.
import type { Solver, SparseSolverContext } from './types.js';

/** HALS over the entries of a sparse V. */
export function createSparseHals(ctx: SparseSolverContext): Solver {
  const { engine, problem, k, W, H } = ctx;
  const { n, rows, cols, observed, perm } = problem;
  const ops = engine.ops;
  const Ht = engine.mat(n, k);
  const Rr = engine.mat(1, observed); // R by rows
  const Rc = engine.mat(1, observed); // R by columns
  let sq = Number.NaN;
  /** R (both orders) and ‖R‖² of the current W, H. */
  const residual = () => {
    ops.transpose(H, Ht);
    ops.sparseSample(rows, W, Ht, Rr);
    sq = ops.sparseSqResidual(rows, Rr);
    ops.sparseResidual(rows, Rr, Rr);
    ops.gatherValues(Rr, perm, Rc);
  };
  residual();

  return {
    step() {
      ops.halsSparseRows(cols, W, H, Rc);
      ops.scatterValues(Rc, perm, Rr);
      ops.halsSparseCols(rows, W, H, Rr);
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
