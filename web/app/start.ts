// App start-up: the page's link (its URL hash) is opened at start, or the start example loaded
// when it holds none, and again whenever the hash changes. The Share panel writes the hash with
// replaceState, which fires no hashchange, so the app never re-opens its own link.
import type { Controller } from '../client/controller.js';
import type { DataSpec } from '../../src/data/spec.js';
import { SPEEDS } from '../components/RunControls/RunControls.js';
import { planOpen } from '../components/SharePanel/shareState.js';

/** Opens the link in `hash`; false when the hash holds none. */
export function openLink(hash: string, controller: Controller): boolean {
  const plan = planOpen(
    hash,
    SPEEDS.map((s) => s.speed),
  );
  if (!plan) return false;
  controller.openShared(plan.data, plan.options, plan.speed, plan.iteration, plan.notices);
  return true;
}

/** At start: opens the page's link, or loads `start` when there is none; then follows hash changes. */
export function startFromLocation(controller: Controller, start: DataSpec): void {
  if (!openLink(location.hash, controller)) controller.load(start, 'example');
  addEventListener('hashchange', () => openLink(location.hash, controller));
}
