// The alternating least-squares iteration shared by als (solve, then clip) and anls (exact
// non-negative solve): H from W, then W from H, each through the k×k normal equations.
//   Full mask: one Gram WᵀW and WᵀV serve every column of H (one Cholesky, or one shared G for
//   NNLS); one HHᵀ and VHᵀ serve every row of W.
//   Missing entries: column j of H uses only its observed rows of W, row i of W only its
//   observed columns of H; each k×k Gram is formed in wasm (assembly/linalg-masked-ls.ts).
import type { Mat } from '../core/matrix.js';
import type { Engine } from '../wasm/engine.js';
import type { MaskedWork } from '../wasm/ops.js';
import type { Solver, SolverContext } from './types.js';
import { traceResidualSq } from './trace.js';
import { columnLists, rowLists, type MaskLists } from './als-mask.js';
import { alternatingSolver, type Halves } from './extrapolation.js';

/** Below this fraction of ‖M∘V‖² the trace form loses digits to cancellation (as in trace.ts). */
const CANCELLATION_GUARD = 1e-4;

/** How each column of H and row of W is solved from its normal equations G x = b. */
export type AlsSubproblem = 'clipped' | 'nonnegative';

/**
 * An alternating solver on W (m×k), H (k×n): `clipped` sets x = max(0, G⁻¹b) (als),
 * `nonnegative` sets x = argmin_{x ≥ 0} ½xᵀGx − bᵀx, warm-started from the current factor (anls),
 * extrapolated between steps when params.extrapolate (src/solvers/extrapolation.ts).
 * Allocates all its workspace here; step() allocates nothing.
 */
export function createAlternating(ctx: SolverContext, subproblem: AlsSubproblem): Solver {
  const { engine, problem, k, W, H } = ctx;
  const { m, n, V, M } = problem;
  const ops = engine.ops;
  const { gemmTN, gemmNT, gramTN, gramNT, transpose, dot } = ops;
  const nonneg = subproblem === 'nonnegative';
  const WtV = engine.mat(k, n);
  const WtW = engine.mat(k, k);
  const VHt = engine.mat(m, k);
  const HHt = engine.mat(k, k);
  const L = engine.mat(k, k);
  const work = engine.block(ops.nnlsWorkBytes(k));
  const masked = M ? maskedWorkspace(engine, M, k, work) : null;
  gramTN(W, WtW);

  /** H (k×n) from (WᵀW) h_j = (WᵀV)[:, j] for every column j. */
  const solveH = (): void => {
    if (masked) ops.maskedSolveCols(W, WtW, WtV, H, masked.cols, nonneg, masked.ws);
    else if (nonneg) ops.nnlsCols(WtW, WtV, H, work);
    else {
      ops.cholFactor(WtW, L);
      ops.cholSolveCols(L, WtV, H, work);
    }
  };
  /** W (m×k) from (HHᵀ) w_i = (VHᵀ)[i, :]ᵀ for every row i. */
  const solveW = (): void => {
    if (masked) {
      transpose(H, masked.Ht);
      ops.maskedSolveRows(masked.Ht, HHt, VHt, W, masked.rows, nonneg, masked.ws, masked.WHsq);
    } else if (nonneg) ops.nnlsRows(HHt, VHt, W, work);
    else {
      ops.cholFactor(HHt, L);
      ops.cholSolveRows(L, VHt, W, work);
    }
  };

  const halves: Halves = {
    solveH() {
      gemmTN(W, V, WtV);
      solveH();
    },
    solveW() {
      gemmNT(V, H, VHt);
      gramNT(H, HHt);
      solveW();
      gramTN(W, WtW);
    },
    errorSq() {
      // VHᵀ and HHᵀ belong to the final H, WᵀW to the final W.
      if (!masked) return traceResidualSq(engine, problem, W, VHt, WtW, HHt);
      // ‖M∘(V−WH)‖² = ‖M∘V‖² − 2 tr(Wᵀ·VHᵀ) + Σ_i w_iᵀ G_i w_i, G_i row i's masked Gram of H.
      const s = problem.normV2 - 2 * dot(W, VHt) + ops.sum(masked.WHsq);
      return s >= CANCELLATION_GUARD * problem.normV2 ? s : null;
    },
    directSq: () => ops.sqResidual(V, M, W, H),
    resync() {
      gramTN(W, WtW); // WᵀW of the W in place
    },
  };
  return alternatingSolver(engine, W, H, halves, nonneg && ctx.params.extrapolate);
}

/**
 * For M (m×n): the mask's lists over columns and rows, Hᵀ (n×k), the work and gather buffer
 * of the masked solves (assembly/linalg-masked-ls.ts), and WHsq (1×m) receiving each row's part
 * of ‖M∘(WH)‖² from the W step.
 */
function maskedWorkspace(engine: Engine, M: Mat, k: number, work: MaskedWork['work']) {
  const cols: MaskLists = columnLists(engine, M);
  const rows: MaskLists = rowLists(engine, M);
  const T = engine.block(engine.ops.gatherBytes(k, Math.max(cols.longest, rows.longest)));
  const ws: MaskedWork = { work, T };
  return { cols, rows, Ht: engine.mat(M.cols, k), ws, WHsq: engine.mat(1, M.rows) };
}
