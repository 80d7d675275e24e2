// The line under the status about a kept session: restored at start-up (with Start fresh), or
// kept when a link or a file was opened over it (with Go back).
import { useKeeper } from '../../app/keeperContext.js';
import { useAppState, useAppStore } from '../../app/context.js';

/** "14:03" today, "3 Dec, 14:03" another day. */
export function keptAt(t: number, now = Date.now()): string {
  const d = new Date(t);
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return new Date(now).toDateString() === d.toDateString()
    ? time
    : `${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })}, ${time}`;
}

/** The kept-session banner: "Your session was restored" with Start fresh, or "Your previous session was kept" with Go back. */
export function SessionBanner() {
  const keeper = useKeeper();
  const store = useAppStore();
  const banner = useAppState((s) => s.keep);
  if (!keeper || !banner) return null;
  const what = `${banner.name}, iteration ${banner.iteration}, kept at ${keptAt(banner.savedAt)}`;
  return (
    <section className="notices keep-banner" aria-label="Kept session" aria-live="polite">
      {banner.kind === 'restored' ? (
        <>
          <p>Your session was restored ({what}).</p>
          <button type="button" onClick={() => keeper.startFresh()}>
            Start fresh
          </button>
        </>
      ) : (
        <>
          <p>Your previous session was kept ({what}).</p>
          <button type="button" onClick={() => keeper.goBack()}>
            Go back
          </button>
        </>
      )}
      <button type="button" onClick={() => store.dispatch({ type: 'keep', banner: null })}>
        Close
      </button>
    </section>
  );
}
