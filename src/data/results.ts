// The result files of a factorization as CSV: the full W (m×k), H (k×n), their product WH (m×n)
// and the relative-error history, labelled like the data. The one writer of the CLI's --out files
// and of the app's exports (built in the worker), so both hold the same bytes for the same run.
// WH is written in blocks of rows, so a 2000×1000 product never exists as one array or one string.
// Also the data file the Reproduce elsewhere programs read (V, as `nmf export-code --data-out`
// writes it).
import { gemm_nn } from '../kernels-ts/products.js';
import { toCsv } from './csv-write.js';

/** The result files, in the order they are offered. */
export const RESULT_FILES = ['W', 'H', 'WH', 'history'] as const;

/** One of the result files. */
export type ResultFile = (typeof RESULT_FILES)[number];

/** What the files are made from: the factors (views are fine: read once, synchronously) and the data's labels. */
export interface ResultSource {
  /** W, m×k row-major. */
  readonly W: Float64Array;
  /** H, k×n row-major. */
  readonly H: Float64Array;
  readonly m: number;
  readonly k: number;
  readonly n: number;
  /** Labels of the m rows and n columns of V. */
  readonly rowLabels?: readonly string[];
  readonly colLabels?: readonly string[];
  /** Relative error after each iteration (index 0 = iteration 1). */
  readonly history: readonly number[];
}

/** About this many numbers per piece of WH's text. */
const PIECE_ENTRIES = 1 << 16;

/** The file name of a result file ("W.csv"). */
export function resultFileName(what: ResultFile): string {
  return `${what}.csv`;
}

/** "factor 1" … "factor k": the column labels of W and the row labels of H. */
export function factorLabels(k: number): string[] {
  return Array.from({ length: k }, (_, a) => `factor ${a + 1}`);
}

/** The CSV text of `what`, in pieces to be concatenated (the parts of a Blob, or writes to a file). */
export function resultPieces(what: ResultFile, s: ResultSource): string[] {
  switch (what) {
    case 'W':
      return [toCsv({ rows: s.m, cols: s.k, data: s.W }, { rows: s.rowLabels, cols: factorLabels(s.k) })];
    case 'H':
      return [toCsv({ rows: s.k, cols: s.n, data: s.H }, { rows: factorLabels(s.k), cols: s.colLabels })];
    case 'WH':
      return productPieces(s);
    case 'history':
      return [`iteration,relError\n${s.history.map((e, t) => `${t + 1},${e}`).join('\n')}\n`];
  }
}

/** WH in blocks of rows (each r×n block = W's rows times H by gemm_nn), the header with the first block only. */
function productPieces(s: ResultSource): string[] {
  const { m, k, n, W, H } = s;
  const block = Math.max(1, Math.floor(PIECE_ENTRIES / n));
  const rows = new Float64Array(Math.min(block, m) * n);
  const pieces: string[] = [];
  for (let i0 = 0; i0 < m; i0 += block) {
    const r = Math.min(block, m - i0);
    gemm_nn(W.subarray(i0 * k, (i0 + r) * k), H, rows, r, k, n);
    const labels = { rows: s.rowLabels?.slice(i0, i0 + r), cols: i0 === 0 ? s.colLabels : undefined };
    pieces.push(toCsv({ rows: r, cols: n, data: rows }, labels));
  }
  return pieces;
}

/**
 * V (m×n row-major, NaN = missing) as the file the Reproduce elsewhere programs read: csv-write's
 * CSV with the data's labels (the same bytes as `nmf export-code --data-out`), in blocks of rows.
 */
export function dataPieces(
  values: ArrayLike<number>,
  m: number,
  n: number,
  rowLabels?: readonly string[],
  colLabels?: readonly string[],
): string[] {
  const block = Math.max(1, Math.floor(PIECE_ENTRIES / n));
  const pieces: string[] = [];
  for (let i0 = 0; i0 < m; i0 += block) {
    const r = Math.min(block, m - i0);
    const rows = Array.prototype.slice.call(values, i0 * n, (i0 + r) * n) as number[];
    pieces.push(toCsv({ rows: r, cols: n, data: rows }, { rows: rowLabels?.slice(i0, i0 + r), cols: i0 === 0 ? colLabels : undefined }));
  }
  return pieces;
}
