// Threads (src/wasm/pool.ts): the products, kl's quotient, M∘(WH), M∘(V − WH), the masked solves and the sparse
// products split over 2 and 3 threads sharing one wasm memory give bit for bit what one thread
// gives, product by product and as whole runs of every solver (dense, masked and sparse); the
// fixed partition covers each output once, in order (the chunks: test/pool-chunks.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProblem } from '../src/core/problem.js';
import { denseToSparse } from '../src/core/sparse.js';
import { loadSparseProblem } from '../src/core/sparse-problem.js';
import { Rng } from '../src/core/rng.js';
import { lowRank, planted } from '../src/data/generate.js';
import { Factorization } from '../src/driver/factorization.js';
import { DEFAULT_OPTIONS, solverParams } from '../src/driver/options.js';
import { SOLVERS } from '../src/solvers/registry.js';
import type { Engine } from '../src/wasm/engine.js';
import { createEngineNode } from '../src/wasm/node.js';
import { serve } from '../src/wasm/pool-jobs.js';
import { CONTROL_SLOTS, JOB, partRange, SLOT } from '../src/wasm/pool-parts.js';
import { firstDiff, uniform } from './helpers/kernels.js';

let one: Engine;
const many: Engine[] = [];
beforeAll(async () => {
  one = await createEngineNode();
  many.push(await createEngineNode({ threads: 2 }), await createEngineNode({ threads: 3 }));
}, 120_000); // starting workers takes seconds on a loaded machine
afterAll(() => {
  for (const e of many) e.close();
});

describe('partRange: parts in order, whole multiples of 8 but the last, covering every row once', () => {
  for (const [total, parts] of [
    [0, 2],
    [1, 2],
    [15, 2],
    [16, 2],
    [1000, 2],
    [999, 3],
    [20, 3],
    [2000, 7],
  ]) {
    it(`${total} over ${parts}`, () => {
      let next = 0;
      for (let t = 0; t < parts; t++) {
        const [lo, hi] = partRange(total, parts, t);
        expect(lo).toBe(next);
        expect(hi).toBeGreaterThanOrEqual(lo);
        if (hi < total) expect((hi - lo) % 8).toBe(0);
        next = hi;
      }
      expect(next).toBe(total);
    });
  }
});

/** The products, the quotient, M∘(WH) and the residuals of V (m×n), W (m×k), H (k×n) and a random mask on engine e, copied out. */
function products(e: Engine, m: number, n: number, k: number, seed: number) {
  e.reset();
  const rng = new Rng(seed);
  const V = e.matFrom(m, n, uniform(rng, m * n, 0, 2));
  const W = e.matFrom(m, k, uniform(rng, m * k));
  const H = e.matFrom(k, n, uniform(rng, k * n));
  const M = e.matFrom(
    m,
    n,
    Float64Array.from({ length: m * n }, () => (rng.next() < 0.3 ? 0 : 1)),
  );
  const WtV = e.mat(k, n),
    VHt = e.mat(m, k),
    WH = e.mat(m, n),
    Q = e.mat(m, n),
    P = e.mat(m, n),
    R = e.mat(m, n),
    RM = e.mat(m, n);
  e.ops.gemmTN(W, V, WtV);
  e.ops.gemmNT(V, H, VHt);
  e.ops.gemmNN(W, H, WH);
  e.ops.klQuotient(V, W, H, Q, 1e-9);
  e.ops.maskedWH(W, H, M, P);
  e.ops.residual(V, null, W, H, R);
  e.ops.residual(V, M, W, H, RM);
  return {
    WtV: e.copyOut(WtV),
    VHt: e.copyOut(VHt),
    WH: e.copyOut(WH),
    Q: e.copyOut(Q),
    P: e.copyOut(P),
    R: e.copyOut(R),
    RM: e.copyOut(RM),
  };
}

describe('WᵀV, VHᵀ, WH, V/(WH + ε), M∘(WH) and M∘(V − WH) on 2 and 3 threads: bit for bit as on one', () => {
  for (const [m, n, k] of [
    [203, 131, 13],
    [400, 300, 20],
    [97, 1201, 7],
    [1500, 180, 2],
    [64, 64, 64],
  ]) {
    it(`V ${m}×${n}, k = ${k}`, () => {
      const ref = products(one, m, n, k, m + n + k);
      for (const e of many) {
        const before = e.splitJobs;
        const got = products(e, m, n, k, m + n + k);
        expect(e.splitJobs - before).toBe(7);
        for (const key of ['WtV', 'VHt', 'WH', 'Q', 'P', 'R', 'RM'] as const)
          expect([e.threads, key, firstDiff(got[key], ref[key])]).toEqual([e.threads, key, -1]);
      }
    });
  }

  it('small products run on the calling thread alone', () => {
    const before = many[0].splitJobs;
    products(many[0], 12, 9, 3, 1);
    expect(many[0].splitJobs).toBe(before);
  });
});

