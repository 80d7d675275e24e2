// The float32 mode (src/driver/float32.ts, assembly/products-f32.ts): its products against the
// float64 ones, its chunks against the whole, its runs the same bit for bit on 1, 2 and 3
// threads, every solver within the stated tolerance of the float64 reference trajectories, and
// the solvers it changes exactly those usesFloat32 names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProblem } from '../src/core/problem.js';
import { Rng } from '../src/core/rng.js';
import { lowRank } from '../src/data/generate.js';
import { Factorization } from '../src/driver/factorization.js';
import { float32ScratchLen, usesFloat32 } from '../src/driver/float32.js';
import { DEFAULT_OPTIONS, OptionError, solverParams } from '../src/driver/options.js';
import { ALGORITHM_IDS, SOLVERS } from '../src/solvers/registry.js';
import type { AlgorithmId } from '../src/solvers/types.js';
import { DEFAULT_PARAMS } from '../src/solvers/types.js';
import type { Engine } from '../src/wasm/engine.js';
import { createEngineNode } from '../src/wasm/node.js';
import { firstDiff, uniform } from './helpers/kernels.js';
import { loadReference, maxRelDiff, maxScaledDiff, referenceNames } from './helpers/reference.js';

/** The float32 mode's stated tolerance: relative error history within this (relative) of float64's. */
const HISTORY_TOL = 1e-4;
/** ... and the final W, H within this of float64's (largest difference over the largest entry). */
const FACTOR_TOL = 1e-4;

let one: Engine;
const many: Engine[] = [];
beforeAll(async () => {
  one = await createEngineNode();
  many.push(await createEngineNode({ threads: 2 }), await createEngineNode({ threads: 3 }));
}, 120_000);
afterAll(() => {
  one.close();
  for (const e of many) e.close();
});

/** WᵀV and VHᵀ of random V (m×n), W (m×k), H (k×n) on e, in float64 and through V's float32 copy. */
function products(e: Engine, m: number, n: number, k: number) {
  e.reset();
  const rng = new Rng(m + 7 * n + k);
  const V = e.matFrom(m, n, uniform(rng, m * n, 0, 2));
  const W = e.matFrom(m, k, uniform(rng, m * k));
  const H = e.matFrom(k, n, uniform(rng, k * n));
  const copy = e.block(m * n * 4);
  const scratchLen = float32ScratchLen(m, n, k);
  e.kernels.to_f32(V.ptr, copy.ptr, m * n);
  const V32 = { ...V, f32: { ptr: copy.ptr, scratch: e.block(scratchLen * 4).ptr, scratchLen } };
  const [a, b, c, d] = [e.mat(k, n), e.mat(k, n), e.mat(m, k), e.mat(m, k)];
  e.ops.gemmTN(W, V, a);
  e.ops.gemmTN(W, V32, b);
  e.ops.gemmNT(V, H, c);
  e.ops.gemmNT(V32, H, d);
  return { WtV: e.copyOut(a), WtV32: e.copyOut(b), VHt: e.copyOut(c), VHt32: e.copyOut(d) };
}

describe('float32 products: within float32 rounding of float64, the same on any thread count', () => {
  for (const [m, n, k] of [
    [203, 131, 13],
    [400, 300, 20],
    [97, 1201, 7],
    [1500, 180, 2],
    [64, 64, 64],
    [33, 9, 1],
  ]) {
    it(`V ${m}×${n}, k = ${k}`, () => {
      const ref = products(one, m, n, k);
      // positive data: each entry within a few f32 roundings (2^-24 ≈ 6e-8) of the float64 one
      expect(maxRelDiff(ref.WtV32, ref.WtV)).toBeLessThan(1e-6);
      expect(maxRelDiff(ref.VHt32, ref.VHt)).toBeLessThan(1e-6);
      expect(maxRelDiff(ref.WtV32, ref.WtV)).toBeGreaterThan(0); // it did run in float32
      for (const e of many) {
        const got = products(e, m, n, k);
        expect([e.threads, firstDiff(got.WtV32, ref.WtV32), firstDiff(got.VHt32, ref.VHt32)]).toEqual([e.threads, -1, -1]);
      }
    });
  }
});

