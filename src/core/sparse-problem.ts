// A sparse V in wasm memory: its observed entries as compressed rows and compressed columns,
// never an m×n array. What the sparse forms of the masked solvers (src/solvers/sparse-*.ts) work on.
import type { Engine } from '../wasm/engine.js';
import type { Problem } from './problem.js';
import type { SparseData } from './sparse.js';

/** One compressed form of V's observed entries: `count` vectors (rows or columns) in i32/f64 blocks. */
export interface Compressed {
  /** Number of vectors (m for rows, n for columns). */
  readonly count: number;
  /** count + 1 offsets (i32): vector v's entries are at ptr[v] .. ptr[v+1]. */
  readonly ptr: number;
  /** Position of each entry within its vector: its column (CSR) or its row (CSC) (nnz i32). */
  readonly idx: number;
  /** The observed values in this order (nnz f64). */
  readonly vals: number;
}

/** V (m×n) given by its `observed` entries only, with the sums the solvers and the driver need. */
export interface SparseProblem {
  readonly kind: 'sparse';
  /** Always 1: a sparse V is held as read (Problem's power-of-two scaling is for dense data only). */
  readonly scale: 1;
  readonly m: number;
  readonly n: number;
  readonly observed: number;
  /** ‖M∘V‖²_F. */
  readonly normV2: number;
  /** Mean of the observed entries. */
  readonly meanV: number;
  /** Linear indices i·n + j of the observed entries in row-major (CSR) order (i32, `observed` long), as Problem's. */
  readonly observedIdx: number;
  /** The entries by rows, columns increasing. */
  readonly rows: Compressed;
  /** The entries by columns, rows increasing. */
  readonly cols: Compressed;
  /** For each CSC position, the CSR position of the same entry (observed i32). */
  readonly perm: number;
}

/** Either kind of matrix a Factorization runs on. */
export type AnyProblem = Problem | SparseProblem;

/** Initializations that need no more of V than its mean, so run on a sparse V. */
export const SPARSE_INITS: readonly string[] = ['random', 'given'];

/** Whether `p` is held sparse. */
export function isSparse(p: AnyProblem): p is SparseProblem {
  return (p as SparseProblem).kind === 'sparse';
}

/**
 * Copies SparseData into wasm memory as a SparseProblem: ~(28 + 16)·nnz + 8(m + n) bytes
 * (values and indices in both orders, the permutation and the linear indices).
 */
export function loadSparseProblem(engine: Engine, s: SparseData): SparseProblem {
  const { rows: m, cols: n, nnz } = s;
  if (m * n >= 2 ** 31) throw new Error(`sparse: ${m}×${n} has more than 2^31 cells, beyond the i32 linear indices`);
  const rowPtr = engine.i32(m + 1);
  const rowIdx = engine.i32(nnz);
  const rowVals = engine.allocBytes(nnz * 8);
  const colPtr = engine.i32(n + 1);
  const colIdx = engine.i32(nnz);
  const colVals = engine.allocBytes(nnz * 8);
  const perm = engine.i32(nnz);
  const observedIdx = engine.i32(nnz);
  const buf = engine.kernels.memory.buffer;
  new Int32Array(buf, rowPtr, m + 1).set(s.rowPtr);
  new Int32Array(buf, rowIdx, nnz).set(s.colIdx);
  new Float64Array(buf, rowVals, nnz).set(s.values);
  const cp = new Int32Array(buf, colPtr, n + 1);
  const ci = new Int32Array(buf, colIdx, nnz);
  const cv = new Float64Array(buf, colVals, nnz);
  const pm = new Int32Array(buf, perm, nnz);
  const lin = new Int32Array(buf, observedIdx, nnz);
  for (let t = 0; t < nnz; t++) cp[s.colIdx[t] + 1]++;
  for (let j = 0; j < n; j++) cp[j + 1] += cp[j];
  const next = cp.slice(0, n);
  let normV2 = 0;
  let sum = 0;
  for (let i = 0; i < m; i++) {
    for (let t = s.rowPtr[i]; t < s.rowPtr[i + 1]; t++) {
      const j = s.colIdx[t];
      const x = s.values[t];
      const q = next[j]++;
      ci[q] = i;
      cv[q] = x;
      pm[q] = t;
      lin[t] = i * n + j;
      normV2 += x * x;
      sum += x;
    }
  }
  return {
    kind: 'sparse',
    scale: 1,
    m,
    n,
    observed: nnz,
    normV2,
    meanV: nnz ? sum / nnz : 0,
    observedIdx,
    rows: { count: m, ptr: rowPtr, idx: rowIdx, vals: rowVals },
    cols: { count: n, ptr: colPtr, idx: colIdx, vals: colVals },
    perm,
  };
}
