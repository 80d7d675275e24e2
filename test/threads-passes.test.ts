// Threads (src/wasm/pool.ts), the passes over WH: the direct squared error and kl's fused pass
// (split by blocks of 32 rows, their sums added in block order) and masked HALS's two sweeps (H by
// columns, W by rows) give bit for bit what one thread gives on 2 and 3 threads (the products and
// whole runs: test/threads.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../src/core/rng.js';
import type { Engine } from '../src/wasm/engine.js';
import { createEngineNode } from '../src/wasm/node.js';
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

/** ‖M∘(V − WH)‖² on engine e for random V (m×n), W, H and, when `masked`, a random mask (V 0 where it is 0). */
function sqResidualOn(e: Engine, m: number, n: number, k: number, masked: boolean): number {
  e.reset();
  const rng = new Rng(m + 2 * n + k);
  const Mv = masked ? Float64Array.from({ length: m * n }, () => (rng.next() < 0.3 ? 0 : 1)) : null;
  const v = uniform(rng, m * n, 0, 2);
  if (Mv) for (let t = 0; t < v.length; t++) v[t] *= Mv[t];
  const V = e.matFrom(m, n, v);
  const M = Mv ? e.matFrom(m, n, Mv) : null;
  const W = e.matFrom(m, k, uniform(rng, m * k));
  const H = e.matFrom(k, n, uniform(rng, k * n));
  return e.ops.sqResidual(V, M, W, H);
}

describe('‖M∘(V − WH)‖² split by blocks of rows on 2 and 3 threads: bit for bit as on one', () => {
  for (const [m, n, k] of [
    [545, 97, 13],
    [2000, 40, 5],
    [1023, 64, 20],
  ]) {
    for (const masked of [false, true]) {
      it(`V ${m}×${n}, k = ${k}${masked ? ', 30% missing' : ''}`, () => {
        const ref = sqResidualOn(one, m, n, k, masked);
        for (const e of many) {
          const before = e.splitJobs;
          const got = sqResidualOn(e, m, n, k, masked);
          expect(e.splitJobs - before).toBe(1);
          expect([e.threads, got]).toEqual([e.threads, ref]);
        }
      });
    }
  }

  it('fewer than 16 blocks of 32 rows run on the calling thread alone', () => {
    const before = many[0].splitJobs;
    const got = sqResidualOn(many[0], 480, 200, 10, false);
    expect(many[0].splitJobs).toBe(before);
    expect(got).toBe(sqResidualOn(one, 480, 200, 10, false));
  });
});

/**
 * kl's fused pass (Q, KL, ‖M∘(V − WH)‖²) and the separate KL and squared error on engine e;
 * `tiny` puts V = 1e-310 into a few rows across the blocks (a subnormal quotient: those rows are
 * summed entry by entry, on whichever thread has their block, with its own scratch row).
 */
function klPassOn(e: Engine, m: number, n: number, k: number, masked: boolean, tiny: boolean) {
  e.reset();
  const rng = new Rng(5 * m + n + k);
  const Mv = masked ? Float64Array.from({ length: m * n }, () => (rng.next() < 0.3 ? 0 : 1)) : null;
  const v = uniform(rng, m * n, 0, 2);
  if (Mv) for (let t = 0; t < v.length; t++) v[t] *= Mv[t];
  if (tiny) for (let i = 3; i < m; i += 37) v[i * n + 1] = 1e-310;
  if (tiny && Mv) for (let i = 3; i < m; i += 37) Mv[i * n + 1] = 1;
  const V = e.matFrom(m, n, v);
  const M = Mv ? e.matFrom(m, n, Mv) : null;
  const W = e.matFrom(m, k, uniform(rng, m * k));
  const H = e.matFrom(k, n, uniform(rng, k * n));
  const Q = e.mat(m, n),
    out = e.mat(1, 2),
    scratch = e.mat(1, n);
  e.ops.klQuotientLoss(V, M, W, H, Q, out, 1e-9, scratch);
  const [kl, sq] = e.view(out);
  return { Q: e.copyOut(Q), kl, sq, separateKl: e.ops.klDivergence(V, M, W, H, scratch), separateSq: e.ops.sqResidual(V, M, W, H) };
}

