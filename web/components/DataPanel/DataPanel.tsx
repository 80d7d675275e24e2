// The Data panel: examples, randomize, upload / drop / paste, and a summary of the matrix.
// A bad input leaves the previous matrix and run as they were; its message shows next to its control.
import { useState, type DragEvent } from 'react';
import { formatSummary } from '../../../src/data/summary.js';
import { useAppState, useController } from '../../app/context.js';
import { ExamplePicker } from './ExamplePicker.js';
import { RandomizeForm } from './RandomizeForm.js';
import { readUpload } from './readUpload.js';
import { DocumentsForm } from '../../views/data/DocumentsForm.js';
import { ImageForm } from '../../views/data/ImageForm.js';
import { UploadForm } from './UploadForm.js';

/** The Data section: the matrix's summary, the example picker, Randomize and Your data (upload, drop, paste). */
export function DataPanel() {
  const controller = useController();
  const data = useAppState((s) => s.data);
  const pending = useAppState((s) => s.pendingLoad);
  const [dragging, setDragging] = useState(false);
  const [long, setLong] = useState(false);

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) await readUpload(file, controller, long);
  };
  return (
    <section
      className={`panel${dragging ? ' dropping' : ''}`}
      aria-labelledby="data-heading"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h2 id="data-heading">Data</h2>
      <p className="summary" id="data-summary">
        {pending && pending.source !== 'recovery' ? 'Loading the new matrix… ' : ''}
        {data ? `Matrix: ${data.info.name} — ${formatSummary(data.info.summary)}` : 'No matrix yet.'}
      </p>
      <ExamplePicker />
      <RandomizeForm />
      <UploadForm long={long} setLong={setLong} />
      <ImageForm />
      <DocumentsForm />
    </section>
  );
}
