// WH's rows for the worker's display extremes (display.ts: productExtremes) formed by the wasm
// kernels on the run's own W and H, a panel at a time: m·k·n multiply-adds that in plain JS took
// ~150 ms per snapshot of a 2000×1000 rank-20 run, time the run itself did not get. Likewise WH at
// the observed entries of a sparse V (nnz·k: ~130 ms in plain JS at 1,000,000 entries, rank 20).
import type { Factorization } from '../../src/driver/factorization.js';
import { isSparse } from '../../src/core/sparse-problem.js';
import type { Mat } from '../../src/core/matrix.js';
import { PANEL_ROWS, type RowsOfWH } from './display.js';

/**
 * Calls `use` with the rows of f's WH (m×n, in the data's units) formed by the engine's gemm,
 * split over its threads; the panel it needs is freed when `use` returns.
 */
export function withWasmProduct<T>(f: Factorization, use: (product: RowsOfWH) => T): T {
  const { engine, W, H, k } = f;
  const { n, scale } = f.problem;
  const mark = engine.mark();
  try {
    const panel = engine.mat(PANEL_ROWS, n);
    return use((i0, i1, out) => {
      const rows: Mat = { ptr: W.ptr + i0 * k * 8, rows: i1 - i0, cols: k };
      const C: Mat = { ptr: panel.ptr, rows: i1 - i0, cols: n };
      engine.ops.gemmNN(rows, H, C);
      // the solvers see V/scale (a power of two): WH in the data's units is scale·W·H, exactly
      const c = engine.view(C);
      for (let t = 0; t < c.length; t++) out[t] = scale * c[t];
    });
  } finally {
    engine.release(mark);
  }
}

/**
 * Calls `use` with WH at the observed entries of f's sparse V (nnz values, V's row order: CSR),
 * formed by the engine's sparse sampling kernel from W (m×k) and Hᵀ (n×k), split over its
 * threads; the scratch is freed when `use` returns.
 */
export function withSampledProduct<T>(f: Factorization, use: (whAtEntries: Float64Array) => T): T {
  const { engine, W, H, k } = f;
  const p = f.problem;
  if (!isSparse(p)) throw new Error('withSampledProduct: V is dense');
  const mark = engine.mark();
  try {
    const Ht = engine.mat(p.n, k);
    engine.ops.transpose(H, Ht);
    const out = engine.mat(1, p.observed);
    engine.ops.sparseSample(p.rows, W, Ht, out);
    return use(engine.view(out));
  } finally {
    engine.release(mark);
  }
}
