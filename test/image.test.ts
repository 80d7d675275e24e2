// Images → V: a PNG made by the test, decoded (pngjs, as a browser's ImageData would be),
// turned into grey levels; downscaling by area averaging; sets and tiles; size messages.
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { checkImageSize, downscaledSize, greyImage, greyToRgba, type Pixels } from '../src/data/image.js';
import { imageSetToV, imageTilesToV, imageToV, storageRatio } from '../src/data/image-matrix.js';
import { encodePng } from './helpers/png.js';

/** Pixels of a grey picture: levels 0–255 (width×height, row by row), opaque. */
function greyPixels(width: number, height: number, levels: readonly number[]): Pixels {
  const data = new Uint8ClampedArray(4 * width * height);
  levels.forEach((v, t) => data.set([v, v, v, 255], 4 * t));
  return { width, height, data };
}

function expectClose(actual: ArrayLike<number>, want: readonly number[], digits = 12): void {
  expect(actual.length).toBe(want.length);
  want.forEach((x, t) => expect(actual[t], `entry ${t}`).toBeCloseTo(x, digits));
}

describe('a PNG decoded into V', () => {
  it('gives each pixel its Rec. 601 luma, transparency composited over white', () => {
    // 3×2: red, green, blue / white, black, black at alpha 128
    const rgba = [255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 0, 255, 0, 0, 0, 128];
    const png = PNG.sync.read(encodePng(3, 2, rgba));
    expect([png.width, png.height]).toEqual([3, 2]);
    const V = imageToV({ name: 'tiny.png', pixels: { width: png.width, height: png.height, data: png.data } });
    expect([V.rows, V.cols, V.name]).toEqual([2, 3, 'tiny.png']);
    expect(V.imageWidth).toBeUndefined();
    expectClose(V.values, [0.299, 0.587, 0.114, 1, 0, 1 - 128 / 255]);
  });

  it('is the same, bit for bit, decoded twice', () => {
    const rgba = Array.from({ length: 4 * 7 * 5 }, (_, t) => (t * 37) % 256);
    const a = PNG.sync.read(encodePng(7, 5, rgba));
    const b = PNG.sync.read(encodePng(7, 5, rgba));
    expect(imageToV({ name: 'a', pixels: a }, 3).values).toEqual(imageToV({ name: 'b', pixels: b }, 3).values);
  });
});

describe('downscaling', () => {
  it('keeps an image that fits, and brings the longer side to the maximum otherwise', () => {
    expect(downscaledSize(40, 30, 64)).toEqual({ width: 40, height: 30 });
    expect(downscaledSize(1024, 768, 200)).toEqual({ width: 200, height: 150 });
    expect(downscaledSize(1000, 3, 100)).toEqual({ width: 100, height: 1 });
  });

  it('averages 2×2 blocks when the size halves', () => {
    const px = greyPixels(4, 2, [0, 255, 51, 51, 255, 255, 102, 0]);
    const g = greyImage(px, 2, 'halves');
    expect([g.width, g.height]).toEqual([2, 1]);
    expectClose(g.grey, [(0 + 1 + 1 + 1) / 4, (0.2 + 0.2 + 0.4 + 0) / 4]);
  });

  it('weights a source pixel split between two output pixels by the part in each (3 → 2)', () => {
    const g = greyImage(greyPixels(3, 1, [255, 102, 0]), 2, 'thirds');
    expect([g.width, g.height]).toEqual([2, 1]);
    expectClose(g.grey, [(1 + 0.5 * 0.4) / 1.5, (0.5 * 0.4 + 0) / 1.5]);
  });

  it('keeps the mean grey level (area averaging loses no light)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 23 }),
        fc.integer({ min: 1, max: 23 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer(),
        (w, h, side, seed) => {
          const levels = Array.from({ length: w * h }, (_, t) => Math.abs((seed + t * 2654435761) % 256));
          const g = greyImage(greyPixels(w, h, levels), side, 'random');
          const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, x) => s + x, 0) / xs.length;
          expect(Math.max(g.width, g.height)).toBeLessThanOrEqual(Math.max(side, 1));
          expect(mean(g.grey)).toBeCloseTo(mean(levels) / 255, 10);
        },
      ),
    );
  });
});

