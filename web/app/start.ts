// App start-up: an Embed link opens as is (an embedded page keeps no session); otherwise the
// session keeper decides between the kept session (a reload of the same address), the page's
// link (its URL hash; a different kept session is kept to go back to) and the start example.
// Hash changes open the new link the same way. The Share panel writes the hash with
// replaceState, which fires no hashchange, so the app never re-opens its own link.
import type { DataSpec } from '../../src/data/spec.js';
import { SessionDb } from '../keep/db.js';
import { SessionKeeper } from '../keep/keeper.js';
import type { AppHandles } from './context.js';
import { openPlan, planLink } from './links.js';

/** The hash of the page's address, without '#'. */
function currentHash(): string {
  return location.hash.replace(/^#/, '');
}

/** Starts the app; returns the session keeper (null for an embedded page). */
export function startApp(app: AppHandles, start: DataSpec): SessionKeeper | null {
  const first = planLink(location.hash);
  if (first?.embed) {
    openPlan(first, app);
    addEventListener('hashchange', () => {
      const next = planLink(location.hash);
      if (next) openPlan(next, app);
    });
    return null;
  }
  const keeper = new SessionKeeper(
    app,
    new SessionDb(),
    {
      getHash: currentHash,
      setHash: (hash) => history.replaceState(null, '', `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      reloaded: () => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return nav?.type === 'reload' || nav?.type === 'back_forward';
      },
    },
    start,
  );
  void keeper.begin((hash) => {
    const plan = planLink(hash);
    if (plan) openPlan(plan, app);
    return plan !== null;
  });
  addEventListener('hashchange', () => {
    const next = planLink(location.hash);
    if (next) void keeper.linkOpened(() => openPlan(next, app));
  });
  // a closing or hidden tab saves what changed since the last save
  addEventListener('pagehide', () => void keeper.flush());
  addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void keeper.flush();
  });
  return keeper;
}
