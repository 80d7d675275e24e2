// Reading matrices from files and writing results, for the CLI.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Dense } from '../core/matrix.js';
import type { DataMatrix } from '../core/problem.js';
import { toCsv } from '../data/csv-write.js';
import { InputError } from '../data/errors.js';
import { makeData } from '../data/spec.js';

/** Reads a CSV/TSV file and makes its matrix (makeData of its text); InputError (named by the file's base name) when unreadable or bad. */
export function readMatrixFile(path: string): DataMatrix {
  const name = basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'unreadable');
    throw new InputError(`${path}: cannot read the file (${why})`, { file: name });
  }
  return makeData({ kind: 'inline', text, fileName: name });
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

/** WH (m×n) for W (m×k), H (k×n), in plain TypeScript (for output files only). */
export function product(W: Dense, H: Dense): Dense {
  const { rows: m, cols: k } = W;
  const n = H.cols;
  const data = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let a = 0; a < k; a++) {
      const w = W.data[i * k + a];
      for (let j = 0; j < n; j++) data[i * n + j] += w * H.data[a * n + j];
    }
  }
  return { rows: m, cols: n, data };
}

/** Writes W.csv, H.csv, WH.csv and history.csv into `dir` (created if needed), labelled like V. */
export function writeOutputs(dir: string, V: DataMatrix, W: Dense, H: Dense, history: readonly number[]): void {
  mkdirSync(dir, { recursive: true });
  const factors = Array.from({ length: W.cols }, (_, a) => `factor ${a + 1}`);
  writeFileSync(join(dir, 'W.csv'), toCsv(W, { rows: V.rowLabels, cols: factors }));
  writeFileSync(join(dir, 'H.csv'), toCsv(H, { rows: factors, cols: V.colLabels }));
  writeFileSync(join(dir, 'WH.csv'), toCsv(product(W, H), { rows: V.rowLabels, cols: V.colLabels }));
  writeFileSync(join(dir, 'history.csv'), `iteration,relError\n${history.map((e, t) => `${t + 1},${e}`).join('\n')}\n`);
}
