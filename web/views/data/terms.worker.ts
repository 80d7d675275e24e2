// Entry of the Documents worker: tokenizes the text (lower case, stop words, minimum document
// frequency) into the term × document matrix and sends it back as labelled CSV.
import { toCsv } from '../../../src/data/csv-write.js';
import { textToTermMatrix } from '../../../src/data/terms.js';
import { serveJobs } from '../../worker/jobHost.js';
import type { TermsEvent, TermsRequest } from './termsProtocol.js';

serveJobs<TermsRequest, never, TermsEvent>(async (r, ctx) => {
  const tm = textToTermMatrix(r.text, r.split, { weighting: r.weighting, minDocFreq: r.minDocFreq }, r.file);
  const d = tm.data;
  const csv = toCsv({ rows: d.rows, cols: d.cols, data: d.values }, { rows: d.rowLabels, cols: d.colLabels });
  ctx.post({ csv, terms: d.rows, documents: d.cols, emptyDocuments: tm.emptyDocuments.length });
});
