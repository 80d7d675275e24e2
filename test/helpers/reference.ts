// Loads the reference trajectories in test/fixtures/reference (copied from the shared folder).
import { readdirSync, readFileSync } from 'node:fs';
import { fromRows, type Dense } from '../../src/core/matrix.js';
import type { DataMatrix } from '../../src/core/problem.js';
import type { AlgorithmId, SolverParams } from '../../src/solvers/types.js';

const DIR = new URL('../fixtures/reference/', import.meta.url);

/** One solver trajectory: V, W0, H0, parameters, and what a correct solver produces. */
export interface ReferenceCase {
  name: string;
  algorithm: AlgorithmId;
  rank: number;
  iterations: number;
  params: Partial<SolverParams>;
  V: DataMatrix;
  W0: Dense;
  H0: Dense;
  relErrorHistory: number[];
  W: Dense;
  H: Dense;
}

/** An NNDSVD reference: V, rank, and the W, H scikit-learn gives. */
export interface InitCase {
  name: string;
  init: 'nndsvd' | 'nndsvda';
  rank: number;
  V: DataMatrix;
  W: Dense;
  H: Dense;
}

/** Names of the fixture files (without .json) that start with `prefix`. */
export function referenceNames(prefix = ''): string[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json') && f.startsWith(prefix))
    .map((f) => f.slice(0, -5))
    .sort();
}

function rowsToData(rows: (number | null)[][], name: string): DataMatrix {
  const d = fromRows(rows.map((r) => r.map((x) => (x === null ? NaN : x))));
  return { rows: d.rows, cols: d.cols, values: d.data, name };
}

/** Reads a solver trajectory fixture. */
export function loadReference(name: string): ReferenceCase {
  const j = JSON.parse(readFileSync(new URL(`${name}.json`, DIR), 'utf8'));
  return {
    name,
    algorithm: j.algorithm,
    rank: j.rank,
    iterations: j.iterations,
    params: j.params,
    V: rowsToData(j.V, name),
    W0: fromRows(j.W0),
    H0: fromRows(j.H0),
    relErrorHistory: j.relErrorHistory,
    W: fromRows(j.W),
    H: fromRows(j.H),
  };
}

/** Reads an initialization fixture (init_*). */
export function loadInitCase(name: string): InitCase {
  const j = JSON.parse(readFileSync(new URL(`${name}.json`, DIR), 'utf8'));
  return { name, init: j.init, rank: j.rank, V: rowsToData(j.V, name), W: fromRows(j.W), H: fromRows(j.H) };
}

/** Largest |a − b| / max(|b|, floor) over two equal-length arrays. */
export function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>, floor = 1e-12): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), floor));
  return worst;
}

/** Largest |a − b| over two equal-length arrays, divided by the largest |b|. */
export function maxScaledDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    worst = Math.max(worst, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return worst / scale;
}
