// The Explore rank view's settings in links and kept sessions (its link fields, EXPLORE_SECTION,
// are in settings.ts): read from the app state and put back from a link or a session; when the
// Explore rank view is the one opened, its sweep starts with them. Small and eager (a link is read
// before its view opens): the sweep itself is imported when it starts.
import type { ViewLink } from '../../app/views.js';
import { EXPLORE_SECTION, type ExploreSettings } from './settings.js';

/** The Explore rank view's settings in links and sessions; applied with the view open, they start its sweep. */
export const EXPLORE_LINK: ViewLink<ExploreSettings> = {
  section: EXPLORE_SECTION,
  read: (s) => s.explore,
  apply(settings, app) {
    app.store.dispatch({ type: 'exploreSettings', settings });
    if (app.store.getState().view !== 'explore') return;
    void import('./sweep.js').then(({ sweepOf }) => {
      const sweep = sweepOf(app.store);
      const problem = sweep.exploreFitted(settings);
      if (problem) sweep.store.dispatch({ type: 'cleared', message: `The sweep of the link was not started: ${problem.message}` });
    });
  },
};
