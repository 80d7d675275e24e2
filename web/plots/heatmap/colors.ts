// Colour scales and colour ranges of the heatmaps. Pure (no DOM).

/** A colour scale: [position in 0..1, '#rrggbb'] stops. */
export type ColorStops = [number, string][];

/** Sequential scale for non-negative data (viridis, dark = low, yellow = high). */
export const SEQUENTIAL: ColorStops = [
  [0, '#440154'],
  [0.125, '#472d7b'],
  [0.25, '#3b528b'],
  [0.375, '#2c728e'],
  [0.5, '#21918c'],
  [0.625, '#28ae80'],
  [0.75, '#5ec962'],
  [0.875, '#addc30'],
  [1, '#fde725'],
];

/** Diverging scale for residuals: blue (negative) – white (0) – red (positive); use with zmid 0. */
export const DIVERGING: ColorStops = [
  [0, '#2166ac'],
  [0.2, '#67a9cf'],
  [0.4, '#d1e5f0'],
  [0.5, '#f7f7f7'],
  [0.6, '#fddbc7'],
  [0.8, '#ef8a62'],
  [1, '#b2182b'],
];

/** Colour of missing entries (the plot background shows through their gaps); in neither scale. */
export const MISSING_COLOR = '#b0b0b0';

/** Colour of entries above a clipped colour range (in neither scale). */
export const OVER_COLOR = '#ff2bd6';

/** The colour scale for a heatmap kind. */
export function colorStops(kind: 'sequential' | 'diverging'): ColorStops {
  return kind === 'diverging' ? DIVERGING : SEQUENTIAL;
}

/** [-a, a] with a = max |v| over the finite entries of `values`; [-1, 1] when there are none or all are 0. */
export function symmetricRange(values: ArrayLike<number>): [number, number] {
  let a = 0;
  for (let t = 0; t < values.length; t++) {
    const v = Math.abs(values[t]);
    if (v > a && v !== Infinity) a = v;
  }
  return a > 0 ? [-a, a] : [-1, 1];
}

/** The smallest range holding every given range; NaN ends are skipped; undefined when none is finite. */
export function unionRange(...ranges: [number, number][]): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const [a, b] of ranges) {
    if (a < lo) lo = a;
    if (b > hi) hi = b;
  }
  return lo <= hi && Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : undefined;
}

/** Smallest and largest observed entry (mask 0 and NaN skipped; NaN ends when none), and the number missing. */
export function valueRange(data: ArrayLike<number>, mask?: ArrayLike<number> | null): { min: number; max: number; missing: number } {
  let min = Infinity;
  let max = -Infinity;
  let missing = 0;
  for (let t = 0; t < data.length; t++) {
    const x = data[t];
    if (x !== x || (mask && mask[t] === 0)) {
      missing++;
      continue;
    }
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return min <= max ? { min, max, missing } : { min: NaN, max: NaN, missing };
}

/**
 * [lo, hi] widened to multiples of a power of ten between 1/100 and 1/10 of its span (e.g. [0.0453, 4.53] →
 * [0, 4.6]), so a shared colour range moves in steps instead of on every update.
 */
export function niceRange([lo, hi]: [number, number]): [number, number] {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span)) return [lo, hi];
  const step = 10 ** (Math.floor(Math.log10(span)) - 1);
  // Rounded through toPrecision so 4.6 is not written 4.6000000000000005.
  const tidy = (x: number) => Number(x.toPrecision(12));
  return [tidy(Math.floor(lo / step) * step), tidy(Math.ceil(hi / step) * step)];
}

/** [lo, hi] itself when lo < hi; a constant matrix's [x, x] widened to [x − d, x + d] (d = 5% of |x|, or 0.5 for 0). */
export function openRange([lo, hi]: [number, number]): [number, number] {
  if (lo < hi) return [lo, hi];
  const d = Math.abs(lo) * 0.05 || 0.5;
  return [lo - d, lo + d];
}

/**
 * The colour range of block means (`means`, a heatmap's drawn cells): the given one (opened up if empty) or the range of the
 * means (not of the source entries, which would wash averaged blocks out); symmetric about 0 for a
 * diverging scale.
 */
export function colorRange(
  scale: 'sequential' | 'diverging',
  zRange: [number, number] | undefined,
  means: ArrayLike<number>,
): [number, number] {
  if (scale === 'diverging') {
    const [lo, hi] = zRange ? openRange(zRange) : symmetricRange(means);
    const a = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    return [-a, a];
  }
  if (zRange) return openRange(zRange);
  const { min, max } = valueRange(means);
  return Number.isNaN(min) ? [0, 1] : openRange([min, max]);
}
