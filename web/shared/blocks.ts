// Matrices made small enough to draw, and the one place that makes them: block means over
// blocks of rows and columns, in one pass, missing entries left out. The worker averages V, W, H
// and WH to at most MAX_CELLS per side before sending them (web/worker/display.ts); a heatmap
// averages what it gets again only when it draws fewer cells. Averaging block means again is
// averaging the source in blocks of the product size, so the result still names its source.
// Pure (no DOM, no worker globals): the page and the worker both import it.
import type { Dense } from '../../src/core/matrix.js';

/** At most this many display cells along each side (a plot cannot show more). */
export const MAX_CELLS = 200;

/**
 * A block-averaged matrix: `rows`×`cols` row-major block means (`data`) of a
 * `sourceRows`×`sourceCols` matrix over blocks of `blockRows`×`blockCols` source entries (the
 * last block of a side may hold fewer; 1×1 when the matrix is shown as is). NaN marks a cell
 * with no observed entry.
 */
export interface DisplayMatrix extends Dense {
  readonly sourceRows: number;
  readonly sourceCols: number;
  readonly blockRows: number;
  readonly blockCols: number;
}

/** The shape of a display matrix without its values (what axes, notes and canvases need). */
export type DisplayLayout = Omit<DisplayMatrix, 'data'>;

/** What averaging found besides the means. */
export interface BlockAverage {
  /** The block means (NaN where a block has no observed entry). */
  readonly matrix: DisplayMatrix;
  /** rows×cols: how many observed cells of the input went into each block. */
  readonly counts: Float64Array;
  /** Smallest and largest observed input value (NaN when nothing is observed). */
  readonly min: number;
  readonly max: number;
  /** Number of missing input cells (NaN, or mask 0). */
  readonly missing: number;
}

/** Optional inputs of blockAverage, each of the input's rows×cols shape. */
export interface BlockInputs {
  /** 1 = observed, 0 = missing; null/absent = all observed (NaN in the data also counts as missing). */
  readonly mask?: ArrayLike<number> | null;
  /** Subtracted from the data before averaging (the residual V − WH without forming it). */
  readonly minus?: ArrayLike<number> | null;
  /** A previous result whose buffers are reused when they have the right size. */
  readonly reuse?: BlockAverage | null;
}

/** `d` (rows×cols) as a display matrix shown as is: 1×1 blocks, the data not copied. */
export function asDisplay(d: Dense): DisplayMatrix {
  return { rows: d.rows, cols: d.cols, data: d.data, sourceRows: d.rows, sourceCols: d.cols, blockRows: 1, blockCols: 1 };
}

/** Whether some cell of `d` stands for more than one source entry. */
export function isAveraged(d: DisplayLayout): boolean {
  return d.blockRows > 1 || d.blockCols > 1;
}

/** Entries per block along a side of n entries so that at most `limit` blocks remain (≥ 1). */
export function blockFactor(n: number, limit: number = MAX_CELLS): number {
  if (!(limit >= 1)) throw new Error(`blockFactor: limit ${limit} must be at least 1`);
  return Math.max(1, Math.ceil(n / Math.floor(limit)));
}

/** The layout of `src` averaged over blocks of br×bc of its cells: ⌈rows/br⌉×⌈cols/bc⌉ cells, block sizes multiplied. */
export function blockLayout(src: DisplayLayout, br: number, bc: number): DisplayLayout {
  return {
    rows: Math.ceil(src.rows / br),
    cols: Math.ceil(src.cols / bc),
    sourceRows: src.sourceRows,
    sourceCols: src.sourceCols,
    blockRows: src.blockRows * br,
    blockCols: src.blockCols * bc,
  };
}

/** The layout of `src` fitted into at most maxRows×maxCols cells (blockFactor on each side). */
export function fitLayout(src: DisplayLayout, maxRows: number = MAX_CELLS, maxCols: number = maxRows): DisplayLayout {
  return blockLayout(src, blockFactor(src.rows, maxRows), blockFactor(src.cols, maxCols));
}

