// Splits delimited text into rows of cells, keeping the line each row came from.
import Papa from 'papaparse';
import { InputError } from './errors.js';

/** A non-empty row of a table and its 1-based line number in the text. */
export interface TableRow {
  readonly cells: string[];
  readonly line: number;
}

/** The delimiter of the text: tab, comma or semicolon when any line has one (in that order), else runs of spaces. */
export function detectDelimiter(text: string): '\t' | ',' | ';' | ' ' {
  const sample = text.slice(0, 65536);
  if (sample.includes('\t')) return '\t';
  if (sample.includes(',')) return ',';
  if (sample.includes(';')) return ';';
  return ' ';
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
      const row = (bad.row ?? 0) + 1;
      throw new InputError(`${file}: row ${row}: ${bad.message.toLowerCase()}`, { file, row });
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
