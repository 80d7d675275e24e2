// The app's views, one tab each: the main view (the run and its plots) and the views that work
// beside it on the same data. Each view other than the main one lives in web/views/<id>/ and is
// loaded lazily, so nothing of it weighs on the first screen; its link fields (ViewLink) are a
// small module of its own, imported here eagerly, since a link must be read before it opens.
import { type ComponentType, lazy, type LazyExoticComponent } from 'react';
import type { AnySection, LinkSection } from '../../src/share/section.js';
import type { AppState } from '../state/app.js';
import type { ViewId } from '../state/view.js';
import { EXPLORE_LINK } from '../views/explore/link.js';
import type { AppHandles } from './context.js';
import { checkedSections } from './viewSections.js';

/**
 * A view's settings in share links and kept sessions: its link fields (`section`, written as
 * `prefix.key=value` while the view is open), how to read them from the app state, and how to put
 * them back (from a link or a session) once that link's or session's data has loaded.
 */
export interface ViewLink<S extends object> {
  readonly section: LinkSection<S>;
  /** The view's settings in the app state now. */
  read(s: AppState): S;
  /** Puts `settings` into the app (dispatch an action; start what they ask for, e.g. a rank sweep). */
  apply(settings: S, app: AppHandles): void;
}

/** A ViewLink of any settings type (as the registry holds them). */
export type AnyViewLink = ViewLink<Record<string, unknown>>;

/** Erases a ViewLink's settings type, for VIEWS. */
export function viewLink<S extends object>(link: ViewLink<S>): AnyViewLink {
  return link as unknown as AnyViewLink;
}

/** A view's tab: its id, the label of its tab (its accessible name), its component and its link fields. */
export interface ViewInfo {
  readonly id: ViewId;
  readonly label: string;
  /** null for the main view (App renders it itself); a lazily loaded component otherwise. */
  readonly component: LazyExoticComponent<ComponentType> | null;
  /** The view's settings in links and sessions (none: the link holds only that the view is open). */
  readonly link?: AnyViewLink;
}

/** A lazily loaded view: `load` imports the module whose named export `name` is the view's component. */
export function lazyView<M>(load: () => Promise<M>, name: keyof M): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

/** The views on offer, in tab order. */
export const VIEWS: readonly ViewInfo[] = [
  { id: 'main', label: 'Factorize', component: null },
  {
    id: 'explore',
    label: 'Explore rank',
    component: lazyView(() => import('../views/explore/ExploreView.js'), 'ExploreView'),
    link: viewLink(EXPLORE_LINK),
  },
  {
    id: 'restarts',
    label: 'Compare restarts',
    component: lazyView(() => import('../views/restarts/CompareRestartsView.js'), 'CompareRestartsView'),
  },
  { id: 'compare', label: 'Compare algorithms', component: lazyView(() => import('../views/compare/CompareView.js'), 'CompareView') },
  {
    id: 'learn',
    label: 'Learn',
    // with KaTeX loaded before the panel first shows, its formulas are typeset before they are painted
    // (a failed load still shows the panel, its formulas as TeX source)
    component: lazyView(
      () =>
        import('../views/learn/LearnView.js').then((m) =>
          m.loadKatex().then(
            () => m,
            () => m,
          ),
        ),
      'LearnView',
    ),
  },
];

/** The link sections of the registered views (checked once: a clash is a programming error). */
export const VIEW_SECTIONS: readonly AnySection[] = checkedSections(VIEWS);

/** The registered view of `id`, or the main view. */
export function viewInfo(id: ViewId): ViewInfo {
  return VIEWS.find((v) => v.id === id) ?? VIEWS[0];
}
