// An image file → its RGBA pixels, decoded by the browser (createImageBitmap, then a canvas),
// its size checked before any pixel is read. DOM realm.
import { checkImageSize, type Pixels } from '../../../src/data/image.js';
import type { NamedPixels } from '../../../src/data/image-matrix.js';

/** Decodes a PNG or JPEG file; throws an Error naming the file when it is not an image or is too large. */
export async function decodeImage(file: File): Promise<NamedPixels> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error(`${file.name}: not a PNG or JPEG image the browser can decode`);
  }
  try {
    checkImageSize(bitmap.width, bitmap.height, file.name);
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error(`${file.name}: the browser gave no canvas to read the pixels`);
    ctx.drawImage(bitmap, 0, 0);
    const pixels: Pixels = { width: bitmap.width, height: bitmap.height, data: ctx.getImageData(0, 0, bitmap.width, bitmap.height).data };
    return { name: file.name, pixels };
  } finally {
    bitmap.close();
  }
}
