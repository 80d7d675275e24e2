// Shapes and plain matrices shared by every layer.

/** A rows×cols row-major f64 matrix living in wasm memory at byte offset `ptr`. */
export interface Mat {
  readonly ptr: number;
  readonly rows: number;
  readonly cols: number;
  /** A float32 copy, when V's (or gd's residual's) products run in float32 (the float32 mode, src/wasm/ops-products.ts). */
  readonly f32?: Float32Copy;
}

/**
 * The float32 copy of a matrix (V, or gd's residual R) for the float32 mode's products: its entries as f32 at byte
 * offset `ptr`, and `scratch`, room for `scratchLen` f32 entries where each product puts the
 * other factor (W or H) converted to f32.
 */
export interface Float32Copy {
  readonly ptr: number;
  readonly scratch: number;
  readonly scratchLen: number;
}

/** A rows×cols row-major matrix in ordinary JS memory. */
export interface Dense {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** A dense copy of row-major `data` with the given shape, checked. */
export function dense(rows: number, cols: number, data: ArrayLike<number>): Dense {
  if (data.length !== rows * cols) throw new Error(`dense: ${data.length} values for ${rows}×${cols}`);
  return { rows, cols, data: Float64Array.from(data) };
}

/** Row-major data from an array of rows (all of the same length). */
export function fromRows(rows: readonly (readonly number[])[]): Dense {
  const m = rows.length;
  const n = m ? rows[0].length : 0;
  const data = new Float64Array(m * n);
  rows.forEach((r, i) => {
    if (r.length !== n) throw new Error(`fromRows: row ${i + 1} has ${r.length} values, expected ${n}`);
    data.set(r, i * n);
  });
  return { rows: m, cols: n, data };
}
