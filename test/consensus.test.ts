// Consensus clustering stability against scipy (test/fixtures/consensus, make_consensus_fixtures.py):
// the average-linkage tree, its cophenetic distances and leaf order, the consensus matrix and the
// cophenetic correlation; plus the hand-checked small cases.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addConnectivity, averageLinkage, copheneticCorrelation, summarizeConsensus } from '../src/rank/consensus.js';

const DIR = new URL('./fixtures/consensus/', import.meta.url);
const fixture = (name: string) => JSON.parse(readFileSync(new URL(name, DIR), 'utf8'));

describe('averageLinkage', () => {
  it('merge heights on a hand-checked example', () => {
    // points 0,1 at distance 1; 2 at distance 4 from both; 3 at 6 from 0,1 and 2 from 2
    const D = Float64Array.from([0, 1, 4, 6, 1, 0, 4, 6, 4, 4, 0, 2, 6, 6, 2, 0]);
    const t = averageLinkage(D, 4);
    expect(Array.from(t.height)).toEqual([1, 2, 5]); // the last is the average of 4, 6, 4, 6
    expect([Array.from(t.left), Array.from(t.right)]).toEqual([
      [0, 2, 4],
      [1, 3, 5],
    ]);
    expect(t.cophenetic[0 * 4 + 1]).toBe(1);
    expect(t.cophenetic[2 * 4 + 3]).toBe(2);
    expect(t.cophenetic[1 * 4 + 3]).toBe(5);
    expect(Array.from(t.order)).toEqual([0, 1, 2, 3]);
  });

  it("matches scipy's linkage, cophenet and leaves_list on 12 random points", () => {
    const f = fixture('linkage_random12.json');
    const t = averageLinkage(Float64Array.from(f.D.flat()), f.n);
    expect(Array.from(t.left)).toEqual(f.left);
    expect(Array.from(t.right)).toEqual(f.right);
    t.height.forEach((h, i) => expect(h).toBeCloseTo(f.height[i], 12));
    t.cophenetic.forEach((c, i) => expect(c).toBeCloseTo(f.cophenetic.flat()[i], 12));
    expect(Array.from(t.order)).toEqual(f.order);
  });

  it('lists every item once, each cluster of the tree as one contiguous run', () => {
    const f = fixture('consensus_k3_n15.json');
    const D = Float64Array.from(f.consensus.flat(), (c: number) => 1 - c);
    const t = averageLinkage(D, f.n);
    expect([...t.order].sort((a, b) => a - b)).toEqual(Array.from({ length: f.n }, (_, i) => i));
    const where = new Int32Array(f.n);
    t.order.forEach((item, pos) => {
      where[item] = pos;
    });
    const members: number[][] = Array.from({ length: f.n }, (_, i) => [i]);
    for (let m = 0; m < f.n - 1; m++) {
      const joined = members[t.left[m]].concat(members[t.right[m]]);
      members.push(joined);
      const pos = joined.map((i) => where[i]);
      expect(Math.max(...pos) - Math.min(...pos)).toBe(joined.length - 1);
    }
  });
});

describe('consensus', () => {
  it('the consensus matrix and cophenetic correlation of 6 runs match scipy', () => {
    const f = fixture('consensus_k3_n15.json');
    const counts = new Float64Array(f.n * f.n);
    for (const H of f.H) addConnectivity(counts, H.flat(), f.k, f.n);
    const s = summarizeConsensus(counts, f.runs, f.n);
    expect(Array.from(s.consensus)).toEqual(f.consensus.flat());
    expect(s.cophenetic).toBeCloseTo(f.cophenetic, 12);
    expect(s.cophenetic).toBeLessThan(0.99);
  });

  it('is 1 for identical clusterings and below 1 when runs disagree', () => {
    const n = 6;
    const H1 = Float64Array.from([1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    const H2 = Float64Array.from([1, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 1]);
    const same = new Float64Array(n * n);
    addConnectivity(same, H1, 2, n);
    addConnectivity(same, H1, 2, n);
    expect(copheneticCorrelation(same, 2, n)).toBe(1);
    const mixed = new Float64Array(n * n);
    addConnectivity(mixed, H1, 2, n);
    addConnectivity(mixed, H2, 2, n);
    expect(copheneticCorrelation(mixed, 2, n)).toBeLessThan(0.99);
  });
});
