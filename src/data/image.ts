// Decoded pixels → grey levels, downscaled: what an uploaded image becomes before it is V.
// Input is what a browser's ImageData (or a PNG decoder in Node) gives: RGBA bytes, row by row.
import { InputError } from './errors.js';

/** Largest decoded image accepted (pixels); the app checks it before reading the pixels. */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** Largest side a downscaled image may be asked for. */
export const MAX_SIDE_LIMIT = 1_000;

/** Decoded pixels: `data` holds width·height RGBA quadruples (0–255), rows top to bottom. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array | Uint8ClampedArray;
}

/** A grey image: `grey` holds height×width levels in [0, 1] (0 black, 1 white), row-major. */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly grey: Float64Array;
}

/** Throws InputError naming `file` unless width and height are integers ≥ 1 with width·height ≤ MAX_IMAGE_PIXELS. */
export function checkImageSize(width: number, height: number, file: string): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new InputError(`${file}: the image is ${width}×${height} pixels; it needs at least one pixel`, { file });
  }
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new InputError(
      `${file}: the image is ${width}×${height} pixels, more than the ${MAX_IMAGE_PIXELS.toLocaleString('en-US')} allowed`,
      { file },
    );
  }
}

/**
 * The size an image of width×height takes when its longer side is brought down to `maxSide`:
 * unchanged when it already fits, else each side × maxSide / longer side, rounded, at least 1.
 */
export function downscaledSize(width: number, height: number, maxSide: number): { width: number; height: number } {
  const longer = Math.max(width, height);
  if (longer <= maxSide) return { width, height };
  return { width: Math.max(1, Math.round((width * maxSide) / longer)), height: Math.max(1, Math.round((height * maxSide) / longer)) };
}

/**
 * The grey levels of `px` at downscaledSize(…, maxSide). Grey = Rec. 601 luma
 * (0.299 R + 0.587 G + 0.114 B) / 255 on the stored (gamma-encoded) values, a transparent
 * pixel composited over white (grey·α + 1 − α, α = A / 255). Downscaling averages the area
 * of the source each output pixel covers (a box filter with exact fractional overlaps), in a
 * fixed order, so the same pixels give the same levels bit for bit. Throws InputError naming `file`.
 */
export function greyImage(px: Pixels, maxSide: number, file: string): GreyImage {
  const { width: w, height: h, data } = px;
  checkImageSize(w, h, file);
  if (data.length !== 4 * w * h) {
    throw new InputError(`${file}: ${data.length} bytes of pixels for a ${w}×${h} image (expected ${4 * w * h}, RGBA)`, { file });
  }
  if (!Number.isInteger(maxSide) || maxSide < 1 || maxSide > MAX_SIDE_LIMIT) {
    throw new InputError(`largest side ${maxSide} must be an integer from 1 to ${MAX_SIDE_LIMIT}`, { parameter: 'maxSide' });
  }
  const { width: w2, height: h2 } = downscaledSize(w, h, maxSide);
  const xs = spans(w, w2);
  const ys = spans(h, h2);
  const grey = new Float64Array(w2 * h2);
  const row = new Float64Array(w2);
  for (let y = 0; y < h; y++) {
    row.fill(0);
    for (let x = 0; x < w; x++) {
      const p = 4 * (y * w + x);
      const alpha = data[p + 3] / 255;
      const g = ((0.299 * data[p] + 0.587 * data[p + 1] + 0.114 * data[p + 2]) / 255) * alpha + (1 - alpha);
      row[xs.first[x]] += xs.weight[x] * g;
      if (xs.weight[x] < 1) row[xs.first[x] + 1] += (1 - xs.weight[x]) * g;
    }
    const y0 = ys.first[y];
    const wy = ys.weight[y];
    for (let x2 = 0; x2 < w2; x2++) grey[y0 * w2 + x2] += wy * row[x2];
    if (wy < 1) for (let x2 = 0; x2 < w2; x2++) grey[(y0 + 1) * w2 + x2] += (1 - wy) * row[x2];
  }
  const scale = (w2 / w) * (h2 / h);
  for (let t = 0; t < grey.length; t++) grey[t] *= scale;
  return { width: w2, height: h2, grey };
}

/**
 * For n source pixels along an axis shrunk to n2 ≤ n: the first output pixel each source pixel
 * overlaps and the share of the source pixel that falls in it (the rest falls in the next one).
 * In units where a source pixel is n2 long and an output pixel n long, all overlaps are integers.
 */
function spans(n: number, n2: number): { first: Int32Array; weight: Float64Array } {
  const first = new Int32Array(n);
  const weight = new Float64Array(n);
  for (let x = 0; x < n; x++) {
    const start = x * n2;
    const x0 = Math.floor(start / n);
    first[x] = x0;
    weight[x] = (Math.min((x0 + 1) * n, start + n2) - start) / n2;
  }
  return { first, weight };
}

/**
 * RGBA bytes for showing `values` (height×width, row-major) as a grey picture: each level
 * clipped to [0, 1] (a reconstruction WH may leave it), ×255 rounded, opaque.
 */
export function greyToRgba(values: ArrayLike<number>, width: number, height: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(4 * width * height);
  for (let t = 0; t < width * height; t++) {
    const x = values[t];
    const g = Math.round(255 * (x > 1 ? 1 : x > 0 ? x : 0));
    out[4 * t] = out[4 * t + 1] = out[4 * t + 2] = g;
    out[4 * t + 3] = 255;
  }
  return out;
}
