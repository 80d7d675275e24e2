// The optional float32 mode: V's products WᵀV and VHᵀ (the bulk of mu, hals, als and anls on a
// dense V) run with V and the factor rounded to float32, four lanes per SIMD register instead
// of two (assembly/products-f32.ts); everything else, and every result, stays float64.
import type { Problem } from '../core/problem.js';
import { solverInfo } from '../solvers/registry.js';
import type { AlgorithmId } from '../solvers/types.js';
import type { Engine } from '../wasm/engine.js';

/** The precision of V's products: float64 (the default) or float32. */
export type Precision = 'float64' | 'float32';

/** The precisions, in the order the CLI and the app list them. */
export const PRECISIONS: readonly Precision[] = ['float64', 'float32'];

/**
 * Whether `algorithm` forms WᵀV and VHᵀ with V itself on a dense V (with missing entries when
 * `masked`), so that the float32 mode changes it: its registry entry's productsWithV (mu on any
 * dense V; hals, als and anls on a full one: masked, they solve per row and column or work on the
 * residual). test/float32.test.ts checks this against what each solver does.
 */
export function usesFloat32(algorithm: AlgorithmId, masked: boolean): boolean {
  const where = solverInfo(algorithm).productsWithV;
  return where === 'dense' || (where === 'full' && !masked);
}

/**
 * Entries of f32 scratch the float32 products of a rank-k V (m×n) need for the converted W or H:
 * W's m·k or H's k·n, and the 3 entries (of W) or rows (of H) the kernels' last tiles read past them.
 */
export function float32ScratchLen(m: number, n: number, k: number): number {
  return Math.max(m * k + 3, (k + 3) * n);
}

/**
 * The problem a solver of rank k sees in float32 mode: the same, its V carrying a float32 copy
 * (m·n entries) and room to convert W or H (float32ScratchLen), both in engine's arena.
 */
export function withFloat32(engine: Engine, problem: Problem, k: number): Problem {
  const { m, n, V } = problem;
  const copy = engine.block(m * n * 4);
  const scratchLen = float32ScratchLen(m, n, k);
  const scratch = engine.block(scratchLen * 4);
  engine.kernels.to_f32(V.ptr, copy.ptr, m * n);
  return { ...problem, V: { ...V, f32: { ptr: copy.ptr, scratch: scratch.ptr, scratchLen } } };
}
