// What the Explore rank plots and the Compare restarts view compute before drawing: the figures'
// traces from a real survey (the ± SE band around the held-out mean, the shuffled baseline, the
// consensus in tree order), and two factorizations matched after normalizing (a scaled, permuted
// copy matches itself; the planted truth of a generated matrix is its W, H).
import { describe, expect, it } from 'vitest';
import { makeData } from '../../src/data/spec.js';
import { runSurvey } from '../../src/rank/survey.js';
import { createEngineNode } from '../../src/wasm/node.js';
import { defaultOptions } from '../state/options.js';
import { compareFactors, factorsOf, plantedTruth } from '../views/restarts/compare.js';
import { copheneticFigure, fitFigure, heldOutFigure, orderedConsensus } from '../views/explore/rankFigures.js';

async function survey(holdout: number, shuffled: boolean) {
  const engine = await createEngineNode();
  const data = makeData({ kind: 'lowrank', rows: 24, cols: 16, rank: 2, noise: 0.05, seed: 3 });
  return runSurvey(engine, data, {
    lowest: 1,
    highest: 3,
    restarts: 3,
    holdout,
    shuffled,
    base: { ...defaultOptions(), maxIter: 60, seed: 2, restarts: 1 },
  }).ranks;
}

describe('Explore rank figures', () => {
  it('fit error: every restart as a dot, the best as a line, the shuffled copy as a dashed line', async () => {
    const ranks = await survey(0.1, true);
    const f = fitFigure(ranks);
    const [dots, best, shuffled] = f.traces;
    expect(dots.x).toEqual(ranks.flatMap((p) => p.fitErrors.map(() => p.rank)));
    expect(dots.y).toEqual(ranks.flatMap((p) => p.fitErrors));
    expect(best.y).toEqual(ranks.map((p) => p.fitError));
    expect(shuffled.name).toBe('shuffled data (best)');
    expect(shuffled.y).toEqual(ranks.map((p) => p.shuffledFitError));
    expect(fitFigure(await survey(0.1, false)).traces).toHaveLength(2);
  });

  it('held-out error: a closed band from mean + SE (ranks up) to mean − SE (ranks down) around the mean', async () => {
    const ranks = await survey(0.1, false);
    const [band, , mean] = heldOutFigure(ranks).traces;
    const m = ranks.map((p) => p.heldOutError!);
    const se = ranks.map((p) => p.heldOutStdErr!);
    expect(band.fill).toBe('toself');
    expect(band.x).toEqual([1, 2, 3, 3, 2, 1]);
    expect(band.y).toEqual([m[0] + se[0], m[1] + se[1], m[2] + se[2], m[2] - se[2], m[1] - se[1], m[0] - se[0]]);
    expect(mean.y).toEqual(m);
    expect(se.every((s) => s > 0)).toBe(true);
    const none = heldOutFigure(await survey(0, false));
    expect(none.traces[2].x).toEqual([]);
    expect(none.summary).toBe('No held-out error: the held-out fraction was 0.');
  });

  it('cophenetic: a gap at k = 1, the shuffled copy beside the data', async () => {
    const ranks = await survey(0.1, true);
    const [data, shuffled] = copheneticFigure(ranks).traces;
    expect(data.y[0]).toBeNull();
    expect(data.y.slice(1).every((c) => c !== null && c > 0 && c <= 1)).toBe(true);
    expect(shuffled.y).toEqual(ranks.map((p) => p.shuffledCophenetic));
  });

  it('orderedConsensus puts rows and columns in the tree order', () => {
    const C = Float64Array.from([1, 0.2, 0.9, 0.2, 1, 0.1, 0.9, 0.1, 1]);
    expect(Array.from(orderedConsensus(C, Int32Array.from([0, 2, 1]), 3))).toEqual([1, 0.9, 0.2, 0.9, 1, 0.1, 0.2, 0.1, 1]);
  });
});

describe('Compare restarts', () => {
  const m = 5;
  const k = 3;
  const n = 4;
  const W = Float64Array.from({ length: m * k }, (_, t) => ((t * 7) % 11) + 1);
  const H = Float64Array.from({ length: k * n }, (_, t) => ((t * 5) % 7) + 1);

  it('a copy with its components scaled (W·D, D⁻¹·H) and permuted matches the original with correlation 1', () => {
    const perm = [2, 0, 1]; // component a of the copy is component perm[a] of the original
    const d = [2, 0.5, 4];
    const W2 = new Float64Array(m * k);
    const H2 = new Float64Array(k * n);
    for (let a = 0; a < k; a++) {
      for (let i = 0; i < m; i++) W2[i * k + a] = W[i * k + perm[a]] * d[a];
      for (let j = 0; j < n; j++) H2[a * n + j] = H[perm[a] * n + j] / d[a];
    }
    const cmp = compareFactors(factorsOf(W, H, m, k, n), factorsOf(W2, H2, m, k, n));
    expect(cmp.match.pairs.map((p) => [p.a, p.b])).toEqual([
      [0, 1],
      [1, 2],
      [2, 0],
    ]);
    for (const p of cmp.match.pairs) {
      expect(p.correlation).toBeCloseTo(1, 12);
      expect(p.correlationH).toBeCloseTo(1, 12);
    }
    expect(cmp.match.score).toBeCloseTo(1, 12);
    // y is put in x's order: after normalizing, the same W and H
    for (let t = 0; t < m * k; t++) expect(cmp.y.W.data[t]).toBeCloseTo(cmp.x.W.data[t], 12);
    for (let t = 0; t < k * n; t++) expect(cmp.y.H.data[t]).toBeCloseTo(cmp.x.H.data[t], 12);
  });

  it('the planted truth of a generated matrix is the W, H whose product it is; other data has none', () => {
    const spec = { kind: 'lowrank', rows: 7, cols: 5, rank: 2, noise: 0, seed: 9 } as const;
    const truth = plantedTruth(spec)!;
    const V = makeData(spec).values;
    for (let i = 0; i < 7; i++) {
      for (let j = 0; j < 5; j++) {
        const wh = truth.W.data[i * 2] * truth.H.data[j] + truth.W.data[i * 2 + 1] * truth.H.data[5 + j];
        expect(wh).toBeCloseTo(V[i * 5 + j], 12);
      }
    }
    expect(plantedTruth({ kind: 'uniform', rows: 7, cols: 5, seed: 9 })).toBeNull();
    expect(plantedTruth(undefined)).toBeNull();
  });
});
