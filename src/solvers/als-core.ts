// The alternating least-squares iteration shared by als (solve, then clip) and anls (exact
// non-negative solve): H from W, then W from H, each through the k×k normal equations.
//   Full mask: one Gram WᵀW and WᵀV serve every column of H (one Cholesky, or one shared G for
//   NNLS); one HHᵀ and VHᵀ serve every row of W.
//   Missing entries: column j of H uses only its observed rows of W, row i of W only its
//   observed columns of H; each k×k Gram is formed in wasm (assembly/masked-ls.ts).
import type { Mat } from '../core/matrix.js';
import type { Engine } from '../wasm/engine.js';
import type { Solver, SolverContext } from './types.js';
import { traceResidualSq } from './trace.js';
import { columnLists, rowLists, type MaskLists } from './als-mask.js';

/** Below this fraction of ‖M∘V‖² the trace form loses digits to cancellation (as in trace.ts). */
const CANCELLATION_GUARD = 1e-4;

/** How each column of H and row of W is solved from its normal equations G x = b. */
export type AlsSubproblem = 'clipped' | 'nonnegative';

/**
 * An alternating solver on W (m×k), H (k×n): `clipped` sets x = max(0, G⁻¹b) (als),
 * `nonnegative` sets x = argmin_{x ≥ 0} ½xᵀGx − bᵀx, warm-started from the current factor (anls).
 * Allocates all its workspace here; step() allocates nothing.
 */
export function createAlternating(ctx: SolverContext, subproblem: AlsSubproblem): Solver {
  const { engine, problem, k, W, H } = ctx;
  const { m, n, V, M } = problem;
  const K = engine.k;
  const nonneg = subproblem === 'nonnegative';
  const WtV = engine.mat(k, n);
  const WtW = engine.mat(k, k);
  const VHt = engine.mat(m, k);
  const HHt = engine.mat(k, k);
  const L = engine.mat(k, k);
  const work = engine.allocBytes(K.nnls_work_bytes(k));
  const masked = M ? maskedWorkspace(engine, M, k) : null;
  K.gram_tn(W.ptr, WtW.ptr, m, k);

  /** X ← solution for every vector of B (vector j of B, X at element j·vs + a·es), Gram G. */
  const solveShared = (G: Mat, B: Mat, X: Mat, count: number, vs: number, es: number): void => {
    if (nonneg) {
      K.nnls_batch(G.ptr, B.ptr, X.ptr, k, count, vs, es, work);
    } else {
      K.chol_factor(G.ptr, L.ptr, k);
      K.chol_solve(L.ptr, B.ptr, X.ptr, k, count, vs, es, 1, work);
    }
  };
  /** The same with a Gram per vector, from F's rows listed in `lists` and the full Gram `base`. */
  const solveMasked = (F: Mat, base: Mat, lists: MaskLists, B: Mat, X: Mat, vs: number, es: number, Q: number): void => {
    K.masked_ls(
      F.ptr,
      base.ptr,
      B.ptr,
      X.ptr,
      lists.ptr,
      lists.idx,
      lists.mode,
      lists.count,
      k,
      vs,
      es,
      nonneg ? 1 : 0,
      work,
      masked!.T,
      Q,
    );
  };

  return {
    step() {
      // H (k×n): column j from (WᵀW) h = Wᵀv_j; vector j at element j, entries n apart.
      K.gemm_tn(W.ptr, V.ptr, WtV.ptr, m, k, n);
      if (masked) solveMasked(W, WtW, masked.cols, WtV, H, 1, n, 0);
      else solveShared(WtW, WtV, H, n, 1, n);
      // W (m×k): row i from (HHᵀ) w = H v_iᵀ; vector i at element i·k, entries adjacent.
      K.gemm_nt(V.ptr, H.ptr, VHt.ptr, m, n, k);
      K.gram_nt(H.ptr, HHt.ptr, k, n);
      if (masked) {
        K.transpose(H.ptr, masked.Ht.ptr, k, n);
        solveMasked(masked.Ht, HHt, masked.rows, VHt, W, k, 1, masked.WHsq);
      } else {
        solveShared(HHt, VHt, W, m, k, 1);
      }
      K.gram_tn(W.ptr, WtW.ptr, m, k);
    },
    residualSq() {
      // VHᵀ and HHᵀ belong to the final H, WᵀW to the final W.
      if (!masked) return traceResidualSq(engine, problem, W, VHt, WtW, HHt);
      // ‖M∘(V−WH)‖² = ‖M∘V‖² − 2 tr(Wᵀ·VHᵀ) + Σ_i w_iᵀ G_i w_i, G_i row i's masked Gram of H.
      const s = problem.normV2 - 2 * K.dot(W.ptr, VHt.ptr, m * k) + engine.view(masked.WHsqMat)[0];
      return s >= CANCELLATION_GUARD * problem.normV2 ? s : null;
    },
  };
}

/**
 * For M (m×n): the mask's lists over columns and rows, Hᵀ (n×k), the gather buffer T of
 * assembly/masked-ls.ts, and one f64 receiving ‖M∘(WH)‖² from the W step.
 */
function maskedWorkspace(engine: Engine, M: Mat, k: number) {
  const cols = columnLists(engine, M);
  const rows = rowLists(engine, M);
  const T = engine.allocBytes(engine.k.gather_bytes(k, Math.max(cols.longest, rows.longest)));
  const WHsqMat = engine.mat(1, 1);
  return { cols, rows, Ht: engine.mat(M.cols, k), T, WHsqMat, WHsq: WHsqMat.ptr };
}
