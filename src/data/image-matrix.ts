// Images → V: one picture as the matrix itself, a set of same-size pictures as one column
// each, or one picture cut into tiles as one column per tile (then W's columns are images).
import type { DataMatrix } from '../core/problem.js';
import { InputError } from './errors.js';
import { MAX_ENTRIES } from './generate.js';
import { checkImageSize, downscaledSize, greyImage, type Pixels } from './image.js';

/** Longest side of one image factorized as V itself (V is at most 200×200). */
export const IMAGE_MAX_SIDE = 200;
/** Longest side of each image of a set (each column then holds at most 64×64 pixels). */
export const SET_MAX_SIDE = 64;
/** Longest side of an image before it is cut into tiles. */
export const TILE_SOURCE_MAX_SIDE = 256;
/** Most images a set may hold. */
export const MAX_SET_IMAGES = 2_000;

/** One uploaded file: its name (for labels and messages) and its decoded pixels. */
export interface NamedPixels {
  readonly name: string;
  readonly pixels: Pixels;
}

/** One image → V (height×width after downscaling to maxSide): V[i, j] = grey level of pixel row i, column j. */
export function imageToV(file: NamedPixels, maxSide = IMAGE_MAX_SIDE): DataMatrix {
  const g = greyImage(file.pixels, maxSide, file.name);
  return { rows: g.height, cols: g.width, values: g.grey, name: file.name };
}

/**
 * A set of images of one size → V (pixels × images): column j is image j downscaled to
 * maxSide, its pixels row by row; imageWidth = the downscaled width; colLabels = file names.
 * Throws InputError for an empty or too large set, or the first file whose size differs.
 */
export function imageSetToV(files: readonly NamedPixels[], maxSide = SET_MAX_SIDE): DataMatrix {
  if (files.length === 0) throw new InputError('no images: choose one or more files', { parameter: 'images' });
  if (files.length > MAX_SET_IMAGES) {
    throw new InputError(`${files.length} images, more than the ${MAX_SET_IMAGES.toLocaleString('en-US')} a set may hold`, {
      parameter: 'images',
    });
  }
  const { name: first, pixels: p0 } = files[0];
  checkImageSize(p0.width, p0.height, first);
  for (const f of files) {
    if (f.pixels.width !== p0.width || f.pixels.height !== p0.height) {
      throw new InputError(
        `${f.name}: the image is ${f.pixels.width}×${f.pixels.height} pixels but ${first} is ${p0.width}×${p0.height}; every image of a set must have the same size`,
        { file: f.name },
      );
    }
  }
  const size = downscaledSize(p0.width, p0.height, maxSide);
  const m = size.width * size.height;
  const n = files.length;
  checkEntries(m, n, `${n} images of ${size.width}×${size.height} pixels`);
  const values = new Float64Array(m * n);
  files.forEach((f, j) => {
    const { grey } = greyImage(f.pixels, maxSide, f.name);
    for (let i = 0; i < m; i++) values[i * n + j] = grey[i];
  });
  return { rows: m, cols: n, values, imageWidth: size.width, colLabels: files.map((f) => f.name), name: `${n} images` };
}

/**
 * One image, downscaled to maxSide, cut into tile×tile squares → V (tile² × tiles): column
 * j is the j-th tile (left to right, then top to bottom), its pixels row by row; the pixels
 * right of and below the last whole tile are left out. imageWidth = tile; colLabels
 * "tile r,c" (1-based). Throws InputError when the tile size does not fit.
 */
export function imageTilesToV(file: NamedPixels, tile: number, maxSide = TILE_SOURCE_MAX_SIDE): DataMatrix {
  const g = greyImage(file.pixels, maxSide, file.name);
  const fit = Math.min(g.width, g.height);
  if (!Number.isInteger(tile) || tile < 2 || tile > fit) {
    throw new InputError(
      `tile size ${tile} must be an integer from 2 to ${fit} (the shorter side of ${file.name} at ${g.width}×${g.height} pixels)`,
      { parameter: 'tile', file: file.name },
    );
  }
  const across = Math.floor(g.width / tile);
  const down = Math.floor(g.height / tile);
  const m = tile * tile;
  const n = across * down;
  checkEntries(m, n, `${n} tiles of ${tile}×${tile} pixels`);
  const values = new Float64Array(m * n);
  const colLabels: string[] = [];
  for (let r = 0; r < down; r++) {
    for (let c = 0; c < across; c++) {
      const j = r * across + c;
      colLabels.push(`tile ${r + 1},${c + 1}`);
      for (let y = 0; y < tile; y++) {
        for (let x = 0; x < tile; x++) values[(y * tile + x) * n + j] = g.grey[(r * tile + y) * g.width + c * tile + x];
      }
    }
  }
  return { rows: m, cols: n, values, imageWidth: tile, colLabels, name: `${file.name} in ${tile}×${tile} tiles` };
}

/** (m + n)·k / (m·n): the numbers W (m×k) and H (k×n) store, as a fraction of V's m·n. */
export function storageRatio(m: number, n: number, k: number): number {
  return ((m + n) * k) / (m * n);
}

function checkEntries(m: number, n: number, what: string): void {
  if (m * n > MAX_ENTRIES) {
    throw new InputError(
      `${what} make ${(m * n).toLocaleString('en-US')} entries, more than the ${MAX_ENTRIES.toLocaleString('en-US')} allowed`,
      {
        parameter: 'images',
      },
    );
  }
}
