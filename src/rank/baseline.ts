// The baseline a rank has to beat (Frigyesi & Höglund 2008): the same survey on a copy of V in
// which every column is shuffled on its own, destroying the structure shared between columns
// while keeping each column's values.
import type { DataMatrix } from '../core/problem.js';
import { Rng } from '../core/rng.js';

/** Rng stream of the shuffle (init uses 0, solvers 1, held-out sets 21). */
const SHUFFLE_STREAM = 22;

/**
 * A copy of V (rows×cols, NaN = missing) with the entries of each column permuted by its own
 * seeded Fisher–Yates shuffle, columns in order 0..cols−1; labels dropped, since rows no longer
 * mean what they did.
 */
export function shuffleColumns(data: DataMatrix, seed: number): DataMatrix {
  const { rows: m, cols: n, values } = data;
  const rng = new Rng(seed, SHUFFLE_STREAM);
  const out = new Float64Array(m * n);
  const column = new Float64Array(m);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < m; i++) column[i] = values[i * n + j];
    rng.shuffle(column, m);
    for (let i = 0; i < m; i++) out[i * n + j] = column[i];
  }
  return { rows: m, cols: n, values: out, name: `${data.name ?? 'data'}, columns shuffled (seed ${seed})` };
}
