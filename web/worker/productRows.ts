// The worker's display extremes of WH and V − WH (what display.ts: productExtremes computes in
// plain JS) formed by the wasm kernels on the run's own W, H and V, a panel of WH's rows at a
// time: m·k·n multiply-adds and an m×n pass that in plain JS took ~150 ms per snapshot of a
// 2000×1000 rank-20 run, and ~16 ms with the product in wasm and the pass in JS, time the run
// itself did not get. Likewise WH at the observed entries of a sparse V (nnz·k: ~130 ms in plain
// JS at 1,000,000 entries, rank 20).
import type { Factorization } from '../../src/driver/factorization.js';
import { isSparse } from '../../src/core/sparse-problem.js';
import type { Mat } from '../../src/core/matrix.js';
import { type BlockExtremes, type DisplayLayout, isAveraged } from '../shared/blocks.js';
import { PANEL_ROWS } from './display.js';

/**
 * Smallest and largest entry of each display cell of f's WH (m×n, in the data's units) and of
 * V − WH over V's observed entries, shown in blocks of `layout`: the same numbers as
 * productExtremes from the data's values; null when V is shown as is.
 */
export function wasmProductExtremes(f: Factorization, layout: DisplayLayout): { WH: BlockExtremes; R: BlockExtremes } | null {
  if (!isAveraged(layout)) return null;
  const { engine, W, H, k } = f;
  const p = f.problem;
  if (isSparse(p)) throw new Error('wasmProductExtremes: V is sparse');
  const { m, n, scale } = p;
  const size = layout.rows * layout.cols;
  const mark = engine.mark();
  try {
    const ext = engine.mat(4, size);
    const e = engine.view(ext);
    e.fill(Infinity, 0, size);
    e.fill(-Infinity, size, 2 * size);
    e.fill(Infinity, 2 * size, 3 * size);
    e.fill(-Infinity, 3 * size);
    const panel = engine.mat(PANEL_ROWS, n);
    for (let i0 = 0; i0 < m; i0 += PANEL_ROWS) {
      const rows = Math.min(PANEL_ROWS, m - i0);
      const C: Mat = { ptr: panel.ptr, rows, cols: n };
      engine.ops.gemmNN({ ptr: W.ptr + i0 * k * 8, rows, cols: k }, H, C);
      engine.ops.blockExtremes(p.V, p.M, C, i0, layout.blockRows, layout.blockCols, ext);
    }
    // the solvers see V/scale (a power of two): the extremes in the data's units are scale times these, exactly
    const e4 = engine.view(ext);
    const [whMin, whMax, rMin, rMax] = [0, 1, 2, 3].map(() => new Float64Array(size));
    // a cell whose minimum is not below its maximum saw no entry (of WH; for V − WH no observed one)
    const finish = (lo: Float64Array, hi: Float64Array, at: number) => {
      for (let t = 0; t < size; t++) {
        const seen = e4[at + t] <= e4[at + size + t];
        lo[t] = seen ? e4[at + t] * scale : NaN;
        hi[t] = seen ? e4[at + size + t] * scale : NaN;
      }
    };
    finish(whMin, whMax, 0);
    finish(rMin, rMax, 2 * size);
    return { WH: { min: whMin, max: whMax }, R: { min: rMin, max: rMax } };
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
