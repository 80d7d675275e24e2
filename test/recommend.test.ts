// Ratings → recommendations: the Top predictions ranking and the held-out error of predictions.
import { describe, expect, it } from 'vitest';
import { dense } from '../src/core/matrix.js';
import type { DataMatrix } from '../src/core/problem.js';
import { exampleInfo } from '../src/data/examples.js';
import { predictionHeldOutError } from '../src/data/recommend-holdout.js';
import { predictedRange, topPredictions } from '../src/data/recommend.js';
import { DEFAULT_OPTIONS, solverParams, type FactorOptions } from '../src/driver/options.js';
import { splitHoldout } from '../src/rank/holdout.js';
import { createEngineNode } from '../src/wasm/node.js';

const N = NaN;

// V 2×5: user 1 rated items 1 and 4; user 2 rated everything.
const V: DataMatrix = {
  rows: 2,
  cols: 5,
  values: Float64Array.from([5, N, N, 1, N, 1, 2, 3, 4, 5]),
  rowLabels: ['ann', 'bob'],
  colLabels: ['tea', 'jam', 'figs', 'rye', 'oats'],
};
// W 2×2, H 2×5: WH row 1 = [9, 3, 0.25, 7, 3] (items 1 and 4 highest but rated; jam and oats tie)
const W = dense(2, 2, [1, 1, 0.5, 0.5]);
const H = dense(2, 5, [4, 1, 0.25, 3, 2, 5, 2, 0, 4, 1]);

describe('topPredictions', () => {
  it('ranks the unrated columns by WH, highest first, equal values in column order, rated ones left out', () => {
    const top = topPredictions(V, W, H, 0, 10);
    expect(top.rowLabel).toBe('ann');
    expect(top.unrated).toBe(3);
    expect(top.items.map((p) => [p.column, p.label, p.predicted])).toEqual([
      [1, 'jam', 3],
      [4, 'oats', 3],
      [2, 'figs', 0.25],
    ]);
    expect(top.message).toBeNull();
  });

  it('returns at most `count` items', () => {
    expect(topPredictions(V, W, H, 0, 1).items.map((p) => p.label)).toEqual(['jam']);
  });

  it('clips the shown value to the observed range and says so', () => {
    const top = topPredictions(V, W, H, 0, 3);
    expect(top.range).toEqual({ min: 1, max: 5 });
    expect(top.items.map((p) => [p.shown, p.clipped])).toEqual([
      [3, false],
      [3, false],
      [1, true],
    ]);
    const high = topPredictions(V, dense(2, 2, [2, 2, 1, 1]), H, 0, 1).items[0];
    expect([high.predicted, high.shown, high.clipped]).toEqual([6, 5, true]);
  });

  it('a row that rated everything gets no items and a message', () => {
    const top = topPredictions(V, W, H, 1, 5);
    expect(top.items).toEqual([]);
    expect(top.unrated).toBe(0);
    expect(top.message).toBe('bob has rated every column: nothing to predict');
  });

  it('labels columns and rows by number when V has no labels', () => {
    const bare = { rows: 2, cols: 5, values: V.values };
    const top = topPredictions(bare, W, H, 0, 1);
    expect([top.rowLabel, top.items[0].label]).toEqual(['row 1', 'column 2']);
  });

  it('says what is wrong with the row, the count or the factors', () => {
    expect(() => topPredictions(V, W, H, 2, 3)).toThrow('row 3 is out of range: V has rows 1 to 2');
    expect(() => topPredictions(V, W, H, 0, 0)).toThrow('count 0 must be an integer ≥ 1');
    expect(() => topPredictions(V, dense(1, 2, [1, 1]), H, 0, 1)).toThrow('topPredictions: W 1×2 and H 2×5 do not fit V 2×5');
  });
});

describe('predictedRange', () => {
  it('is the range of WH over the missing entries only', () => {
    // WH = [9, 3, 0.25, 7, 3; 4.5, 1.5, 0.125, 3.5, 1.5]: missing are (0,1), (0,2), (0,4)
    expect(predictedRange(V.values, W, H)).toEqual({ min: 0.25, max: 3 });
    expect(predictedRange(Float64Array.from([1, 2, 3, 4, 5, 1, 2, 3, 4, 5]), W, H)).toBeNull();
  });
});

describe('predictionHeldOutError', () => {
  const data = exampleInfo('ratings').make();
  const options: FactorOptions = { ...DEFAULT_OPTIONS, algorithm: 'hals', rank: 3, seed: 5, params: solverParams('hals') };

  it('is deterministic, leaves the arena as it was, and beats predicting the training mean', async () => {
    const engine = await createEngineNode();
    const used = engine.used;
    const a = predictionHeldOutError(engine, data, options, 0.2);
    expect(engine.used).toBe(used);
    const b = predictionHeldOutError(engine, data, options, 0.2);
    expect(b).toEqual(a);

    const split = splitHoldout(data, 0.2, options.seed);
    expect(a.heldOut).toBe(split.heldOut.length);
    const train = Array.from(split.train.values).filter((x) => !Number.isNaN(x));
    const mean = train.reduce((s, x) => s + x, 0) / train.length;
    const baseline = Math.sqrt(Array.from(split.heldOut).reduce((s, t) => s + (data.values[t] - mean) ** 2, 0) / split.heldOut.length);
    expect(a.rmse).toBeLessThan(baseline);
    expect(a.rmseClipped).toBeLessThanOrEqual(a.rmse);
    expect(a.relError).toBeGreaterThan(0);
    expect(a.mae).toBeLessThanOrEqual(a.rmse);
    // the fit error on the kept ratings is smaller than the error on the hidden ones (it was fitted to them)
    expect(a.fitError).toBeGreaterThan(0);
    expect(a.fitError).toBeLessThan(a.relError);
    expect(predictionHeldOutError(engine, data, { ...options, seed: 6 }, 0.2)).not.toEqual(a);
  });

  it('says when the fraction is wrong or nothing can be held out', async () => {
    const engine = await createEngineNode();
    expect(() => predictionHeldOutError(engine, data, options, 1)).toThrow('held-out fraction 1 must be between 0 and 1');
    const diagonal: DataMatrix = { rows: 2, cols: 2, values: Float64Array.from([4, N, N, 2]), name: 'two.csv' };
    expect(() => predictionHeldOutError(engine, diagonal, { ...options, rank: 1 }, 0.5)).toThrow(
      'two.csv: no rating can be held out (each one is the last of its row or column)',
    );
  });
});
