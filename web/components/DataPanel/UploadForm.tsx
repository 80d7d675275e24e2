// Your own matrix: a CSV/TSV file (button or drop) or pasted text, parsed in the worker.
import { useId, useState } from 'react';
import { useAppState, useController } from '../../app/context.js';
import { readUpload, UPLOAD_LIMIT_TEXT } from './readUpload.js';

/** The upload and paste controls. */
export function UploadForm() {
  const id = useId();
  const controller = useController();
  const dataError = useAppState((s) => s.dataError);
  const [text, setText] = useState('');
  const error = (source: 'upload' | 'paste') => (dataError?.source === source ? dataError.message : null);
  return (
    <fieldset>
      <legend>Your data</legend>
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
            if (file) await readUpload(file, controller);
          }}
        />
        <p className="hint" id={`${id}-file-hint`}>
          Up to {UPLOAD_LIMIT_TEXT}. Or drop a file on this panel. A header row and a label column are detected; blank, NA and NaN mean
          missing.
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
        <button
          type="button"
          disabled={!text.trim()}
          onClick={() => controller.load({ kind: 'inline', text, fileName: 'pasted text' }, 'paste')}
        >
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
