// Explore rank on the page's side: the settings' bounds and fit to the data, the sweep reducer
// (stale steps dropped, Cancel keeps the ranks), the progress bar's words, the time left, and the
// job's steps against the engine's survey.
import { describe, expect, it } from 'vitest';
import { makeData } from '../../src/data/spec.js';
import { runSurvey } from '../../src/rank/survey.js';
import { createEngineNode } from '../../src/wasm/node.js';
import { defaultOptions } from '../state/options.js';
import { exploreSteps, type ExploreStep } from '../views/explore/exploreJob.js';
import { defaultExploreSettings, exploreProblem, fitExploreSettings, settingProblem, EXPLORE_SETTINGS } from '../views/explore/settings.js';
import {
  formatSeconds,
  formatTimeLeft,
  idleSweep,
  nextRestart,
  progressLabel,
  reduceSweep,
  secondsLeft,
  type SweepAction,
  type SweepState,
  workFraction,
} from '../views/explore/sweepState.js';

describe('Explore rank settings', () => {
  it('defaults lie within their bounds', () => {
    const d = defaultExploreSettings();
    for (const [key, f] of Object.entries(EXPLORE_SETTINGS)) {
      expect(d[key as keyof typeof d]).toBe(f.fallback);
      expect(settingProblem(key as keyof typeof d, f.fallback)).toBeNull();
    }
    expect(exploreProblem(d, 60, 40)).toBeNull();
  });

  it('refuse values out of bounds with a sentence naming the field and what it takes', () => {
    expect(settingProblem('restarts', 0)).toBe('Restarts per rank 0 is out of range: it must be a whole number from 1 to 100.');
    expect(settingProblem('restarts', 2.5)).toBe('Restarts per rank 2.5 is out of range: it must be a whole number from 1 to 100.');
    expect(settingProblem('holdout', 0.6)).toBe('Held-out fraction 0.6 is out of range: it must be a number from 0 to 0.5.');
    expect(settingProblem('holdout', Number.NaN)).toMatch(/^Held-out fraction NaN is out of range/);
    expect(settingProblem('holdout', 0)).toBeNull();
    expect(settingProblem('highest', 7, 5, 6)).toBe(
      'Highest rank 7 is out of range: it must be a whole number from 1 to 5 for a 5×6 matrix.',
    );
    expect(settingProblem('lowest', 5, 5, 6)).toBeNull();
  });

  it('exploreProblem names the first bad field, and a highest rank below the lowest', () => {
    const d = defaultExploreSettings();
    expect(exploreProblem({ ...d, lowest: 4, highest: 3 }, 60, 40)).toEqual({
      key: 'highest',
      message: 'Highest rank 3 is below the lowest rank 4.',
    });
    expect(exploreProblem({ ...d, lowest: 0, holdout: 1 }, 60, 40)?.key).toBe('lowest');
  });

  it('fit a small matrix by lowering the ranks, saying so; settings that fit are kept as they are', () => {
    const d = { lowest: 7, highest: 9, restarts: 3, holdout: 0.1 };
    expect(fitExploreSettings(d, 5, 6)).toEqual({
      settings: { ...d, lowest: 5, highest: 5 },
      notes: [
        'Highest rank 9 is more than a 5×6 matrix allows: the sweep goes up to 5.',
        'Lowest rank 7 is above that: the sweep starts at 5.',
      ],
    });
    const ok = defaultExploreSettings();
    expect(fitExploreSettings(ok, 60, 40).settings).toBe(ok);
  });
});

const run = { settings: { lowest: 2, highest: 4, restarts: 3, holdout: 0.1 }, base: defaultOptions(), dataName: 'x' };

function step(rank: number, restart: number, done: number, finished = false): ExploreStep {
  return {
    rank,
    restart,
    restartsDone: done,
    restartsTotal: 9,
    workDone: done * 3,
    workTotal: 27 * 3,
    elapsedMs: 100 * done,
    finishedRank: finished ? ({ rank } as ExploreStep['finishedRank']) : null,
  };
}

const apply = (s: SweepState, ...a: SweepAction[]) => a.reduce(reduceSweep, s);

