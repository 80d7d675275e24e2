// Long-format data too large for a dense copy in the worker's Session: it is held by its entries
// (a SparseProblem, nothing m×n), shown as block means of the observed entries, factorized by
// the sparse solvers, refused with a message by a solver without a sparse form, and its V and
// WH exports are refused with the size, while W and H still export; top predictions come from the worker.
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { MAX_ENTRIES } from '../../src/data/generate.js';
import type { RunOptions } from '../../src/driver/options.js';
import type { Engine } from '../../src/wasm/engine.js';
import { createEngineNode } from '../../src/wasm/node.js';
import { defaultOptions } from '../state/options.js';
import { Session } from '../worker/session.js';
import { FakeHost } from './fakeHost.js';

// 4000×3000 = 1.2e7 cells, over the dense cap, at 0.4% observed (48,000 entries)
const m = 4000;
const n = 3000;
const { text, entries } = (() => {
  const rng = new Rng(7, 0);
  const lines = ['user,item,rating'];
  // entries as [row, column, value] by the matrix's indices: labels are numbered in order of first appearance
  const entries: [number, number, number][] = [];
  const colOf = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const cols = new Set<number>();
    while (cols.size < 12) cols.add(rng.int(n));
    for (const j of cols) {
      const v = 1 + Math.round(4 * rng.next());
      lines.push(`u${i},i${j},${v}`);
      if (!colOf.has(j)) colOf.set(j, colOf.size);
      entries.push([i, colOf.get(j)!, v]);
    }
  }
  if (colOf.size !== n) throw new Error(`the test data has ${colOf.size} columns, not ${n}`);
  return { text: lines.join('\n'), entries };
})();
const spec = { kind: 'inline', text, fileName: 'ratings.csv' } as const;
const options: RunOptions = { ...defaultOptions(), algorithm: 'mu', init: 'random', rank: 5, maxIter: 50, tol: 0, seed: 3 };

let engine: Engine;
let host: FakeHost;
let session: Session;
beforeAll(async () => {
  engine = await createEngineNode();
  host = new FakeHost();
  session = new Session(engine, host);
  session.handle({ type: 'load', runId: 1, spec });
});

