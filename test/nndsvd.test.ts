// NNDSVD / NNDSVDa: scikit-learn's W, H on the reference fixtures, the construction rules,
// non-negativity and shapes, independence from the seed, missing entries (mean-filled V), and
// a multiplicative-update run started from them.
import { describe, expect, it } from 'vitest';
import type { DataMatrix } from '../src/core/problem.js';
import { loadProblem } from '../src/core/problem.js';
import { Rng } from '../src/core/rng.js';
import { Factorization } from '../src/driver/factorization.js';
import { DEFAULT_OPTIONS } from '../src/driver/options.js';
import { NNDSVD_EPS, nndsvdFactors } from '../src/init/nndsvd.js';
import { INIT_IDS, initInfo } from '../src/init/registry.js';
import { createEngineNode } from '../src/wasm/node.js';
import { loadInitCase, loadReference, maxScaledDiff, referenceNames } from './helpers/reference.js';

/** Runs init `id` on `data` with rank k and a seeded rng; returns copies of W (m×k) and H (k×n). */
async function initOf(id: string, data: DataMatrix, k: number, seed = 1) {
  const engine = await createEngineNode();
  const problem = loadProblem(engine, data);
  const W = engine.mat(problem.m, k);
  const H = engine.mat(k, problem.n);
  const used = engine.used;
  initInfo(id).run({ engine, problem, k, W, H, rng: new Rng(seed) });
  return { W: engine.copyOut(W), H: engine.copyOut(H), problem, leaked: engine.used - used };
}

function uniformData(m: number, n: number, seed: number, missing = 0): DataMatrix {
  const rng = new Rng(seed);
  const values = Float64Array.from({ length: m * n }, () => rng.next());
  if (missing > 0) for (let t = 0; t < values.length; t++) if (rng.next() < missing) values[t] = NaN;
  return { rows: m, cols: n, values };
}

const initCases = referenceNames('init_').map(loadInitCase);

describe('nndsvd and nndsvda against scikit-learn 1.2 (test/fixtures/reference/init_*)', () => {
  it('has the four fixtures', () => {
    expect(initCases.map((c) => c.name)).toEqual([
      'init_lowrank60x40_nndsvd_k4',
      'init_lowrank60x40_nndsvda_k4',
      'init_seed5x6_nndsvd_k3',
      'init_seed5x6_nndsvda_k3',
    ]);
  });

  for (const c of initCases) {
    it(`${c.name}: W and H to 1e-9 with the same zero pattern`, async () => {
      const r = await initOf(c.init, c.V, c.rank);
      expect(maxScaledDiff(r.W, c.W.data)).toBeLessThan(1e-9);
      expect(maxScaledDiff(r.H, c.H.data)).toBeLessThan(1e-9);
      const zeros = (x: ArrayLike<number>) => Array.from(x, (v) => v === 0);
      expect(zeros(r.W)).toEqual(zeros(c.W.data));
      expect(zeros(r.H)).toEqual(zeros(c.H.data));
    });
  }
});

describe('nndsvdFactors (the construction from singular triples)', () => {
  it('builds the first pair from |u₁|, |v₁| and later pairs from the dominant signed parts', () => {
    const W = new Float64Array(4);
    const H = new Float64Array(4);
    // σ = (4, 1); u₁ = (0.6, −0.8) (sign irrelevant), v₁ = (1, 0); u₂ = (0.8, −0.6), v₂ = (0, 1).
    nndsvdFactors([4, 1], [0.6, -0.8, 0.8, -0.6], [1, 0, 0, 1], W, H, 2, 2, 2);
    // Pair 2: positive parts (0.8)·(1) beat negative parts (0.6)·(0), so λ = √(1·0.8).
    const l = Math.sqrt(0.8);
    const expected = { W: [2 * 0.6, l, 2 * 0.8, 0], H: [2, 0, 0, l] };
    expect(maxScaledDiff(W, expected.W)).toBeLessThan(1e-15);
    expect(maxScaledDiff(H, expected.H)).toBeLessThan(1e-15);
    expect(W[3]).toBe(0);
    expect(H[1]).toBe(0);
  });

  it('does not depend on the signs of the singular vectors', () => {
    const rng = new Rng(4);
    const [m, n, k] = [7, 5, 3];
    const Ut = Float64Array.from({ length: k * m }, () => rng.next() - 0.5);
    const Vt = Float64Array.from({ length: k * n }, () => rng.next() - 0.5);
    const flip = (X: Float64Array, len: number) => X.map((x, t) => (Math.floor(t / len) === 1 ? -x : x));
    const [W1, H1, W2, H2] = [new Float64Array(m * k), new Float64Array(k * n), new Float64Array(m * k), new Float64Array(k * n)];
    nndsvdFactors([3, 2, 1], Ut, Vt, W1, H1, m, n, k);
    nndsvdFactors([3, 2, 1], flip(Ut, m), flip(Vt, n), W2, H2, m, n, k);
    expect(Array.from(W2)).toEqual(Array.from(W1));
    expect(Array.from(H2)).toEqual(Array.from(H1));
  });

  it('leaves a pair at 0 when both signed products vanish (no NaN)', () => {
    const W = new Float64Array(4);
    const H = new Float64Array(4);
    // u₂ = (1, 0) is all positive but v₂ = (−1, 0) all negative: both products are 0.
    nndsvdFactors([4, 1], [0.6, 0.8, 1, 0], [0.8, 0.6, -1, 0], W, H, 2, 2, 2);
    expect(Array.from(W)).toEqual([2 * 0.6, 0, 2 * 0.8, 0]);
    expect(Array.from(H)).toEqual([2 * 0.8, 2 * 0.6, 0, 0]);
  });

  it('sets entries below 1e-6 to 0 and keeps those at or above it', () => {
    const W = new Float64Array(2);
    const H = new Float64Array(2);
    const s = Math.sqrt(2.5e-12); // 1.58e-6: 0.6·s < 1e-6 ≤ 0.8·s
    nndsvdFactors([2.5e-12], [0.6, 0.8], [0.8, 0.6], W, H, 2, 2, 1);
    expect(NNDSVD_EPS).toBe(1e-6);
    expect(Array.from(W)).toEqual([0, s * 0.8]);
    expect(Array.from(H)).toEqual([s * 0.8, 0]);
  });
});

