// The dense products of an iteration at V m×n for each rank k of a sweep, in wasm, timed as the
// kernel section times them; numpy's figures for the same shapes come from bench/numpy.ts.
import { Rng } from '../src/core/rng.js';
import type { Mat } from '../src/core/matrix.js';
import { float32ScratchLen } from '../src/driver/float32.js';
import type { Engine } from '../src/wasm/engine.js';
import { bestMs, gflops, type Reps } from './timing.js';

/** The ranks of the sweep: powers of two, their neighbours and ranks off the v128 width. */
export const SWEEP_RANKS = [2, 3, 4, 5, 7, 8, 12, 16, 20, 24, 31, 32, 48, 63, 64] as const;

/** The products, by their numpy name (bench/numpy_products.py); the float32 mode's against numpy's float32. */
export const SWEEP_PRODUCTS = ['WtV', 'VHt', 'WH', 'WtW_H', 'W_HHt', 'WtW', 'HHt', 'WtV_f32', 'VHt_f32'] as const;

export type ProductName = (typeof SWEEP_PRODUCTS)[number];

/** Shorter timing than the kernel section: 15 ranks × 9 products. */
const SWEEP_REPS: Reps = { min: 3, max: 100, budgetMs: 120 };

/** GFLOP/s of each product at V (m×n) and rank k; allocates in `engine` and resets it after. */
export function sweepProducts(engine: Engine, m: number, n: number, k: number): Record<ProductName, number> {
  engine.reset();
  const rng = new Rng(k);
  const fill = (rows: number, cols: number): Mat => {
    const x = engine.mat(rows, cols);
    const v = engine.view(x);
    for (let t = 0; t < v.length; t++) v[t] = rng.next();
    return x;
  };
  const V = fill(m, n);
  const W = fill(m, k);
  const H = fill(k, n);
  const WtW = fill(k, k);
  const HHt = fill(k, k);
  const kn = engine.mat(k, n);
  const mk = engine.mat(m, k);
  const mn = engine.mat(m, n);
  const kk = engine.mat(k, k);
  // V with its float32 copy and scratch, as a float32 run's solver sees it
  const copy = engine.block(m * n * 4);
  engine.kernels.to_f32(V.ptr, copy.ptr, m * n);
  const scratchLen = float32ScratchLen(m, n, k);
  const V32: Mat = { ...V, f32: { ptr: copy.ptr, scratch: engine.block(scratchLen * 4).ptr, scratchLen } };
  const { gemmTN, gemmNT, gemmNN, gramTN, gramNT } = engine.ops;
  const cases: Record<ProductName, [() => void, number]> = {
    WtV: [() => gemmTN(W, V, kn), 2 * m * n * k],
    VHt: [() => gemmNT(V, H, mk), 2 * m * n * k],
    WH: [() => gemmNN(W, H, mn), 2 * m * n * k],
    WtW_H: [() => gemmNN(WtW, H, kn), 2 * k * k * n],
    W_HHt: [() => gemmNN(W, HHt, mk), 2 * m * k * k],
    WtW: [() => gramTN(W, kk), 2 * m * k * k],
    HHt: [() => gramNT(H, kk), 2 * n * k * k],
    WtV_f32: [() => gemmTN(W, V32, kn), 2 * m * n * k],
    VHt_f32: [() => gemmNT(V32, H, mk), 2 * m * n * k],
  };
  const out = {} as Record<ProductName, number>;
  for (const name of SWEEP_PRODUCTS) {
    const [f, flops] = cases[name];
    out[name] = gflops(flops, bestMs(f, SWEEP_REPS));
  }
  engine.reset();
  return out;
}
