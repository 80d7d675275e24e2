// The ids of the app's views (pure: the state, the link and a stored session name them; the tabs
// and components are in web/app/views.ts).

/** Every view the app knows: the main view (the run and its plots) and the views beside it. */
export const VIEW_IDS = ['main', 'explore', 'restarts', 'compare', 'learn'] as const;
export type ViewId = (typeof VIEW_IDS)[number];
