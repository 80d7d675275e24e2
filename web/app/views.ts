// The app's views, one tab each: the main view (the run and its plots) and the views that work
// beside it on the same data. Each view other than the main one lives in web/views/<id>/ and is
// loaded lazily, so nothing of it weighs on the first screen.
import { type ComponentType, lazy, type LazyExoticComponent } from 'react';
import type { ViewId } from '../state/view.js';

/** A view's tab: its id, the label of its tab (its accessible name) and its component. */
export interface ViewInfo {
  readonly id: ViewId;
  readonly label: string;
  /** null for the main view (App renders it itself); a lazily loaded component otherwise. */
  readonly component: LazyExoticComponent<ComponentType> | null;
}

/** A lazily loaded view: `load` imports the module whose named export `name` is the view's component. */
export function lazyView<M>(load: () => Promise<M>, name: keyof M): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

/** The views on offer, in tab order. */
export const VIEWS: readonly ViewInfo[] = [
  { id: 'main', label: 'Factorize', component: null },
  { id: 'compare', label: 'Compare algorithms', component: lazyView(() => import('../views/compare/CompareView.js'), 'CompareView') },
  { id: 'learn', label: 'Learn', component: lazyView(() => import('../views/learn/LearnView.js'), 'LearnView') },
];

/** The registered view of `id`, or the main view. */
export function viewInfo(id: ViewId): ViewInfo {
  return VIEWS.find((v) => v.id === id) ?? VIEWS[0];
}
