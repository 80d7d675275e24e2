// Splits delimited text into rows of cells, keeping the line each row came from.
import Papa from 'papaparse';
import { InputError, locate } from './errors.js';

/** A non-empty row of a table and its 1-based line number in the text. */
export interface TableRow {
  readonly cells: string[];
  readonly line: number;
}

const CANDIDATES = ['\t', ',', ';'] as const;

/**
 * The delimiter of the text: tab, comma or semicolon when a line has one outside quoted fields (in
 * that order, so a tab inside a quoted label of a comma-separated file does not count), else the
 * first of them anywhere (a quote left open), else runs of spaces.
 */
export function detectDelimiter(text: string): '\t' | ',' | ';' | ' ' {
  const sample = text.slice(0, 65536);
  for (const d of CANDIDATES) if (scan(sample, d, sample.length).first >= 0) return d;
  for (const d of CANDIDATES) if (sample.includes(d)) return d;
  return ' ';
}

/**
 * Reads text[0, end) as the parser does with `d` as the delimiter: a field is quoted when it
 * starts (at a line's start or after `d`) with a double quote, up to the next quote that is not
 * doubled. The index of the first `d` outside quoted fields (-1 if none) and the 1-based column
 * (field) of its row that text[end] is in.
 */
function scan(text: string, d: string, end: number): { first: number; column: number } {
  let first = -1;
  let column = 1;
  let fieldStart = true;
  for (let i = 0; i < end; i++) {
    const c = text[i];
    if (c === '"' && fieldStart) {
      for (i++; i < end && !(text[i] === '"' && text[i + 1] !== '"'); i++) if (text[i] === '"') i++;
      fieldStart = false;
    } else if (c === d) {
      if (first < 0) first = i;
      column++;
      fieldStart = true;
    } else if (c === '\n' || c === '\r') {
      column = 1;
      fieldStart = true;
    } else fieldStart = false;
  }
  return { first, column };
}

/**
 * Rows of cells of CSV/TSV/semicolon/space-separated text (delimiter detected; quotes handled
 * for the delimited forms). Blank lines are skipped; each row keeps its line number.
 */
export function splitTable(text: string, file: string): TableRow[] {
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(body);
  let raw: string[][];
  if (delimiter === ' ') {
    raw = body.split(/\r\n|\r|\n/).map((l) => (l.trim() ? l.trim().split(/\s+/) : ['']));
  } else {
    const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false, dynamicTyping: false });
    const bad = parsed.errors.find((e) => e.type === 'Quotes');
    if (bad) {
      // the parser's index is just past the opening quote of the field it could not read
      const column = bad.index === undefined ? undefined : scan(body, delimiter, Math.max(0, bad.index - 1)).column;
      const where = { file, row: (bad.row ?? 0) + 1, ...(column === undefined ? {} : { column }) };
      throw new InputError(`${locate(where)}${bad.message.toLowerCase()}`, where);
    }
    raw = parsed.data;
  }
  const rows: TableRow[] = [];
  raw.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '') && cells.length <= 1) return;
    rows.push({ cells: cells.map((c) => c.trim()), line: i + 1 });
  });
  return rows;
}
