// Long-format text (one observed entry per line: row, column, value, like MovieLens' ratings
// files) → SparseData in compressed rows, never a dense rows×cols array. Labels are strings,
// numbered in order of first appearance; every problem names the file, line and field.
import type { DataMatrix } from '../core/problem.js';
import { sparseToDense, type SparseData } from '../core/sparse.js';
import { isMissingCell, isNumberCell } from './cells.js';
import { InputError } from './errors.js';
import { detectDelimiter } from './table.js';

/** Most observed entries a long-format file may hold (each costs ~24 bytes here, more in a run). */
export const MAX_LONG_ENTRIES = 10_000_000;

const ROW_NAMES = new Set(['row', 'rows', 'i', 'user', 'userid', 'users', 'document', 'doc', 'sample']);
const COL_NAMES = new Set(['column', 'col', 'columns', 'j', 'item', 'itemid', 'movie', 'movieid', 'product', 'term', 'word', 'feature']);
const VALUE_NAMES = new Set(['value', 'values', 'v', 'x', 'rating', 'ratings', 'score', 'count', 'weight']);

/** True when `line`'s first three fields name a row, a column and a value (e.g. `userId,movieId,rating`). */
export function isLongHeader(line: string): boolean {
  const cells = splitLine(line, detectDelimiter(line)).map(headerWord);
  return cells.length >= 3 && ROW_NAMES.has(cells[0]) && COL_NAMES.has(cells[1]) && VALUE_NAMES.has(cells[2]);
}

/** True when the first non-blank line of `text` is a long-format header (isLongHeader). */
export function looksLong(text: string): boolean {
  const body = text.replace(/^\uFEFF/, '');
  const m = /[^\r\n]*\S[^\r\n]*/.exec(body.slice(0, 4096));
  return m !== null && isLongHeader(m[0]);
}

/**
 * Parses long-format text: each non-blank line `row, column, value` (comma, tab, semicolon or
 * spaces; fields after the third, like a timestamp, are ignored), an optional header line whose
 * value field is not a number. Rows and columns are labels (any text), numbered by first
 * appearance; a missing marker (NA, blank) as value leaves that entry unobserved. Throws
 * InputError naming the line for: too few fields, an empty label, a value that is not a number,
 * negative or not finite, the same (row, column) twice (with both lines), more than
 * MAX_LONG_ENTRIES lines (checked before anything is allocated), no entries, no positive value.
 */
export function parseLongText(text: string, fileName: string): SparseData {
  const file = fileName;
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(body);
  const lineCount = countLines(body);
  if (lineCount > MAX_LONG_ENTRIES + 1) {
    throw new InputError(
      `${file}: ${lineCount.toLocaleString('en-US')} lines: a long-format file may hold at most ${MAX_LONG_ENTRIES.toLocaleString('en-US')} entries`,
      { file },
    );
  }
  const rowIds = new Map<string, number>();
  const colIds = new Map<string, number>();
  const entryRow = new Int32Array(lineCount);
  const entryCol = new Int32Array(lineCount);
  const entryVal = new Float64Array(lineCount);
  const entryLine = new Int32Array(lineCount);
  let count = 0;
  let line = 0;
  let first = true;
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    line++;
    const raw = body.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (raw.trim() === '') continue;
    const cells = splitLine(raw, delimiter);
    const wasFirst = first;
    first = false;
    if (wasFirst && cells.length >= 3 && !isNumberCell(cells[2]) && !isMissingCell(cells[2])) continue; // header
    if (cells.length < 3) {
      throw new InputError(
        `${file}: line ${line}: expected row, column, value but found ${cells.length} field${cells.length === 1 ? '' : 's'}`,
        { file, row: line },
      );
    }
    const [r, c, v] = cells;
    if (r === '') throw new InputError(`${file}: line ${line}, field 1: the row label is empty`, { file, row: line, column: 1 });
    if (c === '') throw new InputError(`${file}: line ${line}, field 2: the column label is empty`, { file, row: line, column: 2 });
    if (isMissingCell(v)) continue;
    const x = checkValue(v, file, line);
    entryRow[count] = idOf(rowIds, r);
    entryCol[count] = idOf(colIds, c);
    entryVal[count] = x;
    entryLine[count] = line;
    count++;
  }
  if (count === 0) throw new InputError(`${file}: no entries found (expected lines of row, column, value)`, { file });
  const data = compressRows(rowIds, colIds, entryRow, entryCol, entryVal, entryLine, count, file);
  if (!data.values.some((x) => x > 0)) {
    throw new InputError(`${file}: every observed entry is 0; NMF needs at least one positive value`, { file });
  }
  return data;
}

/** The value of field 3 on `line`; InputError when it is not a finite non-negative number. */
function checkValue(v: string, file: string, line: number): number {
  const where = { file, row: line, column: 3 };
  if (!isNumberCell(v)) throw new InputError(`${file}: line ${line}, field 3: '${clip(v)}' is not a number`, where);
  const x = Number(v);
  if (!Number.isFinite(x)) throw new InputError(`${file}: line ${line}, field 3: ${v} is out of range (not a finite number)`, where);
  if (x < 0) throw new InputError(`${file}: line ${line}, field 3: negative value ${x} is out of range (NMF needs every entry ≥ 0)`, where);
  return x;
}

