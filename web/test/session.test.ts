// The worker's Session driven in Node with the real wasm engine and a virtual clock: run ids,
// exact steps, pauses between slices, stale messages, bad data, snapshots, determinism.
import { beforeEach, describe, expect, it } from 'vitest';
import { loadProblem } from '../../src/core/problem.js';
import { lowRank } from '../../src/data/generate.js';
import { Factorization } from '../../src/driver/factorization.js';
import { OutOfMemoryError } from '../../src/wasm/engine.js';
import { createEngineNode } from '../../src/wasm/node.js';
import { defaultOptions } from '../state/options.js';
import type { Progress } from '../shared/protocol.js';
import type { RunOptions } from '../../src/driver/options.js';
import { PROGRESS_GAP_MS } from '../worker/pace.js';
import { Session } from '../worker/session.js';
import { FakeHost } from './fakeHost.js';

const options: RunOptions = { ...defaultOptions(), rank: 3, maxIter: 50, tol: 0, seed: 5 };
const SPEC = { kind: 'lowrank', rows: 30, cols: 20, rank: 3, noise: 0.01, seed: 2 } as const;

let host: FakeHost;
let session: Session;

beforeEach(async () => {
  host = new FakeHost();
  session = new Session(await createEngineNode(), host);
  session.handle({ type: 'load', runId: 1, spec: SPEC });
  session.handle({ type: 'configure', runId: 2, options });
});

/** Every history point sent for `runId`, checking that each message appends where the last ended. */
function historyOf(runId: number): number[] {
  const h: number[] = [];
  for (const p of host.of('progress').filter((m) => m.runId === runId)) {
    expect(p.from).toBe(h.length);
    h.push(...p.history);
  }
  return h;
}

