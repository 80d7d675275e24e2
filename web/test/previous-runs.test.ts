// Previous runs on the loss plot: a run replaced by an options change keeps its curves (named by
// its settings, at most MAX_PREVIOUS_RUNS, the oldest dropped); Reset keeps none; new data and
// Clear drop them; a kl plot shows only kl runs' objectives.
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/data/summary.js';
import { initialState, reduce, type Action, type AppState } from '../state/app.js';
import { MAX_PREVIOUS_RUNS, runName } from '../state/previousRuns.js';
import { mainLossSeries } from '../components/ResultsPanel/lossSeries.js';
import type { DataInfo, Progress } from '../shared/protocol.js';

/** The algorithm the app starts with (the runs below keep it). */
const ALG = initialState().options.algorithm;

const summary: Summary = { rows: 5, cols: 6, observed: 30, missing: 0, min: 0, max: 1 };
const info: DataInfo = {
  name: 'tutorial',
  labelled: { rows: false, cols: false },
  summary,
  V: { rows: 5, cols: 6, data: new Float64Array(30), sourceRows: 5, sourceCols: 6, blockRows: 1, blockCols: 1 },
  observed: new Float64Array(30).fill(1),
};

function progress(runId: number, history: number[]): Action {
  const msg: Progress = {
    type: 'progress',
    runId,
    phase: 'paused',
    iteration: history.length,
    relError: history.at(-1) ?? 1,
    itersPerSec: 10,
    from: 0,
    history,
    initialRelError: 1,
    objective: 1,
    initialObjective: 2,
    objectiveHistory: history.map((e) => e * 2),
    stop: null,
  };
  return { type: 'worker', msg };
}

function loaded(): AppState {
  return [
    { type: 'loadRequested', runId: 1, spec: { kind: 'example', id: 'tutorial' }, source: 'example' },
    { type: 'worker', msg: { type: 'loaded', runId: 1, data: info } },
    { type: 'configured', runId: 2 },
  ].reduce((s, a) => reduce(s, a as Action), initialState());
}

/** Runs run `runId` for `its` iterations, then starts run runId + 1 at rank `rank` (an options change). */
function rerun(s: AppState, runId: number, its: number, rank: number): AppState {
  const old = s.options;
  s = reduce(
    s,
    progress(
      runId,
      Array.from({ length: its }, (_, i) => 0.5 / (i + 1)),
    ),
  );
  s = reduce(s, { type: 'options', options: { ...old, rank } });
  return reduce(s, { type: 'configured', runId: runId + 1, why: `rank ${old.rank} → ${rank}`, previous: old });
}

describe('previous runs', () => {
  it('a run replaced by an options change keeps its curve, named by its settings', () => {
    const s = rerun(loaded(), 2, 3, 2);
    expect(s.previousRuns.map((p) => p.name)).toEqual([`rank 3 · ${ALG} · seed 1`]);
    expect([...s.previousRuns[0].relError]).toEqual([0.5, 0.25, 0.5 / 3]);
    expect(s.previousRuns[0].initialRelError).toBe(1);
    const series = mainLossSeries(
      s.options,
      { initialRelError: 1, history: [0.4], initialObjective: 2, objectiveHistory: [0.8] },
      s.previousRuns,
    );
    expect(series.map((x) => [x.name, x.faded ?? false])).toEqual([
      [`rank 3 · ${ALG} · seed 1`, true],
      [`rank 2 · ${ALG} · seed 1 (current)`, false],
    ]);
  });

  it('a run that did no iteration is not kept; Reset (no previous options) keeps none', () => {
    let s = reduce(loaded(), { type: 'configured', runId: 3, why: 'rank 3 → 2', previous: loaded().options });
    expect(s.previousRuns).toEqual([]);
    s = reduce(s, progress(3, [0.5]));
    s = reduce(s, { type: 'configured', runId: 4 });
    expect(s.previousRuns).toEqual([]);
  });

  it(`keeps at most ${MAX_PREVIOUS_RUNS}, the oldest dropped, each with its own colour`, () => {
    let s = loaded();
    for (let i = 0; i < MAX_PREVIOUS_RUNS + 2; i++) s = rerun(s, 2 + i, 2, (i % 4) + 1);
    expect(s.previousRuns).toHaveLength(MAX_PREVIOUS_RUNS);
    // ranks went 3 → 1 → 2 → 3 → 4 → 1 → 2 → 3: the first two runs (ranks 3 and 1) were dropped
    expect(s.previousRuns.map((p) => p.name)).toEqual([2, 3, 4, 1, 2].map((k) => `rank ${k} · ${ALG} · seed 1`));
    const colors = s.previousRuns.map((p) => p.color);
    expect(new Set(colors).size).toBe(MAX_PREVIOUS_RUNS);
    expect(colors).not.toContain(0);
  });

  it('new data and Clear drop them', () => {
    const s = rerun(loaded(), 2, 3, 2);
    expect(reduce(s, { type: 'clearPreviousRuns' }).previousRuns).toEqual([]);
    const next = [
      { type: 'loadRequested', runId: 9, spec: { kind: 'example', id: 'tutorial' }, source: 'example' },
      { type: 'worker', msg: { type: 'loaded', runId: 9, data: info } },
    ].reduce((t, a) => reduce(t, a as Action), s);
    expect(next.previousRuns).toEqual([]);
  });

  it('a kl plot shows only the kl runs, by their objective', () => {
    let s = rerun(loaded(), 2, 2, 2); // a run of the default algorithm kept
    const hals = s.options;
    s = reduce(s, progress(3, [0.3]));
    const kl = { ...hals, algorithm: 'kl' as const };
    s = reduce(s, { type: 'options', options: kl });
    s = reduce(s, { type: 'configured', runId: 4, why: 'algorithm', previous: hals });
    s = reduce(s, progress(4, [0.2]));
    const klSeeded = { ...kl, seed: 2 };
    s = reduce(s, { type: 'options', options: klSeeded });
    s = reduce(s, { type: 'configured', runId: 5, why: 'seed', previous: kl });
    const series = mainLossSeries(klSeeded, { initialRelError: 1, history: [], initialObjective: 3, objectiveHistory: [] }, s.previousRuns);
    expect(series.map((x) => x.name)).toEqual([runName(kl), `${runName(klSeeded)} (current)`]);
    expect(series[0].initial).toBe(2);
    expect(Array.from(series[0].relError)).toEqual([0.4]);
  });
});

describe('runName', () => {
  it('names the precision of a float32 run, and nothing more for float64', () => {
    const o = { ...loaded().options, rank: 3, algorithm: 'hals' as const, seed: 1 };
    expect(runName(o)).toBe('rank 3 · hals · seed 1');
    expect(runName({ ...o, precision: 'float64' })).toBe('rank 3 · hals · seed 1');
    expect(runName({ ...o, precision: 'float32' })).toBe('rank 3 · hals · seed 1 · float32');
  });
});