describe("kl's fused pass split by blocks of rows on 2 and 3 threads: Q, KL and ‖M∘(V − WH)‖² bit for bit as on one", () => {
  for (const [m, n, k, masked, tiny] of [
    [545, 97, 13, false, false],
    [1023, 64, 20, true, false],
    [600, 50, 9, false, true],
    [700, 101, 6, true, true],
  ] as const) {
    it(`V ${m}×${n}, k = ${k}${masked ? ', 30% missing' : ''}${tiny ? ', subnormal quotients in rows across the blocks' : ''}`, () => {
      const ref = klPassOn(one, m, n, k, masked, tiny);
      expect(Object.is(ref.kl, ref.separateKl) && Object.is(ref.sq, ref.separateSq) && Number.isFinite(ref.kl)).toBe(true);
      for (const e of many) {
        const before = e.splitJobs;
        const got = klPassOn(e, m, n, k, masked, tiny);
        expect(e.splitJobs - before).toBe(2); // the fused pass and sqResidual (klDivergence stays on one thread)
        expect([e.threads, firstDiff(got.Q, ref.Q), got.kl, got.sq, got.separateKl]).toEqual([e.threads, -1, ref.kl, ref.sq, ref.kl]);
      }
    });
  }
});

/** H, W and R after one masked HALS sweep each (rows of H, then columns of W) from random factors and a random mask, on engine e. */
function maskedHalsSweeps(e: Engine, m: number, n: number, k: number) {
  e.reset();
  const rng = new Rng(3 * m + n + k);
  const Mv = Float64Array.from({ length: m * n }, () => (rng.next() < 0.3 ? 0 : 1));
  const v = uniform(rng, m * n, 0, 2);
  for (let t = 0; t < v.length; t++) v[t] *= Mv[t];
  const V = e.matFrom(m, n, v);
  const M = e.matFrom(m, n, Mv);
  const W = e.matFrom(m, k, uniform(rng, m * k));
  const H = e.matFrom(k, n, uniform(rng, k * n));
  const R = e.mat(m, n);
  const scratch = e.mat(3, n);
  e.ops.residual(V, M, W, H, R);
  e.ops.halsRowsMasked(H, W, M, R, scratch);
  e.ops.halsColsMasked(W, H, M, R);
  return { H: e.copyOut(H), W: e.copyOut(W), R: e.copyOut(R) };
}

describe('the masked HALS sweeps split on 2 and 3 threads (H by columns, W by rows): bit for bit as on one', () => {
  for (const [m, n, k] of [
    [400, 300, 20],
    [1500, 181, 7],
    [40, 5001, 3],
  ]) {
    it(`V ${m}×${n}, k = ${k}`, () => {
      const ref = maskedHalsSweeps(one, m, n, k);
      for (const e of many) {
        const before = e.splitJobs;
        const got = maskedHalsSweeps(e, m, n, k);
        expect(e.splitJobs - before).toBe(3); // the residual and both sweeps
        for (const key of ['H', 'W', 'R'] as const) expect([e.threads, key, firstDiff(got[key], ref[key])]).toEqual([e.threads, key, -1]);
      }
    });
  }
});

describe('hals_rows_masked_cols in tiles of 2048 columns: bit for bit as hals_rows_masked', () => {
  it('V 30×5001, k = 4, every column in one range (three tiles, the last odd) and in two ranges', () => {
    const [m, n, k] = [30, 5001, 4];
    const run = (ranges: [number, number][]) => {
      one.reset();
      const rng = new Rng(77);
      const Mv = Float64Array.from({ length: m * n }, () => (rng.next() < 0.3 ? 0 : 1));
      const v = uniform(rng, m * n, 0, 2);
      for (let t = 0; t < v.length; t++) v[t] *= Mv[t];
      const [V, M] = [one.matFrom(m, n, v), one.matFrom(m, n, Mv)];
      const W = one.matFrom(m, k, uniform(rng, m * k));
      const H = one.matFrom(k, n, uniform(rng, k * n));
      const R = one.mat(m, n);
      one.ops.residual(V, M, W, H, R);
      const K = one.kernels;
      if (ranges.length === 0) K.hals_rows_masked(H.ptr, W.ptr, M.ptr, R.ptr, one.mat(3, n).ptr, m, k, n);
      else {
        const scratch = one.block(3 * 2048 * 8).ptr;
        for (const [j0, j1] of ranges) K.hals_rows_masked_cols(H.ptr, W.ptr, M.ptr, R.ptr, scratch, m, k, n, j0, j1);
      }
      return { H: one.copyOut(H), R: one.copyOut(R) };
    };
    const whole = run([]);
    for (const ranges of [
      [[0, n]],
      [
        [0, 2504],
        [2504, n],
      ],
    ] as [number, number][][]) {
      const got = run(ranges);
      expect([ranges.length, firstDiff(got.H, whole.H), firstDiff(got.R, whole.R)]).toEqual([ranges.length, -1, -1]);
    }
  });
});
