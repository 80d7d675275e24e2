// Export: the full W, H and WH (not the display's block means) and the error history as CSV,
// at the current iteration, labelled like the data. The worker builds each file, so even a
// 2000×1000 WH (≈ 40 MB of text) never blocks the page; the page only saves the Blob.
import { useId, useState } from 'react';
import { useAppState, useController } from '../../app/context.js';
import { RESULT_FILES, type ResultFile } from '../../../src/data/results.js';
import { formatBytes, saveBlob } from './download.js';
import '../SharePanel/share.css';

/** The Export section: a Download button per result file (enabled after the first iteration) and what the last download saved. */
export function ExportPanel() {
  const id = useId();
  const controller = useController();
  const ready = useAppState((s) => s.run.iteration >= 1 && s.run.phase !== 'starting' && s.run.phase !== 'invalid');
  const sizes = useAppState((s) => {
    if (!s.data) return '';
    const { rows: m, cols: n } = s.data.info.summary;
    const k = s.options.rank;
    return `W is ${m}×${k}, H ${k}×${n}, WH ${m}×${n}. `;
  });
  const [busy, setBusy] = useState<ResultFile | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const download = async (what: ResultFile) => {
    setBusy(what);
    setMessage({ text: `Preparing ${what}.csv…`, error: false });
    try {
      const file = await controller.exportFile(what);
      saveBlob(file.blob, file.fileName);
      setMessage({ text: `Saved ${file.fileName}: iteration ${file.iteration}, ${formatBytes(file.blob.size)}.`, error: false });
    } catch (e) {
      setMessage({ text: `Could not export ${what}.csv: ${e instanceof Error ? e.message : String(e)}`, error: true });
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Export</h2>
      {/* biome-ignore lint/a11y/useSemanticElements: a group of buttons, not form fields */}
      <div className="export-buttons" role="group" aria-label="Downloads" aria-describedby={`${id}-about`}>
        {RESULT_FILES.map((what) => (
          <button key={what} type="button" disabled={!ready || busy !== null} onClick={() => download(what)}>
            Download {what}.csv
          </button>
        ))}
      </div>
      <p className="hint" id={`${id}-about`}>
        {ready ? '' : 'Available after the first iteration. '}
        {sizes}Full matrices at the current iteration with the data&apos;s labels, every digit kept (NA marks a missing value).
      </p>
      {message && (
        <p className={message.error ? 'field-error' : 'hint'} aria-live="polite">
          {message.text}
        </p>
      )}
    </section>
  );
}
