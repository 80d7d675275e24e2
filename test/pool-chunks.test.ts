// The pool's chunks (src/wasm/pool-parts.ts, pool-jobs.ts): a job's rows or columns split into a
// few chunks per thread, covering the output once, in order; each chunk claimed once, only for the job it was
// posted with; and a job finishes even when its helpers never take a chunk, the calling thread
// claiming them all, with the result bit for bit as one thread's. A waiting thread spins a
// moment, then sleeps until it is notified. A chunk reads the arguments of its own control block.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../src/core/rng.js';
import type { Engine } from '../src/wasm/engine.js';
import { createEngineNode } from '../src/wasm/node.js';
import { ThreadPool } from '../src/wasm/pool.js';
import { Worker } from 'node:worker_threads';
import {
  awaitChange,
  CONTROL_SLOTS,
  chunkCount,
  claimChunk,
  closeClaims,
  firstClaim,
  JOB,
  leastChunk,
  openClaims,
  partRange,
  SLOT,
} from '../src/wasm/pool-parts.js';
import { firstDiff, uniform } from './helpers/kernels.js';

let one: Engine;
beforeAll(async () => {
  one = await createEngineNode();
});
afterAll(() => one.close());

describe('chunkCount with partRange: a few chunks per thread, in order, covering every row once', () => {
  for (const [total, threads] of [
    [1, 2],
    [15, 2],
    [16, 2],
    [1000, 2],
    [999, 3],
    [20, 3],
    [2000, 7],
  ]) {
    it(`${total} rows on ${threads} threads`, () => {
      const chunks = chunkCount(total, threads);
      expect(chunks).toBeGreaterThanOrEqual(1);
      expect(chunks).toBeLessThanOrEqual(4 * threads);
      let next = 0;
      for (let i = 0; i < chunks; i++) {
        const [lo, hi] = partRange(total, chunks, i);
        expect(lo).toBe(next);
        if (hi < total) expect((hi - lo) % 8).toBe(0);
        next = hi;
      }
      expect(next).toBe(total);
    });
  }
  it('2000 rows on 2 threads: 8 chunks', () => expect(chunkCount(2000, 2)).toBe(8));
  it('WᵀV over 1000 columns on 2 threads: 2 chunks of 504 and 496, over 5000: 8', () => {
    const least = leastChunk(JOB.gemmTNCols);
    expect(chunkCount(1000, 2, least)).toBe(2);
    expect([partRange(1000, 2, 0), partRange(1000, 2, 1)]).toEqual([
      [0, 504],
      [504, 1000],
    ]);
    expect(chunkCount(5000, 2, least)).toBe(8);
  });
});

describe('claimChunk: each chunk once, for its own job only', () => {
  function posted(g: number, chunks: number): Int32Array {
    const c = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
    c[SLOT.chunks] = chunks;
    c[SLOT.next] = firstClaim(g);
    c[SLOT.generation] = g;
    return c;
  }

  it('claims 0, 1, 2 of 3 chunks, then none', () => {
    const c = posted(5, 3);
    expect([claimChunk(c, 5), claimChunk(c, 5), claimChunk(c, 5), claimChunk(c, 5)]).toEqual([0, 1, 2, -1]);
  });

  it('a thread still on the job before claims nothing of the next one', () => {
    const c = posted(6, 4);
    expect(claimChunk(c, 5)).toBe(-1);
    expect(claimChunk(c, 6)).toBe(0);
    c[SLOT.next] = firstClaim(7); // the coordinator posts job 7
    expect(claimChunk(c, 6)).toBe(-1);
    expect(claimChunk(c, 7)).toBe(0);
  });

  it('a thread late on a job of 1 chunk claims nothing while the next job of 8 chunks is written', () => {
    const c = posted(6, 1);
    expect([claimChunk(c, 6), claimChunk(c, 6)]).toEqual([0, -1]); // job 6 over
    closeClaims(c, 7);
    c[SLOT.chunks] = 8; // job 7's count and arguments being written
    expect(claimChunk(c, 6)).toBe(-1); // before closeClaims: chunk 1, run with job 7's half-written arguments
    expect(claimChunk(c, 7)).toBe(-1);
    openClaims(c, 7);
    expect([claimChunk(c, 6), claimChunk(c, 7)]).toEqual([-1, 0]);
  });
});

