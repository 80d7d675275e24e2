// als: one iteration equals the plain-TypeScript oracle (each column of H, then each row of W,
// solved over its observed entries and clipped), full and masked; singular subproblems stay
// finite; the trace residual is right; step() allocates nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../src/wasm/engine.js';
import { createEngineNode } from '../src/wasm/node.js';
import { columnLists, rowLists } from '../src/solvers/als-mask.js';
import { als } from '../src/solvers/als.js';
import { anls } from '../src/solvers/anls.js';
import type { SolverInfo } from '../src/solvers/types.js';
import { DEFAULT_PARAMS } from '../src/solvers/types.js';
import { loadProblem, type Problem } from '../src/core/problem.js';
import { Rng } from '../src/core/rng.js';
import { dataOf, plantedCase, startCase, type AlsCase } from './helpers/als-case.js';
import { alternatingStep, clippedSolve, scaledDiff, solveGE } from './helpers/linalg.js';

let engine: Engine;
beforeAll(async () => {
  engine = await createEngineNode();
});

/** A solver made directly (no driver) on the case, with ‖M∘(V − WH)‖² summed entry by entry in TS. */
function create(info: SolverInfo, c: AlsCase) {
  const problem = loadProblem(engine, dataOf(c));
  const W = engine.matFrom(c.m, c.k, c.W0);
  const H = engine.matFrom(c.k, c.n, c.H0);
  const solver = info.create({ engine, problem, k: c.k, W, H, params: DEFAULT_PARAMS, rng: new Rng(1) });
  const directSq = (): number => {
    const Wv = engine.view(W);
    const Hv = engine.view(H);
    let sq = 0;
    for (let i = 0; i < c.m; i++) {
      for (let j = 0; j < c.n; j++) {
        if (c.mask && c.mask[i * c.n + j] === 0) continue;
        let wh = 0;
        for (let a = 0; a < c.k; a++) wh += Wv[i * c.k + a] * Hv[a * c.n + j];
        sq += (c.V[i * c.n + j] - wh) ** 2;
      }
    }
    return sq;
  };
  return { solver, directSq };
}

