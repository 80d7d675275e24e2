// The sizes the worker's Session takes for long-format data held by its entries: 20,000×5,000
// at 1% observed (1,000,000 entries, 10⁸ cells) loads and runs at rank 20 with nothing m×n made
// (wasm memory and all ArrayBuffers stay far below one f64 per cell), while a file with more
// lines than MAX_LONG_ENTRIES, or more cells than a sparse V can index, is refused with its
// message before anything is allocated, and the data before it stays.
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_LONG_ENTRIES, ratingsLongText } from '../../src/data/long.js';
import type { RunOptions } from '../../src/driver/options.js';
import type { Engine } from '../../src/wasm/engine.js';
import { createEngineNode } from '../../src/wasm/node.js';
import { defaultOptions } from '../state/options.js';
import { Session } from '../worker/session.js';
import { FakeHost } from './fakeHost.js';

const m = 20_000;
const n = 5_000;
const perRow = 50; // 1% of n

const options: RunOptions = { ...defaultOptions(), algorithm: 'mu', init: 'random', rank: 20, maxIter: 1000, tol: 0, seed: 1 };
let engine: Engine;
let host: FakeHost;
let session: Session;
let buffersBefore = 0;
beforeAll(async () => {
  engine = await createEngineNode();
  host = new FakeHost();
  session = new Session(engine, host);
  const text = ratingsLongText(m, n, perRow, 2024);
  buffersBefore = process.memoryUsage().arrayBuffers;
  session.handle({ type: 'load', runId: 1, spec: { kind: 'inline', text, fileName: 'ratings-20k.csv' } });
}, 60_000);

describe('long-format data of 20,000×5,000 at 1% observed', () => {
  it('loads held by its 1,000,000 entries and runs mu at rank 20, nothing m×n allocated', () => {
    const loaded = host.last('loaded');
    expect(loaded?.data).toMatchObject({ sparse: true, summary: { rows: m, cols: n, observed: m * perRow, missing: m * n - m * perRow } });
    session.handle({ type: 'configure', runId: 2, options });
    expect(host.of('optionsInvalid')).toEqual([]);
    session.handle({ type: 'step', runId: 2 });
    session.handle({ type: 'snapshot', runId: 2 });
    expect(host.last('progress')).toMatchObject({ runId: 2, iteration: 1, phase: 'paused' });
    expect(host.last('snapshot')!.WH).toMatchObject({ rows: 200, cols: 200, blockRows: 100, blockCols: 25 });
    // one f64 per cell would be 800 MB: the entries (~44 bytes each in both orders), W, H and the workspace take ~55 MB
    expect(engine.used).toBeLessThan(100e6);
    expect(process.memoryUsage().arrayBuffers - buffersBefore).toBeLessThan(100e6);
  });

  it('a file with more lines than MAX_LONG_ENTRIES is refused before parsing; the data loaded before stays', () => {
    const text = `userId,movieId,rating${'\n'.repeat(MAX_LONG_ENTRIES + 1)}`;
    session.handle({ type: 'load', runId: 3, spec: { kind: 'inline', text, fileName: 'huge.csv' } });
    expect(host.last('loadFailed')).toEqual({
      type: 'loadFailed',
      runId: 3,
      message: 'huge.csv: 10,000,002 lines: a long-format file may hold at most 10,000,000 entries',
    });
    session.handle({ type: 'step', runId: 2 });
    expect(host.last('progress')).toMatchObject({ runId: 2, iteration: 2 });
  });

  it('50,000×50,000 (2.5·10⁹ cells) is refused with its size: a sparse V indexes at most 2³¹ − 1 cells', () => {
    const lines = ['row,column,value'];
    for (let i = 0; i < 50_000; i++) lines.push(`r${i},c${i},1`);
    session.handle({ type: 'load', runId: 4, spec: { kind: 'inline', text: lines.join('\n'), fileName: 'wide.csv' } });
    expect(host.last('loadFailed')).toEqual({
      type: 'loadFailed',
      runId: 4,
      message:
        'wide.csv: 50,000×50,000 is more than 2,147,483,647 cells (rows × columns), beyond what a sparse V can index: use fewer rows or columns',
    });
    session.handle({ type: 'step', runId: 2 });
    expect(host.last('progress')).toMatchObject({ runId: 2, iteration: 3 });
  });
});
