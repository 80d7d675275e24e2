// Matching components: the Hungarian assignment against brute force over all assignments,
// column normalization, matching a permuted and rescaled copy, two restarts, and a fit
// against planted factors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dense } from '../src/core/matrix.js';
import { loadProblem } from '../src/core/problem.js';
import { Rng } from '../src/core/rng.js';
import { DEFAULT_OPTIONS } from '../src/driver/options.js';
import { factorize } from '../src/driver/run.js';
import { alignComponents, hungarian, matchComponents, normalizeColumns, type Factors } from '../src/rank/match.js';
import { createEngineNode } from '../src/wasm/node.js';

/** The lowest total cost over every assignment of min(rows, cols) distinct pairs, by enumeration. */
function bruteForce(cost: number[], rows: number, cols: number): number {
  let best = Infinity;
  const usedCols = new Array(cols).fill(false);
  const usedRows = new Array(rows).fill(false);
  const pairs = Math.min(rows, cols);
  const go = (i: number, placed: number, sum: number) => {
    if (placed === pairs) {
      best = Math.min(best, sum);
      return;
    }
    if (i === rows) return;
    if (rows - i > pairs - placed) go(i + 1, placed, sum); // row i left out (more rows than columns)
    for (let j = 0; j < cols; j++) {
      if (usedCols[j]) continue;
      usedCols[j] = usedRows[i] = true;
      go(i + 1, placed + 1, sum + cost[i * cols + j]);
      usedCols[j] = usedRows[i] = false;
    }
  };
  go(0, 0, 0);
  return best;
}

function totalOf(cost: number[], assignment: Int32Array, cols: number): number {
  let s = 0;
  assignment.forEach((j, i) => {
    if (j >= 0) s += cost[i * cols + j];
  });
  return s;
}

function product(f: Factors): Float64Array {
  const { W, H } = f;
  const k = W.cols;
  const out = new Float64Array(W.rows * H.cols);
  for (let i = 0; i < W.rows; i++)
    for (let a = 0; a < k; a++) for (let j = 0; j < H.cols; j++) out[i * H.cols + j] += W.data[i * k + a] * H.data[a * H.cols + j];
  return out;
}

/** Sparse non-negative factors (each entry 0 with probability 1/2): identifiable parts. */
function sparseFactors(m: number, n: number, k: number, seed: number): Factors {
  const rng = new Rng(seed, 3);
  const draw = () => (rng.next() < 0.5 ? 0 : rng.next());
  return {
    W: { rows: m, cols: k, data: Float64Array.from({ length: m * k }, draw) },
    H: { rows: k, cols: n, data: Float64Array.from({ length: k * n }, draw) },
  };
}

