// The status line (a polite live region): phase, iteration, relative error, iterations per
// second, on a stop the reason, and the threads the products run on; below it, notices about
// what the app did on its own.
import { useAppState, useController } from '../../app/context.js';
import { statusText } from '../../state/status.js';

/** The status line of the run (a live region) and, when there are any, the notices under it with one Dismiss button. */
export function StatusBar() {
  const text = useAppState(statusText);
  const notices = useAppState((s) => s.notices);
  const dataNotes = useAppState((s) => s.dataNotes);
  const openNotices = useAppState((s) => s.openNotices);
  const all = dataNotes.length || openNotices.length ? [...dataNotes, ...openNotices, ...notices] : notices;
  const controller = useController();
  const diverged = useAppState((s) => s.run.stop?.reason === 'diverged');
  // Run or Pause is shown at once; until the worker confirms it the line is still being updated
  const busy = useAppState((s) => s.run.intent !== null);
  return (
    <div className="status-area">
      <p role="status" aria-live="polite" aria-busy={busy} className={`status${diverged ? ' warn' : ''}`}>
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
