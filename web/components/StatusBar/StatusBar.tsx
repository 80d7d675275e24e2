// The status line (a polite live region): phase, iteration, relative error, iterations per
// second and, on a stop, the reason; below it, notices about what the app did on its own.
import { useAppState, useController } from '../../app/context.js';
import { solverInfo } from '../../../src/solvers/registry.js';
import { fieldBlock, type AppState } from '../../state/app.js';

/** The status sentence for a state. */
export function statusText(s: AppState): string {
  const r = s.run;
  if (!s.data) return s.pendingLoad ? 'Loading the matrix…' : 'No matrix loaded.';
  const field = fieldBlock(s);
  if (field && r.phase !== 'running') return `Cannot run: ${field}. The run keeps the previous value until it is fixed.`;
  // kl minimizes the KL divergence: say that first, with the Frobenius error beside it
  const kl = solverInfo(s.options.algorithm).objective === 'kl' && r.objective !== null;
  const rel = r.relError === null ? '' : ` · relative error ${fmt(r.relError)}`;
  const neg = s.snapshot?.negatives;
  const negatives = neg && neg.W + neg.H > 0 ? ` · negative entries: ${neg.W} in W, ${neg.H} in H` : '';
  const err = (kl ? ` · KL divergence ${fmt(r.objective as number)}${rel} (Frobenius)` : rel) + negatives;
  switch (r.phase) {
    case 'starting':
      return 'Initializing W and H…';
    case 'invalid':
      return `Cannot run: ${s.optionError?.message ?? 'the options do not fit this matrix'}.`;
    case 'ready':
      return `Ready · iteration 0${err} (initial W, H)${r.why ? ` · new run: ${r.why}` : ''} · press Run or Step`;
    case 'running':
      return `Running · iteration ${r.iteration}${err} · ${Math.round(r.itersPerSec)} iterations/s`;
    case 'paused':
      return `Paused · iteration ${r.iteration}${err}`;
    case 'stopped':
      return `Stopped · iteration ${r.iteration}${err} · ${r.stop?.message ?? ''}`;
  }
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(4) : String(x);
}

/** The status line of the run (a live region) and, when there are any, the notices under it with one Dismiss button. */
export function StatusBar() {
  const text = useAppState(statusText);
  const notices = useAppState((s) => s.notices);
  const dataNotes = useAppState((s) => s.dataNotes);
  const all = dataNotes.length ? [...dataNotes, ...notices] : notices;
  const controller = useController();
  const diverged = useAppState((s) => s.run.stop?.reason === 'diverged');
  return (
    <div className="status-area">
      <p role="status" aria-live="polite" className={`status${diverged ? ' warn' : ''}`}>
        {text}
      </p>
      {all.length > 0 && (
        <section className="notices" aria-live="polite" aria-label="Notices">
          <ul>
            {all.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
          <button type="button" onClick={() => controller.dismissNotices()}>
            Dismiss
          </button>
        </section>
      )}
    </div>
  );
}
