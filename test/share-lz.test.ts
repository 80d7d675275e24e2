// The link's bounded LZ decompression: the same text as lz-string's own decompressor, and a stop
// (not a full expansion) for compressed text that would grow past the bound.
import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeShare } from '../src/share/index.js';
import { MAX_DECOMPRESSED } from '../src/share/inline.js';
import { decompressBounded } from '../src/share/lzBounded.js';
import { LINK_DATA_LIMIT } from '../src/share/table.js';

describe('decompressBounded', () => {
  it('gives what lz-string gives for any text it compressed (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', minLength: 1 }), fc.string({ unit: 'grapheme-ascii', minLength: 1 })), (text) => {
        const csv = LZString.compressToEncodedURIComponent(text);
        expect(decompressBounded(csv, Infinity)).toEqual({ text: LZString.decompressFromEncodedURIComponent(csv) });
      }),
      { numRuns: 300 },
    );
  });

  it('gives what lz-string gives for garbage, or refuses it (property)', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 60 }), (csv) => {
        let theirs: string | null;
        try {
          theirs = LZString.decompressFromEncodedURIComponent(csv);
        } catch {
          theirs = null;
        }
        const ours = decompressBounded(csv, Infinity);
        if (theirs === null || theirs === '') expect(ours).toEqual({ error: 'invalid' });
        else if ('text' in ours) expect(ours.text).toBe(theirs);
        else expect(ours).toEqual({ error: 'invalid' });
      }),
      { numRuns: 500 },
    );
  });

  it('stops at the bound: text one character longer than it is refused as too large', () => {
    const csv = LZString.compressToEncodedURIComponent('ab'.repeat(5000));
    expect(decompressBounded(csv, 10_000)).toEqual({ text: 'ab'.repeat(5000) });
    expect(decompressBounded(csv, 9_999)).toEqual({ error: 'too-large' });
    expect(decompressBounded('!!', 10)).toEqual({ error: 'invalid' });
  });
});

describe('a link whose data expands past the size cap', () => {
  // 5 million characters compress to a few thousand: a short link, a huge text
  const bomb = LZString.compressToEncodedURIComponent('1,'.repeat(2_500_000));

  it('is short enough for a link but is refused as too large, not as undecompressable', () => {
    expect(bomb.length).toBeLessThan(LINK_DATA_LIMIT);
    const d = decodeShare(`data=inline&name=bomb.csv&csv=${bomb}&rank=3`);
    expect(d.state.data).toEqual({ kind: 'example', id: 'lowrank' });
    expect(d.state.options.rank).toBe(3);
    expect(d.ignored).toEqual([`inline data (too large: it expands to more than ${MAX_DECOMPRESSED.toLocaleString('en-US')} characters)`]);
  });
});
