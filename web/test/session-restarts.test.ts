// The worker's Session running restarts (configure with restarts): seeds in turn, each watchable
// from iteration 0, the same outcomes as the driver's factorize, the best shown at the end (and
// Step going on from it), the two best restarts' factors for Compare restarts.
import { beforeEach, describe, expect, it } from 'vitest';
import { loadProblem } from '../../src/core/problem.js';
import { lowRank } from '../../src/data/generate.js';
import { Factorization } from '../../src/driver/factorization.js';
import type { RunOptions } from '../../src/driver/options.js';
import { factorize } from '../../src/driver/run.js';
import { createEngineNode } from '../../src/wasm/node.js';
import type { Engine } from '../../src/wasm/engine.js';
import { defaultOptions } from '../state/options.js';
import { Session } from '../worker/session.js';
import { FakeHost } from './fakeHost.js';

// plain anls: extrapolated, seed 6 stops after 11 iterations, inside one of the worker's chunks, and is never shown on its own
const plain = { ...defaultOptions().params, extrapolate: false };
const options: RunOptions = { ...defaultOptions(), rank: 3, maxIter: 60, tol: 1e-5, seed: 5, params: plain };
const SPEC = { kind: 'lowrank', rows: 30, cols: 20, rank: 3, noise: 0.05, seed: 2 } as const;

let engine: Engine;
let host: FakeHost;
let session: Session;

beforeEach(async () => {
  engine = await createEngineNode();
  host = new FakeHost();
  session = new Session(engine, host);
  session.handle({ type: 'load', runId: 1, spec: SPEC });
  session.handle({ type: 'configure', runId: 2, options, restarts: 3 });
});

/** The driver's run of the same data and options with 3 restarts. */
async function driverRun() {
  const e = await createEngineNode();
  return factorize(e, loadProblem(e, lowRank(SPEC)), { ...options, restarts: 3 });
}

/** The history shown of each restart (by seed; the best again at the end), checking each progress appends where the last ended. */
function historiesShown(): { seed: number; history: number[] }[] {
  const out: { seed: number; done: boolean; history: number[] }[] = [];
  for (const p of host.of('progress').filter((m) => m.runId === 2)) {
    const { seed, done } = p.restarts!;
    if (out.at(-1)?.seed !== seed || out.at(-1)?.done !== done) {
      expect(p.from).toBe(0);
      out.push({ seed, done, history: [] });
    }
    const h = out.at(-1)!.history;
    expect(p.from).toBe(h.length);
    h.push(...p.history);
  }
  return out;
}

describe('Session with restarts', () => {
  it('runs seeds 5, 6, 7 in turn, each as the driver does, then shows the best at its stop', async () => {
    expect(host.last('progress')!.restarts).toMatchObject({ total: 3, current: 0, seed: 5, done: false, finished: [], best: -1 });
    session.handle({ type: 'run', runId: 2 });
    host.drain();
    const d = await driverRun();
    const last = host.last('progress')!;
    expect(last.phase).toBe('stopped');
    expect(last.restarts!.finished).toEqual(d.restarts);
    expect(last.restarts).toMatchObject({ total: 3, done: true, seed: d.seed, current: d.seed - 5, best: d.seed - 5 });
    expect(last.iteration).toBe(d.iterations);
    expect(last.relError).toBe(d.relError);
    // each restart was shown from iteration 0 with its own seed, as its own run goes
    const shown = historiesShown();
    expect(shown.map((x) => x.seed)).toEqual([5, 6, 7, d.seed]);
    for (let r = 0; r < 3; r++) {
      const f = new Factorization(engine, loadProblem(engine, lowRank(SPEC)), { ...options, seed: 5 + r, restarts: 1 });
      while (!f.stop) f.step();
      expect(shown[r].history).toEqual(Array.from(f.history.slice(0, shown[r].history.length)));
    }
    // the best comes back with its whole history
    expect(Array.from(shown[3].history)).toEqual(Array.from(d.history));
  });

  it('Step after the last restart goes on from the best, as its uninterrupted run would', async () => {
    session.handle({ type: 'run', runId: 2 });
    host.drain();
    const d = await driverRun();
    session.handle({ type: 'step', runId: 2 });
    const f = new Factorization(engine, loadProblem(engine, lowRank(SPEC)), { ...options, seed: d.seed, restarts: 1 });
    while (!f.stop) f.step();
    f.step();
    expect(host.last('progress')).toMatchObject({ iteration: d.iterations + 1, relError: f.relError, phase: 'stopped' });
  });

  it('Step through a stop moves to the next restart at iteration 0, paused', () => {
    let p = host.last('progress')!;
    while (p.restarts!.current === 0) {
      session.handle({ type: 'step', runId: 2 });
      p = host.last('progress')!;
    }
    expect(p).toMatchObject({ phase: 'paused', iteration: 0, from: 0, history: [], stop: null });
    expect(p.restarts).toMatchObject({ current: 1, seed: 6, best: 0 });
    expect(p.restarts!.finished).toHaveLength(1);
    expect(p.relError).toBe(p.initialRelError);
  });

  it('restartPair: the best and second-best restarts, W (m×k) and H (k×n) as their fits ended', async () => {
    session.handle({ type: 'restartPair', runId: 2, requestId: 9 });
    expect(host.last('restartPair')).toMatchObject({ runId: 2, requestId: 9, best: null, second: null });
    session.handle({ type: 'run', runId: 2 });
    host.drain();
    session.handle({ type: 'restartPair', runId: 2, requestId: 10 });
    const pair = host.last('restartPair')!;
    const d = await driverRun();
    const order = [...d.restarts].sort((a, b) => a.objective - b.objective || a.seed - b.seed);
    for (const [got, want] of [
      [pair.best!, order[0]],
      [pair.second!, order[1]],
    ] as const) {
      expect(got).toMatchObject({ seed: want.seed, relError: want.relError, m: 30, k: 3, n: 20 });
      const f = new Factorization(engine, loadProblem(engine, lowRank(SPEC)), { ...options, seed: want.seed, restarts: 1 });
      while (!f.stop) f.step();
      expect(got.W).toEqual(engine.copyOut(f.W));
      expect(got.H).toEqual(engine.copyOut(f.H));
    }
    expect(pair.best!.W).toEqual(new Float64Array(d.W.data));
    // another run id gets nothing
    session.handle({ type: 'restartPair', runId: 1, requestId: 11 });
    expect(host.last('restartPair')).toMatchObject({ requestId: 11, best: null, second: null });
  });

  it('restarts out of range: optionsInvalid naming restarts', () => {
    session.handle({ type: 'configure', runId: 3, options, restarts: 0 });
    expect(host.last('optionsInvalid')).toEqual({
      type: 'optionsInvalid',
      runId: 3,
      option: 'restarts',
      message: 'restarts 0 must be an integer from 1 to 100',
    });
  });

  it('one restart, or a run resumed from a start, has no restarts in its progress', () => {
    session.handle({ type: 'configure', runId: 3, options });
    expect(host.last('progress')!.restarts).toBeUndefined();
    const W = new Float64Array(30 * 3).fill(0.5);
    const H = new Float64Array(3 * 20).fill(0.5);
    session.handle({ type: 'configure', runId: 4, options, restarts: 3, start: { W, H, iteration: 0, history: [] } });
    expect(host.last('progress')).toMatchObject({ runId: 4, iteration: 0 });
    expect(host.last('progress')!.restarts).toBeUndefined();
  });
});
