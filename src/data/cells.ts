// What a single text cell of a table means: a number, a missing value, or text.

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const MISSING = new Set(['', 'na', 'nan', '?', 'n/a', 'null']);

/** True when the trimmed cell is a decimal number (e.g. 3, -0.5, 1e-3; not hex, not Infinity). */
export function isNumberCell(cell: string): boolean {
  return NUMBER.test(cell.trim());
}

/** True when the cell marks a missing entry: blank, NA, NaN, ?, N/A or null (any case). */
export function isMissingCell(cell: string): boolean {
  return MISSING.has(cell.trim().toLowerCase());
}

/** True when the cell is neither a number nor a missing marker (a label, or a typo). */
export function isTextCell(cell: string): boolean {
  return !isNumberCell(cell) && !isMissingCell(cell);
}