describe('float32 products check their scratch', () => {
  it('a scratch without the room the last tiles read past W and H is refused, naming what it needs', () => {
    one.reset();
    const [m, n, k] = [30, 20, 5];
    const V = one.mat(m, n);
    const copy = one.block(m * n * 4);
    const tight = { ...V, f32: { ptr: copy.ptr, scratch: one.block(m * n * 4).ptr, scratchLen: m * k } };
    const [W, H] = [one.mat(m, k), one.mat(k, n)];
    expect(() => one.ops.gemmTN(W, tight, one.mat(k, n))).toThrow('the float32 scratch holds 150 entries, A needs 153');
    expect(() => one.ops.gemmNT(tight, H, one.mat(m, k))).toThrow('the float32 scratch holds 150 entries, B needs 160');
  });
});

/** W, H and the history after `iterations` steps of `algorithm` at `precision` on engine e. */
function run(e: Engine, algorithm: AlgorithmId, precision: 'float64' | 'float32', missing: boolean, iterations = 6) {
  e.reset();
  const d = lowRank({ rows: 260, cols: 170, rank: 8, noise: 0.1, seed: 11 });
  const values = missing ? d.values.map((x, t) => ((t * 7919) % 100 < 20 ? NaN : x)) : d.values;
  const f = new Factorization(e, loadProblem(e, { ...d, values }), {
    ...DEFAULT_OPTIONS,
    algorithm,
    precision,
    rank: 8,
    seed: 3,
    tol: 0,
    maxIter: iterations,
    params: solverParams(algorithm),
  });
  for (let i = 0; i < iterations && !f.stop; i++) f.step();
  return { W: e.copyOut(f.W), H: e.copyOut(f.H), history: f.history.slice(), precision: f.precision };
}

describe('float32 runs', () => {
  for (const s of SOLVERS) {
    for (const missing of [false, true]) {
      if (missing && s.maskUnsupported) continue;
      const name = `${s.id}${missing ? ', 20% missing' : ''}`;
      it(`${name}: float32 changes the run exactly when usesFloat32 says so, the same on 1, 2 and 3 threads`, () => {
        const f64 = run(one, s.id, 'float64', missing);
        const f32 = run(one, s.id, 'float32', missing);
        const changes = usesFloat32(s.id, missing);
        expect(f32.precision).toBe(changes ? 'float32' : 'float64');
        expect(firstDiff(f32.W, f64.W) !== -1).toBe(changes);
        for (const e of many) {
          const got = run(e, s.id, 'float32', missing);
          expect([e.threads, firstDiff(got.W, f32.W), firstDiff(got.H, f32.H)]).toEqual([e.threads, -1, -1]);
          expect(got.history).toEqual(f32.history);
        }
      });
    }
  }

  it('a precision that is not one names the option', () => {
    const d = lowRank({ rows: 20, cols: 10, rank: 2, noise: 0.1, seed: 1 });
    const make = () => new Factorization(one, loadProblem(one, d), { ...DEFAULT_OPTIONS, precision: 'float16' as 'float32' });
    expect(make).toThrow(OptionError);
    expect(make).toThrow('precision float16 must be one of float64, float32');
  });
});

describe(`every solver in float32 mode follows the float64 reference trajectories within ${HISTORY_TOL}`, () => {
  const cases = referenceNames()
    .filter((n) => !n.startsWith('init_'))
    .map(loadReference)
    .filter((c) => ALGORITHM_IDS.includes(c.algorithm));
  for (const c of cases) {
    it(c.name, async () => {
      const engine = await createEngineNode();
      const f = new Factorization(engine, loadProblem(engine, c.V), {
        ...DEFAULT_OPTIONS,
        algorithm: c.algorithm,
        precision: 'float32',
        rank: c.rank,
        init: 'given',
        given: { W0: c.W0, H0: c.H0 },
        maxIter: c.iterations,
        tol: 0,
        params: { ...DEFAULT_PARAMS, extrapolate: false, ...c.params }, // the references are of plain anls
      });
      while (!f.stop) f.step();
      expect(f.history).toHaveLength(c.iterations);
      const dev = maxRelDiff(f.history, c.relErrorHistory);
      expect(dev).toBeLessThan(HISTORY_TOL);
      expect(maxScaledDiff(engine.view(f.W), c.W.data)).toBeLessThan(FACTOR_TOL);
      expect(maxScaledDiff(engine.view(f.H), c.H.data)).toBeLessThan(FACTOR_TOL);
      engine.close();
    });
  }
});
