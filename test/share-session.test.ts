// The worker's share and export messages, driven in Node with the real engine: a configure with
// runTo lands on exactly the numbers of the run it reproduces, and exports are the full matrices,
// written like the CLI's --out files.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeOutputs } from '../src/cli/io.js';
import { loadProblem } from '../src/core/problem.js';
import { toCsv } from '../src/data/csv-write.js';
import { factorLabels } from '../src/data/results.js';
import { ratings } from '../src/data/generate.js';
import { Factorization } from '../src/driver/factorization.js';
import { createEngineNode } from '../src/wasm/node.js';
import { defaultOptions } from '../web/state/options.js';
import type { FromWorker, Progress } from '../web/shared/protocol.js';
import type { DataSpec } from '../src/data/spec.js';
import type { RunOptions } from '../src/driver/options.js';
import { Session } from '../web/worker/session.js';
import { FakeHost } from '../web/test/fakeHost.js';

const SPEC: DataSpec = { kind: 'ratings', rows: 30, cols: 20, rank: 3, density: 0.4, seed: 2 };
const DATA = ratings({ rows: 30, cols: 20, rank: 3, density: 0.4, seed: 2 });
const options: RunOptions = {
  ...defaultOptions(),
  algorithm: 'mu',
  params: { ...defaultOptions().params },
  rank: 3,
  maxIter: 10,
  tol: 0,
  seed: 5,
};

let host: FakeHost;
let session: Session;

beforeEach(async () => {
  host = new FakeHost();
  session = new Session(await createEngineNode(), host);
  session.handle({ type: 'load', runId: 1, spec: SPEC });
});

/** W, H and the history of the same run in Node after `steps` iterations. */
async function nodeRun(steps: number, o: RunOptions = options) {
  const engine = await createEngineNode();
  const f = new Factorization(engine, loadProblem(engine, DATA), { ...o, restarts: 1 });
  for (let i = 0; i < steps; i++) f.step();
  return { W: engine.copyOut(f.W), H: engine.copyOut(f.H), history: Array.from(f.history), stop: f.stop };
}

/** The text of an exported file (and its iteration), asked for now. */
async function exported(runId: number, what: 'W' | 'H' | 'WH' | 'history', requestId = 7): Promise<{ text: string; iteration: number }> {
  session.handle({ type: 'export', runId, requestId, what });
  const m = host.posted.at(-1) as Extract<FromWorker, { type: 'exported' }>;
  // named by data, algorithm, rank and iteration: "ratings-30x20_mu_k3_it4_W.csv"
  const name = new RegExp(`^[A-Za-z0-9.-]+-\\d+x\\d+_[a-z]+_k\\d+_it${m.iteration}_${what}\\.csv$`);
  expect(m).toMatchObject({ type: 'exported', runId, requestId, fileName: expect.stringMatching(name) });
  return { text: await m.blob.text(), iteration: m.iteration };
}

function progressOf(runId: number): Progress[] {
  return host.of('progress').filter((p) => p.runId === runId);
}

describe('configure with runTo (opening a shared link)', () => {
  it('runs to the iteration and pauses there, with the same numbers as stepping there', async () => {
    session.handle({ type: 'configure', runId: 2, options, runTo: 7 });
    expect(host.last('progress')).toMatchObject({ phase: 'running', iteration: 0 });
    host.drain();
    const last = host.last('progress')!;
    expect(last).toMatchObject({ phase: 'paused', iteration: 7, stop: null });
    const node = await nodeRun(7);
    expect(progressOf(2).flatMap((p) => p.history)).toEqual(node.history);
    expect((await exported(2, 'W')).text).toBe(toCsv({ rows: 30, cols: 3, data: node.W }, { rows: DATA.rowLabels, cols: factorLabels(3) }));
  });

  it('goes through a stop as Step does and stops at the iteration when a rule fires there', async () => {
    session.handle({ type: 'configure', runId: 2, options, runTo: 13 }); // maxIter 10
    host.drain();
    expect(host.last('progress')).toMatchObject({ phase: 'stopped', iteration: 13, stop: { reason: 'max-iter', iteration: 13 } });
    const node = await nodeRun(13);
    expect(progressOf(2).flatMap((p) => p.history)).toEqual(node.history);
  });

  it('runs at full speed whatever the speed setting', () => {
    session.handle({ type: 'speed', runId: 0, speed: 2 });
    session.handle({ type: 'configure', runId: 2, options: { ...options, maxIter: 500 }, runTo: 400 });
    const t0 = host.t;
    host.drain();
    expect(host.last('progress')).toMatchObject({ phase: 'paused', iteration: 400 });
    expect(host.t - t0).toBeLessThan(10_000); // at 2 iterations/s, 400 would take 200 000 virtual ms
  });

  it('stops running to the iteration on Pause; Run then goes on to the usual stop', () => {
    session.handle({ type: 'configure', runId: 2, options: { ...options, maxIter: 50 }, runTo: 40 });
    host.runNext();
    session.handle({ type: 'pause', runId: 2 });
    const paused = host.last('progress')!;
    expect(paused.phase).toBe('paused');
    expect(paused.iteration).toBeLessThan(40);
    host.drain();
    expect(host.last('progress')!.iteration).toBe(paused.iteration);
    session.handle({ type: 'run', runId: 2 });
    host.drain();
    expect(host.last('progress')).toMatchObject({ phase: 'stopped', iteration: 50 });
  });

  it('without runTo, configure stays at iteration 0 as before', () => {
    session.handle({ type: 'configure', runId: 2, options });
    host.drain();
    expect(host.last('progress')).toMatchObject({ phase: 'ready', iteration: 0 });
  });
});

