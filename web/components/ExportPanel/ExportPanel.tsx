// Export: the full W, H and WH (not the display's block means) and the error history as CSV,
// at the current iteration, labelled like the data. The worker builds each file, so even a
// 2000×1000 WH (≈ 40 MB of text) never blocks the page; the page only saves the Blob.
import { useId, useState } from 'react';
import { useAppState, useAppStore, useController } from '../../app/context.js';
import { appLink, linkTo } from '../../app/links.js';
import { RESULT_FILES, resultComment, type ResultFile } from '../../../src/data/results.js';
import type { AppState } from '../../state/app.js';
import { formatBytes, saveBlob } from './download.js';
import '../SharePanel/share.css';

/** The Export section: a Download button per result file (enabled after the first iteration) and what the last download saved. */
export function ExportPanel() {
  const id = useId();
  const controller = useController();
  const store = useAppStore();
  const ready = useAppState((s) => s.run.iteration >= 1 && s.run.phase !== 'starting' && s.run.phase !== 'invalid');
  const sizes = useAppState((s) => {
    if (!s.data) return '';
    const { rows: m, cols: n } = s.data.info.summary;
    const k = s.options.rank;
    if (s.data.info.sparse) {
      const { observed } = s.data.info.summary;
      return `W is ${m}×${k}, H ${k}×${n}. WH.csv holds WH at the ${observed} observed entries only (long format: row,column,WH), not all ${m}×${n}. `;
    }
    return `W is ${m}×${k}, H ${k}×${n}, WH ${m}×${n}. `;
  });
  const [busy, setBusy] = useState<ResultFile | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const download = async (what: ResultFile) => {
    setBusy(what);
    setMessage({ text: `Preparing ${what}.csv…`, error: false });
    try {
      const file = await controller.exportFile(what);
      const blob = new Blob([headLine(store.getState(), file.iteration), file.blob], { type: 'text/csv' });
      saveBlob(blob, file.fileName);
      setMessage({ text: `Saved ${file.fileName}: iteration ${file.iteration}, ${formatBytes(blob.size)}.`, error: false });
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
        {sizes}Full matrices at the current iteration with the data&apos;s labels, every digit kept (NA marks a missing value). The first
        line, starting with #, names the data, options, seed, iteration and the share link (pandas: read_csv(…, comment=&apos;#&apos;));
        history.csv starts at iteration 0 and gives the seconds spent iterating.
      </p>
      {message && (
        <p className={message.error ? 'field-error' : 'hint'} aria-live="polite">
          {message.text}
        </p>
      )}
    </section>
  );
}

/** The comment line that heads a result file of iteration `iteration`: data, options, seed and the link that reproduces it. */
function headLine(s: AppState, iteration: number): string {
  const info = s.data?.info;
  if (!info) return '';
  const about = {
    dataName: info.name,
    m: info.summary.rows,
    n: info.summary.cols,
    algorithm: s.options.algorithm,
    rank: s.options.rank,
    iteration,
  };
  const encoded = appLink({ ...s, run: { ...s.run, iteration } });
  const link = encoded ? `${encoded.tooLargeKB ? '(options only: the data is too large for a link) ' : ''}${linkTo(encoded.hash)}` : null;
  return resultComment(about, s.options, link);
}
