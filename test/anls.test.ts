// anls: one iteration equals exact NNLS per column of H, then per row of W (brute force in
// plain TypeScript), full and masked; the objective never increases, even with columns that
// observe fewer rows than k; the solution satisfies KKT; step() allocates nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../src/wasm/engine.js';
import { createEngineNode } from '../src/wasm/node.js';
import { plantedCase, startCase } from './helpers/als-case.js';
import { alternatingStep, bruteNnls, kktViolation, scaledDiff } from './helpers/linalg.js';

let engine: Engine;
beforeAll(async () => {
  engine = await createEngineNode();
});

/** G_j (k×k) and b_j (k) of column j of H: the Gram and Wᵀv over the observed rows of W (m×k). */
function columnProblem(V: Float64Array, mask: Float64Array | null, W: Float64Array, m: number, n: number, k: number, j: number) {
  const G = new Float64Array(k * k);
  const b = new Float64Array(k);
  for (let i = 0; i < m; i++) {
    if (mask && mask[i * n + j] === 0) continue;
    for (let a = 0; a < k; a++) {
      b[a] += W[i * k + a] * V[i * n + j];
      for (let c = 0; c < k; c++) G[a * k + c] += W[i * k + a] * W[i * k + c];
    }
  }
  return { G, b };
}

describe('anls', () => {
  it('one iteration with a full mask equals exact NNLS per column of H, then per row of W', () => {
    const c = plantedCase(11, 14, 11, 4);
    const f = startCase(engine, c, 'anls');
    const want = alternatingStep(c.V, null, c.W0, c.H0, c.m, c.n, c.k, bruteNnls);
    f.step();
    expect(scaledDiff(engine.view(f.H), want.H)).toBeLessThan(1e-10);
    expect(scaledDiff(engine.view(f.W), want.W)).toBeLessThan(1e-10);
    expect(want.H.some((v) => v === 0) || want.W.some((v) => v === 0)).toBe(true); // constraints active
  });

  it('with missing entries, follows exact NNLS over the observed entries for several iterations', () => {
    const c = plantedCase(12, 16, 12, 3, (i, j, rng) => (j < 4 || i < 5 ? (i + j) % 3 !== 0 : rng.next() < 0.15));
    const f = startCase(engine, c, 'anls');
    let W = c.W0;
    let H = c.H0;
    for (let it = 0; it < 4; it++) {
      ({ W, H } = alternatingStep(c.V, c.mask, W, H, c.m, c.n, c.k, bruteNnls));
      f.step();
      expect(scaledDiff(engine.view(f.H), H)).toBeLessThan(1e-9);
      expect(scaledDiff(engine.view(f.W), W)).toBeLessThan(1e-9);
    }
  });

  it('never increases the objective, full and masked, with columns that observe fewer rows than k', () => {
    const cases = [
      plantedCase(13, 24, 18, 5),
      plantedCase(14, 24, 18, 5, (_i, _j, rng) => rng.next() < 0.3),
      // columns 0..2 observe 2 rows each (< k = 5), column 3 none
      plantedCase(15, 24, 18, 5, (i, j, rng) => (j < 3 ? i % 12 !== j : j === 3 ? true : rng.next() < 0.1)),
    ];
    for (const c of cases) {
      const f = startCase(engine, c, 'anls');
      let prev = f.loss;
      for (let it = 0; it < 25; it++) {
        f.step();
        expect(f.loss).toBeLessThanOrEqual(prev * (1 + 1e-12) + 1e-24 * f.problem.normV2);
        prev = f.loss;
      }
      expect(engine.view(f.W).every((v) => v >= 0) && engine.view(f.H).every((v) => v >= 0)).toBe(true);
      expect(f.relError).toBeLessThan(f.initialRelError);
    }
  });

  it('leaves every column of H at a KKT point of its masked subproblem, singular ones included', () => {
    // Column 0 observes rows 0 and 1 only (< k = 4): its Gram is singular.
    const c = plantedCase(16, 20, 15, 4, (i, j, rng) => (j === 0 ? i > 1 : rng.next() < 0.25));
    const f = startCase(engine, c, 'anls');
    for (let it = 0; it < 3; it++) f.step();
    // The next step solves H against the current W.
    const W = engine.copyOut(f.W);
    f.step();
    const H = engine.copyOut(f.H);
    let active = 0;
    for (let j = 0; j < c.n; j++) {
      const { G, b } = columnProblem(c.V, c.mask, W, c.m, c.n, c.k, j);
      const h = Array.from({ length: c.k }, (_, a) => H[a * c.n + j]);
      active += h.filter((v) => v === 0).length;
      expect(kktViolation(G, b, h, c.k)).toBeLessThan(1e-12);
    }
    expect(active).toBeGreaterThan(0);
  });

  it('allocates nothing per iteration (engine.used unchanged across steps), full and masked', () => {
    for (const missing of [undefined, (_i: number, _j: number, rng: { next(): number }) => rng.next() < 0.2]) {
      const c = plantedCase(17, 20, 15, 4, missing);
      const f = startCase(engine, c, 'anls');
      const used = engine.used;
      for (let it = 0; it < 5; it++) f.step();
      expect(engine.used).toBe(used);
    }
  });
});