/** H (k×n) and W (m×k) after one full HALS sweep each from random factors, Grams and products, on engine e. */
function halsSweeps(e: Engine, m: number, n: number, k: number) {
  e.reset();
  const rng = new Rng(m + n + k);
  const W = e.matFrom(m, k, uniform(rng, m * k));
  const H = e.matFrom(k, n, uniform(rng, k * n));
  // about as large as WᵀW·H and W·HHᵀ, so the sweeps both clip entries to 0 and keep others
  const WtV = e.matFrom(k, n, uniform(rng, k * n, 0, (m * k) / 4));
  const VHt = e.matFrom(m, k, uniform(rng, m * k, 0, (n * k) / 4));
  const WtW = e.mat(k, k),
    HHt = e.mat(k, k);
  e.ops.gramTN(W, WtW);
  e.ops.halsRows(H, WtV, WtW);
  e.ops.gramNT(H, HHt);
  e.ops.halsCols(W, VHt, HHt);
  return { H: e.copyOut(H), W: e.copyOut(W) };
}

describe('the full HALS sweeps split on 2 and 3 threads (H by columns, W by rows): bit for bit as on one', () => {
  for (const [m, n, k] of [
    [1003, 1201, 48],
    [1601, 2003, 37],
    [600, 700, 64],
  ]) {
    it(`W ${m}×${k}, H ${k}×${n}`, () => {
      const ref = halsSweeps(one, m, n, k);
      for (const X of [ref.H, ref.W]) {
        const zeros = X.filter((x) => x === 0).length;
        expect(zeros).toBeGreaterThan(0.05 * X.length);
        expect(zeros).toBeLessThan(0.95 * X.length);
      }
      for (const e of many) {
        const before = e.splitJobs;
        halsSweeps(e, 2000, 1000, 20); // below the sweeps' split threshold: one thread
        expect(e.splitJobs).toBe(before);
        const got = halsSweeps(e, m, n, k);
        expect(e.splitJobs - before).toBe(2);
        expect([e.threads, firstDiff(got.H, ref.H), firstDiff(got.W, ref.W)]).toEqual([e.threads, -1, -1]);
      }
    });
  }
});

/** X (k×n) and Y (m×k) = (LLᵀ)⁻¹B, column by column and row by row, clipped at 0, L the Cholesky factor of a random Gram, on engine e. */
function cholSolves(e: Engine, k: number, n: number, m: number) {
  e.reset();
  const rng = new Rng(k + n + m);
  const A = e.matFrom(3 * k, k, uniform(rng, 3 * k * k, -1, 1));
  const G = e.mat(k, k),
    L = e.mat(k, k);
  e.ops.gramTN(A, G);
  e.ops.cholFactor(G, L);
  const X = e.matFrom(k, n, uniform(rng, k * n, -2, 2));
  const Y = e.matFrom(m, k, uniform(rng, m * k, -2, 2));
  const work = e.block(8 * k);
  e.ops.cholSolveCols(L, X, X, work);
  e.ops.cholSolveRows(L, Y, Y, work);
  return { X: e.copyOut(X), Y: e.copyOut(Y) };
}

describe('the Cholesky solves of als split by vectors on 2 and 3 threads: bit for bit as on one', () => {
  for (const [k, n, m] of [
    [20, 1000, 2000],
    [13, 2003, 1601],
  ]) {
    it(`k = ${k}, ${n} columns, ${m} rows`, () => {
      const ref = cholSolves(one, k, n, m);
      for (const X of [ref.X, ref.Y]) {
        const zeros = X.filter((x) => x === 0).length;
        expect(zeros).toBeGreaterThan(0.05 * X.length);
        expect(zeros).toBeLessThan(0.95 * X.length);
      }
      for (const e of many) {
        const before = e.splitJobs;
        const got = cholSolves(e, k, n, m);
        expect(e.splitJobs - before).toBe(2);
        expect([e.threads, firstDiff(got.X, ref.X), firstDiff(got.Y, ref.Y)]).toEqual([e.threads, -1, -1]);
      }
    });
  }
});

/** X (k×n) = NNLS(G, B) column by column for G = AᵀA of a random A (60×k), B k×n, warm-started from 0, on engine e. */
function nnlsColumns(e: Engine, k: number, n: number) {
  e.reset();
  const rng = new Rng(k + n);
  const A = e.matFrom(60, k, uniform(rng, 60 * k, -1, 1));
  const G = e.mat(k, k);
  e.ops.gramTN(A, G);
  const B = e.matFrom(k, n, uniform(rng, k * n, -2, 2));
  const X = e.mat(k, n);
  const capped = e.ops.nnlsCols(G, B, X, e.block(e.ops.nnlsWorkBytes(k)));
  return { X: e.copyOut(X), capped };
}