describe('sweep state', () => {
  it('takes the steps of its job, appending each finished rank; drops those of another job', () => {
    let s = apply(idleSweep(), { type: 'started', jobId: 2, run });
    expect(s).toMatchObject({ phase: 'running', ranks: [], progress: null });
    s = apply(s, { type: 'step', jobId: 2, step: step(2, 0, 1) }, { type: 'step', jobId: 1, step: step(3, 2, 6, true) });
    expect(s.progress).toMatchObject({ rank: 2, restart: 0, restartsDone: 1 });
    expect(s.ranks).toEqual([]);
    s = apply(s, { type: 'step', jobId: 2, step: step(2, 1, 2) }, { type: 'step', jobId: 2, step: step(2, 2, 3, true) });
    expect(s.ranks.map((r) => r.rank)).toEqual([2]);
    expect(apply(s, { type: 'done', jobId: 1 })).toBe(s);
    expect(apply(s, { type: 'done', jobId: 2 }).phase).toBe('done');
  });

  it('Cancel keeps the finished ranks and the progress; later steps and a done are dropped', () => {
    let s = apply(
      idleSweep(),
      { type: 'started', jobId: 1, run },
      { type: 'step', jobId: 1, step: step(2, 2, 3, true) },
      { type: 'step', jobId: 1, step: step(3, 0, 4) },
    );
    s = apply(s, { type: 'cancelled', message: 'Cancelled.' });
    expect(s).toMatchObject({ phase: 'cancelled', message: 'Cancelled.' });
    expect(s.ranks.map((r) => r.rank)).toEqual([2]);
    expect(apply(s, { type: 'step', jobId: 1, step: step(3, 1, 5) }, { type: 'done', jobId: 1 })).toBe(s);
    expect(progressLabel(s)).toBe('Cancelled at rank 3, restart 2 of 3');
  });

  it('a data change clears everything, with the reason; a failure keeps the ranks and says why', () => {
    const s = apply(idleSweep(), { type: 'started', jobId: 1, run }, { type: 'step', jobId: 1, step: step(2, 2, 3, true) });
    expect(apply(s, { type: 'cleared', message: 'changed' })).toEqual({ ...idleSweep(), message: 'changed' });
    const f = apply(s, { type: 'failed', jobId: 1, message: 'rank 9 is out of range' });
    expect(f).toMatchObject({ phase: 'failed', message: 'rank 9 is out of range' });
    expect(f.ranks).toHaveLength(1);
  });

  it('the progress label names the rank and restart being worked on (1-based), then how it ended', () => {
    let s = apply(idleSweep(), { type: 'started', jobId: 1, run });
    expect(progressLabel(idleSweep())).toBe('No sweep yet');
    expect(progressLabel(s)).toBe('Rank 2, restart 1 of 3');
    s = apply(s, { type: 'step', jobId: 1, step: step(2, 0, 1) });
    expect(progressLabel(s)).toBe('Rank 2, restart 2 of 3');
    s = apply(s, { type: 'step', jobId: 1, step: step(2, 2, 3, true) });
    expect(progressLabel(s)).toBe('Rank 3, restart 1 of 3');
    s = apply(s, { type: 'step', jobId: 1, step: step(4, 2, 9, true) });
    expect(nextRestart(s.progress, run.settings)).toBeNull();
    expect(progressLabel(s)).toBe('Finishing');
    expect(progressLabel(apply(s, { type: 'done', jobId: 1 }))).toBe('Done: ranks 2 to 4, 3 restarts each');
  });
});

describe('time left', () => {
  it('is the pace so far applied to the work left, unknown before any work', () => {
    expect(secondsLeft(null)).toBeNull();
    const p = { rank: 2, restart: 0, restartsDone: 1, restartsTotal: 9, workDone: 0, workTotal: 10, elapsedMs: 500 };
    expect(secondsLeft(p)).toBeNull();
    expect(secondsLeft({ ...p, workDone: 2, elapsedMs: 3000 })).toBe(12);
    expect(secondsLeft({ ...p, workDone: 10, elapsedMs: 3000 })).toBe(0);
    expect(workFraction({ ...p, workDone: 4 })).toBe(0.4);
    expect(workFraction(null)).toBe(0);
  });

  it('reads as seconds, minutes or hours', () => {
    expect(formatTimeLeft(null)).toBe('estimating the time left…');
    expect(formatTimeLeft(0.4)).toBe('less than a second left');
    expect(formatTimeLeft(12.2)).toBe('about 13 s left');
    expect(formatTimeLeft(89)).toBe('about 89 s left');
    expect(formatTimeLeft(200)).toBe('about 3 min left');
    expect(formatTimeLeft(3900)).toBe('about 1 h 5 min left');
    expect(formatSeconds(12345)).toBe('12.3 s');
    expect(formatSeconds(119_600)).toBe('2 min 0 s');
  });
});

describe('the Explore rank job', () => {
  it("posts one step per restart with the engine's survey numbers, each rank after its last restart", async () => {
    const engine = await createEngineNode();
    const spec = { kind: 'lowrank', rows: 30, cols: 20, rank: 2, noise: 0.05, seed: 3 } as const;
    const settings = { lowest: 1, highest: 3, restarts: 2, holdout: 0.1 };
    const base = { ...defaultOptions(), maxIter: 40, seed: 4 };
    let t = 0;
    const steps = [...exploreSteps(engine, { spec, settings, base }, () => (t += 10))];
    expect(steps.map((s) => [s.rank, s.restart, s.restartsDone])).toEqual([
      [1, 0, 1],
      [1, 1, 2],
      [2, 0, 3],
      [2, 1, 4],
      [3, 0, 5],
      [3, 1, 6],
    ]);
    expect(steps.map((s) => s.finishedRank?.rank ?? null)).toEqual([null, 1, null, 2, null, 3]);
    expect(steps.at(-1)).toMatchObject({ restartsTotal: 6, workDone: 36, workTotal: 36 });
    expect(steps.every((s, i) => i === 0 || s.elapsedMs > steps[i - 1].elapsedMs)).toBe(true);
    const want = runSurvey(await createEngineNode(), makeData(spec), { ...settings, shuffled: true, base: { ...base, restarts: 1 } });
    expect(steps.filter((s) => s.finishedRank).map((s) => s.finishedRank)).toEqual(want.ranks);
  });

  it('bad settings fail before any step with the engine message', async () => {
    const engine = await createEngineNode();
    const spec = { kind: 'lowrank', rows: 5, cols: 4, rank: 2, noise: 0, seed: 1 } as const;
    const it = exploreSteps(
      engine,
      { spec, settings: { lowest: 1, highest: 5, restarts: 1, holdout: 0 }, base: defaultOptions() },
      () => 0,
    );
    expect(() => it.next()).toThrow('highest rank 5 is out of range: it must be an integer from 1 to min(m, n) = 4 for a 5×4 matrix');
  });
});