/**
 * Block means of `src` (rows×cols) over blocks of br×bc of its cells (partial blocks at the
 * ends), of data − minus when `minus` is given, leaving missing cells (NaN or mask 0) out.
 * The result names the same source, with blocks br×bc times larger.
 */
export function blockAverage(src: DisplayMatrix, br: number, bc: number, inputs: BlockInputs = {}): BlockAverage {
  const { rows: m, cols: n, data } = src;
  const { mask, minus, reuse } = inputs;
  if (data.length !== m * n) throw new Error(`blockAverage: ${data.length} values for ${m}×${n}`);
  if (mask && mask.length !== m * n) throw new Error(`blockAverage: mask has ${mask.length} entries for ${m}×${n}`);
  if (minus && minus.length !== m * n) throw new Error(`blockAverage: minus has ${minus.length} entries for ${m}×${n}`);
  const layout = blockLayout(src, br, bc);
  const { rows, cols } = layout;
  const size = rows * cols;
  const sums = reuse && reuse.matrix.data.length === size ? reuse.matrix.data : new Float64Array(size);
  const counts = reuse && reuse.counts.length === size ? reuse.counts : new Float64Array(size);
  sums.fill(0);
  counts.fill(0);
  let min = Infinity;
  let max = -Infinity;
  let missing = 0;
  for (let i = 0; i < m; i++) {
    const rowBase = ((i / br) | 0) * cols;
    const srcBase = i * n;
    for (let b = 0, j0 = 0; j0 < n; b++, j0 += bc) {
      const j1 = Math.min(j0 + bc, n);
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
  const observed = min <= max;
  return { matrix: { ...layout, data: sums }, counts, min: observed ? min : NaN, max: observed ? max : NaN, missing };
}

/** Block means of `src` fitted into at most maxRows×maxCols cells (see blockAverage). */
export function fitBlocks(src: DisplayMatrix, maxRows: number = MAX_CELLS, maxCols: number = maxRows, inputs?: BlockInputs): BlockAverage {
  return blockAverage(src, blockFactor(src.rows, maxRows), blockFactor(src.cols, maxCols), inputs);
}

/** The 1-based source range [first, last] covered by display cell `b` along a side of n entries in blocks of `factor`. */
export function blockSpan(b: number, factor: number, n: number): [number, number] {
  return [b * factor + 1, Math.min((b + 1) * factor, n)];
}

/** Smallest and largest observed entry of each display cell (NaN where a cell has none). */
export interface BlockExtremes {
  readonly min: Float64Array;
  readonly max: Float64Array;
}

/**
 * Collects BlockExtremes over the cells of `layout` (blocks of its sourceRows×sourceCols source):
 * `row(i, values)` takes source row i (sourceCols entries, NaN skipped), `done()` gives the result.
 */
export function extremesOf(layout: DisplayLayout): { row(i: number, values: ArrayLike<number>): void; done(): BlockExtremes } {
  const { rows, cols, blockRows: br, blockCols: bc, sourceCols: n } = layout;
  const min = new Float64Array(rows * cols).fill(Infinity);
  const max = new Float64Array(rows * cols).fill(-Infinity);
  return {
    row(i, values) {
      const base = ((i / br) | 0) * cols;
      // block column by block column, the running extremes in locals (NaN fails both tests)
      for (let J = 0, j = 0; J < cols; J++) {
        const c = base + J;
        let lo = min[c];
        let hi = max[c];
        for (const end = Math.min(n, j + bc); j < end; j++) {
          const x = values[j];
          if (x < lo) lo = x;
          if (x > hi) hi = x;
        }
        min[c] = lo;
        max[c] = hi;
      }
    },
    done() {
      for (let t = 0; t < min.length; t++) if (min[t] > max[t]) min[t] = max[t] = NaN;
      return { min, max };
    },
  };
}
