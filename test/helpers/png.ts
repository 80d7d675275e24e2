// A minimal PNG writer for test fixtures: 8-bit RGBA (colour type 6), no interlace, each
// scanline with filter 0, compressed with node's zlib.
import { crc32, deflateSync } from 'node:zlib';

/** The PNG file of a width×height image whose RGBA bytes are `rgba` (row by row). */
export function encodePng(width: number, height: number, rgba: ArrayLike<number>): Buffer {
  if (rgba.length !== 4 * width * height) throw new Error(`encodePng: ${rgba.length} bytes for ${width}×${height} RGBA`);
  const raw = Buffer.alloc(height * (1 + 4 * width));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + 4 * width)] = 0;
    for (let t = 0; t < 4 * width; t++) raw[y * (1 + 4 * width) + 1 + t] = rgba[y * 4 * width + t];
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, RGBA, deflate, filter method 0, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** length, type, data, CRC-32 of type + data. */
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0, 0);
  return Buffer.concat([length, body, crc]);
}
