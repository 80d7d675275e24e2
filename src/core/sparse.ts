// A matrix given by its observed entries only, in compressed rows (CSR): what a long-format
// ratings file becomes. Never expanded to rows×cols unless a caller asks for a bounded dense copy.
import type { DataMatrix } from './problem.js';

/** rows×cols with nnz observed entries: row i's are colIdx/values[rowPtr[i] .. rowPtr[i+1]), columns increasing. */
export interface SparseData {
  readonly rows: number;
  readonly cols: number;
  readonly nnz: number;
  /** rows + 1 offsets into colIdx and values. */
  readonly rowPtr: Int32Array;
  /** Column of each observed entry (nnz). */
  readonly colIdx: Int32Array;
  /** Value of each observed entry (nnz), ≥ 0. */
  readonly values: Float64Array;
  readonly rowLabels?: readonly string[];
  readonly colLabels?: readonly string[];
  /** Where it came from (file name), used in messages. */
  readonly name?: string;
}

/** The dense rows×cols copy of `s` with NaN at the unobserved entries; null when rows·cols > maxEntries (nothing allocated). */
export function sparseToDense(s: SparseData, maxEntries: number): DataMatrix | null {
  if (s.rows * s.cols > maxEntries) return null;
  const values = new Float64Array(s.rows * s.cols).fill(Number.NaN);
  for (let i = 0; i < s.rows; i++) {
    for (let t = s.rowPtr[i]; t < s.rowPtr[i + 1]; t++) values[i * s.cols + s.colIdx[t]] = s.values[t];
  }
  return { rows: s.rows, cols: s.cols, values, rowLabels: s.rowLabels, colLabels: s.colLabels, name: s.name };
}

/** The observed entries of a dense DataMatrix (NaN = missing) as SparseData (for tests and benches comparing both paths). */
export function denseToSparse(d: DataMatrix): SparseData {
  const { rows, cols, values: v } = d;
  const rowPtr = new Int32Array(rows + 1);
  let nnz = 0;
  for (let t = 0; t < v.length; t++) if (!Number.isNaN(v[t])) nnz++;
  const colIdx = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let c = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const x = v[i * cols + j];
      if (Number.isNaN(x)) continue;
      colIdx[c] = j;
      values[c++] = x;
    }
    rowPtr[i + 1] = c;
  }
  return { rows, cols, nnz, rowPtr, colIdx, values, rowLabels: d.rowLabels, colLabels: d.colLabels, name: d.name };
}
