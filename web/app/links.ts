// The app's share links with the registered views' link fields (web/app/views.ts): the hash of
// the page's state, and how to open a hash (at start-up, on a hash change).
import type { Encoded } from '../../src/share/index.js';
import { SPEEDS } from '../components/RunControls/RunControls.js';
import { encodeApp, type OpenPlan, planOpen } from '../components/SharePanel/shareState.js';
import type { AppState } from '../state/app.js';
import type { AppHandles } from './context.js';
import { VIEW_SECTIONS, viewInfo } from './views.js';

/** The hash of a link to the page's state (for an iframe when `embed`), the open view's settings included; null before any data. */
export function appLink(s: AppState, embed = false): Encoded | null {
  const link = viewInfo(s.view).link;
  return encodeApp(s, { sections: VIEW_SECTIONS, viewSettings: link ? link.read(s) : null, embed });
}

/** How to open `hash` in this app (its speeds and views), or null when it holds no link. */
export function planLink(hash: string): OpenPlan | null {
  return planOpen(
    hash,
    SPEEDS.map((s) => s.speed),
    VIEW_SECTIONS,
  );
}

/** Opens the link `plan`: its data, options, speed and view, and once loaded the view's settings. */
export function openPlan(plan: OpenPlan, app: AppHandles): void {
  const link = viewInfo(plan.view).link;
  const settings = plan.viewSettings;
  app.controller.open({
    ...plan,
    source: 'link',
    // in a course page's iframe the status line says enough; problems with the link are still told
    notices: plan.embed ? plan.notices.slice(1) : plan.notices,
    onLoaded: link && settings ? () => link.apply(settings, app) : undefined,
  });
}

/** The address of this page with `hash` as its fragment (the query, used by tests only, is dropped). */
export function linkTo(hash: string): string {
  return `${location.origin}${location.pathname}#${hash}`;
}
