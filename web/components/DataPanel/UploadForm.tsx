// Your own matrix: a CSV/TSV file (button or drop) or pasted text, parsed in the worker.
import { useId, useRef, useState } from 'react';
import type { InlineSpec } from '../../../src/data/spec.js';
import { useAppState, useAppStore, useController } from '../../app/context.js';
import { nextPasteName } from './pasteName.js';
import { readUpload, UPLOAD_LIMIT_TEXT } from './readUpload.js';

/** The spec of uploaded or pasted text; `long` reads it as row, column, value lines (else detected from its header). */
export function inlineSpec(text: string, fileName: string, long: boolean): InlineSpec {
  return { kind: 'inline', text, fileName, ...(long ? { long: true } : {}) };
}

/** The upload and paste controls, with the file format (`long`) chosen by the Data panel's owner. */
export function UploadForm({ long, setLong }: { long: boolean; setLong: (long: boolean) => void }) {
  const id = useId();
  const controller = useController();
  const dataError = useAppState((s) => s.dataError);
  const [text, setText] = useState('');
  const pastes = useRef(0);
  const store = useAppStore();
  const loadPaste = () => {
    const data = store.getState().data;
    const next = nextPasteName(pastes.current, data?.spec.kind === 'inline' ? data.spec.fileName : null);
    pastes.current = next.number;
    controller.load(inlineSpec(text, next.name, long), 'paste');
  };
  const error = (source: 'upload' | 'paste') => (dataError?.source === source ? dataError.message : null);
  return (
    <fieldset>
      <legend>Your data</legend>
      <div className="field">
        <label htmlFor={`${id}-format`}>File format</label>
        <select id={`${id}-format`} value={long ? 'long' : 'table'} onChange={(e) => setLong(e.target.value === 'long')}>
          <option value="table">Table (CSV/TSV)</option>
          <option value="long">Long format (row, column, value)</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-file`}>Upload CSV/TSV file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          aria-describedby={`${id}-file-hint`}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) await readUpload(file, controller, long);
          }}
        />
        <p className="hint" id={`${id}-file-hint`}>
          Up to {UPLOAD_LIMIT_TEXT}. Or drop a file on this panel. A header row and a label column are detected; blank, NA and NaN mean
          missing. Long format: one observed entry per line (row label, column label, value; later fields ignored), read as such when its
          header says so (e.g. userId,movieId,rating).
        </p>
        {error('upload') && (
          <p className="field-error" role="alert">
            {error('upload')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-paste`}>Paste CSV/TSV</label>
        <textarea
          id={`${id}-paste`}
          rows={3}
          value={text}
          spellCheck={false}
          placeholder={'1, 2, 3\n4, 5, 6'}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="button" disabled={!text.trim()} onClick={loadPaste}>
          Load pasted data
        </button>
        {error('paste') && (
          <p className="field-error" role="alert">
            {error('paste')}
          </p>
        )}
      </div>
    </fieldset>
  );
}