describe('a long-format V too large for a dense copy', () => {
  it('is loaded by its entries: no m×n array in wasm memory, a summary of the entries, V as block means', () => {
    expect(m * n).toBeGreaterThan(MAX_ENTRIES);
    const loaded = host.last('loaded')!;
    expect(loaded.data.sparse).toBe(true);
    expect(loaded.data.summary).toMatchObject({ rows: m, cols: n, observed: entries.length, missing: m * n - entries.length });
    expect(engine.used).toBeLessThan(m * n); // far below one f64 per cell (8·m·n bytes)
    const V = loaded.data.V;
    expect([V.rows, V.cols, V.blockRows, V.blockCols]).toEqual([200, 200, 20, 15]);
  });

  it('block means, observed fractions and extremes of V equal those of the dense matrix', () => {
    const { V, observed, extremes } = host.last('loaded')!.data;
    // one cell against the entries directly: rows 20..39, columns 15..29 (cell 1, 1)
    const inCell = entries.filter(([i, j]) => i >= 20 && i < 40 && j >= 15 && j < 30).map(([, , v]) => v);
    const c = 1 * V.cols + 1;
    if (inCell.length) {
      expect(V.data[c]).toBeCloseTo(inCell.reduce((a, b) => a + b, 0) / inCell.length, 12);
      expect(extremes!.min[c]).toBe(Math.min(...inCell));
      expect(extremes!.max[c]).toBe(Math.max(...inCell));
    } else expect(V.data[c]).toBeNaN();
    expect(observed[c]).toBeCloseTo(inCell.length / (20 * 15), 12);
    // and every cell: the total of count × mean is the sum of all entries
    let total = 0;
    for (let t = 0; t < V.data.length; t++) if (observed[t] > 0) total += V.data[t] * observed[t] * 300;
    expect(total).toBeCloseTo(
      entries.reduce((a, [, , v]) => a + v, 0),
      6,
    );
  });

  it('runs a sparse solver (mu), its error falling', () => {
    session.handle({ type: 'configure', runId: 2, options });
    for (let t = 0; t < 5; t++) session.handle({ type: 'step', runId: 2 });
    const p = host.of('progress').filter((x) => x.runId === 2);
    const last = p[p.length - 1];
    expect(last.iteration).toBe(5);
    expect(last.relError).toBeLessThan(last.initialRelError);
    expect(engine.used).toBeLessThan(m * n);
  });

  it('a solver or an init without a sparse form is refused on its field, naming the ones that work; the data stays', () => {
    session.handle({ type: 'configure', runId: 3, options: { ...options, algorithm: 'kl' } });
    expect(host.last('optionsInvalid')).toEqual({
      type: 'optionsInvalid',
      runId: 3,
      option: 'algorithm',
      message: 'kl has no sparse form: on a long-format matrix use one of mu, als, anls, hals, gd, sgd (or a dense table)',
    });
    session.handle({ type: 'configure', runId: 3, options: { ...options, init: 'nndsvd' } });
    expect(host.last('optionsInvalid')).toEqual({
      type: 'optionsInvalid',
      runId: 3,
      option: 'init',
      message: 'init nndsvd needs the dense matrix: on a long-format matrix use random or given',
    });
    expect(host.last('loaded')!.data.summary.observed).toBe(entries.length);
    session.handle({ type: 'configure', runId: 4, options: { ...options, algorithm: 'als' } });
    session.handle({ type: 'step', runId: 4 });
    expect(host.last('progress')).toMatchObject({ runId: 4, iteration: 1 });
  });

  it('V export is refused with its size; WH exports at the observed entries only, in long format; W exports', async () => {
    session.handle({ type: 'export', runId: 4, requestId: 2, what: 'V' });
    expect(host.last('exportFailed')!.message).toBe(
      `V is held by its ${entries.length.toLocaleString('en-US')} observed entries (4,000×3,000 in all): it is the file you loaded.`,
    );
    session.handle({ type: 'export', runId: 4, requestId: 1, what: 'WH' });
    const wh = host.last('exported')!;
    expect(wh).toMatchObject({ runId: 4, requestId: 1, iteration: 1, fileName: 'ratings-4000x3000_als_k5_it1_WH-observed.csv' });
    const lines = (await wh.blob.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(1 + entries.length);
    expect(lines[0]).toBe('row,column,WH');
    // the first entry of row 0 (its smallest column index) against W·H from the full factors
    session.handle({ type: 'factors', runId: 4, requestId: 9 });
    const { W, H, k } = host.last('factors')!;
    const [, j0] = entries.filter(([i]) => i === 0).sort((a, b) => a[1] - b[1])[0];
    let x = 0;
    for (let a = 0; a < k; a++) x += W[a] * H[a * n + j0];
    const [row, col, value] = lines[1].split(',');
    expect(row).toBe('u0');
    expect(col).toMatch(/^i\d+$/);
    expect(Number(value)).toBe(x);
    session.handle({ type: 'export', runId: 4, requestId: 3, what: 'W' });
    expect(host.last('exported')).toMatchObject({ runId: 4, requestId: 3, iteration: 1 });
  });

  it('the top predictions of a row are ranked in the worker among the columns it has not rated', () => {
    session.handle({ type: 'predict', runId: 4, requestId: 9, row: 7, count: 5 });
    const p = host.last('predictions')!;
    expect(p).toMatchObject({ runId: 4, requestId: 9, iteration: 1 });
    const { result } = p;
    expect(result.rowLabel).toBe('u7');
    expect(result.unrated).toBe(n - 12);
    expect(result.items).toHaveLength(5);
    const rated = new Set(entries.filter(([i]) => i === 7).map(([, j]) => j));
    for (const item of result.items) expect(rated.has(item.column)).toBe(false);
    for (let t = 1; t < 5; t++) expect(result.items[t - 1].predicted).toBeGreaterThanOrEqual(result.items[t].predicted);
    session.handle({ type: 'predict', runId: 4, requestId: 10, row: m, count: 5 });
    expect(host.last('exportFailed')).toMatchObject({ requestId: 10, message: `row ${m + 1} is out of range: V has rows 1 to ${m}` });
  });

  it('a snapshot carries block means of W, H and WH, the residual at the observed entries, and no extremes of WH (they would need every entry)', () => {
    session.handle({ type: 'snapshot', runId: 4 });
    const s = host.last('snapshot')!;
    expect([s.WH.rows, s.WH.cols, s.WH.sourceRows, s.WH.sourceCols]).toEqual([200, 200, m, n]);
    expect(s.extremes).toBeNull();
    // the residual of cell (1, 1) against its entries (rows 20..39, columns 15..29) and the full factors
    const { W: Wf, H: Hf, k: kf } = host.last('factors')!;
    const res = entries
      .filter(([i, j]) => i >= 20 && i < 40 && j >= 15 && j < 30)
      .map(([i, j, v]) => v - Array.from({ length: kf }, (_, a) => Wf[i * kf + a] * Hf[a * n + j]).reduce((x, y) => x + y, 0));
    const c = 200 + 1;
    expect(res.length).toBeGreaterThan(0);
    expect(s.residual!.means[c]).toBeCloseTo(res.reduce((x, y) => x + y, 0) / res.length, 12);
    expect(s.residual!.extremes.min[c]).toBeCloseTo(Math.min(...res), 12);
    expect(s.residual!.extremes.max[c]).toBeCloseTo(Math.max(...res), 12);
    // each cell the mean of W·H over its 20×15 block, from the full factors
    const { W, H, k } = host.last('factors')!;
    let worst = 0;
    for (let I = 0; I < 200; I++) {
      for (let J = 0; J < 200; J++) {
        let sum = 0;
        for (let i = 20 * I; i < 20 * I + 20; i++)
          for (let j = 15 * J; j < 15 * J + 15; j++) for (let a = 0; a < k; a++) sum += W[i * k + a] * H[a * n + j];
        worst = Math.max(worst, Math.abs(s.WH.data[I * 200 + J] - sum / 300));
      }
    }
    expect(worst).toBeLessThan(1e-12);
  });
});
