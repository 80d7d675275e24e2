// Index lists of the mask M for the masked least-squares steps of als and anls, built once per
// factorization (the mask never changes) and kept in wasm memory for assembly/linalg-masked-ls.ts.
import type { Mat } from '../core/matrix.js';
import type { Engine } from '../wasm/engine.js';

/**
 * For each of `count` vectors (columns of V for the H step, rows for the W step), the indices
 * (rows, resp. columns) whose Gram terms build that vector's observed Gram. All i32 blocks.
 */
export interface MaskLists {
  readonly count: number;
  /** count + 1 offsets: vector j's indices are idx[ptr[j] .. ptr[j+1]). */
  readonly ptr: number;
  /** The indices, increasing within each vector. */
  readonly idx: number;
  /**
   * Per vector: 1 when the list holds its missing indices (Gram = full Gram − missing terms,
   * chosen when fewer are missing than observed), 0 when it holds its observed ones.
   */
  readonly mode: number;
  /** Total number of listed indices (the work of forming every Gram is this times k²/2). */
  readonly total: number;
  /** Length of the longest list. */
  readonly longest: number;
}

/** Lists over the columns of M (m×n): for column j, the rows i to add or subtract. */
export function columnLists(engine: Engine, M: Mat): MaskLists {
  return buildLists(engine, M, M.cols, M.rows, (j, i) => i * M.cols + j);
}

/** Lists over the rows of M (m×n): for row i, the columns j to add or subtract. */
export function rowLists(engine: Engine, M: Mat): MaskLists {
  return buildLists(engine, M, M.rows, M.cols, (i, j) => i * M.cols + j);
}

/** Lists for `count` vectors of `len` entries each; at(v, t) is the position in M of entry t of vector v. */
function buildLists(engine: Engine, M: Mat, count: number, len: number, at: (v: number, t: number) => number): MaskLists {
  let mask = engine.view(M);
  const observed = new Int32Array(count);
  for (let v = 0; v < count; v++) {
    let c = 0;
    for (let t = 0; t < len; t++) if (mask[at(v, t)] !== 0) c++;
    observed[v] = c;
  }
  let total = 0;
  let longest = 0;
  const subtract = new Uint8Array(count);
  for (let v = 0; v < count; v++) {
    const missing = len - observed[v];
    subtract[v] = missing < observed[v] ? 1 : 0;
    const listed = subtract[v] ? missing : observed[v];
    total += listed;
    longest = Math.max(longest, listed);
  }
  const ptr = engine.i32(count + 1);
  const idx = engine.i32(Math.max(total, 1));
  const mode = engine.i32(count);
  mask = engine.view(M); // memory may have grown
  const ptrs = engine.viewI32(ptr, count + 1);
  const idxs = engine.viewI32(idx, Math.max(total, 1));
  const modes = engine.viewI32(mode, count);
  let c = 0;
  for (let v = 0; v < count; v++) {
    ptrs[v] = c;
    modes[v] = subtract[v];
    const want = subtract[v] ? 0 : 1;
    for (let t = 0; t < len; t++) if ((mask[at(v, t)] !== 0 ? 1 : 0) === want) idxs[c++] = t;
  }
  ptrs[count] = c;
  return { count, ptr, idx, mode, total, longest };
}
