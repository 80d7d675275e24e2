// A kept session's record: made from the app state and the worker's factors (only those of the
// run on screen), views' settings kept as their link texts and read back with defaults for bad ones.
import { describe, expect, it } from 'vitest';
import { enumField, intField } from '../../src/share/field.js';
import { anySection } from '../../src/share/section.js';
import { recordOf, sameSession, settingsTexts, settingsValues } from '../keep/record.js';
import { initialState, reduce } from '../state/app.js';
import type { DataInfo, Factors } from '../shared/protocol.js';

const SWEEP = anySection({
  view: 'explore',
  prefix: 'x',
  label: 'Explore rank',
  fields: { lo: intField('lo', 'lowest rank', 1, 100, 2), metric: enumField('m', 'metric', ['fit', 'heldout'] as const, 'fit') },
});

const info = { name: 'tutorial 5×6', summary: { rows: 5, cols: 6, observed: 30, missing: 0, min: 0, max: 1 } } as unknown as DataInfo;

function stateAt(iteration: number) {
  let s = reduce(initialState(), { type: 'loadRequested', runId: 1, spec: { kind: 'example', id: 'tutorial' }, source: 'example' });
  s = reduce(s, { type: 'worker', msg: { type: 'loaded', runId: 1, data: info } });
  s = reduce(s, { type: 'configured', runId: 2, why: null });
  const history = Array.from({ length: iteration }, (_, t) => 1 / (t + 2));
  return reduce(s, {
    type: 'worker',
    msg: {
      type: 'progress',
      runId: 2,
      phase: 'paused',
      iteration,
      relError: history.at(-1) ?? 1,
      itersPerSec: 0,
      from: 0,
      history,
      initialRelError: 1,
      objective: 0.5,
      initialObjective: 1,
      objectiveHistory: history,
      stop: null,
    },
  });
}

function factors(runId: number, iteration: number): Factors {
  return {
    type: 'factors',
    runId,
    requestId: 1,
    m: 5,
    k: 3,
    n: 6,
    W: new Float64Array(15).fill(0.5),
    H: new Float64Array(18).fill(0.25),
    iteration,
    history: Array.from({ length: iteration }, (_, t) => 1 / (t + 2)),
    initialRelError: 1,
    objective: 0.1,
    stop: null,
  };
}

describe('session record', () => {
  it('holds the spec, options, speed, view, views’ settings and the run’s factors', () => {
    const s = stateAt(4);
    const r = recordOf(s, factors(2, 4), { explore: { lo: '3', metric: 'fit' } }, 'v=1&rank=3', 1000)!;
    expect(r).toMatchObject({
      savedAt: 1000,
      hash: 'v=1&rank=3',
      name: 'tutorial 5×6',
      data: { kind: 'example', id: 'tutorial' },
      view: 'main',
    });
    expect(r.options).toBe(s.options);
    expect(r.run).toMatchObject({ m: 5, k: 3, n: 6, iteration: 4, objective: 0.1 });
  });

  it('keeps no run for factors of another run, or at iteration 0; nothing before any data', () => {
    expect(recordOf(stateAt(4), factors(1, 4), {}, '')!.run).toBeNull();
    expect(recordOf(stateAt(0), factors(2, 0), {}, '')!.run).toBeNull();
    expect(recordOf(initialState(), null, {}, '')).toBeNull();
  });

  it('tells the same session kept twice from a changed one', () => {
    const a = recordOf(stateAt(4), factors(2, 4), {}, '', 1)!;
    expect(sameSession(a, { ...a, savedAt: 99, hash: 'x' })).toBe(true);
    expect(sameSession(a, recordOf(stateAt(5), factors(2, 5), {}, '', 1)!)).toBe(false);
    expect(sameSession(a, { ...a, views: { explore: { lo: '4' } } })).toBe(false);
  });

  it('views’ settings: kept as their link texts, read back with defaults for missing or bad texts, each named', () => {
    expect(settingsTexts([SWEEP], (view) => (view === 'explore' ? { lo: 7, metric: 'heldout' } : null))).toEqual({
      explore: { lo: '7', metric: 'heldout' },
    });
    const problems: string[] = [];
    expect(settingsValues(SWEEP, { lo: '0' }, problems)).toEqual({ lo: 2, metric: 'fit' });
    expect(problems).toEqual(['views.explore.lo: “0” (expected a whole number from 1 to 100)']);
  });
});