describe('als', () => {
  it('one iteration with a full mask equals solve-then-clip per column of H, then per row of W', () => {
    const c = plantedCase(1, 14, 11, 3);
    const f = startCase(engine, c, 'als');
    const want = alternatingStep(c.V, null, c.W0, c.H0, c.m, c.n, c.k, clippedSolve);
    f.step();
    expect(scaledDiff(engine.view(f.H), want.H)).toBeLessThan(1e-11);
    expect(scaledDiff(engine.view(f.W), want.W)).toBeLessThan(1e-11);
    expect(want.H.some((v) => v === 0) || want.W.some((v) => v === 0)).toBe(true); // clipping happened
  });

  it('with missing entries, each column and row uses only its observed entries (Grams summed and subtracted)', () => {
    // Columns 0–3 and rows 0–4 mostly missing (their Grams are summed), the rest mostly observed
    // (their Grams are the full Gram minus the missing rows).
    const c = plantedCase(2, 16, 12, 3, (i, j, rng) => (j < 4 || i < 5 ? (i + j) % 3 !== 0 : rng.next() < 0.15));
    const seen = (i: number, j: number) => c.mask![i * c.n + j] !== 0;
    for (let j = 0; j < c.n; j++)
      expect(Array.from({ length: c.m }, (_, i) => seen(i, j)).filter(Boolean).length).toBeGreaterThanOrEqual(c.k);
    for (let i = 0; i < c.m; i++)
      expect(Array.from({ length: c.n }, (_, j) => seen(i, j)).filter(Boolean).length).toBeGreaterThanOrEqual(c.k);
    const f = startCase(engine, c, 'als');
    const modes = (l: ReturnType<typeof columnLists>) => new Set(engine.viewI32(l.mode, l.count));
    expect(modes(columnLists(engine, (f.problem as Problem).M!))).toEqual(new Set([0, 1]));
    expect(modes(rowLists(engine, (f.problem as Problem).M!))).toEqual(new Set([0, 1]));
    let W = c.W0;
    let H = c.H0;
    for (let it = 0; it < 3; it++) {
      ({ W, H } = alternatingStep(c.V, c.mask, W, H, c.m, c.n, c.k, clippedSolve));
      f.step();
      expect(scaledDiff(engine.view(f.H), H)).toBeLessThan(1e-10);
      expect(scaledDiff(engine.view(f.W), W)).toBeLessThan(1e-10);
    }
  });

  it('a column with fewer observed rows than k gets max(0, the minimum-norm solution); one with none gets 0', () => {
    // k = 3; column 0 observes rows 0 and 1 only, column 1 observes nothing.
    const c = plantedCase(3, 10, 8, 3, (i, j) => (j === 0 ? i > 1 : j === 1));
    const f = startCase(engine, c, 'als');
    f.step();
    const H = engine.copyOut(f.H);
    expect(H.every(Number.isFinite)).toBe(true);
    expect([H[1], H[c.n + 1], H[2 * c.n + 1]]).toEqual([0, 0, 0]);
    // Minimum-norm solution of W_o h = v_o with W_o = rows 0, 1 of W0: h = W_oᵀ (W_o W_oᵀ)⁻¹ v_o.
    const k = c.k;
    const Wo = c.W0.subarray(0, 2 * k);
    const vo = [c.V[0], c.V[c.n]];
    const WWt = [0, 1].flatMap((i) =>
      [0, 1].map((j) => Array.from({ length: k }, (_, a) => Wo[i * k + a] * Wo[j * k + a]).reduce((s, x) => s + x)),
    );
    const y = solveGE(WWt, vo, 2)!;
    const h = Array.from({ length: k }, (_, a) => Math.max(0, Wo[a] * y[0] + Wo[k + a] * y[1]));
    expect(scaledDiff([H[0], H[c.n], H[2 * c.n]], h)).toBeLessThan(1e-5);
  });

  it('a zero column of W gives a zero row of H and stays finite through further iterations', () => {
    const c = plantedCase(4, 12, 9, 3);
    for (let i = 0; i < c.m; i++) c.W0[i * c.k + 1] = 0;
    const f = startCase(engine, c, 'als');
    f.step();
    const H = engine.copyOut(f.H);
    expect(Array.from(H.subarray(c.n, 2 * c.n))).toEqual(new Array(c.n).fill(0));
    for (let it = 0; it < 5; it++) f.step();
    expect(engine.view(f.W).every(Number.isFinite) && engine.view(f.H).every(Number.isFinite)).toBe(true);
    expect(f.stop).toBeNull();
  });

  it('W = 0 gives H = 0 without NaN', () => {
    const c = plantedCase(5, 6, 5, 2);
    c.W0.fill(0);
    const f = startCase(engine, c, 'als');
    f.step();
    expect(Array.from(engine.view(f.H))).toEqual(new Array(c.k * c.n).fill(0));
    expect(engine.view(f.W).every(Number.isFinite)).toBe(true);
  });

  for (const solver of [als, anls]) {
    it(`${solver.id}: residualSq, without forming WH, equals ‖M∘(V − WH)‖² summed entry by entry, full and masked`, () => {
      const mixed = (i: number, j: number, rng: Rng) => (j < 4 || i < 5 ? (i + j) % 3 !== 0 : rng.next() < 0.15);
      for (const c of [plantedCase(6, 16, 12, 3), plantedCase(6, 16, 12, 3, mixed)]) {
        const s = create(solver, c);
        for (let it = 0; it < 3; it++) s.solver.step();
        const sq = s.directSq();
        const fast = s.solver.residualSq!();
        expect(fast).not.toBeNull();
        expect(Math.abs(fast! - sq) / sq).toBeLessThan(1e-9);
      }
    });
  }

  it('residualSq is null when cancellation would cost digits (an exact fit), so the driver sums entry by entry', () => {
    // V = u vᵀ, started from W0 = u, is fitted exactly by one als iteration at k = 1, full or masked.
    for (const missing of [undefined, (i: number, j: number) => (i + j) % 4 === 0]) {
      const c = plantedCase(9, 8, 7, 1, missing);
      const u = Array.from({ length: c.m }, (_, i) => 1 + i / 3);
      const v = Array.from({ length: c.n }, (_, j) => 2 - j / 5);
      c.V = c.V.map((_x, t) => (c.mask && c.mask[t] === 0 ? 0 : u[Math.floor(t / c.n)] * v[t % c.n]));
      c.W0 = Float64Array.from(u);
      const s = create(als, c);
      s.solver.step();
      expect(s.directSq()).toBeLessThan(1e-20);
      expect(s.solver.residualSq!()).toBeNull();
    }
  });

  it('allocates nothing per iteration (engine.used unchanged across steps), full and masked', () => {
    for (const missing of [undefined, (_i: number, _j: number, rng: { next(): number }) => rng.next() < 0.2]) {
      const c = plantedCase(7, 20, 15, 4, missing);
      const f = startCase(engine, c, 'als');
      const used = engine.used;
      for (let it = 0; it < 5; it++) f.step();
      expect(engine.used).toBe(used);
    }
  });
});
