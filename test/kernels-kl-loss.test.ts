// kl's one pass after each iteration (kl_quotient_loss): the next quotient, the KL divergence
// and the squared error from one sweep over WH, each bit for bit what the separate kernels give,
// with and without a mask, on the edge shapes, on rows whose quotient leaves the vectorized
// log's range, and as the figures a kl run reports.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mat } from '../src/core/matrix.js';
import { loadProblem } from '../src/core/problem.js';
import { Rng } from '../src/core/rng.js';
import { lowRank } from '../src/data/generate.js';
import { Factorization } from '../src/driver/factorization.js';
import { DEFAULT_OPTIONS, solverParams } from '../src/driver/options.js';
import type { Engine } from '../src/wasm/engine.js';
import { createEngineNode } from '../src/wasm/node.js';
import { firstDiff, label, mask, testShapes, uniform } from './helpers/kernels.js';

let engine: Engine;
beforeAll(async () => {
  engine = await createEngineNode();
});

/** The fused pass and the three separate kernels on V, M, W, H: [fused Q, KL, sq] and [separate …]. */
function both(V: Mat, M: Mat | null, W: Mat, H: Mat, eps: number) {
  const { m, n } = { m: V.rows, n: V.cols };
  const ops = engine.ops;
  const Q1 = engine.mat(m, n),
    Q2 = engine.mat(m, n),
    out = engine.mat(1, 2),
    scratch = engine.mat(1, n);
  ops.klQuotientLoss(V, M, W, H, Q1, out, eps, scratch);
  ops.klQuotient(V, W, H, Q2, eps);
  const [kl, sq] = engine.view(out);
  return {
    fused: { Q: engine.copyOut(Q1), kl, sq },
    separate: { Q: engine.copyOut(Q2), kl: ops.klDivergence(V, M, W, H, scratch), sq: ops.sqResidual(V, M, W, H) },
  };
}

describe('kl_quotient_loss: Q, KL and ‖M∘(V − WH)‖² in one pass, as the separate kernels give them', () => {
  testShapes(91).forEach((s, c) => {
    for (const masked of [false, true]) {
      it(`${label(s)}${masked ? ', random mask' : ''}: bit for bit`, () => {
        engine.reset();
        const rng = new Rng(900 + c);
        const Mv = masked ? mask(rng, s.m * s.n) : null;
        const v = uniform(rng, s.m * s.n, 0, 2);
        if (Mv) for (let t = 0; t < v.length; t++) v[t] *= Mv[t];
        const V = engine.matFrom(s.m, s.n, v);
        const M = Mv ? engine.matFrom(s.m, s.n, Mv) : null;
        const W = engine.matFrom(s.m, s.k, uniform(rng, s.m * s.k));
        const H = engine.matFrom(s.k, s.n, uniform(rng, s.k * s.n));
        const { fused, separate } = both(V, M, W, H, 1e-9);
        expect(firstDiff(fused.Q, separate.Q)).toBe(-1);
        expect(Object.is(fused.kl, separate.kl)).toBe(true);
        expect(Object.is(fused.sq, separate.sq)).toBe(true);
      });
    }
  });

  it('rows with a zero, a subnormal and an infinite quotient are summed entry by entry, as klDivergence does', () => {
    engine.reset();
    const m = 5,
      n = 7,
      k = 2;
    const rng = new Rng(3);
    const w = uniform(rng, m * k, 0.5, 1);
    const h = uniform(rng, k * n, 0.5, 1);
    h[0 * n + 3] = 0;
    h[1 * n + 3] = 0; // column 3 of WH is 0: V/WH = ∞ where V > 0 (row 1), 0/0 where V = 0
    const v = uniform(rng, m * n, 0.5, 1.5);
    v[0 * n + 3] = 0;
    v[1 * n + 3] = 1;
    v[2 * n + 4] = 1e-320; // a subnormal quotient
    v[3 * n + 5] = 0; // 0·log 0 = 0
    const { fused, separate } = both(engine.matFrom(m, n, v), null, engine.matFrom(m, k, w), engine.matFrom(k, n, h), 1e-9);
    expect(separate.kl).toBe(Infinity);
    expect(Object.is(fused.kl, separate.kl)).toBe(true);
    expect(Object.is(fused.sq, separate.sq)).toBe(true);
    expect(firstDiff(fused.Q, separate.Q)).toBe(-1);
  });
});

describe('a kl run reports the divergence and the relative error of each iteration exactly', () => {
  for (const missing of [0, 0.25]) {
    it(`${missing ? '25% missing' : 'fully observed'}: objective and relative error equal the direct kernels after every step`, async () => {
      const e = await createEngineNode();
      const d = lowRank({ rows: 23, cols: 17, rank: 3, noise: 0.1, seed: 5 });
      const values = missing ? d.values.map((x, t) => ((t * 7) % 4 === 0 ? NaN : x)) : d.values;
      const problem = loadProblem(e, { ...d, values });
      const f = new Factorization(e, problem, { ...DEFAULT_OPTIONS, algorithm: 'kl', rank: 3, tol: 0, params: solverParams('kl') });
      const scratch = e.mat(1, problem.n);
      for (let it = 1; it <= 12; it++) {
        f.step();
        const kl = e.ops.klDivergence(problem.V, problem.M, f.W, f.H, scratch);
        const rel = Math.sqrt(e.ops.sqResidual(problem.V, problem.M, f.W, f.H) / problem.normV2);
        expect(Object.is(f.objectiveValue, kl)).toBe(true);
        expect(Object.is(f.relError, rel)).toBe(true);
      }
    });
  }
});