describe('hungarian', () => {
  it('finds the lowest-cost assignment, as brute force over all of them does (k ≤ 6, square and rectangular)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 36, maxLength: 36 }),
        (rows, cols, raw) => {
          const cost = raw.slice(0, rows * cols);
          const a = hungarian(cost, rows, cols);
          expect(a).toHaveLength(rows);
          const assigned = Array.from(a).filter((j) => j >= 0);
          expect(assigned).toHaveLength(Math.min(rows, cols));
          expect(new Set(assigned).size).toBe(assigned.length);
          expect(totalOf(cost, a, cols)).toBe(bruteForce(cost, rows, cols));
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it('on real-valued costs too, and recovers a planted permutation', () => {
    const rng = new Rng(2, 0);
    for (let trial = 0; trial < 50; trial++) {
      const k = 2 + (trial % 5);
      const cost = Array.from({ length: k * k }, () => rng.next());
      expect(totalOf(cost, hungarian(cost, k, k), k)).toBeCloseTo(bruteForce(cost, k, k), 12);
    }
    const perm = [3, 0, 4, 1, 2];
    const cost = Array.from({ length: 25 }, (_, t) => (perm[Math.floor(t / 5)] === t % 5 ? 0 : 1));
    expect(Array.from(hungarian(cost, 5, 5))).toEqual(perm);
  });
});

describe('matchComponents', () => {
  const truth = sparseFactors(40, 30, 4, 1);

  it('normalizeColumns makes unit-norm columns of W and keeps WH', () => {
    const f = normalizeColumns(truth);
    for (let a = 0; a < 4; a++) {
      let s = 0;
      for (let i = 0; i < 40; i++) s += f.W.data[i * 4 + a] ** 2;
      expect(Math.sqrt(s)).toBeCloseTo(1, 14);
    }
    const before = product(truth);
    product(f).forEach((x, t) => expect(x).toBeCloseTo(before[t], 12));
  });

  it('pairs each component with its permuted, rescaled copy at correlation 1, and aligns it back', () => {
    const perm = [2, 0, 3, 1]; // component a of the copy is component perm[a] of the truth
    const scale = [3, 0.5, 2, 7];
    const W = new Float64Array(40 * 4);
    const H = new Float64Array(4 * 30);
    for (let a = 0; a < 4; a++) {
      for (let i = 0; i < 40; i++) W[i * 4 + a] = scale[a] * truth.W.data[i * 4 + perm[a]];
      for (let j = 0; j < 30; j++) H[a * 30 + j] = truth.H.data[perm[a] * 30 + j] / scale[a];
    }
    const copy: Factors = { W: { rows: 40, cols: 4, data: W }, H: { rows: 4, cols: 30, data: H } };
    const m = matchComponents(truth, copy);
    expect(m.pairs.map((p) => p.b)).toEqual([1, 3, 0, 2]);
    for (const p of m.pairs) {
      expect(p.correlation).toBeCloseTo(1, 12);
      expect(p.correlationH).toBeCloseTo(1, 12);
    }
    expect(m.score).toBeCloseTo(1, 12);
    const aligned = normalizeColumns(alignComponents(copy, m));
    const t = normalizeColumns(truth);
    aligned.W.data.forEach((x, i) => expect(x).toBeCloseTo(t.W.data[i], 12));
  });

  it('matches k components against fewer (k = 4 vs 3): each of the three gets its own', () => {
    const three: Factors = {
      W: { rows: 40, cols: 3, data: Float64Array.from({ length: 120 }, (_, t) => truth.W.data[Math.floor(t / 3) * 4 + [3, 1, 0][t % 3]]) },
      H: {
        rows: 3,
        cols: 30,
        data: Float64Array.from({ length: 90 }, (_, t) => truth.H.data[[3, 1, 0][Math.floor(t / 30)] * 30 + (t % 30)]),
      },
    };
    const m = matchComponents(truth, three);
    expect(m.pairs.map((p) => [p.a, p.b])).toEqual([
      [0, 2],
      [1, 1],
      [3, 0],
    ]);
    const back = matchComponents(three, truth);
    expect(back.pairs.map((p) => [p.a, p.b])).toEqual([
      [0, 3],
      [1, 1],
      [2, 0],
    ]);
  });

  it('a fit of planted data (10% multiplicative noise) matches the planted factors; two restarts match each other', async () => {
    const engine = await createEngineNode();
    const V = product(truth);
    const rng = new Rng(5, 9);
    const noisy = V.map((x) => Math.max(0, x * (1 + 0.1 * rng.normal())));
    const problem = loadProblem(engine, { rows: 40, cols: 30, values: noisy });
    const fitOnce = (seed: number) => {
      const r = factorize(engine, problem, { ...DEFAULT_OPTIONS, rank: 4, seed, maxIter: 1000, tol: 1e-9 });
      return { W: r.W as Dense, H: r.H as Dense };
    };
    const a = fitOnce(1);
    const m = matchComponents(truth, a);
    expect(m.score).toBeGreaterThan(0.95);
    for (const p of m.pairs) expect(p.correlationH).toBeGreaterThan(0.9);
    const b = fitOnce(2);
    expect(matchComponents(a, b).score).toBeGreaterThan(0.95);
    // unmatched (components taken in their own order) they mostly disagree
    const diagonal = [0, 1, 2, 3].map((i) => matchComponents(a, b).correlations[i * 4 + i]);
    expect(Math.min(...diagonal)).toBeLessThan(0.95);
  });
});
