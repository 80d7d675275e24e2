// Reading a factorized term matrix as topics: each column of W (terms × k) is a topic, its
// largest entries its words; each column of H (k × documents) is a document's mix of topics.
import type { Dense } from '../core/matrix.js';

/** A term of a topic and its weight in W. */
export interface TopicTerm {
  readonly term: string;
  readonly weight: number;
}

/**
 * For each of the k columns of W (m×k), its `count` largest positive entries as terms
 * (`terms[i]` labels row i), largest first; equal weights keep row order. Result: k lists.
 */
export function topTerms(W: Dense, terms: readonly string[], count: number): TopicTerm[][] {
  const { rows: m, cols: k, data } = W;
  if (terms.length !== m) throw new Error(`topTerms: ${terms.length} terms for W with ${m} rows`);
  const out: TopicTerm[][] = [];
  for (let a = 0; a < k; a++) {
    const rows: number[] = [];
    for (let i = 0; i < m; i++) if (data[i * k + a] > 0) rows.push(i);
    rows.sort((i, j) => data[j * k + a] - data[i * k + a] || i - j);
    out.push(rows.slice(0, Math.max(0, count)).map((i) => ({ term: terms[i], weight: data[i * k + a] })));
  }
  return out;
}

/** "Topic 1: word, word, …" for each column of W (m×k): its `count` top terms (see topTerms). */
export function topicLines(W: Dense, terms: readonly string[], count: number): string[] {
  return topTerms(W, terms, count).map((list, a) => `Topic ${a + 1}: ${list.length ? list.map((t) => t.term).join(', ') : '(no terms)'}`);
}

/**
 * Each document's topic mix: for H (k×n), the n×k matrix whose row j is column j of H divided
 * by its sum (so it sums to 1); a column of zeros (a document no topic explains) stays zeros.
 */
export function topicMix(H: Dense): Dense {
  const { rows: k, cols: n, data } = H;
  const mix = new Float64Array(n * k);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let a = 0; a < k; a++) s += data[a * n + j];
    if (s > 0) for (let a = 0; a < k; a++) mix[j * k + a] = data[a * n + j] / s;
  }
  return { rows: n, cols: k, data: mix };
}
