// What a dataset is made from: a built-in example, the parameters of a seeded generator, or
// CSV/TSV text with its file name. The worker, the share link and the CLI all describe data
// this way and make the matrix through makeData, so one spec gives the same V everywhere.
import type { DataMatrix } from '../core/problem.js';
import type { SparseData } from '../core/sparse.js';
import { exampleInfo } from './examples.js';
import {
  lowRank,
  MAX_ENTRIES,
  plantedWorkProblem,
  ratings,
  uniformRandom,
  type LowRankOptions,
  type RatingsOptions,
  type UniformOptions,
} from './generate.js';
import { longAsDense, looksLong, parseLongText } from './long.js';
import { InputError } from './errors.js';
import { parseMatrixText } from './parse.js';

/** A built-in example (src/data/examples.ts), by id. */
export interface ExampleSpec {
  readonly kind: 'example';
  readonly id: string;
}

/** A planted low-rank matrix plus noise (lowRank). */
export interface LowRankSpec extends LowRankOptions {
  readonly kind: 'lowrank';
}

/** A matrix of uniform random entries (uniformRandom). */
export interface UniformSpec extends UniformOptions {
  readonly kind: 'uniform';
}

/** Ratings with missing entries from a low-rank taste model (ratings). */
export interface RatingsSpec extends RatingsOptions {
  readonly kind: 'ratings';
}

/** CSV/TSV text as a file holds it (an upload, a paste, a file on the command line, a link's data). */
export interface InlineSpec {
  readonly kind: 'inline';
  readonly text: string;
  /** Names the data in messages ("bad.csv: row 3, column 2: …"). */
  readonly fileName: string;
  /** When each column of the matrix is an image of this width (uploaded image sets and tiles): W's columns are shown as images. */
  readonly imageWidth?: number;
  /** Read as long format (row, column, value per line) even without a header saying so (looksLong). */
  readonly long?: boolean;
}

/** Where a matrix comes from; seeded, so the same spec always makes the same matrix. */
export type DataSpec = ExampleSpec | LowRankSpec | UniformSpec | RatingsSpec | InlineSpec;

/** The kinds of DataSpec, in the order the share link lists them. */
export const SPEC_KINDS = ['example', 'lowrank', 'uniform', 'ratings', 'inline'] as const satisfies readonly DataSpec['kind'][];

/** The matrix `spec` describes. Throws InputError for bad text or bad generator parameters (UnknownIdError for an unknown example). */
export function makeData(spec: DataSpec): DataMatrix {
  switch (spec.kind) {
    case 'example':
      return exampleInfo(spec.id).make();
    case 'inline': {
      if (isLongSpec(spec)) return longAsDense(parseLongText(spec.text, spec.fileName), MAX_ENTRIES);
      const d = parseMatrixText(spec.text, spec.fileName);
      return spec.imageWidth && d.rows % spec.imageWidth === 0 ? { ...d, imageWidth: spec.imageWidth } : d;
    }
    case 'lowrank':
      return lowRank(spec);
    case 'uniform':
      return uniformRandom(spec);
    case 'ratings':
      return ratings(spec);
  }
}

/** Most cells (rows × columns) a V held by its entries may have: its entries' linear indices i·n + j are i32 (src/core/sparse-problem.ts). */
export const MAX_SPARSE_CELLS = 2 ** 31 - 1;

/**
 * The matrix `spec` describes as the app's worker holds it: long-format text whose rows × columns
 * are more than a dense copy may hold (MAX_ENTRIES) stays sparse, its observed entries only
 * (the sparse solvers run on it), up to MAX_SPARSE_CELLS cells (InputError beyond, before
 * anything m×n or in wasm memory is made); everything else as makeData makes it.
 */
export function makeAnyData(spec: DataSpec): DataMatrix | SparseData {
  if (spec.kind === 'inline' && isLongSpec(spec)) {
    const s = parseLongText(spec.text, spec.fileName);
    if (s.rows * s.cols <= MAX_ENTRIES) return longAsDense(s, MAX_ENTRIES);
    if (s.rows * s.cols > MAX_SPARSE_CELLS) {
      const size = `${s.rows.toLocaleString('en-US')}×${s.cols.toLocaleString('en-US')}`;
      throw new InputError(
        `${spec.fileName}: ${size} is more than ${MAX_SPARSE_CELLS.toLocaleString('en-US')} cells (rows × columns), beyond what a sparse V can index: use fewer rows or columns`,
        { file: spec.fileName },
      );
    }
    return s;
  }
  return makeData(spec);
}

/** Whether inline text is read as long format: asked for, or its header names a row, a column and a value. */
export function isLongSpec(spec: InlineSpec): boolean {
  return spec.long === true || looksLong(spec.text);
}

/** The shape (m rows, n columns) of the matrix `spec` describes when it is known without making it (a generator's, an example's); null for text, known only once read. */
export function specShape(spec: DataSpec): { rows: number; cols: number } | null {
  if (spec.kind === 'inline') return null;
  if (spec.kind === 'example') {
    const e = exampleInfo(spec.id);
    return { rows: e.rows, cols: e.cols };
  }
  return { rows: spec.rows, cols: spec.cols };
}

/**
 * Why `spec` cannot be made although each of its fields is in range (they do not fit together:
 * too many entries, a planted rank above min(rows, cols), empty text), or null. Cheap: nothing is made.
 */
export function specProblem(spec: DataSpec): string | null {
  if (spec.kind === 'example') return null;
  if (spec.kind === 'inline') return spec.text === '' ? 'the inline data is empty' : null;
  if (spec.rows * spec.cols > MAX_ENTRIES) {
    return `the dataset ${spec.rows}×${spec.cols} has more than ${MAX_ENTRIES.toLocaleString('en-US')} entries`;
  }
  if (spec.kind !== 'uniform' && spec.rank > Math.min(spec.rows, spec.cols)) {
    return `the planted rank ${spec.rank} is more than min(rows, columns) = ${Math.min(spec.rows, spec.cols)}`;
  }
  return spec.kind === 'uniform' ? null : plantedWorkProblem(spec.rows, spec.cols, spec.rank);
}
