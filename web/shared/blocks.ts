// Block averaging for display: a rows×cols matrix too big to draw cell by cell becomes a grid of
// block means of at most maxRows×maxCols cells, in one pass over the source. Pure (no DOM).

/** A matrix as the plots receive it: rows×cols row-major values, optionally a mask (1 observed, 0 missing). */
export interface MatrixView {
  readonly rows: number;
  readonly cols: number;
  readonly data: ArrayLike<number>;
  /** rows×cols, 1 = observed, 0 = missing; null/undefined = all observed. NaN in data also counts as missing. */
  readonly mask?: ArrayLike<number> | null;
  /** rows×cols subtracted from data before averaging (the residual V − WH without forming it). */
  readonly minus?: ArrayLike<number> | null;
}

/** The displayed grid: block means of the observed source entries (of data − minus when minus is given). */
export interface BlockGrid {
  /** Shape of the displayed grid. */
  rows: number;
  cols: number;
  /** Source rows and columns per block (1 = shown as is); the last block of a side may be smaller. */
  rowFactor: number;
  colFactor: number;
  /** rows×cols block means, row-major; NaN where a block has no observed entry. */
  means: Float64Array;
  /** rows×cols number of observed source entries in each block. */
  counts: Float64Array;
  /** Smallest and largest observed source value (NaN when nothing is observed). */
  min: number;
  max: number;
  /** Number of missing source entries (mask 0 or NaN). */
  missing: number;
}

/** Source entries per block along a side of length n so that at most `limit` blocks remain (≥ 1). */
export function blockFactor(n: number, limit: number): number {
  if (!(limit >= 1)) throw new Error(`blockFactor: limit ${limit} must be at least 1`);
  return Math.max(1, Math.ceil(n / Math.floor(limit)));
}

/** Whether a grid was averaged (some block holds more than one source entry). */
export function isAveraged(g: BlockGrid): boolean {
  return g.rowFactor > 1 || g.colFactor > 1;
}

/**
 * Block means of `src` (rows×cols) on a grid of ⌈rows/f⌉×⌈cols/g⌉ cells, f = blockFactor(rows, maxRows),
 * g = blockFactor(cols, maxCols), of data − minus when minus is given; missing entries (mask 0 or NaN) are
 * left out of the means.
 * Reuses `reuse`'s buffers when they have the right size (the result is then `reuse` itself).
 */
export function blockAverage(src: MatrixView, maxRows = 200, maxCols = 200, reuse?: BlockGrid | null): BlockGrid {
  const { rows: m, cols: n, data, mask, minus } = src;
  if (data.length !== m * n) throw new Error(`blockAverage: ${data.length} values for ${m}×${n}`);
  if (mask && mask.length !== m * n) throw new Error(`blockAverage: mask has ${mask.length} entries for ${m}×${n}`);
  if (minus && minus.length !== m * n) throw new Error(`blockAverage: minus has ${minus.length} entries for ${m}×${n}`);
  const rowFactor = blockFactor(m, maxRows);
  const colFactor = blockFactor(n, maxCols);
  const rows = Math.ceil(m / rowFactor);
  const cols = Math.ceil(n / colFactor);
  const size = rows * cols;
  const g: BlockGrid =
    reuse && reuse.means.length === size
      ? reuse
      : { rows, cols, rowFactor, colFactor, means: new Float64Array(size), counts: new Float64Array(size), min: NaN, max: NaN, missing: 0 };
  g.rows = rows;
  g.cols = cols;
  g.rowFactor = rowFactor;
  g.colFactor = colFactor;
  const sums = g.means;
  const counts = g.counts;
  sums.fill(0);
  counts.fill(0);
  let min = Infinity;
  let max = -Infinity;
  let missing = 0;
  for (let i = 0; i < m; i++) {
    const rowBase = ((i / rowFactor) | 0) * cols;
    const srcBase = i * n;
    for (let b = 0, j0 = 0; j0 < n; b++, j0 += colFactor) {
      const j1 = Math.min(j0 + colFactor, n);
      let s = 0;
      let c = 0;
      for (let t = srcBase + j0; t < srcBase + j1; t++) {
        const x = minus ? data[t] - minus[t] : data[t];
        if (x !== x || (mask && mask[t] === 0)) {
          missing++;
          continue;
        }
        s += x;
        c++;
        if (x < min) min = x;
        if (x > max) max = x;
      }
      sums[rowBase + b] += s;
      counts[rowBase + b] += c;
    }
  }
  for (let t = 0; t < size; t++) sums[t] = counts[t] > 0 ? sums[t] / counts[t] : NaN;
  g.min = min <= max ? min : NaN;
  g.max = min <= max ? max : NaN;
  g.missing = missing;
  return g;
}

/** The 1-based source range [first, last] covered by display cell `b` along a side of length n. */
export function blockSpan(b: number, factor: number, n: number): [number, number] {
  return [b * factor + 1, Math.min((b + 1) * factor, n)];
}

/** How a heatmap is drawn: the source shape, the drawn grid and the source entries per drawn cell. */
export interface DisplayShape {
  /** Shape of the source matrix (what the axes count). */
  m: number;
  n: number;
  /** Shape of the drawn grid (one pixel of the heatmap's canvas per cell). */
  rows: number;
  cols: number;
  /** Source rows and columns per drawn cell (the last cell of a side may hold fewer). */
  rowFactor: number;
  colFactor: number;
}

/**
 * The display of a rows×cols matrix averaged to at most maxCells cells per side; when the matrix is
 * itself block means of a bigger source (`source`: its shape and block size, as the worker sends it),
 * the factors multiply and the axes count source entries.
 */
export function displayShape(
  rows: number,
  cols: number,
  maxCells: number,
  source?: { rows: number; cols: number; rowFactor: number; colFactor: number } | null,
): DisplayShape {
  const f = blockFactor(rows, maxCells);
  const g = blockFactor(cols, maxCells);
  return {
    m: source?.rows ?? rows,
    n: source?.cols ?? cols,
    rows: Math.ceil(rows / f),
    cols: Math.ceil(cols / g),
    rowFactor: f * (source?.rowFactor ?? 1),
    colFactor: g * (source?.colFactor ?? 1),
  };
}