describe('size bounds and messages', () => {
  it('names the file and what is wrong', () => {
    expect(() => checkImageSize(9000, 5000, 'huge.png')).toThrow(
      'huge.png: the image is 9000×5000 pixels, more than the 40,000,000 allowed',
    );
    expect(() => checkImageSize(0, 5, 'empty.png')).toThrow('empty.png: the image is 0×5 pixels; it needs at least one pixel');
    expect(() => greyImage({ width: 2, height: 2, data: new Uint8Array(12) }, 10, 'short.png')).toThrow(
      'short.png: 12 bytes of pixels for a 2×2 image (expected 16, RGBA)',
    );
    expect(() => greyImage(greyPixels(1, 1, [0]), 0, 'x.png')).toThrow('largest side 0 must be an integer from 1 to 1000');
  });
});

describe('a set of images', () => {
  const a = { name: 'a.png', pixels: greyPixels(2, 2, [0, 51, 102, 153]) };
  const b = { name: 'b.png', pixels: greyPixels(2, 2, [255, 204, 153, 102]) };

  it('makes one column per image, pixels row by row, with the width for showing columns as images', () => {
    const V = imageSetToV([a, b]);
    expect([V.rows, V.cols, V.imageWidth]).toEqual([4, 2, 2]);
    expect(V.colLabels).toEqual(['a.png', 'b.png']);
    expectClose(V.values, [0, 1, 0.2, 0.8, 0.4, 0.6, 0.6, 0.4]);
  });

  it('downscales every image the same way', () => {
    const big = (name: string, v: number) => ({ name, pixels: greyPixels(4, 2, Array(8).fill(v)) });
    const V = imageSetToV([big('x.png', 51), big('y.png', 255)], 2);
    expect([V.rows, V.cols, V.imageWidth]).toEqual([2, 2, 2]);
    expectClose(V.values, [0.2, 1, 0.2, 1]);
  });

  it('names the file whose size differs, and its size', () => {
    const c = { name: 'c.png', pixels: greyPixels(3, 2, [0, 0, 0, 0, 0, 0]) };
    expect(() => imageSetToV([a, b, c])).toThrow(
      'c.png: the image is 3×2 pixels but a.png is 2×2; every image of a set must have the same size',
    );
    expect(() => imageSetToV([])).toThrow('no images: choose one or more files');
  });
});

describe('an image cut into tiles', () => {
  // 5×4 levels t·10 (t = row·5 + col): tiles of 2×2 → 2 across (the 5th column left out), 2 down
  const px = greyPixels(
    5,
    4,
    Array.from({ length: 20 }, (_, t) => t * 10),
  );

  it('makes one column per tile, left to right then top to bottom, the rest left out', () => {
    const V = imageTilesToV({ name: 'grid.png', pixels: px }, 2);
    expect([V.rows, V.cols, V.imageWidth]).toEqual([4, 4, 2]);
    expect(V.colLabels).toEqual(['tile 1,1', 'tile 1,2', 'tile 2,1', 'tile 2,2']);
    const tile = (j: number) => [0, 1, 2, 3].map((i) => Math.round(V.values[i * 4 + j] * 255));
    expect(tile(0)).toEqual([0, 10, 50, 60]);
    expect(tile(1)).toEqual([20, 30, 70, 80]);
    expect(tile(2)).toEqual([100, 110, 150, 160]);
    expect(tile(3)).toEqual([120, 130, 170, 180]);
  });

  it('says which tile sizes fit', () => {
    expect(() => imageTilesToV({ name: 'grid.png', pixels: px }, 5)).toThrow(
      'tile size 5 must be an integer from 2 to 4 (the shorter side of grid.png at 5×4 pixels)',
    );
    expect(() => imageTilesToV({ name: 'grid.png', pixels: px }, 1.5)).toThrow('tile size 1.5 must be an integer from 2 to 4');
  });
});

describe('storage and display', () => {
  it('storage ratio (m + n)k / mn', () => {
    expect(storageRatio(200, 150, 10)).toBe(3500 / 30000);
    expect(storageRatio(4, 4, 4)).toBe(2);
  });

  it('greyToRgba clips levels to [0, 1] and makes opaque grey pixels', () => {
    expect(Array.from(greyToRgba([-0.5, 0.5, 1.7], 3, 1))).toEqual([0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255]);
  });
});
