// Reproduce elsewhere: the run as a scikit-learn, R (NMF) and PySpark (ALS) program, each with a
// Copy button, and the files they read: V.csv (the data as the programs expect it) and, when
// they start from our initialization, W0.csv and H0.csv. Written only while the panel is open.
import { useId, useMemo, useRef, useState } from 'react';
import type { ProgramResult } from '../../../src/reproduce/index.js';
import { useAppState, useController } from '../../app/context.js';
import type { ExportWhat } from '../../shared/protocol.js';
import { formatBytes, saveBlob } from '../ExportPanel/download.js';
import { copyText } from '../fields/copy.js';
import { useThrottled } from '../ResultsPanel/useThrottled.js';
import { LANG_LABELS, pagePrograms, pageSpec } from './reproduceSpec.js';
import './reproduce.css';

/** One program: its name, the read-only text and its Copy button, or why there is none. */
function Program({ result }: { result: ProgramResult }) {
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<string | null>(null);
  const label = `${LANG_LABELS[result.lang]} program`;
  if (!result.ok) {
    return (
      <div className="program">
        <h3>{LANG_LABELS[result.lang]}</h3>
        <p className="hint">No program for this run: {result.message}.</p>
      </div>
    );
  }
  return (
    <div className="program">
      <div className="field">
        <label htmlFor={`${id}-text`}>{label}</label>
        <p className="hint">
          Calls <code>{result.method}</code>.
        </p>
        <textarea id={`${id}-text`} ref={field} readOnly wrap="off" rows={14} value={result.text} spellCheck={false} />
        <button type="button" aria-label={`Copy ${label}`} onClick={async () => setCopy(await copyText(result.text, field.current))}>
          Copy
        </button>
        {copy && (
          <p className="hint" aria-live="polite">
            {copy}
          </p>
        )}
      </div>
    </div>
  );
}

/** The Reproduce elsewhere panel: the Python, R and PySpark programs of this run, and downloads of V.csv, W0.csv, H0.csv. */
export function ReproducePanel() {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [fromOurs, setFromOurs] = useState(true);
  const controller = useController();
  const data = useAppState((s) => s.data);
  const options = useAppState((s) => s.options);
  const iteration = useThrottled(
    useAppState((s) => (s.run.phase === 'starting' || s.run.phase === 'invalid' ? 0 : s.run.iteration)),
    2,
  );
  const ready = useAppState((s) => s.run.phase !== 'starting' && s.run.phase !== 'invalid');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const programs = useMemo(() => {
    const spec = open ? pageSpec({ data, options }, iteration, fromOurs) : null;
    return spec ? pagePrograms(spec) : [];
  }, [open, data, options, iteration, fromOurs]);

  const download = async (what: ExportWhat) => {
    setMessage({ text: `Preparing ${what}.csv…`, error: false });
    try {
      const file = await controller.exportFile(what);
      saveBlob(file.blob, file.fileName);
      setMessage({ text: `Saved ${file.fileName} (${formatBytes(file.blob.size)}).`, error: false });
    } catch (e) {
      setMessage({ text: `Could not export ${what}.csv: ${e instanceof Error ? e.message : String(e)}`, error: true });
    }
  };
  const files: ExportWhat[] = fromOurs ? ['V', 'W0', 'H0'] : ['V'];
  return (
    <section className="panel reproduce-panel" aria-labelledby={`${id}-heading`}>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <h2 id={`${id}-heading`}>Reproduce elsewhere</h2>
        </summary>
        <p className="hint">
          This run as a program for scikit-learn, R&apos;s NMF package and Spark MLlib, with comments on where their methods differ from
          ours. Each program reads the files below from the folder it runs in, leaves the data in V and the factors in W and H, and prints
          the relative error.
        </p>
        <label className="check">
          <input type="checkbox" checked={fromOurs} onChange={(e) => setFromOurs(e.target.checked)} />
          Start from our W0, H0
        </label>
        <p className="hint">
          {fromOurs
            ? 'The Python and R programs start from this run’s initial W and H (W0.csv, H0.csv), so the numbers can agree to rounding where the methods are the same.'
            : 'Each library draws its own initial W and H.'}{' '}
          {iteration >= 1 ? `They run the ${iteration} iterations this run has made.` : 'They run the maximum number of iterations.'}
        </p>
        {/* biome-ignore lint/a11y/useSemanticElements: a group of buttons, not form fields */}
        <div className="export-buttons" role="group" aria-label="Files the programs read">
          {files.map((what) => (
            <button key={what} type="button" disabled={!ready} onClick={() => download(what)}>
              Download {what}.csv
            </button>
          ))}
        </div>
        {message && (
          <p className={message.error ? 'field-error' : 'hint'} aria-live="polite">
            {message.text}
          </p>
        )}
        <div className="programs">
          {programs.map((p) => (
            <Program key={p.lang} result={p} />
          ))}
        </div>
      </details>
    </section>
  );
}
