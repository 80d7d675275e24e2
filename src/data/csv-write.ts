// A matrix → CSV text, the cell rules of every file we write (src/data/results.ts): numbers in
// full precision with '.' decimals, NaN as NA; labels quoted when they hold a quote, comma or line
// break, and neutralized when a spreadsheet would run them as a formula.

/** Optional labels written as a header row and a first column. */
export interface CsvLabels {
  readonly rows?: readonly string[];
  readonly cols?: readonly string[];
}

/** CSV of a rows×cols row-major matrix; NaN is written as NA; numbers round-trip exactly. */
export function toCsv(d: { rows: number; cols: number; data: ArrayLike<number> }, labels: CsvLabels = {}): string {
  const lines: string[] = [];
  if (labels.cols) lines.push([...(labels.rows ? [''] : []), ...labels.cols.map(textCell)].join(','));
  for (let i = 0; i < d.rows; i++) {
    const cells: string[] = labels.rows ? [textCell(labels.rows[i] ?? '')] : [];
    for (let j = 0; j < d.cols; j++) {
      const x = d.data[i * d.cols + j];
      cells.push(Number.isNaN(x) ? 'NA' : String(x));
    }
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Text that a spreadsheet reads as a formula when a cell starts with it (OWASP's CSV-injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell (a label, never a number) as written: a leading apostrophe when it starts with =, +,
 * -, @, a tab or a carriage return, so a spreadsheet shows it as text instead of running it; then
 * quoted when it holds a quote, comma or line break.
 */
export function textCell(s: string): string {
  const safe = FORMULA_START.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
