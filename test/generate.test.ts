// Generators and built-in examples: planted structure, determinism, parameter messages.
import { describe, expect, it } from 'vitest';
import type { DataMatrix } from '../src/core/problem.js';
import { InputError } from '../src/data/errors.js';
import { EXAMPLES, exampleInfo } from '../src/data/examples.js';
import { lowRank, plantedFactors, ratings, uniformRandom } from '../src/data/generate.js';
import { swimmer } from '../src/data/swimmer.js';
import { validateMatrix } from '../src/data/validate.js';

/** Numerical rank by modified Gram–Schmidt on the rows (relative tolerance). */
function numericRank(d: DataMatrix, tol = 1e-9): number {
  const basis: Float64Array[] = [];
  let scale = 0;
  for (let i = 0; i < d.rows; i++) {
    const r = d.values.slice(i * d.cols, (i + 1) * d.cols);
    scale = Math.max(scale, Math.hypot(...r));
    for (const b of basis) {
      let s = 0;
      for (let j = 0; j < d.cols; j++) s += r[j] * b[j];
      for (let j = 0; j < d.cols; j++) r[j] -= s * b[j];
    }
    const norm = Math.hypot(...r);
    if (norm > tol * scale) basis.push(r.map((x) => x / norm));
  }
  return basis.length;
}

