// The link's view, embed switch and version, and the fields a view registers for its settings
// (a LinkSection under a prefix: `x.lo=2&x.hi=6`), with made-up views: round trips, canonical
// text, what is ignored and why, a newer link's version, and the checks on a list of sections.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShare, defaultShareState, encodeShare, type ShareState } from '../src/share/index.js';
import { enumField, flagField, intField, numberField, textField } from '../src/share/field.js';
import { anySection, type LinkSection, sectionDefaults, sectionsProblem } from '../src/share/section.js';
import { LINK_VERSION } from '../src/share/table.js';
import { newerLinkNotice, planOpen } from '../web/components/SharePanel/shareState.js';

/** A made-up sweep view's settings. */
interface Sweep {
  lo: number;
  hi: number;
  restarts: number;
  holdout: number;
  metric: 'fit' | 'heldout';
  shuffled: boolean;
  run: boolean;
}

const SWEEP: LinkSection<Sweep> = {
  view: 'explore',
  prefix: 'x',
  label: 'Explore rank',
  fields: {
    lo: intField('lo', 'lowest rank', 1, 100, 2),
    hi: intField('hi', 'highest rank', 1, 100, 8),
    restarts: intField('r', 'restarts per rank', 1, 50, 3),
    holdout: numberField('ho', 'held-out fraction', { above: 0, max: 0.5 }, 0.1),
    metric: enumField('m', 'metric', ['fit', 'heldout'] as const, 'fit'),
    shuffled: flagField('sh', 'shuffled baseline', false),
    run: flagField('run', 'sweep', false),
  },
};

/** A made-up compare view with one text field. */
const COMPARE: LinkSection<{ algs: string }> = {
  view: 'compare',
  prefix: 'c',
  label: 'Compare algorithms',
  fields: { algs: textField('algs', 'algorithms', 100, 'mu,hals') },
};

const SECTIONS = [anySection(SWEEP), anySection(COMPARE)];
const BASE = defaultShareState();
const MAIN_HASH = encodeShare(BASE).hash;

function sweepState(settings: Partial<Sweep>): ShareState {
  return { ...BASE, view: 'explore', viewSettings: { ...sectionDefaults(anySection(SWEEP)), ...settings } };
}

describe('the open view and its settings in a link', () => {
  it('a link of the main view, not embedded, reads as before: no view, no embed, no section fields', () => {
    expect(encodeShare(BASE, SECTIONS).hash).toBe(MAIN_HASH);
    expect(MAIN_HASH).not.toMatch(/view=|embed=|x\./);
    expect(decodeShare(MAIN_HASH, SECTIONS).state).toEqual({ ...BASE, viewSettings: null });
  });

  it('writes the open view and its section after the table, in the section’s field order', () => {
    const s = sweepState({ lo: 2, hi: 6, holdout: 0.25, metric: 'heldout', run: true });
    const { hash } = encodeShare(s, SECTIONS);
    expect(hash).toBe(`${MAIN_HASH}&view=explore&x.lo=2&x.hi=6&x.r=3&x.ho=0.25&x.m=heldout&x.sh=0&x.run=1`);
    expect(decodeShare(hash, SECTIONS)).toEqual({ state: s, ignored: [], empty: false, newer: null });
  });

  it('writes only the open view’s section', () => {
    const s: ShareState = { ...BASE, view: 'compare', viewSettings: { algs: 'kl, sgd & als' } };
    const { hash } = encodeShare(s, SECTIONS);
    expect(hash).toBe(`${MAIN_HASH}&view=compare&c.algs=kl%2C%20sgd%20%26%20als`);
    expect(decodeShare(hash, SECTIONS).state).toEqual(s);
  });

  it('a view without a section: the view only, and null settings back', () => {
    const s: ShareState = { ...BASE, view: 'learn' };
    expect(encodeShare(s, SECTIONS).hash).toBe(`${MAIN_HASH}&view=learn`);
    expect(decodeShare(`${MAIN_HASH}&view=learn`, SECTIONS).state).toEqual(s);
  });

  it('an Embed link: embed=1 last of the table, before the section', () => {
    const s = { ...sweepState({ lo: 3 }), embed: true };
    const { hash } = encodeShare(s, SECTIONS);
    expect(hash).toMatch(/&iter=0&view=explore&embed=1&x\.lo=3&/);
    expect(decodeShare(hash, SECTIONS).state).toEqual(s);
  });

  it('section fields left out of a link take their defaults', () => {
    const d = decodeShare('view=explore&x.hi=9', SECTIONS);
    expect(d.ignored).toEqual([]);
    expect(d.state.viewSettings).toEqual({ ...sectionDefaults(anySection(SWEEP)), hi: 9 });
  });

  it('names what it ignores in a section: bad values, unknown keys and prefixes, repeats, another view’s fields', () => {
    const d = decodeShare('view=explore&x.lo=0&x.zz=1&y.lo=2&x.hi=5&x.hi=7&c.algs=mu&x.m=best', SECTIONS);
    expect(d.ignored).toEqual([
      'Explore rank: lowest rank “0” (expected a whole number from 1 to 100)',
      'unknown field “x.zz”',
      'unknown field “y.lo”',
      'Explore rank: highest rank given twice (the first was used)',
      'Explore rank: metric “best” (expected one of fit, heldout)',
      'Compare algorithms settings (not used by view explore)',
    ]);
    expect(d.state.viewSettings).toEqual({ ...sectionDefaults(anySection(SWEEP)), hi: 5 });
  });

  it('without the sections registered, their fields are unknown fields', () => {
    const d = decodeShare('view=explore&x.lo=2');
    expect(d.state.view).toBe('explore');
    expect(d.state.viewSettings).toBeNull();
    expect(d.ignored).toEqual(['unknown field “x.lo”']);
  });

  it('keeps any valid settings of the made-up view (property)', () => {
    const settings = fc.record({
      lo: fc.integer({ min: 1, max: 100 }),
      hi: fc.integer({ min: 1, max: 100 }),
      restarts: fc.integer({ min: 1, max: 50 }),
      holdout: fc.double({ min: 1e-9, max: 0.5, noNaN: true }),
      metric: fc.constantFrom('fit' as const, 'heldout' as const),
      shuffled: fc.boolean(),
      run: fc.boolean(),
    });
    fc.assert(
      fc.property(settings, fc.boolean(), (x, embed) => {
        const s = { ...sweepState(x), embed };
        const first = encodeShare(s, SECTIONS);
        const back = decodeShare(first.hash, SECTIONS);
        expect(back.ignored).toEqual([]);
        expect(back.state).toEqual(s);
        expect(encodeShare(back.state, SECTIONS).hash).toBe(first.hash);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on garbage keyed like section fields, and what it gives writes again (property)', () => {
    const key = fc.constantFrom(
      'x.lo',
      'x.hi',
      'x.r',
      'x.ho',
      'x.m',
      'x.sh',
      'x.run',
      'c.algs',
      'x.',
      '.lo',
      'x..lo',
      'view',
      'embed',
      'v',
    );
    const piece = fc.tuple(key, fc.string({ unit: 'binary', maxLength: 12 })).map(([k, v]) => `${k}=${v}`);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const d = decodeShare(pieces.join('&'), SECTIONS);
        const again = decodeShare(encodeShare(d.state, SECTIONS).hash, SECTIONS);
        expect(again.state).toEqual(d.state);
      }),
      { numRuns: 400 },
    );
  });
});

