// Text from outside (file names, the data's name) made safe for the generated programs: string
// literals of Python and R that hold exactly the given text in plain ASCII, and comment text
// that cannot end its comment line.

/** The code points of s, with lone surrogates replaced by U+FFFD (neither Python's open() nor R can use them). */
function codePoints(s: string): number[] {
  return Array.from(s, (ch) => {
    const c = ch.codePointAt(0)!;
    return c >= 0xd800 && c <= 0xdfff ? 0xfffd : c;
  });
}

function hex(c: number, digits: number): string {
  return c.toString(16).padStart(digits, '0');
}

/** A Python str literal ("…", ASCII only) whose value is s: \\, \" and \xNN / \uNNNN / \UNNNNNNNN escapes. */
export function pyString(s: string): string {
  let out = '"';
  for (const c of codePoints(s)) {
    if (c === 0x5c) out += '\\\\';
    else if (c === 0x22) out += '\\"';
    else if (c >= 0x20 && c < 0x7f) out += String.fromCodePoint(c);
    else if (c < 0x100) out += `\\x${hex(c, 2)}`;
    else if (c < 0x10000) out += `\\u${hex(c, 4)}`;
    else out += `\\U${hex(c, 8)}`;
  }
  return `${out}"`;
}

/**
 * An R string literal ("…", ASCII only) whose value is s: \\, \" and \u{NNNN} / \U{NNNNNNNN} escapes
 * (R refuses a string that mixes \x and \u escapes). R strings cannot hold NUL: callers refuse
 * such text first (see hasNul).
 */
export function rString(s: string): string {
  let out = '"';
  for (const c of codePoints(s)) {
    if (c === 0x5c) out += '\\\\';
    else if (c === 0x22) out += '\\"';
    else if (c >= 0x20 && c < 0x7f) out += String.fromCodePoint(c);
    else if (c < 0x10000) out += `\\u{${hex(c, 4)}}`;
    else out += `\\U{${hex(c, 8)}}`;
  }
  return `${out}"`;
}

/** True when s holds a NUL character (no file name can; no R string can). */
export function hasNul(s: string): boolean {
  return s.includes('\0');
}

/**
 * s for a comment: printable ASCII only (anything else, line breaks included, becomes '?'), at
 * most `max` characters (then "..."), so no name can end the comment and inject code.
 */
export function commentText(s: string, max = 80): string {
  const clean = s.replace(/[^\x20-\x7e]/gu, '?');
  return clean.length > max ? `${clean.slice(0, max - 3)}...` : clean;
}