describe('Session', () => {
  it('a run too large for memory is refused on rank, and the data stays to run again', async () => {
    const engine = await createEngineNode();
    const s = new Session(engine, host);
    s.handle({ type: 'load', runId: 10, spec: SPEC });
    const grow = engine.allocBytes.bind(engine);
    engine.allocBytes = (bytes: number) => {
      if (bytes > 400) throw new OutOfMemoryError('out of memory: cannot grow WebAssembly memory to 4096 MiB');
      return grow(bytes);
    };
    s.handle({ type: 'configure', runId: 11, options });
    expect(host.last('optionsInvalid')).toEqual({
      type: 'optionsInvalid',
      runId: 11,
      option: 'rank',
      message:
        'Not enough memory for rank 3 on this matrix (out of memory: cannot grow WebAssembly memory to 4096 MiB). The data is kept: try a lower rank.',
    });
    engine.allocBytes = grow;
    s.handle({ type: 'configure', runId: 12, options });
    expect(host.last('progress')).toMatchObject({ runId: 12, phase: 'ready', iteration: 0 });
    s.handle({ type: 'step', runId: 12 });
    expect(host.last('progress')).toMatchObject({ runId: 12, iteration: 1 });
  });

  it('a run too much work for one iteration is refused on rank before anything is allocated', async () => {
    const engine = await createEngineNode();
    const s = new Session(engine, host);
    s.handle({ type: 'load', runId: 10, spec: { kind: 'uniform', rows: 1500, cols: 1500, seed: 1 } });
    const used = engine.used;
    s.handle({ type: 'configure', runId: 11, options: { ...options, rank: 1500 } });
    expect(host.last('optionsInvalid')).toMatchObject({ runId: 11, option: 'rank' });
    expect(host.last('optionsInvalid')!.message).toMatch(/^rank 1500 on a 1500×1500 matrix is too much work: one iteration of anls/);
    expect(engine.used).toBe(used);
  });

  it('answers load with the data summary and configure with iteration 0 at the initial error', () => {
    const loaded = host.last('loaded')!;
    expect(loaded.runId).toBe(1);
    expect(loaded.data.summary).toMatchObject({ rows: 30, cols: 20, observed: 600, missing: 0 });
    expect(loaded.data.V).toMatchObject({ rows: 30, cols: 20, blockRows: 1, blockCols: 1 });
    const p = host.last('progress')!;
    expect(p).toMatchObject({ runId: 2, phase: 'ready', iteration: 0, from: 0, history: [], stop: null });
    expect(p.relError).toBe(p.initialRelError);
  });

  it('Step does exactly one iteration each time', () => {
    for (let i = 1; i <= 3; i++) {
      session.handle({ type: 'step', runId: 2 });
      expect(host.last('progress')).toMatchObject({ phase: 'paused', iteration: i, from: i - 1 });
      expect(host.last('progress')!.history).toHaveLength(1);
    }
    expect(host.pending).toBe(0);
  });

  it('Run iterates in slices to the stop, the history arriving append-only and complete', () => {
    session.handle({ type: 'run', runId: 2 });
    host.drain();
    const last = host.last('progress')!;
    expect(last).toMatchObject({ phase: 'stopped', iteration: 50 });
    expect(last.stop?.reason).toBe('max-iter');
    const sent = historyOf(2);
    expect(sent).toHaveLength(50);
    // More than one slice (progress goes at most every PROGRESS_GAP_MS of virtual time).
    expect(host.of('progress').filter((p) => p.phase === 'running').length).toBeGreaterThan(1);
  });

  it("at full speed progress goes at most every PROGRESS_GAP_MS (Run's answer included), and the halt at once", () => {
    const at: number[] = [];
    const post = host.post.bind(host);
    host.post = (msg, transfer) => {
      if (msg.type === 'progress' && msg.phase === 'running') at.push(host.t);
      post(msg, transfer);
    };
    session.handle({ type: 'run', runId: 2 });
    host.drain();
    expect(at.length).toBeGreaterThan(1);
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(PROGRESS_GAP_MS);
    // 10 updates a second (DESIGN.md's floor for the plots): fewer messages leave more of two cores to the pool
    expect(PROGRESS_GAP_MS).toBe(100);
    expect(host.last('progress')).toMatchObject({ phase: 'stopped', iteration: 50 });
    expect(historyOf(2)).toHaveLength(50);
  });

  it('follows the same trajectory as the driver run directly (same data, options, seed)', async () => {
    session.handle({ type: 'run', runId: 2 });
    host.drain();
    const engine = await createEngineNode();
    const f = new Factorization(engine, loadProblem(engine, lowRank(SPEC)), { ...options, restarts: 1 });
    while (!f.stop) f.step();
    expect(historyOf(2)).toEqual(Array.from(f.history));
  });

  it('Pause between slices stops the run: the tick already scheduled does nothing', () => {
    session.handle({ type: 'run', runId: 2 });
    while (host.last('progress')!.iteration === 0) expect(host.runNext()).toBe(true);
    const at = host.last('progress')!.iteration;
    session.handle({ type: 'pause', runId: 2 });
    expect(host.last('progress')).toMatchObject({ phase: 'paused', iteration: at });
    const count = host.posted.length;
    host.drain();
    expect(host.posted.length).toBe(count);
  });

  /** Runs slices until the worker has stepped past the last progress it posted (the page still shows that one); returns it. */
  function aheadOfPage(): Progress {
    session.handle({ type: 'run', runId: 2 });
    for (;;) {
      const count = host.posted.length;
      host.runNext();
      const shown = host.last('progress')!;
      if (host.posted.length === count && shown.iteration > 0) return shown;
    }
  }

  it('Pause at the iteration the page shows takes back the steps after it; the run then goes on as uninterrupted', async () => {
    const shown = aheadOfPage();
    session.handle({ type: 'pause', runId: 2, at: shown.iteration });
    expect(host.last('progress')).toMatchObject({ phase: 'paused', iteration: shown.iteration, from: shown.iteration, history: [] });
    session.handle({ type: 'run', runId: 2 });
    host.drain();
    // the history as the page keeps it: each message's points from its `from`
    const h: number[] = [];
    for (const p of host.of('progress').filter((m) => m.runId === 2)) {
      h.length = p.from;
      h.push(...p.history);
    }
    const engine = await createEngineNode();
    const f = new Factorization(engine, loadProblem(engine, lowRank(SPEC)), { ...options, restarts: 1 });
    while (!f.stop) f.step();
    expect(h).toEqual(Array.from(f.history));
  });

  it('Pause at an iteration the worker did not mark is not taken back: paused where the worker is, history again from the Pause', () => {
    const shown = aheadOfPage();
    session.handle({ type: 'pause', runId: 2, at: shown.iteration - 1 });
    const p = host.last('progress')!;
    expect(p).toMatchObject({ phase: 'paused', from: shown.iteration - 1 });
    expect(p.iteration).toBeGreaterThan(shown.iteration);
    expect(p.history).toHaveLength(p.iteration - shown.iteration + 1);
  });

  it('ignores control messages of an older run', () => {
    session.handle({ type: 'configure', runId: 3, options });
    const count = host.posted.length;
    session.handle({ type: 'step', runId: 2 });
    session.handle({ type: 'run', runId: 2 });
    host.drain();
    expect(host.posted.length).toBe(count);
    session.handle({ type: 'step', runId: 3 });
    expect(host.last('progress')).toMatchObject({ runId: 3, iteration: 1 });
  });

  it('a new configure while running stops the old run; nothing more is posted for it', () => {
    session.handle({ type: 'run', runId: 2 });
    host.runNext();
    session.handle({ type: 'configure', runId: 3, options: { ...options, rank: 2 } });
    const n = host.of('progress').length;
    host.drain();
    expect(
      host
        .of('progress')
        .slice(n)
        .every((p) => p.runId === 3),
    ).toBe(true);
    expect(host.last('progress')).toMatchObject({ runId: 3, phase: 'ready', iteration: 0 });
  });

  it('bad text: loadFailed with the row and column; the previous matrix and run stay', () => {
    session.handle({ type: 'step', runId: 2 });
    session.handle({ type: 'load', runId: 3, spec: { kind: 'inline', text: 'a,b\n1,2\n3,x\n', fileName: 'bad.csv' } });
    const failed = host.last('loadFailed')!;
    expect(failed.runId).toBe(3);
    expect(failed.message).toBe("bad.csv: row 3, column 2: 'x' is not a number");
    session.handle({ type: 'step', runId: 2 });
    expect(host.last('progress')).toMatchObject({ runId: 2, iteration: 2 });
  });

  it('a load while running pauses the run first', () => {
    session.handle({ type: 'run', runId: 2 });
    host.runNext();
    session.handle({ type: 'load', runId: 3, spec: { kind: 'example', id: 'tutorial' } });
    const paused = host
      .of('progress')
      .filter((p) => p.runId === 2)
      .at(-1)!;
    expect(paused.phase).toBe('paused');
    expect(host.last('loaded')).toMatchObject({ runId: 3, data: { summary: { rows: 5, cols: 6 } } });
  });

  it('options the data cannot take: optionsInvalid naming the option, and Run does nothing', () => {
    session.handle({ type: 'configure', runId: 3, options: { ...options, rank: 21 } });
    const bad = host.last('optionsInvalid')!;
    expect(bad).toMatchObject({ runId: 3, option: 'rank' });
    expect(bad.message).toContain('min(m, n) = 20');
    const n = host.posted.length;
    session.handle({ type: 'run', runId: 3 });
    expect(host.posted.length).toBe(n);
  });

  it('runs at the asked speed: about 10 iterations in a second of virtual time at 10/s', () => {
    session.handle({ type: 'speed', runId: 2, speed: 10 });
    session.handle({ type: 'run', runId: 2 });
    while (host.t < 1000 && host.runNext());
    const it = host.last('progress')!.iteration;
    expect(it).toBeGreaterThanOrEqual(9);
    expect(it).toBeLessThanOrEqual(12);
  });

  it('at a slow speed every progress carries exactly one new iteration, even when the worker falls behind', () => {
    session.handle({ type: 'speed', runId: 2, speed: 2 });
    session.handle({ type: 'run', runId: 2 });
    host.runNext();
    host.t += 1200; // a stall: the worker was busy elsewhere for 1.2 s
    while (host.t < 8000 && host.runNext());
    const running = host.of('progress').filter((p) => p.runId === 2 && p.phase === 'running' && p.history.length > 0);
    expect(running.length).toBeGreaterThan(5);
    expect(running.every((p) => p.history.length === 1)).toBe(true);
  });

  it('snapshot: W (m×k), H (k×n) and WH = W·H, sent as transferable buffers', () => {
    session.handle({ type: 'step', runId: 2 });
    session.handle({ type: 'snapshot', runId: 2 });
    const s = host.last('snapshot')!;
    expect(s).toMatchObject({ runId: 2, iteration: 1 });
    expect([s.W.rows, s.W.cols, s.H.rows, s.H.cols, s.WH.rows, s.WH.cols]).toEqual([30, 3, 3, 20, 30, 20]);
    for (const [i, j] of [
      [0, 0],
      [7, 13],
      [29, 19],
    ]) {
      let x = 0;
      for (let p = 0; p < 3; p++) x += s.W.data[i * 3 + p] * s.H.data[p * 20 + j];
      expect(s.WH.data[i * 20 + j]).toBeCloseTo(x, 12);
    }
    expect(host.transfers.at(-1)).toHaveLength(3);
  });

  it('a snapshot asked for while running comes after the next slice, once', () => {
    session.handle({ type: 'run', runId: 2 });
    session.handle({ type: 'snapshot', runId: 2 });
    expect(host.of('snapshot')).toHaveLength(0);
    host.drain();
    expect(host.of('snapshot')).toHaveLength(1);
  });

  it('answers ping with pong', () => {
    session.handle({ type: 'ping', runId: 0 });
    expect(host.posted.at(-1)).toEqual({ type: 'pong', runId: 0 });
  });

  it('reports iterations per second while running and 0 once stopped', () => {
    session.handle({ type: 'run', runId: 2 });
    host.drain();
    const running = host.of('progress').filter((p: Progress) => p.phase === 'running');
    expect(running.at(-1)!.itersPerSec).toBeGreaterThan(0);
    expect(host.last('progress')!.itersPerSec).toBe(0);
  });
});

