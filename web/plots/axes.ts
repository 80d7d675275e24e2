// Axis ticks and hover names of heatmap rows and columns, in 1-based source coordinates. Pure (no DOM).
import { blockSpan } from './blocks.js';

/** Explicit ticks of one axis: positions (1-based source indices) and their texts. */
export interface Ticks {
  tickvals: number[];
  ticktext: string[];
}

const STEPS = [1, 2, 5];

/** The smallest step in 1, 2, 5, 10, 20, 50, … that puts at most maxTicks ticks on 1..n. */
export function tickStep(n: number, maxTicks: number): number {
  const limit = Math.max(1, Math.floor(maxTicks));
  for (let scale = 1; ; scale *= 10) {
    for (const s of STEPS) {
      const step = s * scale;
      if (Math.ceil(n / step) <= limit) return step;
    }
  }
}

/**
 * At most maxTicks ticks on a side of n entries: every index when they fit, else 1 and the multiples
 * of a round step (1, 3, 5, … for a step of 2). Texts are labels[i-1] when given, else the index.
 */
export function indexTicks(n: number, maxTicks: number, labels?: readonly string[]): Ticks {
  const step = tickStep(n, maxTicks);
  const tickvals: number[] = [];
  if (step <= 2) for (let i = 1; i <= n; i += step) tickvals.push(i);
  else {
    tickvals.push(1);
    for (let i = step; i <= n; i += step) tickvals.push(i);
  }
  const ticktext = tickvals.map((i) => (labels && labels[i - 1] !== undefined ? escapeText(labels[i - 1]) : String(i)));
  return { tickvals, ticktext };
}

/**
 * How hover names display cell b of a side of n source entries grouped by `factor`:
 * "row 3" or "row 3 (Alice)" for single entries, "rows 11–20" (with "Alice … Jo" when labelled) for blocks.
 */
export function spanName(noun: string, b: number, factor: number, n: number, labels?: readonly string[]): string {
  const [first, last] = blockSpan(b, factor, n);
  const at = (i: number) => (labels && labels[i - 1] !== undefined ? escapeText(labels[i - 1]) : undefined);
  if (first === last) {
    const l = at(first);
    return l === undefined ? `${noun} ${first}` : `${noun} ${first} (${l})`;
  }
  const a = at(first);
  const z = at(last);
  return a === undefined || z === undefined ? `${noun}s ${first}–${last}` : `${noun}s ${first}–${last} (${a} … ${z})`;
}

/** rows×cols hover texts "row …<br>col …" of a display grid (built once per shape, not per update). */
export function hoverTexts(
  rows: number, cols: number, rowFactor: number, colFactor: number, m: number, n: number,
  rowLabels?: readonly string[], colLabels?: readonly string[], rowNoun = 'row', colNoun = 'col',
): string[][] {
  const colNames = Array.from({ length: cols }, (_, b) => spanName(colNoun, b, colFactor, n, colLabels));
  const out = new Array<string[]>(rows);
  for (let r = 0; r < rows; r++) {
    const rowName = spanName(rowNoun, r, rowFactor, m, rowLabels);
    const line = new Array<string>(cols);
    for (let c = 0; c < cols; c++) line[c] = `${rowName}<br>${colNames[c]}`;
    out[r] = line;
  }
  return out;
}

/** `s` with &, < and > written as entities, so plotly shows a label as typed instead of reading tags in it. */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
