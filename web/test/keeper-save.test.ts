// When the session keeper saves: new data as soon as its run is ready (so the one-time write of
// an upload's text does not land in the first run a user starts), every other change at most
// once per SAVE_MS, from the timer. (The keeper reaches the app's React context: this file is
// typechecked with web/tsconfig.json, with the DOM, not with the DOM-free web/test one.)
import { describe, expect, it } from 'vitest';
import type { InlineSpec } from '../../src/data/spec.js';
import type { Controller } from '../client/controller.js';
import type { AppHandles } from '../app/context.js';
import { type RecordStore, SessionKeeper } from '../keep/keeper.js';
import type { SessionRecord } from '../keep/record.js';
import type { DataInfo, Progress } from '../shared/protocol.js';
import { type Action, initialState, reduce } from '../state/app.js';
import { createStore } from '../state/store.js';

const info: DataInfo = {
  name: 'upload.csv',
  labelled: { rows: false, cols: false },
  summary: { rows: 5, cols: 6, observed: 30, missing: 0, min: 0, max: 1 },
  V: { rows: 5, cols: 6, data: new Float64Array(30), sourceRows: 5, sourceCols: 6, blockRows: 1, blockCols: 1 },
  observed: new Float64Array(30).fill(1),
};

/** The worker's first progress of run `runId`: ready at iteration 0. */
function ready(runId: number): Action {
  const msg: Progress = {
    type: 'progress',
    runId,
    phase: 'ready',
    iteration: 0,
    relError: 1,
    itersPerSec: 0,
    from: 0,
    history: [],
    initialRelError: 1,
    objective: 1,
    initialObjective: 1,
    objectiveHistory: [],
    stop: null,
  };
  return { type: 'worker', msg };
}

/** A keeper on a real store, a recording RecordStore and timers that run only when the test says. */
async function started() {
  const saves: SessionRecord[] = [];
  const timers: (() => void)[] = [];
  const db: RecordStore = {
    read: async () => ({ current: null, previous: [] }),
    saveCurrent: async (r) => void saves.push(r),
    clearCurrent: async () => {},
    savePrevious: async () => {},
  };
  const store = createStore(reduce, initialState(), (fn) => fn());
  const controller = { load() {}, open() {}, setSpeed() {}, factors: () => Promise.reject(new Error('no run')) };
  const app: AppHandles = { store, controller: controller as unknown as Controller };
  const host = { getHash: () => '', setHash() {}, reloaded: () => false, setTimer: (fn: () => void) => void timers.push(fn) };
  const keeper = new SessionKeeper(app, db, host, { kind: 'example', id: 'tutorial' });
  await keeper.begin(() => false);
  /** Loads `spec` as an upload (run `runId` configured), without its first progress. */
  const load = (spec: InlineSpec, runId: number) => {
    store.dispatch({ type: 'loadRequested', runId, spec, source: 'upload' });
    store.dispatch({ type: 'worker', msg: { type: 'loaded', runId, data: info } });
    store.dispatch({ type: 'configured', runId: runId + 1 });
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { saves, timers, store, load, settle };
}

describe('session keeper: when it saves', () => {
  it('saves new data once its run is ready, before the timer; other changes wait for the timer', async () => {
    const { saves, timers, store, load, settle } = await started();
    const upload: InlineSpec = { kind: 'inline', text: '1,2\n3,4', fileName: 'upload.csv' };
    load(upload, 1);
    await settle();
    expect(saves).toHaveLength(0); // the run is still starting: nothing to keep yet
    store.dispatch(ready(2));
    await settle();
    expect(saves.map((r) => r.data)).toEqual([upload]);
    expect(saves[0].data).toBe(upload);

    store.dispatch({ type: 'speed', speed: 3 });
    await settle();
    expect(saves).toHaveLength(1); // an options change waits for the timer
    expect(timers.length).toBeGreaterThan(0);
    for (const fire of timers.splice(0)) fire();
    await settle();
    expect(saves).toHaveLength(2);
    expect(saves[1].speed).toBe(3);

    const next: InlineSpec = { kind: 'inline', text: '5,6\n7,8', fileName: 'next.csv' };
    load(next, 3);
    store.dispatch(ready(4));
    await settle();
    expect(saves.map((r) => r.data)).toEqual([upload, upload, next]);
  });
});
