// Session: the page's session is kept in this browser and restored on reload; Save session
// downloads it as one JSON file, Open session loads such a file (checked first: a bad file gets
// its message and changes nothing), Start fresh clears what is kept.
import { useId, useState } from 'react';
import { useKeeper } from '../../app/keeperContext.js';
import { useAppState } from '../../app/context.js';
import { SESSION_FILE_NAME } from '../../keep/file.js';
import { formatBytes, saveBlob } from '../ExportPanel/download.js';

/** The Session panel: Save session, Open session (a file, checked before anything changes) and Start fresh. */
export function SessionPanel() {
  const id = useId();
  const keeper = useKeeper();
  const hasData = useAppState((s) => s.data !== null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  if (!keeper) return null;

  const save = async () => {
    setBusy(true);
    try {
      const text = await keeper.fileText();
      if (text === null) {
        setMessage({ text: 'Nothing to save yet: wait until the matrix is loaded and the run initialized.', error: true });
        return;
      }
      const blob = new Blob([text], { type: 'application/json' });
      saveBlob(blob, SESSION_FILE_NAME);
      setMessage({ text: `Saved ${SESSION_FILE_NAME} (${formatBytes(blob.size)}).`, error: false });
    } finally {
      setBusy(false);
    }
  };
  const open = async (file: File) => {
    setBusy(true);
    setMessage({ text: `Opening ${file.name}…`, error: false });
    try {
      const problem = await keeper.openFile(file, file.name);
      setMessage(problem ? { text: problem, error: true } : { text: `Opened ${file.name}.`, error: false });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Session</h2>
      <div className="export-buttons">
        <button type="button" disabled={!hasData || busy} onClick={save}>
          Save session
        </button>
        <button type="button" onClick={() => keeper.startFresh()}>
          Start fresh
        </button>
      </div>
      <div className="field">
        <label htmlFor={`${id}-open`}>Open session</label>
        <input
          id={`${id}-open`}
          type="file"
          accept=".json,application/json"
          disabled={busy}
          aria-describedby={`${id}-about`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void open(file);
          }}
        />
      </div>
      <p className="hint" id={`${id}-about`}>
        This session (data, options, results, the open view) is kept in this browser and comes back when you reload. Save session downloads
        it as one file, data included; Open session loads such a file. Start fresh forgets it.
      </p>
      {message && (
        <p className={message.error ? 'field-error' : 'hint'} role={message.error ? 'alert' : undefined} aria-live="polite">
          {message.text}
        </p>
      )}
    </section>
  );
}
