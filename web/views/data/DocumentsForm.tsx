// The Documents box: one document per line or paragraph (typed, pasted or an uploaded .txt),
// tokenized in a worker into a term × document matrix (counts or tf-idf) that becomes the data.
import { useEffect, useId, useRef, useState } from 'react';
import { TOPICS_TEXT } from '../../../src/data/corpus.js';
import { MAX_TEXT_LENGTH, type DocumentSplit } from '../../../src/data/tokenize.js';
import type { TermWeighting } from '../../../src/data/terms.js';
import { useController } from '../../app/context.js';
import { JobLink } from '../../client/jobLink.js';
import { DOCUMENTS_FILE } from './kinds.js';
import type { TermsEvent, TermsRequest } from './termsProtocol.js';

const spawn = () => new Worker(new URL('./terms.worker.ts', import.meta.url), { type: 'module' });

/** The Documents fieldset of the Data panel. */
export function DocumentsForm() {
  const id = useId();
  const controller = useController();
  const [text, setText] = useState('');
  const [file, setFile] = useState('Documents');
  const [split, setSplit] = useState<DocumentSplit>('line');
  const [weighting, setWeighting] = useState<TermWeighting>('tfidf');
  const [minDocFreq, setMinDocFreq] = useState('2');
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const link = useRef<JobLink<TermsRequest, never, TermsEvent> | null>(null);

  useEffect(() => {
    const l = new JobLink<TermsRequest, never, TermsEvent>(spawn, {
      event: (e) => {
        const empty = e.emptyDocuments ? `; ${e.emptyDocuments} documents kept no term` : '';
        setNote({ text: `${e.terms} terms × ${e.documents} documents${empty}.`, error: false });
        controller.load({ kind: 'inline', text: e.csv, fileName: DOCUMENTS_FILE }, 'upload');
      },
      done: () => {},
      failed: (message) => setNote({ text: message, error: true }),
    });
    link.current = l;
    return () => l.cancel();
  }, [controller]);

  const load = () => {
    const min = Number(minDocFreq);
    if (!Number.isInteger(min) || min < 1) {
      setNote({ text: `Minimum document frequency ${minDocFreq || '(empty)'} must be an integer ≥ 1.`, error: true });
      return;
    }
    setNote({ text: 'Making the term matrix…', error: false });
    link.current?.start({ text, file, split, weighting, minDocFreq: min });
  };
  return (
    <fieldset>
      <legend>Documents</legend>
      <div className="field">
        <label htmlFor={`${id}-docs`}>Documents</label>
        <textarea
          id={`${id}-docs`}
          rows={4}
          value={text}
          maxLength={MAX_TEXT_LENGTH}
          placeholder="One document per line (or per paragraph)"
          onChange={(e) => {
            setText(e.target.value);
            setFile('Documents');
          }}
        />
        <div className="field-row">
          <button
            type="button"
            onClick={() => {
              setText(TOPICS_TEXT);
              setFile('the example text');
            }}
          >
            Use the example text
          </button>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-txt`}>Upload .txt</label>
        <input
          id={`${id}-txt`}
          type="file"
          accept=".txt,text/plain"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (!f) return;
            if (f.size > MAX_TEXT_LENGTH * 4) {
              setNote({
                text: `${f.name}: the file has ${f.size.toLocaleString('en-US')} bytes, too large for a text of at most ${MAX_TEXT_LENGTH.toLocaleString('en-US')} characters.`,
                error: true,
              });
              return;
            }
            setText(await f.text());
            setFile(f.name);
          }}
        />
      </div>
      <div className="grid-fields">
        <div className="field compact">
          <label htmlFor={`${id}-split`}>One document per</label>
          <select id={`${id}-split`} value={split} onChange={(e) => setSplit(e.target.value as DocumentSplit)}>
            <option value="line">line</option>
            <option value="paragraph">paragraph</option>
          </select>
        </div>
        <div className="field compact">
          <label htmlFor={`${id}-weight`}>Weighting</label>
          <select id={`${id}-weight`} value={weighting} onChange={(e) => setWeighting(e.target.value as TermWeighting)}>
            <option value="tfidf">tf-idf</option>
            <option value="counts">counts</option>
          </select>
        </div>
        <div className="field compact">
          <label htmlFor={`${id}-min`}>Minimum document frequency</label>
          <input id={`${id}-min`} type="number" min={1} step={1} value={minDocFreq} onChange={(e) => setMinDocFreq(e.target.value)} />
        </div>
      </div>
      <button type="button" disabled={!text.trim()} onClick={load}>
        Load documents
      </button>
      {note && (
        <p className={note.error ? 'field-error' : 'hint'} role={note.error ? 'alert' : undefined}>
          {note.text}
        </p>
      )}
    </fieldset>
  );
}
