// lz-string's decompressFromEncodedURIComponent (lz-string 1.5.0, the LZW variant the link's data is
// compressed with) with a bound on the output: it stops as soon as the text would pass `maxLength`
// characters, so a short crafted link cannot make the page build a huge text (LZW expands
// quadratically: n codes can stand for n²/2 characters). Same results as the library's for all it
// compresses; garbage that the library reads as some text may be refused here (a first code of 3).

/** The 64 characters of lz-string's URI-safe encoding, 6 bits each. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/** The decompressed text, or why there is none: not valid compressed text, or longer than the bound. */
export type Decompressed = { readonly text: string } | { readonly error: 'invalid' | 'too-large' };

const INVALID: Decompressed = { error: 'invalid' };
const TOO_LARGE: Decompressed = { error: 'too-large' };

/** Decompresses lz-string's URI-safe form, giving up once the text passes `maxLength` characters. */
export function decompressBounded(input: string, maxLength: number): Decompressed {
  const values = new Uint8Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const v = ALPHABET.indexOf(input[i]);
    if (v < 0) return INVALID;
    values[i] = v;
  }
  if (input.length === 0) return INVALID;
  // the bit reader: 6 bits per character, lowest bit first within each read
  let val = values[0];
  let position = 32;
  let index = 1;
  const read = (bitCount: number): number => {
    let bits = 0;
    for (let power = 1, b = 0; b < bitCount; b++, power *= 2) {
      const bit = val & position;
      position >>= 1;
      if (position === 0) {
        position = 32;
        val = index < values.length ? values[index] : 0;
        index++;
      }
      if (bit) bits += power;
    }
    return bits;
  };

  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let dictSize = 4;
  let numBits = 3;
  const first = read(2);
  if (first > 1) return INVALID; // 2: the empty text; 3: no such code
  let w = String.fromCharCode(read(first === 0 ? 8 : 16));
  dictionary[3] = w;
  const result = [w];
  let total = 1;
  for (;;) {
    if (index > input.length) return INVALID; // ran out of input without the end mark
    let c = read(numBits);
    if (c === 0 || c === 1) {
      dictionary[dictSize++] = String.fromCharCode(read(c === 0 ? 8 : 16));
      c = dictSize - 1;
      enlargeIn--;
    } else if (c === 2) {
      return { text: result.join('') };
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: string;
    if (c < dictSize && dictionary[c]) entry = dictionary[c];
    else if (c === dictSize) entry = w + w.charAt(0);
    else return INVALID;
    total += entry.length;
    if (total > maxLength) return TOO_LARGE;
    result.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
