// V, W, H and WH made small enough to draw, in the worker, so the page never touches an m×n
// array: block means (web/shared/blocks.ts) of at most MAX_CELLS per side. Block means of WH
// come from block means of W and H, exactly:
// mean over I×J of Σ_k W_ik·H_kj = Σ_k mean_I(W_ik)·mean_J(H_kj).
import { gemm_nn } from '../../src/kernels-ts/products.js';
import {
  asDisplay,
  blockAverage,
  blockFactor,
  extremesOf,
  fitBlocks,
  isAveraged,
  type BlockExtremes,
  type DisplayLayout,
  type DisplayMatrix,
} from '../shared/blocks.js';

/** V (m×n, NaN = missing) for display, with the fraction of observed entries in each cell. */
export function displayData(values: Float64Array, m: number, n: number): { V: DisplayMatrix; observed: Float64Array } {
  const { matrix: V, counts } = fitBlocks(asDisplay({ rows: m, cols: n, data: values }));
  const observed = new Float64Array(counts.length);
  for (let I = 0; I < V.rows; I++) {
    const h = Math.min(V.blockRows, m - I * V.blockRows);
    for (let J = 0; J < V.cols; J++) {
      const w = Math.min(V.blockCols, n - J * V.blockCols);
      observed[I * V.cols + J] = counts[I * V.cols + J] / (h * w);
    }
  }
  return { V, observed };
}

/** W (m×k), H (k×n) and WH (m×n) for display, with the same blocks of rows and columns as V. */
export function displayFactors(
  W: Float64Array,
  H: Float64Array,
  m: number,
  k: number,
  n: number,
): { W: DisplayMatrix; H: DisplayMatrix; WH: DisplayMatrix } {
  const bk = blockFactor(k);
  const Wr = blockAverage(asDisplay({ rows: m, cols: k, data: W }), blockFactor(m), 1).matrix; // R×k
  const Hc = blockAverage(asDisplay({ rows: k, cols: n, data: H }), 1, blockFactor(n)).matrix; // k×C
  const data = new Float64Array(Wr.rows * Hc.cols);
  gemm_nn(Wr.data, Hc.data, data, Wr.rows, k, Hc.cols);
  const WH: DisplayMatrix = {
    rows: Wr.rows,
    cols: Hc.cols,
    data,
    sourceRows: m,
    sourceCols: n,
    blockRows: Wr.blockRows,
    blockCols: Hc.blockCols,
  };
  const Wd = bk === 1 ? Wr : blockAverage(Wr, 1, bk).matrix;
  const Hd = bk === 1 ? Hc : blockAverage(Hc, bk, 1).matrix;
  return { W: Wd, H: Hd, WH };
}

/** Smallest and largest entry of each display cell of V (m×n, NaN = missing); null when V is shown as is. */
export function dataExtremes(values: Float64Array, layout: DisplayLayout): BlockExtremes | null {
  if (!isAveraged(layout)) return null;
  const { sourceRows: m, sourceCols: n } = layout;
  const acc = extremesOf(layout);
  for (let i = 0; i < m; i++) acc.row(i, values.subarray(i * n, (i + 1) * n));
  return acc.done();
}

/** Rows i0..i1−1 of WH (m×n) into out (row-major, (i1 − i0)×n): how productExtremes forms the product. */
export type RowsOfWH = (i0: number, i1: number, out: Float64Array) => void;

/** Rows of WH in plain JS from W (m×k) and H (k×n): the fallback of productExtremes. */
export function rowsOfWH(W: Float64Array, H: Float64Array, k: number, n: number): RowsOfWH {
  return (i0, i1, out) => {
    out.fill(0, 0, (i1 - i0) * n);
    for (let i = i0; i < i1; i++) {
      const o = (i - i0) * n;
      for (let a = 0; a < k; a++) {
        const w = W[i * k + a];
        if (w === 0) continue;
        const h = a * n;
        for (let j = 0; j < n; j++) out[o + j] += w * H[h + j];
      }
    }
  };
}

/** Rows of WH per call of the product in productExtremes. */
export const PANEL_ROWS = 64;

/**
 * Smallest and largest entry of each display cell of WH and of the residual V − WH (over V's
 * observed entries), for V (m×n, NaN = missing) and WH's rows from `product` (m·k·n work, in
 * panels of PANEL_ROWS rows: the session forms them with the wasm kernels), shown in blocks of
 * `layout`; null when V is shown as is.
 */
export function productExtremes(
  values: Float64Array,
  product: RowsOfWH,
  layout: DisplayLayout,
): { WH: BlockExtremes; R: BlockExtremes } | null {
  if (!isAveraged(layout)) return null;
  const { sourceRows: m, sourceCols: n, rows, cols, blockRows: br, blockCols: bc } = layout;
  const size = rows * cols;
  const whMin = new Float64Array(size).fill(Infinity);
  const whMax = new Float64Array(size).fill(-Infinity);
  const rMin = new Float64Array(size).fill(Infinity);
  const rMax = new Float64Array(size).fill(-Infinity);
  const panel = new Float64Array(PANEL_ROWS * n);
  for (let i0 = 0; i0 < m; i0 += PANEL_ROWS) {
    const i1 = Math.min(m, i0 + PANEL_ROWS);
    product(i0, i1, panel);
    for (let i = i0; i < i1; i++) {
      const base = ((i / br) | 0) * cols;
      const p = (i - i0) * n;
      const v = i * n;
      // one pass per row, block column by block column, the four running extremes in locals
      // (a NaN residual, where V is missing, fails both tests)
      for (let J = 0, j = 0; J < cols; J++) {
        const c = base + J;
        let wl = whMin[c];
        let wh = whMax[c];
        let rl = rMin[c];
        let rh = rMax[c];
        for (const end = Math.min(n, j + bc); j < end; j++) {
          const x = panel[p + j];
          if (x < wl) wl = x;
          if (x > wh) wh = x;
          const r = values[v + j] - x;
          if (r < rl) rl = r;
          if (r > rh) rh = r;
        }
        whMin[c] = wl;
        whMax[c] = wh;
        rMin[c] = rl;
        rMax[c] = rh;
      }
    }
  }
  for (let t = 0; t < size; t++) {
    if (whMin[t] > whMax[t]) whMin[t] = whMax[t] = NaN;
    if (rMin[t] > rMax[t]) rMin[t] = rMax[t] = NaN;
  }
  return { WH: { min: whMin, max: whMax }, R: { min: rMin, max: rMax } };
}

/** Number of negative entries of W and of H (full factors, not display cells). */
export function negativeCounts(W: Float64Array, H: Float64Array): { W: number; H: number } {
  let w = 0;
  let h = 0;
  for (let t = 0; t < W.length; t++) if (W[t] < 0) w++;
  for (let t = 0; t < H.length; t++) if (H[t] < 0) h++;
  return { W: w, H: h };
}