describe('an NNLS batch (anls) split by columns on 2 and 3 threads: bit for bit as on one', () => {
  for (const [k, n] of [
    [20, 2000],
    [7, 9000],
  ]) {
    it(`k = ${k}, ${n} columns`, () => {
      const ref = nnlsColumns(one, k, n);
      for (const e of many) {
        const before = e.splitJobs;
        const got = nnlsColumns(e, k, n);
        expect(e.splitJobs - before).toBe(1);
        expect(firstDiff(got.X, ref.X)).toBe(-1);
        expect(got.capped).toBe(ref.capped);
      }
    });
  }
});

/** W, H and the error history after `iterations` steps of `algorithm` on engine e. */
function run(e: Engine, algorithm: string, missing: number, iterations: number) {
  e.reset();
  const d = lowRank({ rows: 260, cols: 170, rank: 8, noise: 0.1, seed: 11 });
  const values = missing ? d.values.map((x, t) => ((t * 7919) % 100 < missing * 100 ? NaN : x)) : d.values;
  const problem = loadProblem(e, { ...d, values });
  const f = new Factorization(e, problem, {
    ...DEFAULT_OPTIONS,
    algorithm: algorithm as (typeof DEFAULT_OPTIONS)['algorithm'],
    rank: 8,
    seed: 3,
    tol: 0,
    maxIter: iterations,
    params: solverParams(algorithm as (typeof DEFAULT_OPTIONS)['algorithm']),
  });
  for (let i = 0; i < iterations && !f.stop; i++) f.step();
  return { W: e.copyOut(f.W), H: e.copyOut(f.H), history: f.history.slice() };
}

describe('every solver: the same W, H and errors, bit for bit, on 1, 2 and 3 threads', () => {
  for (const s of SOLVERS) {
    for (const missing of [0, 0.2]) {
      it(`${s.id}${missing ? ', 20% missing' : ''}`, () => {
        const ref = run(one, s.id, missing, 6);
        for (const e of many) {
          const got = run(e, s.id, missing, 6);
          expect(firstDiff(got.W, ref.W)).toBe(-1);
          expect(firstDiff(got.H, ref.H)).toBe(-1);
          expect(got.history).toEqual(ref.history);
        }
      });
    }
  }

  it('the big solvers did split their products', () => {
    const e = many[0];
    const before = e.splitJobs;
    run(e, 'hals', 0, 2);
    run(e, 'kl', 0, 2);
    // hals: WᵀV and VHᵀ per step; kl: two quotients and two products in its first step, one quotient fewer after
    expect(e.splitJobs - before).toBeGreaterThanOrEqual(2 * 2 + 4 + 3);
  });
});

/** W, H and the error history after `iterations` steps of a sparse solver on a 1500×900 V held by its 4% observed entries. */
function runSparse(e: Engine, algorithm: string, iterations: number) {
  e.reset();
  const { data } = planted({ rows: 1500, cols: 900, rank: 10, noise: 0.05, seed: 5, missing: 0.96 });
  const problem = loadSparseProblem(e, denseToSparse(data));
  const id = algorithm as (typeof DEFAULT_OPTIONS)['algorithm'];
  const f = new Factorization(e, problem, {
    ...DEFAULT_OPTIONS,
    algorithm: id,
    rank: 10,
    seed: 2,
    tol: 0,
    maxIter: iterations,
    params: solverParams(id),
  });
  for (let i = 0; i < iterations && !f.stop; i++) f.step();
  return { W: e.copyOut(f.W), H: e.copyOut(f.H), history: f.history.slice() };
}

describe('the sparse solvers: the same W, H and errors, bit for bit, on 1, 2 and 3 threads, their passes split', () => {
  for (const s of SOLVERS.filter((x) => x.createSparse)) {
    it(s.id, () => {
      const ref = runSparse(one, s.id, 4);
      for (const e of many) {
        const before = e.splitJobs;
        const got = runSparse(e, s.id, 4);
        if (['als', 'anls', 'mu', 'hals', 'gd'].includes(s.id)) expect(e.splitJobs).toBeGreaterThan(before);
        expect(firstDiff(got.W, ref.W)).toBe(-1);
        expect(firstDiff(got.H, ref.H)).toBe(-1);
        expect(got.history).toEqual(ref.history);
      }
    });
  }
});

describe('a worker that starts waiting late still takes the job posted before', () => {
  it('serve() sees the generation the pool started at, not the current one', () => {
    // the coordinator posted a job (here: quit) before this worker reached its loop; a worker
    // that waited for the generation after it would block forever (the test times out)
    const c = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
    c[SLOT.job] = JOB.quit;
    Atomics.add(c, SLOT.generation, 1);
    serve(one.kernels, c, 1, 0);
    expect(Atomics.load(c, SLOT.generation)).toBe(1);
  });
});

describe('a pool refuses a bad thread count with the parameter named', () => {
  it('threads 0 and 1.5', async () => {
    await expect(createEngineNode({ threads: 0 })).rejects.toThrow('threads must be an integer ≥ 1 (got 0)');
    await expect(createEngineNode({ threads: 1.5 })).rejects.toThrow('threads must be an integer ≥ 1 (got 1.5)');
  });
});
