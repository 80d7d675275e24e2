// The tab bar of the views (WAI-ARIA tabs: ←/→, Home and End move between tabs, the panel is
// labelled by its tab).
import { type KeyboardEvent, useRef } from 'react';
import { useAppState, useController } from './context.js';
import type { ViewId } from '../state/view.js';
import { VIEWS } from './views.js';

/** Id of the element of a view's tab (its panel is labelled by it). */
export const tabId = (id: ViewId) => `tab-${id}`;
/** Id of a view's panel. */
export const panelId = (id: ViewId) => `view-${id}`;

/** One tab per registered view; the open one is selected. */
export function ViewTabs() {
  const controller = useController();
  const view = useAppState((s) => s.view);
  const list = useRef<HTMLDivElement>(null);
  if (VIEWS.length < 2) return null;
  const move = (e: KeyboardEvent, index: number) => {
    const last = VIEWS.length - 1;
    const to = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    controller.openView(VIEWS[to].id);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[to]?.focus();
  };
  return (
    <div className="view-tabs" role="tablist" aria-label="Views" ref={list}>
      {VIEWS.map((v, i) => (
        <button
          key={v.id}
          type="button"
          role="tab"
          id={tabId(v.id)}
          aria-selected={v.id === view}
          aria-controls={panelId(v.id)}
          tabIndex={v.id === view ? 0 : -1}
          onClick={() => controller.openView(v.id)}
          onKeyDown={(e) => move(e, i)}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}
