// ‖V − WH‖²_F from products a solver already has, without forming WH.
import type { Mat } from '../core/matrix.js';
import type { Problem } from '../core/problem.js';
import type { Engine } from '../wasm/engine.js';

/** Below this fraction of ‖V‖² the trace form loses digits to cancellation; callers then compute directly. */
const CANCELLATION_GUARD = 1e-4;

/**
 * ‖V − WH‖²_F = ‖V‖² − 2·tr(Wᵀ·VHᵀ) + tr(WᵀW·HHᵀ) for a fully observed V (m×n), from
 * W (m×k), VHt (m×k), WtW (k×k), HHt (k×k) that all belong to the current W and H.
 * Returns null when the mask is not full or when cancellation would cost more than ~1e-12
 * relative accuracy (the driver then computes the residual entry by entry).
 */
export function traceResidualSq(engine: Engine, problem: Problem, W: Mat, VHt: Mat, WtW: Mat, HHt: Mat): number | null {
  if (problem.M) return null;
  const { dot } = engine.ops;
  const s = problem.normV2 - 2 * dot(W, VHt) + dot(WtW, HHt);
  return s >= CANCELLATION_GUARD * problem.normV2 ? s : null;
}
