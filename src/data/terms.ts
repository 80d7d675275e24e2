// Documents → the term × document matrix V (rows = terms, columns = documents) that NMF
// factorizes into topics: W (terms × k) holds each topic's words, H (k × documents) each
// document's mix of topics.
import type { DataMatrix } from '../core/problem.js';
import { InputError } from './errors.js';
import { MAX_ENTRIES } from './generate.js';
import { ENGLISH_STOP_WORDS } from './stopwords.js';
import { type DocumentSplit, splitDocuments, type TextDocument, tokenize } from './tokenize.js';

/** Most terms (rows) a term matrix may have after the minimum document frequency. */
export const MAX_TERMS = 5_000;

/**
 * `counts`: V[t, d] = times term t occurs in document d. `tfidf`: count · idf(t) with
 * idf(t) = ln((1 + n) / (1 + df(t))) + 1 (n documents, df(t) = documents containing t;
 * scikit-learn's smooth idf), each document's column then scaled to Euclidean length 1.
 */
export type TermWeighting = 'counts' | 'tfidf';

/** How documents become a term matrix. */
export interface TermMatrixOptions {
  readonly weighting: TermWeighting;
  /** Keep only terms that occur in at least this many documents (an integer ≥ 1). */
  readonly minDocFreq: number;
  /** Words left out (default ENGLISH_STOP_WORDS). */
  readonly stopWords?: ReadonlySet<string>;
}

/** What the app starts with: tf-idf, terms in at least 2 documents, the English stop words. */
export const DEFAULT_TERM_OPTIONS: TermMatrixOptions = { weighting: 'tfidf', minDocFreq: 2 };

/** A term matrix and what was learned building it. */
export interface TermMatrix {
  /** V (terms × documents); rowLabels = terms in UTF-16 code-unit order, colLabels = document names. */
  readonly data: DataMatrix;
  /** df(t): the number of documents each row's term occurs in (length = rows). */
  readonly docFreq: Int32Array;
  /** Indices of documents with no kept term (all-zero columns of V). */
  readonly emptyDocuments: readonly number[];
}

/**
 * The term × document matrix of `docs` (n documents → V terms×n). Throws InputError naming
 * `file` for a bad minimum document frequency, no term left, more than MAX_TERMS terms, or
 * more than MAX_ENTRIES entries — all before V is allocated.
 */
export function termDocumentMatrix(docs: readonly TextDocument[], o: TermMatrixOptions, file = 'documents'): TermMatrix {
  const n = docs.length;
  if (!Number.isInteger(o.minDocFreq) || o.minDocFreq < 1) {
    throw new InputError(`minimum document frequency ${o.minDocFreq} must be an integer ≥ 1`, { parameter: 'minDocFreq' });
  }
  const stop = o.stopWords ?? ENGLISH_STOP_WORDS;
  const perDoc: Map<string, number>[] = [];
  const df = new Map<string, number>();
  for (const d of docs) {
    const counts = new Map<string, number>();
    for (const w of tokenize(d.text, stop)) counts.set(w, (counts.get(w) ?? 0) + 1);
    for (const w of counts.keys()) df.set(w, (df.get(w) ?? 0) + 1);
    perDoc.push(counts);
  }
  const terms = [...df.keys()].filter((w) => df.get(w)! >= o.minDocFreq).sort(byCodeUnit);
  if (terms.length === 0) {
    const why =
      df.size === 0 ? 'no words left after the stop words and one-letter words' : `no word occurs in at least ${o.minDocFreq} documents`;
    throw new InputError(`${file}: ${why}; lower the minimum document frequency or add text`, { file, parameter: 'minDocFreq' });
  }
  if (terms.length > MAX_TERMS) {
    throw new InputError(
      `${file}: ${terms.length.toLocaleString('en-US')} terms occur in at least ${o.minDocFreq} documents, more than the ${MAX_TERMS.toLocaleString('en-US')} allowed; raise the minimum document frequency`,
      { file, parameter: 'minDocFreq' },
    );
  }
  const m = terms.length;
  if (m * n > MAX_ENTRIES) {
    throw new InputError(
      `${file}: ${m} terms × ${n} documents is more than ${MAX_ENTRIES.toLocaleString('en-US')} entries; raise the minimum document frequency or use fewer documents`,
      { file },
    );
  }
  const row = new Map(terms.map((w, t) => [w, t]));
  const values = new Float64Array(m * n);
  perDoc.forEach((counts, j) => {
    for (const [w, c] of counts) {
      const t = row.get(w);
      if (t !== undefined) values[t * n + j] = c;
    }
  });
  const docFreq = Int32Array.from(terms, (w) => df.get(w)!);
  if (o.weighting === 'tfidf') applyTfIdf(values, m, n, docFreq);
  const emptyDocuments: number[] = [];
  for (let j = 0; j < n; j++) {
    let any = false;
    for (let t = 0; t < m && !any; t++) any = values[t * n + j] > 0;
    if (!any) emptyDocuments.push(j);
  }
  return {
    data: { rows: m, cols: n, values, rowLabels: terms, colLabels: docs.map((d) => d.name), name: file },
    docFreq,
    emptyDocuments,
  };
}

/** splitDocuments then termDocumentMatrix: a text (one document per line or paragraph) → V terms×documents. */
export function textToTermMatrix(
  text: string,
  split: DocumentSplit,
  o: TermMatrixOptions = DEFAULT_TERM_OPTIONS,
  file = 'documents',
): TermMatrix {
  return termDocumentMatrix(splitDocuments(text, split, file), o, file);
}

/** In place: counts (m×n) → count·idf, each non-zero column scaled to Euclidean length 1. */
function applyTfIdf(values: Float64Array, m: number, n: number, docFreq: Int32Array): void {
  for (let t = 0; t < m; t++) {
    const idf = Math.log((1 + n) / (1 + docFreq[t])) + 1;
    for (let j = 0; j < n; j++) values[t * n + j] *= idf;
  }
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let t = 0; t < m; t++) s += values[t * n + j] ** 2;
    if (s === 0) continue;
    const inv = 1 / Math.sqrt(s);
    for (let t = 0; t < m; t++) values[t * n + j] *= inv;
  }
}

/** Orders strings by UTF-16 code units: the same in every realm (no locale). */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
