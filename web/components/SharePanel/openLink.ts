// Opening shared links: the hash is read once at start (and again when it changes), and the
// app is told to open what it holds. The Share panel writes the hash with replaceState, which
// fires no hashchange, so the app never re-opens its own link.
import type { Controller } from '../../client/controller.js';
import type { DataSpec } from '../../worker/protocol.js';
import { SPEEDS } from '../RunControls/RunControls.js';
import { planOpen } from './shareState.js';

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

/** The address of this page with `hash` as its fragment (the query, used by tests only, is dropped). */
export function linkTo(hash: string): string {
  return `${location.origin}${location.pathname}#${hash}`;
}