/** Sorts the entries into compressed rows (columns increasing within a row); InputError on a repeated (row, column). */
function compressRows(
  rowIds: Map<string, number>,
  colIds: Map<string, number>,
  er: Int32Array,
  ec: Int32Array,
  ev: Float64Array,
  el: Int32Array,
  nnz: number,
  file: string,
): SparseData {
  const rows = rowIds.size;
  const cols = colIds.size;
  const rowPtr = new Int32Array(rows + 1);
  for (let t = 0; t < nnz; t++) rowPtr[er[t] + 1]++;
  for (let i = 0; i < rows; i++) rowPtr[i + 1] += rowPtr[i];
  const next = rowPtr.slice(0, rows);
  const order = new Int32Array(nnz);
  for (let t = 0; t < nnz; t++) order[next[er[t]]++] = t;
  const colIdx = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  for (let i = 0; i < rows; i++) {
    const seg = order.subarray(rowPtr[i], rowPtr[i + 1]);
    seg.sort((a, b) => ec[a] - ec[b] || a - b);
    for (let s = 0; s < seg.length; s++) {
      const t = seg[s];
      if (s > 0 && ec[seg[s - 1]] === ec[t]) {
        const line = el[t];
        throw new InputError(
          `${file}: line ${line}: row '${clip(labelOf(rowIds, i))}', column '${clip(labelOf(colIds, ec[t]))}' already has a value (line ${el[seg[s - 1]]}); each entry may appear once`,
          { file, row: line },
        );
      }
      colIdx[rowPtr[i] + s] = ec[t];
      values[rowPtr[i] + s] = ev[t];
    }
  }
  return { rows, cols, nnz, rowPtr, colIdx, values, rowLabels: [...rowIds.keys()], colLabels: [...colIds.keys()], name: file };
}

function idOf(ids: Map<string, number>, label: string): number {
  let id = ids.get(label);
  if (id === undefined) {
    id = ids.size;
    ids.set(label, id);
  }
  return id;
}

function labelOf(ids: Map<string, number>, id: number): string {
  for (const [label, x] of ids) if (x === id) return label;
  return String(id);
}

/**
 * The fields of one line, trimmed, with surrounding double quotes removed ("" inside a quoted field
 * is one "); a delimiter inside a quoted field is part of it ("a,b" is one label).
 */
function splitLine(line: string, delimiter: string): string[] {
  if (delimiter !== ' ' && line.includes('"')) return splitQuoted(line, delimiter);
  const parts = delimiter === ' ' ? line.trim().split(/\s+/) : line.split(delimiter);
  return parts.map((p) => {
    const s = p.trim();
    return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s;
  });
}

/** splitLine for a line with quotes: a field that starts (after spaces) with " runs to the next " that is not doubled. */
function splitQuoted(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === ' ') i++;
    let field: string;
    if (line[i] === '"') {
      let j = i + 1;
      let text = '';
      for (; j < line.length; j++) {
        if (line[j] !== '"') text += line[j];
        else if (line[j + 1] === '"') {
          text += '"';
          j++;
        } else break;
      }
      const next = line.indexOf(delimiter, j + 1);
      const rest = line.slice(j + 1, next < 0 ? line.length : next).trim();
      field = j >= line.length ? line.slice(i).trim() : text + rest; // an unclosed quote: the field as written
      i = next < 0 || j >= line.length ? line.length + 1 : next + 1;
    } else {
      const next = line.indexOf(delimiter, i);
      field = line.slice(i, next < 0 ? line.length : next).trim();
      i = next < 0 ? line.length + 1 : next + 1;
    }
    fields.push(field);
    if (i > line.length) return fields;
  }
}

function headerWord(cell: string): string {
  return cell.toLowerCase().replace(/[^a-z]/g, '');
}

function countLines(text: string): number {
  let c = 1;
  for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) c++;
  return c;
}

function clip(s: string): string {
  return s.length > 20 ? `${s.slice(0, 20)}…` : s;
}

/**
 * The dense rows×cols matrix of `s` (NaN where unobserved) for the paths that need one (the
 * app's views, solvers without a sparse form); InputError when rows·cols > maxEntries, before
 * anything is allocated.
 */
export function longAsDense(s: SparseData, maxEntries: number): DataMatrix {
  const d = sparseToDense(s, maxEntries);
  if (d) return d;
  const file = s.name ?? 'data';
  throw new InputError(
    `${file}: ${s.rows.toLocaleString('en-US')}×${s.cols.toLocaleString('en-US')} with ${s.nnz.toLocaleString('en-US')} observed entries is more than ${maxEntries.toLocaleString('en-US')} cells to hold densely; factorize it sparsely with the command line: nmf factor ${file} --format long --rank K`,
    { file },
  );
}

/**
 * Seeded long-format ratings text for tests and benches: a `userId,movieId,rating` header, then
 * for each of m users u{i} `perRow` distinct items i{j} of n (user i < n rates item i, so every
 * item appears when m ≥ n; the rest drawn by a 32-bit LCG from `seed`), ratings 1..5: an
 * m×n matrix with m·perRow observed entries (perRow ≤ n).
 */
export function ratingsLongText(m: number, n: number, perRow: number, seed: number): string {
  if (!(perRow >= 1 && perRow <= n)) throw new Error(`ratingsLongText: ${perRow} ratings per row of ${n} items`);
  let x = seed >>> 0;
  const next = () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x >>> 8;
  };
  const lines = ['userId,movieId,rating'];
  for (let i = 0; i < m; i++) {
    const cols = new Set<number>(i < n ? [i] : []);
    while (cols.size < perRow) cols.add(next() % n);
    for (const j of cols) lines.push(`u${i},i${j},${1 + (next() % 5)}`);
  }
  return lines.join('\n');
}
