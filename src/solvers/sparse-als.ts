// The sparse form of als and anls (src/solvers/als-core.ts): column j of H solved from the Gram
// of W over its observed rows only, row i of W from that of Hᵀ over its observed columns, each
// right-hand side (WᵀV, VHᵀ, O(nnz·k)) and each Gram (O(nnz·k²) per sweep) formed in the masked
// least-squares kernel (assembly/linalg-masked-ls.ts) from the same gathered rows.
import type { Compressed } from '../core/sparse-problem.js';
import type { Engine } from '../wasm/engine.js';
import type { IndexLists } from '../wasm/ops.js';
import type { AlsSubproblem } from './als-core.js';
import type { Solver, SparseSolverContext } from './types.js';
import { alternatingSolver, type Halves } from './extrapolation.js';

/** Below this fraction of ‖M∘V‖² the trace form loses digits to cancellation (as in als-core.ts). */
const CANCELLATION_GUARD = 1e-4;

/** als (`clipped`) or anls (`nonnegative`, extrapolated when params.extrapolate) over the entries of a sparse V. */
export function createSparseAlternating(ctx: SparseSolverContext, subproblem: AlsSubproblem): Solver {
  const { engine, problem, k, W, H } = ctx;
  const { m, n, rows, cols } = problem;
  const ops = engine.ops;
  const nonneg = subproblem === 'nonnegative';
  const colLists = observedLists(engine, cols);
  const rowLists = observedLists(engine, rows);
  const Ht = engine.mat(n, k);
  const WtV = engine.mat(k, n);
  const VHt = engine.mat(m, k);
  const G = engine.mat(k, k); // the full Gram the lists would subtract from: unused, every list holds observed entries
  const WHsq = engine.mat(1, m); // w_iᵀG_iw_i per row
  const ws = {
    work: engine.block(ops.nnlsWorkBytes(k)),
    T: engine.block(ops.gatherBytes(k, Math.max(colLists.longest, rowLists.longest))),
  };

  const halves: Halves = {
    solveH() {
      ops.maskedSolveCols(W, G, WtV, H, colLists, nonneg, ws); // writes WtV = WᵀV
    },
    solveW() {
      ops.transpose(H, Ht);
      ops.maskedSolveRows(Ht, G, VHt, W, rowLists, nonneg, ws, WHsq); // writes VHt = VHᵀ
    },
    errorSq() {
      // ‖M∘(V−WH)‖² = ‖M∘V‖² − 2 tr(Wᵀ·VHᵀ) + Σ_i w_iᵀ G_i w_i, as in als-core.ts
      const s = problem.normV2 - 2 * ops.dot(W, VHt) + ops.sum(WHsq);
      return s >= CANCELLATION_GUARD * problem.normV2 ? s : null;
    },
    directSq() {
      ops.transpose(H, Ht);
      return ops.sparseSqResidualOf(rows, W, Ht);
    },
    resync() {}, // nothing is carried from one step to the next
  };
  return alternatingSolver(engine, W, H, halves, nonneg && ctx.params.extrapolate);
}

/** The lists of the masked solves straight from a compressed form: every vector lists its observed indices (mode 0), with their values. */
function observedLists(engine: Engine, S: Compressed): IndexLists {
  const ptr = engine.viewI32(S.ptr, S.count + 1);
  let longest = 0;
  for (let v = 0; v < S.count; v++) longest = Math.max(longest, ptr[v + 1] - ptr[v]);
  return { count: S.count, ptr: S.ptr, idx: S.idx, mode: engine.i32(S.count), longest, vals: S.vals };
}
