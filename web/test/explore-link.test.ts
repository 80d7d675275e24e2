// The Explore rank view's link fields (EXPLORE_SECTION, registered by web/views/explore/link.ts):
// the settings written under x. while the view is open, read back the same, a bad field named in
// the link's notice, and any valid settings surviving a round trip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anySection } from '../../src/share/section.js';
import { encodeApp, planOpen } from '../components/SharePanel/shareState.js';
import { type AppState, DEFAULT_SPEED, initialState, reduce } from '../state/app.js';
import type { DataInfo } from '../shared/protocol.js';
import { EXPLORE_SECTION, EXPLORE_SETTINGS, type ExploreSettings } from '../views/explore/settings.js';

const SECTIONS = [anySection(EXPLORE_SECTION)];

/** The hash of a link to `s` with the Explore rank section (its settings read as the view's link reads them: the state's). */
function appLink(s: AppState) {
  return encodeApp(s, { sections: SECTIONS, viewSettings: s.view === 'explore' ? { ...s.explore } : null, embed: false });
}

/** How the app would open `hash` (offering the speed the state was made with). */
function planLink(hash: string) {
  return planOpen(hash, [null, DEFAULT_SPEED], SECTIONS);
}

/** The app with the tutorial matrix loaded, `settings` in the Explore rank form and that view open. */
function exploring(settings: ExploreSettings, view: AppState['view'] = 'explore'): AppState {
  const info = { name: 't', summary: { rows: 5, cols: 6, observed: 30, missing: 0, min: 0, max: 1 } } as unknown as DataInfo;
  let s = reduce(initialState(), { type: 'loadRequested', runId: 1, spec: { kind: 'example', id: 'tutorial' }, source: 'example' });
  s = reduce(s, { type: 'worker', msg: { type: 'loaded', runId: 1, data: info } });
  s = reduce(s, { type: 'exploreSettings', settings });
  return reduce(s, { type: 'view', view });
}

describe('the Explore rank settings in a link', () => {
  it('are written after the view while it is open, and read back as they were', () => {
    const settings = { lowest: 2, highest: 5, restarts: 4, holdout: 0.2 };
    const { hash } = appLink(exploring(settings))!;
    expect(hash).toMatch(/&view=explore&x\.lo=2&x\.hi=5&x\.r=4&x\.ho=0\.2$/);
    const plan = planLink(hash)!;
    expect(plan.view).toBe('explore');
    expect(plan.viewSettings).toEqual(settings);
    expect(plan.notices).toEqual(['Opened from a shared link.']);
  });

  it('are not written while another view is open', () => {
    const { hash } = appLink(exploring({ lowest: 2, highest: 5, restarts: 4, holdout: 0.2 }, 'main'))!;
    expect(hash).not.toMatch(/x\.|view=/);
    expect(planLink(hash)!.viewSettings).toBeNull();
  });

  it('a field out of bounds is named in the notice and takes its default', () => {
    const { hash } = appLink(exploring({ lowest: 2, highest: 5, restarts: 4, holdout: 0.2 }))!;
    const plan = planLink(hash.replace('x.ho=0.2', 'x.ho=0.9').replace('x.r=4', 'x.r=zero'))!;
    expect(plan.viewSettings).toEqual({ lowest: 2, highest: 5, restarts: EXPLORE_SETTINGS.restarts.fallback, holdout: 0.1 });
    expect(plan.notices).toEqual([
      'Opened from a shared link.',
      'Ignored in the link (defaults used instead): Explore rank: restarts per rank “zero” (expected a whole number from 1 to 100); Explore rank: held-out fraction “0.9” (expected a number ≥ 0 and ≤ 0.5).',
    ]);
  });

  it('any settings the form accepts survive a round trip (property)', () => {
    const S = EXPLORE_SETTINGS;
    const settings = fc.record({
      lowest: fc.integer({ min: S.lowest.min, max: S.lowest.max }),
      highest: fc.integer({ min: S.highest.min, max: S.highest.max }),
      restarts: fc.integer({ min: S.restarts.min, max: S.restarts.max }),
      holdout: fc.double({ min: S.holdout.min, max: S.holdout.max, noNaN: true }),
    });
    fc.assert(
      fc.property(settings, (x) => {
        const { hash } = appLink(exploring(x))!;
        const plan = planLink(hash)!;
        expect(plan.notices).toEqual(['Opened from a shared link.']);
        expect(plan.viewSettings).toEqual({ ...x, holdout: x.holdout + 0 });
      }),
      { numRuns: 200 },
    );
  });
});
