// Matrices → CSV text (for --out and the app's exports). Full precision, '.' decimals.

/** Optional labels written as a header row and a first column. */
export interface CsvLabels {
  readonly rows?: readonly string[];
  readonly cols?: readonly string[];
}

/** CSV of a rows×cols row-major matrix; NaN is written as NA; numbers round-trip exactly. */
export function toCsv(d: { rows: number; cols: number; data: ArrayLike<number> }, labels: CsvLabels = {}): string {
  const lines: string[] = [];
  if (labels.cols) lines.push([...(labels.rows ? [''] : []), ...labels.cols.map(quote)].join(','));
  for (let i = 0; i < d.rows; i++) {
    const cells: string[] = labels.rows ? [quote(labels.rows[i] ?? '')] : [];
    for (let j = 0; j < d.cols; j++) {
      const x = d.data[i * d.cols + j];
      cells.push(Number.isNaN(x) ? 'NA' : String(x));
    }
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

function quote(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
