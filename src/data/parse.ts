// CSV/TSV text → DataMatrix: header row and row-label column detected, missing markers → NaN,
// every problem reported with the file, row (line) and column where it is.
import type { DataMatrix } from '../core/problem.js';
import { isMissingCell, isNumberCell, isTextCell } from './cells.js';
import { InputError, locate } from './errors.js';
import { splitTable, type TableRow } from './table.js';
import { validateMatrix } from './validate.js';

/**
 * Parses a table of non-negative numbers. A first row with no number in it is a header (column
 * labels); a first column with no number in it (and some text) holds row labels. Blank, NA,
 * NaN, ?, N/A and null mean missing. Rows and columns in messages are those of the file
 * (1-based lines and fields). Throws InputError.
 */
export function parseMatrixText(text: string, fileName: string): DataMatrix {
  const file = fileName;
  let rows = splitTable(text, file);
  // leading comment lines (one cell starting with '#', as the app's exports begin) are skipped
  while (rows.length && rows[0].cells.length === 1 && rows[0].cells[0].trimStart().startsWith('#')) rows = rows.slice(1);
  if (rows.length === 0) throw new InputError(`${file}: the file is empty`, { file });
  rows = dropTrailingEmptyColumn(rows);
  if (rows.length === 1 && !rows[0].cells.some(isNumberCell) && rows[0].cells.some(isTextCell)) {
    const where = { file, row: rows[0].line };
    throw new InputError(`${file}: the file has only a header row (${clip(rows[0].cells.join(', '))}) and no data rows`, where);
  }

  const hasHeader = rows.length >= 2 && !rows[0].cells.some(isNumberCell) && rows[0].cells.some(isTextCell);
  const header = hasHeader ? rows[0] : null;
  const body = hasHeader ? rows.slice(1) : rows;
  const width = body[0].cells.length;
  const hasLabels = width >= 2 && !body.some((r) => isNumberCell(r.cells[0])) && body.some((r) => isTextCell(r.cells[0]));
  const skip = hasLabels ? 1 : 0;
  const cols = width - skip;

  checkWidth(body, width, body[0].line, file);
  let colLabels: string[] | undefined;
  if (header) {
    const h = header.cells;
    if (h.length === width) colLabels = h.slice(skip);
    else if (hasLabels && h.length === width - 1) colLabels = h.slice();
    else {
      const where = { file, row: header.line };
      throw new InputError(`${locate(where)}the header has ${h.length} columns but the data rows have ${width}`, where);
    }
  }

  const m = body.length;
  const values = new Float64Array(m * cols);
  body.forEach((r, i) => {
    for (let j = 0; j < cols; j++) {
      const cell = r.cells[j + skip];
      if (isMissingCell(cell)) values[i * cols + j] = NaN;
      else if (isNumberCell(cell) && Number.isFinite(Number(cell))) values[i * cols + j] = Number(cell);
      else {
        const where = { file, row: r.line, column: j + skip + 1 };
        const why = isNumberCell(cell)
          ? `is not a finite number (${TOO_LARGE})`
          : `is not a number${looksLong(body) ? LONG_FORMAT_HINT : ''}`;
        throw new InputError(`${locate(where)}'${clip(cell)}' ${why}`, where);
      }
    }
  });
  const d: DataMatrix = {
    rows: m,
    cols,
    values,
    name: file,
    rowLabels: hasLabels ? body.map((r) => r.cells[0]) : undefined,
    colLabels,
  };
  validateMatrix(d, { file, row: (i) => body[i].line, column: (j) => j + skip + 1 });
  return d;
}

/** Why a cell like 1e400 is refused: its number is beyond the largest a float64 holds. */
const TOO_LARGE = 'numbers go up to about ±1.8e308';

/** Appended to a "not a number" message when the table looks like one (row, column, value) triple per line. */
export const LONG_FORMAT_HINT =
  '. The file looks like long format (row, column, value on each line): read it as such (nmf --format long, or the Long format (row, column, value) choice in the app)';

/**
 * Whether the rows look like long format: three cells each, the third a number and one of the
 * first two a name (u1, i7) in every row.
 */
function looksLong(body: readonly TableRow[]): boolean {
  return (
    body.length >= 2 &&
    body.every((r) => r.cells.length === 3 && isNumberCell(r.cells[2]) && (isTextCell(r.cells[0]) || isTextCell(r.cells[1])))
  );
}

/** Drops a last column that is blank in every row (a trailing delimiter on every line). */
function dropTrailingEmptyColumn(rows: TableRow[]): TableRow[] {
  const trailing = rows.every((r) => r.cells.length >= 2 && r.cells[r.cells.length - 1] === '');
  return trailing ? rows.map((r) => ({ line: r.line, cells: r.cells.slice(0, -1) })) : rows;
}

/** Throws for the first row whose number of cells differs from `width`, naming the column. */
function checkWidth(body: readonly TableRow[], width: number, firstLine: number, file: string): void {
  for (const r of body) {
    const w = r.cells.length;
    if (w === width) continue;
    const column = w < width ? w + 1 : width + 1;
    const where = { file, row: r.line, column };
    const what =
      w < width
        ? `the row ends early: it has ${w} columns, row ${firstLine} has ${width} (leave a cell empty or write NA for a missing value)`
        : `unexpected extra value '${clip(r.cells[width])}': this row has ${w} columns, row ${firstLine} has ${width}`;
    throw new InputError(`${locate(where)}${what}`, where);
  }
}

function clip(s: string): string {
  return s.length > 20 ? `${s.slice(0, 20)}…` : s;
}
