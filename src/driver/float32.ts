// The optional float32 mode: V's products WᵀV and VHᵀ (the bulk of mu, hals, als and anls on a
// dense V), or gd's RHᵀ and WᵀR with its residual R, run with that matrix and the factor rounded
// to float32, four lanes per SIMD register instead of two (assembly/products-f32.ts); everything
// else, and every result, stays float64.
import type { Mat } from '../core/matrix.js';
import type { Problem } from '../core/problem.js';
import { solverInfo } from '../solvers/registry.js';
import type { AlgorithmId } from '../solvers/types.js';
import type { Engine } from '../wasm/engine.js';

/** The precision of V's products: float64 (the default) or float32. */
export type Precision = 'float64' | 'float32';

/** The precisions, in the order the CLI and the app list them. */
export const PRECISIONS: readonly Precision[] = ['float64', 'float32'];

/**
 * Whether `algorithm` forms WᵀV and VHᵀ with V itself, or RHᵀ and WᵀR with its residual, on a
 * dense V (with missing entries when `masked`), so that the float32 mode changes it: its registry
 * entry's productsWithV (mu on any dense V; hals, als and anls on a full one: masked, they solve
 * per row and column or work on the residual) or productsWithResidual (gd on any dense V).
 * test/float32.test.ts checks this against what each solver does.
 */
export function usesFloat32(algorithm: AlgorithmId, masked: boolean): boolean {
  const info = solverInfo(algorithm);
  const where = info.productsWithV ?? info.productsWithResidual;
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
 * A (m×n) with room, in engine's arena, for its float32 copy (m·n entries, not filled) and for the
 * rank-k factor its products convert (float32ScratchLen).
 */
export function float32Room(engine: Engine, A: Mat, k: number): Mat {
  const copy = engine.block(A.rows * A.cols * 4);
  const scratchLen = float32ScratchLen(A.rows, A.cols, k);
  const scratch = engine.block(scratchLen * 4);
  return { ...A, f32: { ptr: copy.ptr, scratch: scratch.ptr, scratchLen } };
}

/**
 * The problem a solver of rank k sees in float32 mode when it forms products with V: the same,
 * its V carrying a float32 copy (m·n entries, converted once) and room to convert W or H.
 */
export function withFloat32(engine: Engine, problem: Problem, k: number): Problem {
  const V = float32Room(engine, problem.V, k);
  engine.kernels.to_f32(V.ptr, V.f32!.ptr, problem.m * problem.n);
  return { ...problem, V };
}
