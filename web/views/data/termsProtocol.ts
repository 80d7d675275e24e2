// The Documents job (web/shared/jobs.ts carries it): text → term × document matrix → CSV with the
// terms as row labels and the documents as column labels, the inline data the app loads. Realm-neutral.
import type { TermWeighting } from '../../../src/data/terms.js';
import type { DocumentSplit } from '../../../src/data/tokenize.js';

/** Documents to turn into a term matrix. */
export interface TermsRequest {
  readonly text: string;
  /** Names the text in messages (the uploaded file, or "Documents"). */
  readonly file: string;
  readonly split: DocumentSplit;
  readonly weighting: TermWeighting;
  readonly minDocFreq: number;
}

/** The term matrix as CSV, its size, and the documents left with no term. */
export interface TermsEvent {
  readonly csv: string;
  readonly terms: number;
  readonly documents: number;
  readonly emptyDocuments: number;
}