function paramError(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('lowRank', () => {
  it('has exactly the planted rank without noise and full rank with noise', () => {
    expect(numericRank(lowRank({ rows: 30, cols: 20, rank: 5, noise: 0, seed: 1 }))).toBe(5);
    expect(numericRank(lowRank({ rows: 30, cols: 20, rank: 5, noise: 0.1, seed: 1 }))).toBe(20);
  });

  it('is fixed by its seed and changes with it', () => {
    const a = lowRank({ rows: 8, cols: 6, rank: 2, noise: 0.1, seed: 3 });
    const b = lowRank({ rows: 8, cols: 6, rank: 2, noise: 0.1, seed: 3 });
    const c = lowRank({ rows: 8, cols: 6, rank: 2, noise: 0.1, seed: 4 });
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(Array.from(a.values)).not.toEqual(Array.from(c.values));
    expect(() => validateMatrix(a)).not.toThrow();
  });

  it('multiplicative noise scales each entry by 1 + noise·z: relative errors of mean 0 and spread `noise`', () => {
    const o = { rows: 60, cols: 50, rank: 3, seed: 5 };
    const clean = lowRank({ ...o, noise: 0 }).values;
    const ratio = (v: Float64Array) => Array.from(v, (x, t) => x / clean[t] - 1);
    const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
    const mult = ratio(lowRank({ ...o, noise: 0.1, noiseModel: 'multiplicative' }).values);
    expect(Math.abs(mean(mult))).toBeLessThan(0.01);
    expect(Math.sqrt(mean(mult.map((x) => x * x)))).toBeCloseTo(0.1, 2);
    // the additive model adds |z|·noise·mean(WH): always upward
    expect(Math.min(...ratio(lowRank({ ...o, noise: 0.1 }).values))).toBeGreaterThanOrEqual(0);
    expect(lowRank({ ...o, noise: 0.1, noiseModel: 'multiplicative' }).name).toBe(
      'low rank 60×50, rank 3, multiplicative noise 0.1, seed 5',
    );
  });

  it('names the bad parameter', () => {
    expect(paramError(() => lowRank({ rows: 4, cols: 3, rank: 4, noise: 0, seed: 1 })).message).toBe(
      'planted rank 4 must be an integer from 1 to 3',
    );
    expect(paramError(() => lowRank({ rows: 0, cols: 3, rank: 1, noise: 0, seed: 1 })).where).toEqual({ parameter: 'rows' });
    expect(paramError(() => lowRank({ rows: 4, cols: 3, rank: 1, noise: -1, seed: 1 })).message).toBe('noise -1 must be a number ≥ 0');
    expect(paramError(() => uniformRandom({ rows: 5000, cols: 5000, seed: 1 })).message).toBe('5000×5000 has more than 10,000,000 entries');
  });
});

describe('ratings', () => {
  const d = ratings({ rows: 40, cols: 30, rank: 3, density: 0.2, seed: 9 });

  it('holds integer ratings 1..5 with about the requested density', () => {
    const obs = Array.from(d.values).filter((x) => !Number.isNaN(x));
    expect(obs.every((x) => Number.isInteger(x) && x >= 1 && x <= 5)).toBe(true);
    expect(obs.length / d.values.length).toBeGreaterThan(0.15);
    expect(obs.length / d.values.length).toBeLessThan(0.25);
  });

  it('leaves every user and item with a rating, so it validates', () => {
    const sparse = ratings({ rows: 30, cols: 30, rank: 2, density: 0.01, seed: 2 });
    expect(() => validateMatrix(sparse)).not.toThrow();
    expect(sparse.rowLabels![0]).toBe('user 1');
    expect(sparse.colLabels![29]).toBe('item 30');
  });
});

describe('swimmer', () => {
  const d = swimmer();

  it('is 256 distinct binary 32×32 images sharing a torso', () => {
    expect([d.rows, d.cols, d.imageWidth]).toEqual([1024, 256, 32]);
    expect(Array.from(d.values).every((x) => x === 0 || x === 1)).toBe(true);
    const images = new Set<string>();
    for (let t = 0; t < 256; t++) {
      const img: number[] = [];
      for (let p = 0; p < 1024; p++) img.push(d.values[p * 256 + t]);
      images.add(img.join(''));
      expect(img[15 * 32 + 15]).toBe(1);
    }
    expect(images.size).toBe(256);
  });

  it('has linear rank 13 although it has 17 parts (why NMF, not the SVD, finds the limbs)', () => {
    // Each image is torso + one position of each of 4 limbs: one base image plus 4×3
    // independent differences between positions.
    expect(numericRank(d)).toBe(13);
  });
});

describe('examples', () => {
  it('each example builds, validates, has the shape it states, and suggests a rank it can take', () => {
    for (const e of EXAMPLES) {
      const d = e.make();
      expect(() => validateMatrix(d)).not.toThrow();
      expect([e.id, d.rows, d.cols]).toEqual([e.id, e.rows, e.cols]);
      expect(e.rank).toBeLessThanOrEqual(Math.min(d.rows, d.cols));
      expect(exampleInfo(e.id)).toBe(e);
    }
    expect(() => exampleInfo('nope')).toThrow("unknown example 'nope': expected one of lowrank, tutorial, ratings, swimmer, topics");
  });
});

describe('plantedFactors', () => {
  it('gives the W (rows×rank), H (rank×cols) whose product lowRank plants: without noise V = WH bit for bit', () => {
    const o = { rows: 13, cols: 9, rank: 3, seed: 5 };
    const { W, H } = plantedFactors(o);
    expect([W.rows, W.cols, H.rows, H.cols]).toEqual([13, 3, 3, 9]);
    const V = lowRank({ ...o, noise: 0 }).values;
    const WH = new Float64Array(13 * 9);
    for (let i = 0; i < 13; i++)
      for (let a = 0; a < 3; a++) for (let j = 0; j < 9; j++) WH[i * 9 + j] += W.data[i * 3 + a] * H.data[a * 9 + j];
    expect(WH).toEqual(V);
    expect(plantedFactors({ ...o, seed: 6 }).W.data).not.toEqual(W.data);
  });

  it('refuses a planted rank above min(rows, cols) as lowRank does', () => {
    expect(paramError(() => plantedFactors({ rows: 4, cols: 3, rank: 4, seed: 1 })).message).toBe(
      'planted rank 4 must be an integer from 1 to 3',
    );
  });
});
