// How much work and memory one factorization asks for, estimated from m, n, k (and the algorithm
// and initialization) before anything is allocated, with the limits a run must stay within: one
// iteration must end in seconds (the worker answers the page between iterations, and its
// watchdog gives up after 30 s of silence) and the factors with their workspace must fit in memory.
import type { InitId } from '../init/types.js';
import type { AlgorithmId } from '../solvers/types.js';

/** Most floating-point operations one iteration may take (a few seconds in wasm on a slow machine). */
export const MAX_ITERATION_FLOPS = 1e10;
/** Most floating-point operations the initialization may take (nndsvd's truncated SVD). */
export const MAX_INIT_FLOPS = 1e11;
/** Most bytes W, H and the solver's and initialization's workspace may take (V and its mask not counted). */
export const MAX_RUN_BYTES = 2 ** 30;

/** The estimate of one run: bytes allocated for it, flops of one iteration and of the initialization. */
export interface WorkEstimate {
  readonly bytes: number;
  readonly iterationFlops: number;
  readonly initFlops: number;
}

/** Products with V per iteration (×m·n·k flops): WᵀV and VHᵀ, and WH where the solver forms it. */
const PRODUCT_FLOPS: Record<AlgorithmId, number> = { mu: 4, hals: 4, als: 4, anls: 4, kl: 8, gd: 6, sgd: 0 };

/** Passes over the observed entries per iteration (×observed·k flops) of the sparse forms (src/solvers/sparse-*.ts); kl has none. */
const SPARSE_ENTRY_FLOPS: Record<AlgorithmId, number> = { mu: 12, hals: 8, als: 4, anls: 4, kl: 0, gd: 12, sgd: 8 };

/**
 * Upper estimates for a run of `algorithm` from `init` at rank k on an m×n matrix with `observed`
 * entries (m·n when nothing is missing). Conservative on purpose: the bounds are about minutes, not percent.
 * `sparse`: V held as its entries only (src/core/sparse-problem.ts), so nothing is m×n and each
 * product costs O(observed·k).
 */
export function estimateWork(
  algorithm: AlgorithmId,
  init: InitId,
  m: number,
  n: number,
  k: number,
  observed = m * n,
  sparse = false,
): WorkEstimate {
  if (sparse) return sparseWork(algorithm, m, n, k, observed);
  const masked = observed < m * n;
  const mnk = m * n * k;
  let flops = PRODUCT_FLOPS[algorithm] * mnk + 4 * (m + n) * k * k;
  if (masked && algorithm !== 'sgd' && algorithm !== 'kl') flops += 2 * mnk; // M∘(WH)
  if (algorithm === 'sgd') flops = 8 * observed * k;
  // a k×k solve per row of W and column of H: one Cholesky for als, an active set (k³ per column at worst) for anls
  if (algorithm === 'anls' || (algorithm === 'als' && masked)) flops += (m + n) * k ** 3 + (masked ? 2 * observed * k * k : 0);
  if (algorithm === 'als' && !masked) flops += k ** 3 + 2 * (m + n) * k * k;
  // W, H, their products with V, Grams and scratch; an m×n residual or quotient for kl, gd, and masked mu/hals
  let words = 4 * (m + n) * k + 4 * k * k + 3 * n;
  if (algorithm === 'kl' || algorithm === 'gd' || (masked && (algorithm === 'mu' || algorithm === 'hals'))) words += m * n;
  if (algorithm === 'sgd') words += 1.5 * observed + n * k;
  if (masked && (algorithm === 'als' || algorithm === 'anls')) words += k * Math.max(m, n) + observed / 2 + n * k;
  let initFlops = 2 * (m + n) * k;
  if (init === 'nndsvd' || init === 'nndsvda') {
    const l = Math.min(2 * k + 10, m, n);
    words += m * n + 4 * (m + n) * l + 3 * l * l;
    initFlops = 10 * (4 * m * n * l + 8 * (m + n) * l * l) + 60 * l ** 3;
  }
  return { bytes: 8 * words, iterationFlops: flops, initFlops };
}

/** The estimate of a sparse run (random or given init: nothing of V beyond its mean). */
function sparseWork(algorithm: AlgorithmId, m: number, n: number, k: number, observed: number): WorkEstimate {
  let flops = SPARSE_ENTRY_FLOPS[algorithm] * observed * k + 4 * (m + n) * k * k;
  // a k×k Gram over each row's and column's entries and its solve (als-core.ts's masked form)
  if (algorithm === 'als' || algorithm === 'anls') flops += 2 * observed * k * k + (m + n) * k ** 3;
  // W, H, Hᵀ, their products with V, Grams and scratch; per-entry values (model, residual); the gathered rows of the longest list
  const words = 4 * (m + n) * k + 4 * k * k + 3 * n + 2 * observed + k * Math.max(m, n);
  return { bytes: 8 * words, iterationFlops: flops, initFlops: 2 * (m + n) * k };
}

/** Why a run of this size cannot be done (what is too large, in words a user can act on), or null. `sparse` as in estimateWork. */
export function workProblem(
  algorithm: AlgorithmId,
  init: InitId,
  m: number,
  n: number,
  k: number,
  observed = m * n,
  sparse = false,
): string | null {
  const w = estimateWork(algorithm, init, m, n, k, observed, sparse);
  const what = `rank ${k} on a ${m}×${n} matrix`;
  if (w.bytes > MAX_RUN_BYTES) {
    return `${what} is too large: ${algorithm} would need about ${gb(w.bytes)} of memory for W, H and its workspace, more than the ${gb(MAX_RUN_BYTES)} allowed. Lower the rank or use a smaller matrix.`;
  }
  if (w.iterationFlops > MAX_ITERATION_FLOPS) {
    return `${what} is too much work: one iteration of ${algorithm} would take about ${sci(w.iterationFlops)} floating-point operations, more than the ${sci(MAX_ITERATION_FLOPS)} allowed in one step. Lower the rank or use a smaller matrix.`;
  }
  if (w.initFlops > MAX_INIT_FLOPS) {
    return `${what} is too much work for the ${init} initialization: about ${sci(w.initFlops)} floating-point operations, more than the ${sci(MAX_INIT_FLOPS)} allowed. Use random initialization or a lower rank.`;
  }
  return null;
}

function gb(bytes: number): string {
  return `${(bytes / 2 ** 30).toPrecision(2)} GB`;
}

function sci(x: number): string {
  return x.toExponential(1).replace('e+', 'e');
}