describe('export', () => {
  beforeEach(() => {
    session.handle({ type: 'configure', runId: 2, options });
    for (let i = 0; i < 4; i++) session.handle({ type: 'step', runId: 2 });
  });

  it('sends W, H, WH and the history byte for byte as the CLI writes them for the same run', async () => {
    const node = await nodeRun(4);
    const dir = mkdtempSync(join(tmpdir(), 'nmf-export-'));
    try {
      writeOutputs(dir, DATA, { rows: 30, cols: 3, data: node.W }, { rows: 3, cols: 20, data: node.H }, node.history);
      for (const what of ['W', 'H', 'WH'] as const) {
        const file = await exported(2, what);
        expect(file.iteration).toBe(4);
        expect(file.text).toBe(readFileSync(join(dir, `${what}.csv`), 'utf8'));
      }
      // the app's history also starts at iteration 0 and gives the seconds: its iteration and relError columns are the CLI's
      const history = (await exported(2, 'history')).text.trimEnd().split('\n');
      expect(history[0]).toBe('iteration,relError,seconds');
      expect(history[1]).toMatch(/^0,[0-9.e-]+,0$/);
      const cli = readFileSync(join(dir, 'history.csv'), 'utf8').trimEnd().split('\n');
      expect(history.slice(2).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(cli.slice(1));
      for (const l of history.slice(2)) expect(Number(l.split(',')[2])).toBeGreaterThanOrEqual(0);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('writes labels and every digit: W.csv parses back to exactly the factor', async () => {
    const { text } = await exported(2, 'W');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(',factor 1,factor 2,factor 3');
    expect(lines).toHaveLength(31);
    expect(lines[1].startsWith('user 1,')).toBe(true);
    const node = await nodeRun(4);
    const values = lines.slice(1).flatMap((l) => l.split(',').slice(1).map(Number));
    expect(values).toEqual(Array.from(node.W));
  });

  it('neutralizes labels a spreadsheet would run as formulas, and keeps negative numbers numbers', async () => {
    const text = 'id,"=HYPERLINK(""http://x"")",+cmd,plain\n@SUM(A1),1,2,3\n-x,4,5,6\n=1+2,7,8,9\nok,1,1,2\n';
    session.handle({ type: 'load', runId: 3, spec: { kind: 'inline', text, fileName: 'crafted.csv' } });
    session.handle({
      type: 'configure',
      runId: 4,
      options: { ...options, algorithm: 'gd', init: 'nndsvd', rank: 2, params: { ...options.params, project: false } },
    });
    for (let i = 0; i < 3; i++) session.handle({ type: 'step', runId: 4 });
    const W = (await exported(4, 'W')).text.split('\n');
    expect(W[0]).toBe(',factor 1,factor 2');
    expect(W.slice(1, 5).map((l) => l.split(',')[0])).toEqual(["'@SUM(A1)", "'-x", "'=1+2", 'ok']);
    const H = (await exported(4, 'H')).text.split('\n');
    expect(H[0]).toBe(`,"'=HYPERLINK(""http://x"")",'+cmd,plain`);
    const WH = (await exported(4, 'WH')).text.split('\n');
    expect(WH[0]).toBe(H[0]);
    expect(WH[1].startsWith("'@SUM(A1),")).toBe(true);
    // Without projection gd leaves negative entries in W: they stay numbers, not text.
    const numbers = W.slice(1, 5).flatMap((l) => l.split(',').slice(1));
    expect(numbers.every((c) => /^-?\d/.test(c) && Number.isFinite(Number(c)))).toBe(true);
    expect(numbers.some((c) => c.startsWith('-'))).toBe(true); // this run leaves a negative entry in W
  });

  it('answers a request for another run with exportFailed, naming the request', () => {
    session.handle({ type: 'export', runId: 1, requestId: 9, what: 'H' });
    expect(host.posted.at(-1)).toEqual({
      type: 'exportFailed',
      runId: 1,
      requestId: 9,
      message: 'There is no result to export: the run changed or has not started. Try again.',
    });
  });
});
