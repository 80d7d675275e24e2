// Checks that a matrix can be factorized, with messages that say where the problem is.
import type { DataMatrix } from '../core/problem.js';
import { InputError, locate } from './errors.js';

/** Maps matrix indices (0-based) to the row and column a user sees in the source (1-based). */
export interface Positions {
  readonly file: string;
  row(i: number): number;
  column(j: number): number;
}

/** Positions of a matrix that is its own source: row i+1, column j+1. */
export function matrixPositions(file: string): Positions {
  return { file, row: (i) => i + 1, column: (j) => j + 1 };
}

/**
 * Throws InputError for the first reason V (rows×cols, NaN = missing) cannot be factorized:
 * no entries; an infinite or negative entry; a row or column with no observed entry; no
 * positive entry at all.
 */
export function validateMatrix(d: DataMatrix, pos: Positions = matrixPositions(d.name ?? 'data')): void {
  const { rows: m, cols: n, values: v } = d;
  const file = pos.file;
  if (m === 0 || n === 0) throw new InputError(`${file}: no numbers found (the matrix is empty)`, { file });
  const rowSeen = new Uint8Array(m);
  const colSeen = new Uint8Array(n);
  let positive = false;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const x = v[i * n + j];
      if (Number.isNaN(x)) continue;
      if (!Number.isFinite(x) || x < 0) {
        const where = { file, row: pos.row(i), column: pos.column(j) };
        const why = Number.isFinite(x) ? `negative value ${x} (NMF needs every entry ≥ 0)` : `${x} is not a finite number`;
        throw new InputError(`${locate(where)}${why}`, where);
      }
      rowSeen[i] = 1;
      colSeen[j] = 1;
      if (x > 0) positive = true;
    }
  }
  const emptyRow = rowSeen.indexOf(0);
  if (emptyRow >= 0) {
    const where = { file, row: pos.row(emptyRow) };
    throw new InputError(`${locate(where)}no observed entry (every value in this row is missing)`, where);
  }
  const emptyCol = colSeen.indexOf(0);
  if (emptyCol >= 0) {
    const where = { file, column: pos.column(emptyCol) };
    throw new InputError(`${locate(where)}no observed entry (every value in this column is missing)`, where);
  }
  if (!positive) throw new InputError(`${file}: every observed entry is 0; NMF needs at least one positive value`, { file });
}
