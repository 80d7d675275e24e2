// What the Compare algorithms view keeps while its tab is left (comparisonState.ts): the checked
// algorithms in menu order, the x axis, Pause only of a race, Reset clearing the race but not the choice.
import { describe, expect, it } from 'vitest';
import { initialComparison, reduceComparison, type ComparisonAction, type ComparisonState } from '../views/compare/comparisonState.js';

const run = (s: ComparisonState, ...actions: ComparisonAction[]) => actions.reduce(reduceComparison, s);

const update = (done: boolean) => ({
  rows: [
    {
      algorithm: 'hals' as const,
      initial: 0.9,
      from: 0,
      history: [0.5, 0.4],
      seconds: [0.01, 0.02],
      iteration: 2,
      stop: null,
      failure: null,
    },
  ],
  done,
});

describe('the Compare algorithms view’s state', () => {
  it('starts with the current algorithm and one other checked, in menu order', () => {
    expect(initialComparison('hals').chosen).toEqual(['mu', 'hals']);
    expect(initialComparison('mu').chosen).toEqual(['mu', 'hals']);
    expect(initialComparison('gd').chosen).toEqual(['mu', 'gd']);
  });

  it('keeps the checked algorithms in menu order however they are checked', () => {
    const s = run(
      initialComparison('hals'),
      { type: 'choose', algorithm: 'sgd', on: true },
      { type: 'choose', algorithm: 'als', on: true },
    );
    expect(s.chosen).toEqual(['mu', 'als', 'hals', 'sgd']);
    expect(run(s, { type: 'choose', algorithm: 'mu', on: false }).chosen).toEqual(['als', 'hals', 'sgd']);
  });

  it('a race: rows from its updates, Pause only while it runs, done with the job’s error kept', () => {
    let s = run(initialComparison('hals'), { type: 'axis', axis: 'seconds' }, { type: 'paused', paused: true });
    expect(s.race.phase).toBe('idle');
    s = run(s, { type: 'started', algorithms: ['mu', 'hals'], about: 'tutorial, rank 2' }, { type: 'updates', events: [update(false)] });
    expect(s.race.rows.map((r) => [r.algorithm, r.history])).toEqual([
      ['mu', []],
      ['hals', [0.5, 0.4]],
    ]);
    expect(run(s, { type: 'paused', paused: true }).race.phase).toBe('paused');
    expect(run(s, { type: 'paused', paused: true }, { type: 'paused', paused: false }).race.phase).toBe('running');
    expect(run(s, { type: 'updates', events: [] })).toBe(s);
    const failed = run(s, { type: 'done', error: 'the worker stopped' });
    expect(failed.race).toMatchObject({ phase: 'done', error: 'the worker stopped' });
    expect(run(failed, { type: 'paused', paused: true }).race.phase).toBe('done');
    expect(s.axis).toBe('seconds');
    expect(s.about).toBe('tutorial, rank 2');
  });

  it('Reset clears the race and what it ran on; the choice and the axis stay', () => {
    const s = run(
      initialComparison('hals'),
      { type: 'axis', axis: 'seconds' },
      { type: 'started', algorithms: ['mu', 'hals'], about: 'x' },
      { type: 'updates', events: [update(true)] },
      { type: 'reset' },
    );
    expect(s).toEqual({ ...initialComparison('hals'), axis: 'seconds' });
  });
});
