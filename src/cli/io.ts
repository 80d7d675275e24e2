// Reading matrices from files and writing results, for the CLI.
import { accessSync, closeSync, constants, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Dense } from '../core/matrix.js';
import type { DataMatrix } from '../core/problem.js';
import { InputError } from '../data/errors.js';
import { RESULT_FILES, resultFileName, resultPieces } from '../data/results.js';
import { makeData } from '../data/spec.js';
import { UsageError } from './errors.js';
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

/** Writes W.csv, H.csv, WH.csv and history.csv into `dir` (made if needed: makeFolder), labelled like V, piece by piece. */
export function writeOutputs(
  dir: string,
  V: Pick<DataMatrix, 'rowLabels' | 'colLabels'>,
  W: Dense,
  H: Dense,
  history: readonly number[],
): void {
  makeFolder('--out', dir);
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

/**
 * UsageError ("FLAG DIR: ...") unless `dir` is a folder this process may write in or can be made
 * one: the nearest part of its path that exists must be such a folder. Creates nothing.
 * `contents` names what goes in it, for the message when `dir` is a file.
 */
export function checkFolder(flag: string, dir: string, contents = 'the files'): void {
  if (dir === '') throw new UsageError(`${flag}: the folder name is empty`);
  const at = `${flag} ${dir}: `;
  let p = dir;
  while (!exists(p, at)) {
    if (dirname(p) === p) return; // not even the root exists: mkdir will say why
    p = dirname(p);
  }
  if (!statSync(p).isDirectory()) {
    if (p === dir) throw new UsageError(`${at}that path is an existing file, not a folder (${contents} go in a folder)`);
    throw new UsageError(`${at}${p} is a file, not a folder, so no folder can be made in it`);
  }
  try {
    accessSync(p, constants.W_OK | constants.X_OK);
  } catch {
    throw new UsageError(`${at}no permission to write in ${p}`);
  }
}

/**
 * Makes the folder `dir` and its missing parents one level at a time (mkdirSync's recursive mode
 * never returns under /proc), after checkFolder; UsageError naming the level that cannot be made.
 */
export function makeFolder(flag: string, dir: string, contents?: string): void {
  checkFolder(flag, dir, contents);
  const missing: string[] = [];
  for (let p = dir; !exists(p, `${flag} ${dir}: `) && dirname(p) !== p; p = dirname(p)) missing.unshift(p);
  for (const p of missing) {
    try {
      mkdirSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'unknown error';
      if (code === 'EEXIST' && isFolder(p)) continue; // made meanwhile
      const why = MKDIR_WHY[code] ?? code;
      throw new UsageError(`${flag} ${dir}: cannot make the folder ${p}: ${why.replace('PARENT', dirname(p))}`);
    }
  }
}

/** What a failed mkdir's error code means, PARENT standing for the folder it was to be made in. */
const MKDIR_WHY: Record<string, string> = {
  ENOENT: 'PARENT does not accept new folders (ENOENT)',
  EACCES: 'no permission to write in PARENT (EACCES)',
  EPERM: 'PARENT does not accept new folders (EPERM)',
  EROFS: 'PARENT is on a read-only file system (EROFS)',
  ENOSPC: 'no space left on the device (ENOSPC)',
  EEXIST: 'a file of that name is in the way (EEXIST)',
};

/** Whether `p` is a folder (false when it is missing or cannot be looked at). */
function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Whether path `p` exists (false when it or a parent is missing or a parent is a file); UsageError when it cannot be looked at. */
function exists(p: string, at: string): boolean {
  try {
    statSync(p);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw new UsageError(`${at}cannot look at ${p} (${code ?? 'unknown error'})`);
  }
}

/** UsageError ("FLAG FILE: ...") unless `file` can be written: not a folder, in a folder that exists and this process may write in. */
export function checkFileTarget(flag: string, file: string): void {
  if (file === '') throw new UsageError(`${flag}: the file name is empty`);
  const at = `${flag} ${file}: `;
  if (exists(file, at) && statSync(file).isDirectory()) throw new UsageError(`${at}that is a folder, not a file`);
  const parent = dirname(file);
  if (!exists(parent, at)) throw new UsageError(`${at}the folder ${parent} does not exist`);
  if (!statSync(parent).isDirectory()) throw new UsageError(`${at}${parent} is a file, not a folder`);
  try {
    accessSync(parent, constants.W_OK | constants.X_OK);
  } catch {
    throw new UsageError(`${at}no permission to write in ${parent}`);
  }
}