describe('a job finishes when its helpers never take a chunk', () => {
  it('WᵀV on a pool of 3 whose two helpers never start serving: the calling thread claims every chunk', async () => {
    // helpers that say they are ready and then never run: a split by one part per thread would wait forever
    const host = { start: () => Promise.resolve(), stop: () => {} };
    const K = one.kernels;
    const pool = await ThreadPool.start(K, 3, host, (t) => ThreadPool.workspaceOf(K, t));
    one.reset();
    const [m, p, q] = [300, 13, 250];
    const rng = new Rng(9);
    const A = one.matFrom(m, p, uniform(rng, m * p));
    const B = one.matFrom(m, q, uniform(rng, m * q));
    const ref = one.mat(p, q);
    const C = one.mat(p, q);
    one.ops.gemmTN(A, B, ref);
    expect(pool.splits(m * p * q, q)).toBe(true);
    pool.run(JOB.gemmTNCols, [A.ptr, B.ptr, C.ptr, m, p, q], q);
    expect(firstDiff(one.copyOut(C), one.copyOut(ref))).toBe(-1);
    pool.close();
  });
});

describe('awaitChange: a thread waits for a slot to change, spinning first, then asleep', () => {
  it('returns at once when the slot already holds another value', () => {
    const c = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
    c[SLOT.generation] = 5;
    expect(awaitChange(c, SLOT.generation, 4)).toBe(5);
  });

  it('wakes from its sleep, with the new value, when another thread stores and notifies long after its spin', async () => {
    const control = new SharedArrayBuffer(CONTROL_SLOTS * 4);
    const c = new Int32Array(control);
    // the other thread waits for our signal in slot `done`, then sleeps 50 ms (well past the spin) before its store
    const code = `const { workerData } = require('node:worker_threads');
      const c = new Int32Array(workerData);
      Atomics.wait(c, 1, 0);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      Atomics.store(c, 0, 7);
      Atomics.notify(c, 0);`;
    const w = new Worker(code, { eval: true, workerData: control });
    try {
      Atomics.store(c, SLOT.done, 1);
      Atomics.notify(c, SLOT.done);
      const t0 = Date.now();
      expect(awaitChange(c, SLOT.generation, 0)).toBe(7);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(45);
    } finally {
      await w.terminate();
    }
  });
});

describe('a chunk reads the arguments of the control block it is run with', () => {
  it('R = V − WH on two pools in turn (A, B, A): each result is bit for bit the one-thread residual of its own matrices', async () => {
    // the helpers never serve, so this thread runs every chunk of both pools, switching control blocks
    const host = { start: () => Promise.resolve(), stop: () => {} };
    const K = one.kernels;
    const pools = [
      await ThreadPool.start(K, 3, host, (t) => ThreadPool.workspaceOf(K, t)),
      await ThreadPool.start(K, 3, host, (t) => ThreadPool.workspaceOf(K, t)),
    ];
    one.reset();
    const [m, k, n] = [160, 7, 120];
    const rng = new Rng(4);
    const cases = pools.map(() => {
      const V = one.matFrom(m, n, uniform(rng, m * n));
      const W = one.matFrom(m, k, uniform(rng, m * k));
      const H = one.matFrom(k, n, uniform(rng, k * n));
      const ref = one.mat(m, n);
      one.ops.residual(V, null, W, H, ref);
      return { V, W, H, ref, R: one.mat(m, n) };
    });
    for (const p of [0, 1, 0]) {
      const { V, W, H, ref, R } = cases[p];
      one.view(R).fill(Number.NaN);
      expect(chunkCount(m, 3)).toBeGreaterThan(1);
      pools[p].run(JOB.residualRows, [V.ptr, 0, W.ptr, H.ptr, R.ptr, m, k, n], m);
      expect(firstDiff(one.copyOut(R), one.copyOut(ref))).toBe(-1);
    }
    for (const pool of pools) pool.close();
  });
});
