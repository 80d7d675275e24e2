// Texts of the plots: short text alternatives for screen readers, notes, download file names. Pure (no DOM).
import { isAveraged, type DisplayLayout } from '../shared/blocks.js';

/** A number in at most 3 significant digits, without exponent for everyday magnitudes ("0.0123", "2.3", "1.2e-7"). */
export function shortNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e6) return String(Number(x.toPrecision(3)));
  return x.toExponential(1).replace('e+', 'e');
}

/** A number written in a heatmap cell, in 2 significant digits ("0.83", "12", "-0.088", "5e-11"); '' for NaN (missing). */
export function cellNumber(x: number): string {
  if (Number.isNaN(x)) return '';
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 0.01 && a < 1000) return String(Number(x.toPrecision(2)));
  return x.toExponential(0).replace('e+', 'e');
}

/** "V: 60×40, values 0.01–2.3, 12 missing." or "…; each cell: mean of a 10×5 block (2000×1000 shown as 200×200)." */
export function matrixSummary(label: string, d: DisplayLayout, min: number, max: number, missing: number): string {
  let s = `${label}: ${d.sourceRows}×${d.sourceCols}`;
  s += Number.isNaN(min) ? ', no observed values' : `, values ${shortNumber(min)}–${shortNumber(max)}`;
  if (missing > 0) s += `, ${missing} missing`;
  if (isAveraged(d)) s += `; ${blockNote(d)}`;
  return `${s}.`;
}

/** The note of a block-averaged heatmap: "each cell: mean of a 10×5 block (2000×1000 shown as 200×200)". */
export function blockNote(d: DisplayLayout): string {
  return `each cell: mean of a ${d.blockRows}×${d.blockCols} block (${d.sourceRows}×${d.sourceCols} shown as ${d.rows}×${d.cols})`;
}

/** "mu: 120 iterations, last 0.0123; hals: …" or "no iterations yet". */
export function lossSummary(series: readonly { name: string; relError: ArrayLike<number> }[]): string {
  const parts = series
    .filter((s) => s.relError.length > 0)
    .map(
      (s) =>
        `${s.name}: ${s.relError.length} iteration${s.relError.length === 1 ? '' : 's'}, last ${shortNumber(s.relError[s.relError.length - 1])}`,
    );
  return parts.length ? `${parts.join('; ')}.` : 'No iterations yet.';
}

/** A download file name from a plot title: "V − WH (residual)" → "V-WH-residual". */
export function fileName(title: string): string {
  const s = title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s || 'plot';
}
