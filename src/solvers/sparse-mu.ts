// The sparse form of mu (src/solvers/mu.ts) on a V held by its observed entries only: the same
// updates, H ← H∘(WᵀV)/(Wᵀ(M∘WH) + ε), then W ← W∘(VHᵀ)/((M∘WH)Hᵀ + ε), with every product
// formed over the entries in one pass per side (O(nnz·k), assembly/sparse.ts: sparse_mu_pass),
// WH evaluated at the entries only and never stored.
import type { Solver, SparseSolverContext } from './types.js';

/** Masked mu over the entries of a sparse V; its workspace is O((m + n)k). */
export function createSparseMu(ctx: SparseSolverContext): Solver {
  const { engine, problem, k, W, H, params } = ctx;
  const { m, n, rows, cols } = problem;
  const { transpose, sparseMuPass, sparseSample, sparseSqResidual, muUpdate } = engine.ops;
  const eps = params.epsilon;
  const Ht = engine.mat(n, k);
  const VtW = engine.mat(n, k); // (WᵀV)ᵀ
  const PtW = engine.mat(n, k); // (Wᵀ(M∘WH))ᵀ
  const WtV = engine.mat(k, n);
  const Hden = engine.mat(k, n);
  const VHt = engine.mat(m, k);
  const Wden = engine.mat(m, k); // (M∘WH)Hᵀ
  const P = engine.mat(1, problem.observed); // WH at the entries (scratch of the passes)
  let sq = Number.NaN;

  return {
    step() {
      transpose(H, Ht);
      sparseMuPass(cols, Ht, W, VtW, PtW, P);
      transpose(VtW, WtV);
      transpose(PtW, Hden);
      muUpdate(H, WtV, Hden, eps);

      transpose(H, Ht);
      sparseMuPass(rows, W, Ht, VHt, Wden, P);
      muUpdate(W, VHt, Wden, eps);
      sparseSample(rows, W, Ht, P);
      sq = sparseSqResidual(rows, P);
    },
    residualSq() {
      return sq;
    },
  };
}
