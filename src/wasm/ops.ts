// The typed layer over the wasm kernels: each op takes matrices (Mat = {ptr, rows, cols}) in
// the order of the formula and reads its sizes from them, so a solver reads
// `gemmTN(W, V, WtV)` (WᵀV into WtV). With checks on (the default) an op whose operands do not
// fit throws a ShapeError naming the op, the rule and every shape, before any memory is touched.
// Raw pointer calls (engine.kernels) remain for the kernel tests and the bench.
import type { Kernels } from './kernels.js';
import { linalgOps } from './ops-linalg.js';
import type { ThreadPool } from './pool.js';
import { productOps } from './ops-products.js';
import { residualOps } from './ops-residual.js';
import { sparseOps } from './ops-sparse.js';
import { svdOps } from './ops-svd.js';
import { updateOps } from './ops-updates.js';

export type { IndexLists, MaskedWork } from './ops-linalg.js';
export { ShapeError } from './shapes.js';

/**
 * Every typed op on kernels K; `checks` turns the shape checks on (their cost: bench/ops-checks.ts);
 * with a pool the big products, kl's quotient, the full HALS sweeps, the masked solves and the sparse products are split
 * over its threads (same results).
 */
export function createOps(K: Kernels, checks: boolean, pool: ThreadPool | null = null) {
  return Object.freeze({
    ...productOps(K, checks, pool),
    ...residualOps(K, checks, pool),
    ...updateOps(K, checks, pool),
    ...linalgOps(K, checks, pool),
    ...svdOps(K, checks),
    ...sparseOps(K, checks, pool),
  });
}

/** The typed ops of one engine (engine.ops). */
export type Ops = ReturnType<typeof createOps>;