describe('a link from a newer version of the app', () => {
  it('reads what it knows, says which version made it, and writes it back at our version', () => {
    const d = decodeShare(`v=${LINK_VERSION + 2}&data=example&example=tutorial&rank=3&hologram=1`, SECTIONS);
    expect(d.newer).toBe(LINK_VERSION + 2);
    expect(d.state.data).toEqual({ kind: 'example', id: 'tutorial' });
    expect(d.state.options.rank).toBe(3);
    expect(d.ignored).toEqual(['unknown field “hologram”']);
    expect(encodeShare(d.state).hash).toMatch(new RegExp(`^v=${LINK_VERSION}&`));
    expect(decodeShare(`v=${LINK_VERSION}&rank=3`).newer).toBeNull();
  });

  it('opening it: a notice naming both versions, before the list of what was ignored', () => {
    const plan = planOpen(`v=7&data=example&example=tutorial&hologram=1`, [null])!;
    expect(plan.notices).toEqual([
      'Opened from a shared link.',
      `This link was made by a newer version of NMF Playground (link version 7; this app reads up to ${LINK_VERSION}): what this version knows of it was opened, and the rest left at its defaults.`,
      'Ignored in the link (defaults used instead): unknown field “hologram”.',
    ]);
    expect(newerLinkNotice(7)).toBe(plan.notices[1]);
  });
});

describe('checks on the registered sections', () => {
  it('accepts distinct prefixes for distinct views', () => {
    expect(sectionsProblem(SECTIONS)).toBeNull();
  });

  it('refuses a repeated prefix, two sections of one view, a bad prefix or key, an unknown view', () => {
    const again = anySection({ ...COMPARE, view: 'learn', prefix: 'x' });
    expect(sectionsProblem([...SECTIONS, again])).toBe('link section Compare algorithms: prefix “x” is used twice');
    expect(sectionsProblem([...SECTIONS, anySection({ ...COMPARE, prefix: 'k' })])).toBe(
      'link section Compare algorithms: view compare has two sections',
    );
    expect(sectionsProblem([anySection({ ...SWEEP, prefix: 'X.1' })])).toBe(
      'link section Explore rank: prefix “X.1” must be lower-case letters',
    );
    expect(sectionsProblem([anySection({ ...COMPARE, fields: { algs: textField('a.b', 'algorithms', 10, '') } })])).toBe(
      'link section Compare algorithms: field key “a.b” must be letters and digits',
    );
    expect(sectionsProblem([anySection({ ...COMPARE, view: 'gallery' as 'main' })])).toBe(
      'link section Compare algorithms: there is no view gallery',
    );
  });
});
