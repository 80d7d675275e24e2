// The views' link registry: each registered view's section is checked once (its own view, no
// clashes), and the app's link carries the open view's settings as its ViewLink reads them.
import { describe, expect, it } from 'vitest';
import { intField } from '../../src/share/field.js';
import { decodeShare } from '../../src/share/index.js';
import { anySection } from '../../src/share/section.js';
import { checkedSections, type ViewWithSection } from '../app/viewSections.js';
import { encodeApp } from '../components/SharePanel/shareState.js';
import { type AppState, initialState, reduce } from '../state/app.js';
import type { DataInfo } from '../shared/protocol.js';

/** A made-up view whose one setting is read from the app state's speed (so no new state is needed). */
const PACE: ViewWithSection = {
  id: 'learn',
  link: { section: anySection({ view: 'learn', prefix: 'l', label: 'Learn', fields: { pace: intField('pace', 'pace', 1, 9, 5) } }) },
};
const readPace = (s: AppState) => ({ pace: s.speed ?? 5 });

describe('the views’ link registry', () => {
  it('takes each view’s section, refusing one made for another view or a clash', () => {
    expect(checkedSections([{ id: 'main' }, PACE])).toEqual([PACE.link!.section]);
    expect(() => checkedSections([{ ...PACE, id: 'compare' }])).toThrow('view compare: its link section is for view learn');
    expect(() => checkedSections([PACE, { ...PACE, id: 'learn' }])).toThrow('link section Learn: prefix “l” is used twice');
  });

  it('the app’s link holds the open view and the settings its ViewLink reads', () => {
    const info = { name: 't', summary: { rows: 5, cols: 6, observed: 30, missing: 0, min: 0, max: 1 } } as unknown as DataInfo;
    let s = reduce(initialState(), { type: 'loadRequested', runId: 1, spec: { kind: 'example', id: 'tutorial' }, source: 'example' });
    s = reduce(s, { type: 'worker', msg: { type: 'loaded', runId: 1, data: info } });
    s = reduce(s, { type: 'speed', speed: 3 });
    s = reduce(s, { type: 'view', view: 'learn' });
    const sections = checkedSections([PACE]);
    const { hash } = encodeApp(s, { sections, viewSettings: readPace(s), embed: true })!;
    expect(hash).toMatch(/&speed=3&iter=0&view=learn&embed=1&l\.pace=3$/);
    expect(decodeShare(hash, sections).state).toMatchObject({ view: 'learn', embed: true, viewSettings: { pace: 3 } });
  });
});
