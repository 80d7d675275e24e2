// App start-up: the page's link (its URL hash) is opened at start, or the start example loaded
// when it holds none, and again whenever the hash changes. The Share panel writes the hash with
// replaceState, which fires no hashchange, so the app never re-opens its own link.
import type { DataSpec } from '../../src/data/spec.js';
import type { AppHandles } from './context.js';
import { openPlan, planLink } from './links.js';

/** At start: opens the page's link, or loads `start` when there is none; then follows hash changes. */
export function startFromLocation(app: AppHandles, start: DataSpec): void {
  const plan = planLink(location.hash);
  if (plan) openPlan(plan, app);
  else app.controller.load(start, 'example');
  addEventListener('hashchange', () => {
    const next = planLink(location.hash);
    if (next) openPlan(next, app);
  });
}