describe('nndsvd and nndsvda initializations', () => {
  it('are registered in the order random, nndsvd, nndsvda, given, and are not seeded', () => {
    expect(INIT_IDS).toEqual(['random', 'nndsvd', 'nndsvda', 'given']);
    expect(initInfo('nndsvd').seeded).toBe(false);
    expect(initInfo('nndsvda').seeded).toBe(false);
  });

  it('give W (m×k), H (k×n) finite and ≥ 0, ignore the seed and release their workspace', async () => {
    const data = uniformData(130, 110, 2);
    for (const id of ['nndsvd', 'nndsvda']) {
      const a = await initOf(id, data, 7, 1);
      const b = await initOf(id, data, 7, 99);
      expect(a.W).toHaveLength(130 * 7);
      expect(a.H).toHaveLength(7 * 110);
      for (const x of [...a.W, ...a.H]) expect(x >= 0 && Number.isFinite(x)).toBe(true);
      expect(Array.from(b.W)).toEqual(Array.from(a.W));
      expect(Array.from(b.H)).toEqual(Array.from(a.H));
      expect(a.leaked).toBe(0);
    }
  });

  it('nndsvda is nndsvd with every zero replaced by the mean of V', async () => {
    const data = uniformData(40, 30, 6);
    const s = await initOf('nndsvd', data, 5);
    const a = await initOf('nndsvda', data, 5);
    const mean = s.problem.meanV;
    let zeros = 0;
    for (const [x, y] of [
      [s.W, a.W],
      [s.H, a.H],
    ] as const) {
      for (let t = 0; t < x.length; t++) {
        if (x[t] === 0) zeros++;
        expect(y[t]).toBe(x[t] === 0 ? mean : x[t]);
      }
    }
    expect(zeros).toBeGreaterThan(0);
  });

  it('with missing entries uses V with the mean of the observed entries at the missing ones', async () => {
    const data = uniformData(60, 45, 9, 0.2);
    const filledWith = (x: number): DataMatrix => ({ ...data, values: data.values.map((v) => (Number.isNaN(v) ? x : v)) });
    const missing = await initOf('nndsvd', data, 4);
    const mean = missing.problem.meanV;
    expect(missing.problem.M).not.toBeNull();
    const meanFilled = await initOf('nndsvd', filledWith(mean), 4);
    const zeroFilled = await initOf('nndsvd', filledWith(0), 4);
    expect(Array.from(missing.W)).toEqual(Array.from(meanFilled.W));
    expect(Array.from(missing.H)).toEqual(Array.from(meanFilled.H));
    expect(maxScaledDiff(missing.W, zeroFilled.W)).toBeGreaterThan(1e-2);
    const a = await initOf('nndsvda', data, 4);
    expect(a.leaked).toBe(0);
    for (const x of [...a.W, ...a.H]) expect(x > 0).toBe(true);
    expect(a.W.filter((x) => x === mean).length).toBeGreaterThan(0);
  });

  it('give W = H = 0 for a zero matrix (nndsvd), without NaN', async () => {
    const r = await initOf('nndsvd', { rows: 8, cols: 6, values: new Float64Array(48) }, 3);
    expect(Array.from(r.W).every((x) => x === 0)).toBe(true);
    expect(Array.from(r.H).every((x) => x === 0)).toBe(true);
  });

  for (const init of ['nndsvd', 'nndsvda'] as const) {
    it(`mu started from ${init} lowers the error every iteration${init === 'nndsvd' ? ', from below a random start' : ''}`, async () => {
      const V = loadReference('lowrank60x40_mu').V;
      const engine = await createEngineNode();
      const problem = loadProblem(engine, V);
      const options = { ...DEFAULT_OPTIONS, algorithm: 'mu' as const, rank: 4, maxIter: 60, tol: 0 };
      const f = new Factorization(engine, problem, { ...options, init });
      const random = new Factorization(engine, problem, { ...options, init: 'random' });
      // NNDSVD starts closer than random on low-rank data; NNDSVDa's mean fill costs it that lead.
      if (init === 'nndsvd') expect(f.initialRelError).toBeLessThan(random.initialRelError);
      while (!f.stop) f.step();
      let prev = f.initialRelError;
      for (const e of f.history) {
        expect(e).toBeLessThanOrEqual(prev * (1 + 1e-12));
        prev = e;
      }
      expect(f.relError).toBeLessThan(f.initialRelError);
    });
  }
});
