// V, W, H and WH made small enough to draw, in the worker, so the page never touches an m×n
// array: block means (web/shared/blocks.ts) of at most MAX_CELLS per side. Block means of WH
// come from block means of W and H, exactly:
// mean over I×J of Σ_k W_ik·H_kj = Σ_k mean_I(W_ik)·mean_J(H_kj).
import { gemm_nn } from '../../src/kernels-ts/products.js';
import { asDisplay, blockAverage, blockFactor, fitBlocks, type DisplayMatrix } from '../shared/blocks.js';

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
