// Text → documents → words: splitting a text into documents (one per line or per paragraph)
// and cutting a document into lower-case words, with the size bounds checked first.
import { InputError } from './errors.js';

/** Longest text accepted (characters), checked before anything is split. */
export const MAX_TEXT_LENGTH = 1_000_000;
/** Most documents one text may hold. */
export const MAX_DOCUMENTS = 5_000;
/** Words shorter than this many letters are dropped ("a", "x"). */
export const MIN_WORD_LENGTH = 2;

/** How a text is cut into documents: each non-blank line, or each block between blank lines. */
export type DocumentSplit = 'line' | 'paragraph';

/** One document of a text: its name (number and first words), its text, its first line (1-based). */
export interface TextDocument {
  readonly name: string;
  readonly text: string;
  readonly line: number;
}

/**
 * Cuts `text` into documents: `line` makes each non-blank line one document, `paragraph` each
 * run of non-blank lines (separated by one or more blank lines). Throws InputError naming
 * `file` when the text is too long, holds no document, or more than MAX_DOCUMENTS.
 */
export function splitDocuments(text: string, split: DocumentSplit, file = 'documents'): TextDocument[] {
  if (text.length > MAX_TEXT_LENGTH) {
    throw new InputError(
      `${file}: the text has ${text.length.toLocaleString('en-US')} characters, more than the ${MAX_TEXT_LENGTH.toLocaleString('en-US')} allowed`,
      { file },
    );
  }
  const lines = text.split(/\r\n|\r|\n/);
  const docs: TextDocument[] = [];
  let block: string[] = [];
  let start = 0;
  const flush = () => {
    if (block.length === 0) return;
    if (docs.length === MAX_DOCUMENTS) {
      const where = { file, row: start };
      throw new InputError(
        `${file}: line ${start}: more than ${MAX_DOCUMENTS.toLocaleString('en-US')} documents (one per ${split === 'line' ? 'line' : 'paragraph'})`,
        where,
      );
    }
    const body = block.join('\n');
    docs.push({ name: documentName(body, docs.length + 1), text: body, line: start });
    block = [];
  };
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return flush();
    if (block.length === 0) start = i + 1;
    block.push(line);
    if (split === 'line') flush();
  });
  flush();
  if (docs.length === 0) throw new InputError(`${file}: no documents (the text is empty)`, { file });
  return docs;
}

/** Letters (with their combining marks), an apostrophe allowed between letters: "don't", "o'clock". */
const WORD = /\p{L}[\p{L}\p{M}]*(?:'[\p{L}\p{M}]+)*/gu;

/**
 * The words of `text` in order: NFC-normalized, curly apostrophes made straight, lower case
 * (Unicode default mapping, no locale), runs of letters only (digits and punctuation split
 * words), a possessive "'s" dropped, words of fewer than MIN_WORD_LENGTH letters and those in
 * `stopWords` left out.
 */
export function tokenize(text: string, stopWords: ReadonlySet<string>): string[] {
  const clean = text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase();
  const out: string[] = [];
  for (const match of clean.matchAll(WORD)) {
    let w = match[0];
    if (stopWords.has(w)) continue;
    if (w.endsWith("'s")) w = w.slice(0, -2);
    if ([...w].length < MIN_WORD_LENGTH || stopWords.has(w)) continue;
    out.push(w);
  }
  return out;
}

/** "#3 Knead the dough until…": the document's number and its first words (at most 28 characters). */
function documentName(text: string, index: number): string {
  const words = text.split(/\s+/);
  let head = '';
  for (const w of words) {
    const next = head ? `${head} ${w}` : w;
    if (next.length > 28) return `#${index} ${head || w.slice(0, 28)}…`;
    head = next;
  }
  return `#${index} ${head}`;
}
