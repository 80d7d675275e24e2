// Data text inside a link: compressed with lz-string into characters that are safe in a URL
// fragment (A–Z a–z 0–9 + - $), within a size limit.
// lz-string is CommonJS (module.exports = LZString): its default import works in Vite and in Node.
import LZString from 'lz-string';
import { decompressBounded, type Decompressed } from './lzBounded.js';
import { LINK_DATA_LIMIT } from './table.js';

/**
 * Text longer than this is not compressed for a link: it would need a ratio of 25 to fit, and
 * compressing takes about 0.4 s per MB on the page's thread.
 */
export const MAX_INLINE_TEXT = 400_000;

/** Largest text a link's data may decompress to (a guard against crafted links). */
export const MAX_DECOMPRESSED = 10 * MAX_INLINE_TEXT;

/**
 * `text` compressed for a link, or, when it does not fit in LINK_DATA_LIMIT, its size in kB
 * (rounded up): compressed, or as is when too long to compress.
 */
export function compressForLink(text: string): { csv: string } | { tooLargeKB: number } {
  if (text.length > MAX_INLINE_TEXT) return { tooLargeKB: Math.ceil(text.length / 1000) };
  const csv = LZString.compressToEncodedURIComponent(text);
  return csv.length <= LINK_DATA_LIMIT ? { csv } : { tooLargeKB: Math.ceil(csv.length / 1000) };
}

/**
 * The text of a link's compressed data; or 'invalid' when it is not valid compressed text (or
 * empty), 'too-large' when it would expand past MAX_DECOMPRESSED (decompressing stops there).
 */
export function decompressFromLink(csv: string): Decompressed {
  const d = decompressBounded(csv, MAX_DECOMPRESSED);
  return 'text' in d && d.text === '' ? { error: 'invalid' } : d;
}
