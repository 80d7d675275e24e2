// Rank exploration: held-out split, consensus stability, and the sweep finding a planted rank.
import { describe, expect, it } from 'vitest';
import { lowRank, ratings } from '../src/data/generate.js';
import { validateMatrix } from '../src/data/validate.js';
import { DEFAULT_OPTIONS } from '../src/driver/options.js';
import { addConnectivity, averageLinkageHeights, copheneticCorrelation } from '../src/rank/consensus.js';
import { splitHoldout } from '../src/rank/holdout.js';
import { parseRankRange, rankSweep } from '../src/rank/sweep.js';
import { createEngineNode } from '../src/wasm/node.js';

describe('splitHoldout', () => {
  it('hides the requested fraction of observed entries, deterministically, without emptying a row or column', () => {
    const d = ratings({ rows: 30, cols: 20, rank: 2, density: 0.3, seed: 4 });
    const a = splitHoldout(d, 0.2, 7);
    const b = splitHoldout(d, 0.2, 7);
    const observed = Array.from(d.values).filter((x) => !Number.isNaN(x)).length;
    expect(a.heldOut.length).toBeGreaterThan(0.17 * observed);
    expect(a.heldOut.length).toBeLessThanOrEqual(Math.round(0.2 * observed));
    expect(Array.from(a.heldOut)).toEqual(Array.from(b.heldOut));
    for (const t of a.heldOut) {
      expect(Number.isNaN(d.values[t])).toBe(false);
      expect(Number.isNaN(a.train.values[t])).toBe(true);
    }
    expect(() => validateMatrix(a.train)).not.toThrow();
    expect(Array.from(splitHoldout(d, 0.2, 8).heldOut)).not.toEqual(Array.from(a.heldOut));
  });
});

describe('consensus', () => {
  it('UPGMA merge heights on a small example', () => {
    // points 0,1 at distance 1; 2 at distance 4 from both; 3 at 6 from 0,1 and 2 from 2
    const D = Float64Array.from([0, 1, 4, 6, 1, 0, 4, 6, 4, 4, 0, 2, 6, 6, 2, 0]);
    const c = averageLinkageHeights(D, 4);
    expect(c[0 * 4 + 1]).toBe(1);
    expect(c[2 * 4 + 3]).toBe(2);
    expect(c[0 * 4 + 2]).toBe(5); // average of 4, 6, 4, 6
    expect(c[1 * 4 + 3]).toBe(5);
  });

  it('is 1 for identical clusterings and below 1 when runs disagree', () => {
    const n = 6;
    const H1 = Float64Array.from([1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    const H2 = Float64Array.from([1, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 1]);
    const same = new Float64Array(n * n);
    addConnectivity(same, H1, 2, n);
    addConnectivity(same, H1, 2, n);
    expect(copheneticCorrelation(same, 2, n)).toBeCloseTo(1, 12);
    const mixed = new Float64Array(n * n);
    addConnectivity(mixed, H1, 2, n);
    addConnectivity(mixed, H2, 2, n);
    expect(copheneticCorrelation(mixed, 2, n)).toBeLessThan(0.99);
  });
});

describe('rankSweep', () => {
  it('the held-out error drops sharply up to the planted rank and not beyond', async () => {
    const engine = await createEngineNode();
    const data = lowRank({ rows: 60, cols: 40, rank: 4, noise: 0.05, seed: 2 });
    const used = engine.used;
    const points = rankSweep(engine, data, {
      ranks: [1, 2, 3, 4, 5, 6, 7, 8],
      restarts: 2,
      holdout: 0.2,
      base: { ...DEFAULT_OPTIONS, algorithm: 'mu', maxIter: 500, tol: 1e-7 },
    });
    expect(points.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const held = points.map((p) => p.heldOutRelError!);
    expect(held[3]).toBeLessThan(0.6 * held[2]);
    expect(Math.min(...held.slice(4))).toBeGreaterThan(0.95 * held[3]);
    for (const p of points) {
      expect(p.relErrorMax).toBeGreaterThanOrEqual(p.relError);
      expect(p.cophenetic).not.toBeNull();
    }
    expect(points[3].relError).toBeLessThan(0.5 * points[2].relError);
    expect(engine.used).toBe(used);
  });

  it('parses rank ranges', () => {
    expect(parseRankRange('2..5')).toEqual([2, 3, 4, 5]);
    expect(parseRankRange('3')).toEqual([3]);
    expect(parseRankRange('5..2')).toBeNull();
    expect(parseRankRange('0..2')).toBeNull();
    expect(parseRankRange('a..b')).toBeNull();
  });
});