describe('Session: resuming a run (configure with start) and the factors message', () => {
  /** The factors of run `runId` as the worker sends them for saving. */
  function factorsOf(runId: number, requestId = 9) {
    session.handle({ type: 'factors', runId, requestId });
    const f = host.last('factors')!;
    expect(f).toMatchObject({ type: 'factors', runId, requestId, m: 30, k: 3, n: 20 });
    return f;
  }

  it('factors: the full W, H, history and counters, transferred; a configure with them resumes where the run was', () => {
    for (let i = 0; i < 7; i++) session.handle({ type: 'step', runId: 2 });
    const saved = factorsOf(2);
    expect(saved.iteration).toBe(7);
    expect(Array.from(saved.history)).toEqual(historyOf(2));
    expect(saved.W).toHaveLength(90);
    // anls extrapolates by default: its own state (Wy, the plain H, β, β̄) goes with W and H
    expect(saved.solverState).toHaveLength(4 + 90 + 60);
    expect(host.transfers.at(-1)).toEqual([saved.W.buffer, saved.H.buffer, saved.solverState!.buffer]);

    // the uninterrupted run to 20, then the same run resumed at 7 and run to 20 in run 3
    for (let i = 7; i < 20; i++) session.handle({ type: 'step', runId: 2 });
    const straight = factorsOf(2);
    session.handle({ type: 'configure', runId: 3, options, start: saved });
    expect(host.last('progress')).toMatchObject({ runId: 3, phase: 'paused', iteration: 7, from: 0, history: saved.history });
    for (let i = 7; i < 20; i++) session.handle({ type: 'step', runId: 3 });
    const resumed = factorsOf(3);
    expect(resumed.history).toEqual(straight.history);
    expect(resumed.W).toEqual(straight.W);
    expect(resumed.H).toEqual(straight.H);
  });

  it('a start that had stopped resumes stopped: Run does not iterate', () => {
    session.handle({ type: 'run', runId: 2 });
    host.drain();
    const saved = factorsOf(2);
    expect(saved.stop?.reason).toBe('max-iter');
    session.handle({ type: 'configure', runId: 3, options, start: saved });
    expect(host.last('progress')).toMatchObject({ runId: 3, phase: 'stopped', iteration: 50, stop: saved.stop });
    session.handle({ type: 'run', runId: 3 });
    host.drain();
    expect(host.last('progress')).toMatchObject({ runId: 3, phase: 'stopped', iteration: 50 });
  });

  it('a start of another shape: startRefused saying why, and the run starts from its options at iteration 0', () => {
    session.handle({ type: 'step', runId: 2 });
    const saved = factorsOf(2);
    session.handle({ type: 'configure', runId: 3, options: { ...options, rank: 2 }, start: saved });
    expect(host.last('startRefused')).toEqual({
      type: 'startRefused',
      runId: 3,
      message: 'the saved W has 90 entries, expected 30×2 = 60',
    });
    expect(host.last('progress')).toMatchObject({ runId: 3, phase: 'ready', iteration: 0, history: [] });
    session.handle({ type: 'step', runId: 3 });
    expect(host.last('progress')).toMatchObject({ runId: 3, iteration: 1 });
  });

  it('factors for a run that is not the current one: exportFailed', () => {
    session.handle({ type: 'factors', runId: 1, requestId: 4 });
    expect(host.last('exportFailed')).toMatchObject({ runId: 1, requestId: 4 });
  });
});
