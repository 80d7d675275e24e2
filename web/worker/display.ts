// Matrices made small enough to draw: block means, computed in the worker so the page never
// touches an m×n array. Block means of WH come from block means of W and H, exactly:
// mean over I×J of Σ_k W_ik·H_kj = Σ_k mean_I(W_ik)·mean_J(H_kj).
import type { DisplayMat } from '../shared/protocol.js';

/** At most this many display cells along each axis (a plot cannot show more). */
export const MAX_CELLS = 200;

/** Entries per block along an axis of `size` entries so that at most `max` blocks remain. */
export function blockSize(size: number, max = MAX_CELLS): number {
  return Math.max(1, Math.ceil(size / max));
}

/** Block means of a rows×cols row-major `src` over br×bc blocks (partial blocks at the ends), skipping NaN. */
export function blockMeans(
  src: ArrayLike<number>,
  rows: number,
  cols: number,
  br: number,
  bc: number,
): { mat: DisplayMat; observed: Float64Array } {
  const R = Math.ceil(rows / br);
  const C = Math.ceil(cols / bc);
  const sum = new Float64Array(R * C);
  const count = new Float64Array(R * C);
  for (let i = 0; i < rows; i++) {
    const rowOff = ((i / br) | 0) * C;
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      const x = src[base + j];
      if (x !== x) continue; // NaN = missing
      const c = rowOff + ((j / bc) | 0);
      sum[c] += x;
      count[c] += 1;
    }
  }
  const observed = new Float64Array(R * C);
  for (let I = 0; I < R; I++) {
    const h = Math.min(br, rows - I * br);
    for (let J = 0; J < C; J++) {
      const c = I * C + J;
      const w = Math.min(bc, cols - J * bc);
      sum[c] = count[c] > 0 ? sum[c] / count[c] : NaN;
      observed[c] = count[c] / (h * w);
    }
  }
  return { mat: { rows: R, cols: C, data: sum, sourceRows: rows, sourceCols: cols, blockRows: br, blockCols: bc }, observed };
}

/** C (R×n) = A (R×k) · B (k×n), all row-major. */
export function multiply(A: Float64Array, B: Float64Array, R: number, k: number, n: number): Float64Array {
  const C = new Float64Array(R * n);
  for (let i = 0; i < R; i++) {
    const ci = i * n;
    for (let p = 0; p < k; p++) {
      const a = A[i * k + p];
      if (a === 0) continue;
      const bp = p * n;
      for (let j = 0; j < n; j++) C[ci + j] += a * B[bp + j];
    }
  }
  return C;
}

/** V (m×n, NaN = missing) for display, with the fraction of observed entries per cell. */
export function displayData(values: Float64Array, m: number, n: number): { V: DisplayMat; observed: Float64Array } {
  const { mat, observed } = blockMeans(values, m, n, blockSize(m), blockSize(n));
  return { V: mat, observed };
}

/** W (m×k), H (k×n) and WH (m×n) for display, with the same blocks of rows and columns as V. */
export function displayFactors(
  W: Float64Array,
  H: Float64Array,
  m: number,
  k: number,
  n: number,
): { W: DisplayMat; H: DisplayMat; WH: DisplayMat } {
  const br = blockSize(m);
  const bc = blockSize(n);
  const bk = blockSize(k);
  const Wr = blockMeans(W, m, k, br, 1).mat; // R×k
  const Hc = blockMeans(H, k, n, 1, bc).mat; // k×C
  const R = Wr.rows;
  const C = Hc.cols;
  const WH: DisplayMat = {
    rows: R,
    cols: C,
    data: multiply(Wr.data, Hc.data, R, k, C),
    sourceRows: m,
    sourceCols: n,
    blockRows: br,
    blockCols: bc,
  };
  const Wd = bk === 1 ? Wr : { ...blockMeans(Wr.data, R, k, 1, bk).mat, sourceRows: m, blockRows: br };
  const Hd = bk === 1 ? Hc : { ...blockMeans(Hc.data, k, C, bk, 1).mat, sourceCols: n, blockCols: bc };
  return { W: Wd, H: Hd, WH };
}
