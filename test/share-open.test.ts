// Opening a shared link in the app (without a DOM): the plan made from a hash, the notices a
// person sees, speeds snapped to the Speed control, and the store keeping the link's options.
import { describe, expect, it } from 'vitest';
import { summarize } from '../src/data/summary.js';
import { ratings } from '../src/data/generate.js';
import { encodeShare } from '../src/share/index.js';
import { encodeApp, nearestSpeed, planOpen, shareStateOf } from '../web/components/SharePanel/shareState.js';
import { initialState, reduce, type AppState } from '../web/state/app.js';
import { defaultOptions } from '../web/state/options.js';
import type { DataInfo } from '../web/shared/protocol.js';
import type { DataSpec } from '../src/data/spec.js';

const OFFERED = [null, 300, 100, 30, 10, 5, 2];

/** An app state with `spec` loaded (as its DataInfo says) from `source`, after `options` were set. */
function loaded(spec: DataSpec, source: 'example' | 'link', o = defaultOptions()): AppState {
  const data = ratings({ rows: 50, cols: 40, rank: 3, density: 0.25, seed: 3 });
  const info = { name: 'r', summary: summarize(data) } as unknown as DataInfo;
  let s = reduce(initialState(), { type: 'options', options: o });
  s = reduce(s, { type: 'loadRequested', runId: 1, spec, source });
  return reduce(s, { type: 'worker', msg: { type: 'loaded', runId: 1, data: info } });
}

describe('planOpen', () => {
  it('opens nothing for an empty hash', () => {
    expect(planOpen('', OFFERED)).toBeNull();
    expect(planOpen('#', OFFERED)).toBeNull();
  });

  it('says the page was opened from a shared link and to which iteration it runs', () => {
    const plan = planOpen('#data=example&example=ratings&alg=als&rank=5&seed=3&iter=25&speed=10', OFFERED)!;
    expect(plan).toMatchObject({ data: { kind: 'example', id: 'ratings' }, speed: 10, iteration: 25 });
    expect(plan.options).toMatchObject({ algorithm: 'als', rank: 5, seed: 3 });
    expect(plan.notices).toEqual([
      "Opened from a shared link. It runs to iteration 25 with the link's options, so you see the same numbers.",
    ]);
  });

  it('says when the link runs past its own Max iterations', () => {
    const plan = planOpen('#data=example&example=ratings&maxIter=3&iter=200', OFFERED)!;
    expect(plan.notices).toEqual([
      "Opened from a shared link. It runs to iteration 200 with the link's options, so you see the same numbers. That is past its Max iterations of 3: the run steps on past that stop, as Step does.",
    ]);
  });

  it('names what it ignored in a second notice', () => {
    const plan = planOpen('#rank=abc&alg=zzz&colour=red', OFFERED)!;
    expect(plan.notices).toEqual([
      'Opened from a shared link.',
      'Ignored in the link (defaults used instead): rank “abc” (expected a whole number from 1 to 10000000); algorithm “zzz” (expected one of mu, kl, als, anls, hals, gd, sgd); unknown field “colour”.',
    ]);
    expect(plan.options).toEqual(defaultOptions());
  });

  it('says when the link holds the options only', () => {
    const plan = planOpen('#data=none&rank=3&iter=40', OFFERED)!;
    expect(plan.data).toBeNull();
    expect(plan.notices[0]).toMatch(/^Opened from a shared link that holds the options only \(its data was too large for a link\)/);
  });

  it('uses the offered speed nearest to the link’s, saying so', () => {
    const plan = planOpen('#speed=7', OFFERED)!;
    expect(plan.speed).toBe(5);
    expect(plan.notices).toContain("The link's speed of 7 iterations/s is not offered: 5 iterations/s is used.");
    expect(nearestSpeed(null, OFFERED)).toBeNull();
    expect(nearestSpeed(30, OFFERED)).toBe(30);
    expect(nearestSpeed(1000, OFFERED)).toBe(300);
    expect(nearestSpeed(0.1, OFFERED)).toBe(2);
  });
});

describe('the app state in a link', () => {
  it('holds the data spec, options, speed and iteration on screen, and opens to the same', () => {
    const spec: DataSpec = { kind: 'ratings', rows: 50, cols: 40, rank: 3, density: 0.25, seed: 3 };
    let s = loaded(spec, 'example', { ...defaultOptions(), algorithm: 'sgd', seed: 11 });
    s = reduce(s, { type: 'speed', speed: 30 });
    s = reduce(s, { type: 'configured', runId: 2 });
    s = reduce(s, {
      type: 'worker',
      msg: {
        type: 'progress',
        runId: 2,
        phase: 'paused',
        iteration: 17,
        relError: 0.5,
        itersPerSec: 0,
        from: 0,
        history: [],
        initialRelError: 1,
        objective: 0.1,
        initialObjective: 1,
        objectiveHistory: [],
        stop: null,
      },
    });
    expect(shareStateOf(s)).toEqual({
      data: spec,
      options: s.options,
      speed: 30,
      iteration: 17,
      view: 'main',
      viewSettings: null,
      embed: false,
    });
    const plan = planOpen(encodeApp(s)!.hash, OFFERED)!;
    expect(plan).toMatchObject({ data: spec, options: s.options, speed: 30, iteration: 17 });
  });

  it('has no link before any data', () => {
    expect(encodeApp(initialState())).toBeNull();
  });

  it('leaves a large upload out of the link and says how large it is', () => {
    const text = Array.from({ length: 3000 }, (_, i) => Array.from({ length: 10 }, (_, j) => Math.sin(i * 10 + j + 1) ** 2).join(',')).join(
      '\n',
    );
    const s = loaded({ kind: 'inline', text, fileName: 'big.csv' }, 'example');
    const e = encodeApp(s)!;
    expect(e.tooLargeKB).toBeGreaterThan(16);
    expect(e.hash).toMatch(/^v=3&data=none&alg=/);
    expect(e.hash).toBe(encodeShare({ ...shareStateOf(s)!, data: null }).hash);
  });
});

describe('the store opening a link', () => {
  it('takes the link’s options and speed at once, with its notices', () => {
    const options = { ...defaultOptions(), rank: 7, algorithm: 'kl' as const };
    const s = reduce(initialState(), {
      type: 'shared',
      options,
      speed: 5,
      view: 'compare',
      embed: true,
      notices: ['Opened from a shared link.'],
    });
    expect(s).toMatchObject({ options, speed: 5, view: 'compare', embed: true, openNotices: ['Opened from a shared link.'] });
  });

  it('keeps the link’s rank when its data arrives, where an example would bring its own', () => {
    const spec: DataSpec = { kind: 'example', id: 'ratings' };
    const o = { ...defaultOptions(), rank: 7 };
    expect(loaded(spec, 'link', o).options.rank).toBe(7);
    expect(loaded(spec, 'example', o).options.rank).toBe(3);
  });

  it('still lowers a rank the data cannot take, with a note', () => {
    const s = loaded({ kind: 'example', id: 'ratings' }, 'link', { ...defaultOptions(), rank: 99 });
    expect(s.options.rank).toBe(40);
    expect(s.dataNotes).toContain('Rank lowered to 40, the most a 50×40 matrix allows.'); // a note about this data, replaced by the next load
  });
});
