// Reading matrices from files and writing results, for the CLI.
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Dense } from '../core/matrix.js';
import type { DataMatrix } from '../core/problem.js';
import { InputError } from '../data/errors.js';
import { RESULT_FILES, resultFileName, resultPieces } from '../data/results.js';
import { makeData } from '../data/spec.js';
import { looksLong, parseLongText } from '../data/long.js';
import type { SparseData } from '../core/sparse.js';

/**
 * Reads a CSV/TSV file (long format when `long` or when its header says row, column, value) and
 * makes its matrix (makeData of its text); InputError (named by the file's base name) when unreadable or bad.
 */
export function readMatrixFile(path: string, long = false): DataMatrix {
  return makeData({ kind: 'inline', text: readText(path), fileName: basename(path), ...(long ? { long } : {}) });
}

/**
 * Reads a file as factor does: long format (when `long` or its header says row, column, value)
 * into SparseData, never dense; else a table into a DataMatrix. InputError when unreadable or bad.
 */
export function readMatrixOrSparse(path: string, long: boolean): DataMatrix | SparseData {
  const text = readText(path);
  const name = basename(path);
  return long || looksLong(text) ? parseLongText(text, name) : makeData({ kind: 'inline', text, fileName: name });
}

/** The text of a file; InputError naming it when it cannot be read. */
export function readText(path: string): string {
  const name = basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'unreadable');
    throw new InputError(`${path}: cannot read the file (${why})`, { file: name });
  }
  return text;
}

/** Reads a factor (W0 or H0): a matrix with no missing entries. */
export function readFactorFile(path: string): Dense {
  const d = readMatrixFile(path);
  const t = d.values.findIndex(Number.isNaN);
  if (t >= 0) {
    const where = { file: d.name, row: Math.floor(t / d.cols) + 1, column: (t % d.cols) + 1 };
    throw new InputError(`${d.name}: the initial factor has a missing entry at matrix row ${where.row}, column ${where.column}`, where);
  }
  return { rows: d.rows, cols: d.cols, data: d.values };
}

/** Writes W.csv, H.csv, WH.csv and history.csv into `dir` (created if needed), labelled like V, piece by piece. */
export function writeOutputs(
  dir: string,
  V: Pick<DataMatrix, 'rowLabels' | 'colLabels'>,
  W: Dense,
  H: Dense,
  history: readonly number[],
): void {
  mkdirSync(dir, { recursive: true });
  const source = { W: W.data, H: H.data, m: W.rows, k: W.cols, n: H.cols, rowLabels: V.rowLabels, colLabels: V.colLabels, history };
  for (const what of RESULT_FILES) {
    const fd = openSync(join(dir, resultFileName(what)), 'w');
    try {
      for (const piece of resultPieces(what, source)) writeSync(fd, piece);
    } finally {
      closeSync(fd);
    }
  }
}
