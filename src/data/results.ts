// The result files of a factorization as CSV: the full W (m×k), H (k×n), their product WH (m×n)
// and the relative-error history, labelled like the data. The one writer of the CLI's --out files
// and of the app's exports (built in the worker), so both hold the same bytes for the same run.
// WH is written in blocks of rows, so a 2000×1000 product never exists as one array or one string.
// Also the data file the Reproduce elsewhere programs read (V, as `nmf export-code --data-out`
// writes it).
import { gemm_nn } from '../kernels-ts/products.js';
import type { RunOptions } from '../driver/options.js';
import type { SparseData } from '../core/sparse.js';
import { textCell, toCsv } from './csv-write.js';

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
  /** Relative error of the initial W, H: history.csv then starts with iteration 0. */
  readonly initialRelError?: number;
  /** Seconds spent iterating up to each iteration (index 0 = iteration 1; NaN where unknown): a seconds column in history.csv. */
  readonly seconds?: readonly number[];
}

/** What names an exported file and heads it: the data, the run's settings and where it stands. */
export interface ResultAbout {
  /** The data's name (example id, file name, "pasted data 2"). */
  readonly dataName: string;
  readonly m: number;
  readonly n: number;
  readonly algorithm: string;
  readonly rank: number;
  readonly iteration: number;
}

/** About this many numbers per piece of WH's text. */
const PIECE_ENTRIES = 1 << 16;

/** The file name of a result file ("W.csv"), or with `about` one that describes itself ("lowrank-60x40_hals_k4_it200_W.csv"). */
export function resultFileName(what: string, about?: ResultAbout): string {
  if (!about) return `${what}.csv`;
  const data = safeName(about.dataName) || 'data';
  const size = `${about.m}x${about.n}`;
  // a name that gives the size ends there ("low-rank 2000×1000, rank 20, noise …" → "low-rank-2000x1000")
  const at = data.indexOf(size);
  const name = at >= 0 ? data.slice(0, at + size.length) : `${data}-${size}`;
  return `${name}_${safeName(about.algorithm)}_k${about.rank}_it${about.iteration}_${what}.csv`;
}

/** `text` in file-name-safe characters: letters, digits, '.', '-' (× as x, runs of anything else one '-'), at most 60 of them. */
export function safeName(text: string): string {
  return text
    .replace(/×/g, 'x')
    .replace(/\.[A-Za-z]+$/, '')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60)
    .replace(/[-.]+$/, '');
}

/**
 * What heads an exported result file: the program, the data and size, the run's options (seed
 * included), the iteration, and the share link that reproduces it (when there is one).
 */
export function resultComment(about: ResultAbout, o: RunOptions, link: string | null): string {
  const params = Object.entries(o.params)
    .map(([key, v]) => `${key}=${v}`)
    .join(' ');
  return commentLine([
    `NMF Playground: ${about.dataName} (${about.m}×${about.n})`,
    `algorithm ${o.algorithm}`,
    `rank ${o.rank}`,
    `init ${o.init}`,
    `seed ${o.seed}`,
    `iteration ${about.iteration}`,
    `maxIter ${o.maxIter}`,
    `tol ${o.tol}`,
    `target ${o.target}`,
    `params ${params}`,
    ...(link ? [`link ${link}`] : []),
  ]);
}

/**
 * The first line of an exported CSV: "# " and `parts` joined by " · ", on one line and in one
 * CSV cell (line breaks become spaces, commas and double quotes are percent-encoded), so our
 * parser, pandas (`comment='#'`) and R (`comment.char = '#'`) skip it, and a spreadsheet shows it
 * as one text cell that starts with '#', never a formula.
 */
export function commentLine(parts: readonly string[]): string {
  const text = parts
    .join(' · ')
    .replace(/[\r\n]+/g, ' ')
    .replace(/,/g, '%2C')
    .replace(/"/g, '%22');
  return `# ${text}\n`;
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
      return [historyText(s)];
  }
}

/**
 * history.csv: iteration,relError (and seconds, when known) per iteration, from iteration 0 (the
 * initial error, 0 s) when the source has it.
 */
function historyText(s: ResultSource): string {
  const timed = s.seconds !== undefined;
  const cell = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? 'NA' : String(x));
  const lines = [timed ? 'iteration,relError,seconds' : 'iteration,relError'];
  if (s.initialRelError !== undefined) lines.push(timed ? `0,${cell(s.initialRelError)},0` : `0,${cell(s.initialRelError)}`);
  s.history.forEach((e, t) => lines.push(timed ? `${t + 1},${e},${cell(s.seconds![t])}` : `${t + 1},${e}`));
  return `${lines.join('\n')}\n`;
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
 * WH (m×n) at the observed entries of a V held by its entries only, in long format: a
 * `row,column,WH` header, then one line per entry in V's row order, labelled like V; nnz·k work
 * and nnz lines (never m×n), in pieces of about PIECE_ENTRIES lines. W is m×k, H k×n.
 */
export function observedProductPieces(V: SparseData, W: Float64Array, H: Float64Array, k: number): string[] {
  const { rows: m, cols: n, rowPtr, colIdx } = V;
  const rowName = (i: number) => textCell(V.rowLabels?.[i] ?? String(i + 1));
  const colName = (j: number) => textCell(V.colLabels?.[j] ?? String(j + 1));
  const pieces: string[] = [];
  let lines: string[] = ['row,column,WH'];
  for (let i = 0; i < m; i++) {
    const r = rowName(i);
    for (let t = rowPtr[i]; t < rowPtr[i + 1]; t++) {
      const j = colIdx[t];
      let x = 0;
      for (let a = 0; a < k; a++) x += W[i * k + a] * H[a * n + j];
      lines.push(`${r},${colName(j)},${x}`);
    }
    if (lines.length >= PIECE_ENTRIES) {
      pieces.push(`${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length) pieces.push(`${lines.join('\n')}\n`);
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
