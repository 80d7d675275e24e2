// The few columns of image data shown as images (V's and WH's side by side): which ones, and
// their values gathered from V (m×n) or computed from W (m×k) and H (k×n). Pure (no DOM), shared
// by the worker (which sends them) and the page (which draws them).

/** How many columns of V and of WH are shown as images. */
export const IMAGE_COLUMNS = 6;

/** The indices of the columns shown: `count` spread evenly over 0..n−1 (all of them when n ≤ count). */
export function imageColumnIndices(n: number, count = IMAGE_COLUMNS): number[] {
  if (n <= count) return Array.from({ length: n }, (_, j) => j);
  return Array.from({ length: count }, (_, t) => Math.round((t * (n - 1)) / (count - 1)));
}

/** Columns `cols` of V (m×n, row-major) as an m×c row-major matrix (column t of it is V's column cols[t]). */
export function pickColumns(V: ArrayLike<number>, m: number, n: number, cols: readonly number[]): Float64Array {
  const c = cols.length;
  const out = new Float64Array(m * c);
  for (let i = 0; i < m; i++) for (let t = 0; t < c; t++) out[i * c + t] = V[i * n + cols[t]];
  return out;
}

/** Columns `cols` of WH, from W (m×k) and H (k×n), both row-major, as an m×c row-major matrix: m·k·c products. */
export function productColumns(
  W: ArrayLike<number>,
  H: ArrayLike<number>,
  m: number,
  k: number,
  n: number,
  cols: readonly number[],
): Float64Array {
  const c = cols.length;
  const out = new Float64Array(m * c);
  for (let i = 0; i < m; i++)
    for (let t = 0; t < c; t++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += W[i * k + l] * H[l * n + cols[t]];
      out[i * c + t] = s;
    }
  return out;
}

/** The columns of V (m×n, row-major) shown as images: their indices and values (m×c row-major). */
export function imageColumnsOf(V: ArrayLike<number>, m: number, n: number): { cols: number[]; V: Float64Array } {
  const cols = imageColumnIndices(n);
  return { cols, V: pickColumns(V, m, n, cols) };
}
