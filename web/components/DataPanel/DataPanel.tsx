// The Data panel: a summary of the matrix and the Example menu, the first things a person picks.
// Making or loading other data is the Randomize, upload or paste panel's (MoreDataPanel).
import { formatSummary } from '../../../src/data/summary.js';
import { useAppState } from '../../app/context.js';
import { ExamplePicker } from './ExamplePicker.js';

/** The Data section: the matrix's summary and the example picker. */
export function DataPanel() {
  const data = useAppState((s) => s.data);
  const pending = useAppState((s) => s.pendingLoad);
  return (
    <section className="panel" aria-labelledby="data-heading">
      <h2 id="data-heading">Data</h2>
      <p className="summary" id="data-summary">
        {pending && pending.source !== 'recovery' ? 'Loading the new matrix… ' : ''}
        {data ? `Matrix: ${data.info.name} — ${formatSummary(data.info.summary)}` : 'No matrix yet.'}
      </p>
      <ExamplePicker />
    </section>
  );
}
