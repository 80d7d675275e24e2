// Colours of heatmap cells computed by our own code: a lookup table sampled from a colour scale,
// block means painted into RGBA pixels (one pixel per cell), and the CSS gradient of the colour bar
// that matches the table. Pure (no DOM).
import type { ColorStops } from './colors.js';

/** Entries of a colour lookup table (one per step between the ends of the colour range). */
export const LUT_SIZE = 256;

/** [r, g, b] of a '#rrggbb' colour. */
export function hexRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`hexRgb: '${hex}' is not a #rrggbb colour`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}

/**
 * A colour lookup table: `size` RGBA entries (4 bytes each, size·4 in all), entry t the colour at
 * position t/(size−1) of `stops`, linearly interpolated in sRGB between the two stops around it
 * (as a CSS gradient through the same stops interpolates).
 */
export function colorLut(stops: ColorStops, size = LUT_SIZE): Uint8ClampedArray {
  if (stops.length < 2 || size < 2) throw new Error('colorLut: need at least two stops and two entries');
  const rgb = stops.map(([, c]) => hexRgb(c));
  const lut = new Uint8ClampedArray(size * 4);
  let s = 0;
  for (let t = 0; t < size; t++) {
    const p = t / (size - 1);
    while (s < stops.length - 2 && p > stops[s + 1][0]) s++;
    const [p0] = stops[s];
    const [p1] = stops[s + 1];
    const f = p1 > p0 ? Math.min(1, Math.max(0, (p - p0) / (p1 - p0))) : 0;
    for (let ch = 0; ch < 3; ch++) lut[4 * t + ch] = Math.round(rgb[s][ch] + f * (rgb[s + 1][ch] - rgb[s][ch]));
    lut[4 * t + 3] = 255;
  }
  return lut;
}

/**
 * Paints `values` (rows×cols block means, row-major) into `out` (rows·cols RGBA pixels): a value v
 * takes LUT entry round((v − lo)/(hi − lo)·(size − 1)), clamped to the ends; NaN takes `missing`
 * (r, g, b); with `over`, a value above hi takes that colour instead (a clipped range, marked).
 * A range with hi ≤ lo paints every finite value with the middle entry.
 */
export function paintCells(
  values: ArrayLike<number>,
  lo: number,
  hi: number,
  lut: Uint8ClampedArray,
  missing: readonly [number, number, number],
  out: Uint8ClampedArray,
  over?: readonly [number, number, number],
): void {
  if (out.length !== values.length * 4) throw new Error(`paintCells: ${out.length} bytes for ${values.length} cells`);
  const top = lut.length / 4 - 1;
  const scale = hi > lo ? top / (hi - lo) : 0;
  const mid = Math.round(top / 2);
  for (let t = 0, o = 0; t < values.length; t++, o += 4) {
    const v = values[t];
    if (v !== v) {
      out[o] = missing[0];
      out[o + 1] = missing[1];
      out[o + 2] = missing[2];
      out[o + 3] = 255;
      continue;
    }
    if (over && v > hi) {
      out[o] = over[0];
      out[o + 1] = over[1];
      out[o + 2] = over[2];
      out[o + 3] = 255;
      continue;
    }
    let e = scale ? Math.round((v - lo) * scale) : mid;
    if (e < 0) e = 0;
    else if (e > top) e = top;
    e *= 4;
    out[o] = lut[e];
    out[o + 1] = lut[e + 1];
    out[o + 2] = lut[e + 2];
    out[o + 3] = 255;
  }
}

/** The CSS gradient of a colour bar through `stops`, low at the bottom: "linear-gradient(to top, #440154 0%, …)". */
export function cssGradient(stops: ColorStops): string {
  return `linear-gradient(to top, ${stops.map(([p, c]) => `${c} ${Number((p * 100).toFixed(3))}%`).join(', ')})`;
}
