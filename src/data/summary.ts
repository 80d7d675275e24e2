// A one-line description of a matrix: size, observed entries, range.
import type { DataMatrix } from '../core/problem.js';

/** Size, observed and missing counts, and the range of the observed entries. */
export interface Summary {
  readonly rows: number;
  readonly cols: number;
  readonly observed: number;
  readonly missing: number;
  readonly min: number;
  readonly max: number;
}

/** The Summary of a DataMatrix (NaN = missing). */
export function summarize(d: DataMatrix): Summary {
  let observed = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const x of d.values) {
    if (Number.isNaN(x)) continue;
    observed++;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return { rows: d.rows, cols: d.cols, observed, missing: d.rows * d.cols - observed, min, max };
}

/** "60×40, 2400 observed, 0 missing, values 0.012–3.4". */
export function formatSummary(s: Summary): string {
  const pct = s.missing ? ` (${((100 * s.missing) / (s.rows * s.cols)).toFixed(1)}%)` : '';
  return `${s.rows}×${s.cols}, ${s.observed} observed, ${s.missing} missing${pct}, values ${fmt(s.min)}–${fmt(s.max)}`;
}

function fmt(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : '—';
}
