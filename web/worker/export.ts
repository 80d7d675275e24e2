// The app's CSV exports, built in the worker: the full W (m×k), H (k×n), WH (m×n) and the
// relative-error history, labelled like the data and written exactly as the CLI's --out files
// (src/data/csv-write.ts: full precision, NaN → NA). WH is written in blocks of rows, so a
// 2000×1000 product never exists as one array or one string.
import { toCsv } from '../../src/data/csv-write.js';
import type { ExportWhat } from '../shared/protocol.js';

/** What an export is made from: the factors (views are fine: read once, synchronously) and the data's labels. */
export interface ExportSource {
  /** W, m×k row-major. */
  readonly W: ArrayLike<number>;
  /** H, k×n row-major. */
  readonly H: ArrayLike<number>;
  readonly m: number;
  readonly k: number;
  readonly n: number;
  readonly rowLabels?: readonly string[];
  readonly colLabels?: readonly string[];
  /** Relative error after each iteration (index 0 = iteration 1). */
  readonly history: readonly number[];
}

/** About this many numbers per piece of WH's text. */
const PIECE_ENTRIES = 1 << 16;

/** The file name of an export (V.csv, W.csv, W0.csv, …). */
export function exportFileName(what: ExportWhat): string {
  return `${what}.csv`;
}

/** "factor 1" … "factor k": the column labels of W and the row labels of H. */
export function factorLabels(k: number): string[] {
  return Array.from({ length: k }, (_, a) => `factor ${a + 1}`);
}

/** The CSV text of `what`, in pieces to be concatenated (e.g. as the parts of a Blob). */
export function exportPieces(what: Exclude<ExportWhat, 'V' | 'W0' | 'H0'>, s: ExportSource): string[] {
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

/**
 * V (m×n row-major, NaN = missing) as the file the Reproduce elsewhere programs read: src/data/csv-write.ts's
 * CSV with the data's labels, as `nmf export-code --data-out` writes it, in blocks of rows.
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

/** WH in blocks of rows, each block's text from toCsv (the header with the first block only). */
function productPieces(s: ExportSource): string[] {
  const { m, k, n, W, H } = s;
  const block = Math.max(1, Math.floor(PIECE_ENTRIES / n));
  const rows = new Float64Array(Math.min(block, m) * n);
  const pieces: string[] = [];
  for (let i0 = 0; i0 < m; i0 += block) {
    const r = Math.min(block, m - i0);
    productRows(W, H, i0, r, k, n, rows);
    const labels = { rows: s.rowLabels?.slice(i0, i0 + r), cols: i0 === 0 ? s.colLabels : undefined };
    pieces.push(toCsv({ rows: r, cols: n, data: rows }, labels));
  }
  return pieces;
}

/**
 * Rows i0 … i0+r−1 of WH (r×n, row-major) into `out`: out[i][j] = Σ_a W[i0+i][a]·H[a][j], summed
 * over a in order (the order of the CLI's product, so both write the same digits).
 */
export function productRows(
  W: ArrayLike<number>,
  H: ArrayLike<number>,
  i0: number,
  r: number,
  k: number,
  n: number,
  out: Float64Array,
): void {
  out.fill(0, 0, r * n);
  for (let i = 0; i < r; i++) {
    const o = i * n;
    for (let a = 0; a < k; a++) {
      const w = W[(i0 + i) * k + a];
      const h = a * n;
      for (let j = 0; j < n; j++) out[o + j] += w * H[h + j];
    }
  }
}
