// Shared pieces of the kernel tests: shapes, seeded data, wasm buffers with guard values
// around them, and comparisons against the plain-TypeScript kernels (src/kernels-ts).
import { expect } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import type { Engine } from '../../src/wasm/engine.js';

/** A shape m×n with rank k (V is m×n, W m×k, H k×n). */
export interface Shape {
  m: number;
  n: number;
  k: number;
}

/** Hand-picked edge shapes: 1×1, k = 1, odd sizes, sizes around multiples of 2/4/8 and the 16- to 64-row passes of gemm_tn. */
const EDGE: readonly Shape[] = [
  { m: 1, n: 1, k: 1 },
  { m: 1, n: 7, k: 1 },
  { m: 7, n: 1, k: 1 },
  { m: 2, n: 2, k: 2 },
  { m: 3, n: 5, k: 1 },
  { m: 5, n: 3, k: 2 },
  { m: 9, n: 17, k: 3 },
  { m: 16, n: 8, k: 4 },
  { m: 17, n: 33, k: 5 },
  { m: 31, n: 9, k: 7 },
  { m: 64, n: 40, k: 8 },
  { m: 65, n: 129, k: 10 },
  { m: 130, n: 67, k: 21 },
  { m: 23, n: 257, k: 50 },
  { m: 129, n: 15, k: 6 },
  { m: 37, n: 1025, k: 5 },
];

/** The edge shapes plus `count` random ones (m, n in 1..100, k in 1..30) fixed by `seed`. */
export function testShapes(seed = 2024, count = 10): Shape[] {
  const rng = new Rng(seed);
  const random = Array.from({ length: count }, () => ({ m: 1 + rng.int(100), n: 1 + rng.int(100), k: 1 + rng.int(30) }));
  return [...EDGE, ...random];
}

/** Label of a shape for test names. */
export function label(s: Shape): string {
  return `m=${s.m} n=${s.n} k=${s.k}`;
}

/** len uniform values in [lo, hi) from the stream. */
export function uniform(rng: Rng, len: number, lo = 0, hi = 1): Float64Array {
  const x = new Float64Array(len);
  for (let t = 0; t < len; t++) x[t] = lo + (hi - lo) * rng.next();
  return x;
}

/** A 1/0 mask of len entries with about `missing` of them 0. */
export function mask(rng: Rng, len: number, missing = 0.3): Float64Array {
  const x = new Float64Array(len);
  for (let t = 0; t < len; t++) x[t] = rng.next() < missing ? 0 : 1;
  return x;
}

/** Value written around every buffer; a kernel that writes outside its output changes it. */
export const GUARD = -1234.5678;
const GUARD_LEN = 3;

/** A block of wasm memory holding a copy of `data`, with GUARD values on both sides. */
export interface Buf {
  readonly ptr: number;
  readonly len: number;
  /** The current contents (a copy). */
  read(): Float64Array;
  /** Indices (relative to ptr, so negative before it) of guard values that changed. */
  brokenGuards(): number[];
}

/**
 * Allocates buffers in one engine. `misalign` shifts every buffer by 8 bytes from the
 * 16-byte alignment of the arena, so kernels are also tested on pointers that are not
 * multiples of the v128 width.
 */
export class Buffers {
  constructor(
    readonly engine: Engine,
    readonly misalign = false,
  ) {}

  /** A buffer holding `data`, surrounded by guards. */
  put(data: ArrayLike<number>): Buf {
    const len = data.length;
    const pad = GUARD_LEN + (this.misalign ? 1 : 0);
    const total = pad + len + GUARD_LEN;
    const base = this.engine.allocBytes(total * 8);
    const mem = (): Float64Array => new Float64Array(this.engine.kernels.memory.buffer, base, total);
    const all = mem();
    all.fill(GUARD);
    all.set(data, pad);
    const ptr = base + pad * 8;
    return {
      ptr,
      len,
      read: () => mem().slice(pad, pad + len),
      brokenGuards: () => {
        const a = mem();
        const bad: number[] = [];
        for (let t = 0; t < pad; t++) if (!Object.is(a[t], GUARD)) bad.push(t - pad);
        for (let t = pad + len; t < total; t++) if (!Object.is(a[t], GUARD)) bad.push(t - pad);
        return bad;
      },
    };
  }

  /** A buffer of len zeros (an output). */
  zeros(len: number): Buf {
    return this.put(new Float64Array(len));
  }

  /** An i32 block holding `data` (no guards: only read by kernels). */
  putI32(data: ArrayLike<number>): number {
    const ptr = this.engine.i32(data.length);
    this.engine.viewI32(ptr, data.length).set(data);
    return ptr;
  }
}

/** Largest |a − b| / scale[t] (scale defaults to max(|b|, tiny)); 0 for equal arrays. */
export function worstRel(a: ArrayLike<number>, b: ArrayLike<number>, scale?: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let t = 0; t < a.length; t++) {
    if (Object.is(a[t], b[t])) continue;
    const s = scale ? scale[t] : Math.max(Math.abs(b[t]), Number.MIN_VALUE);
    worst = Math.max(worst, Number.isNaN(a[t] - b[t]) ? Infinity : Math.abs(a[t] - b[t]) / s);
  }
  return worst;
}

/** First index where a and b differ bitwise (NaN equals NaN), or −1. */
export function firstDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return 0;
  for (let t = 0; t < a.length; t++) if (!Object.is(a[t], b[t])) return t;
  return -1;
}

/** Asserts every guard around the outputs and inputs intact and every input unchanged (equal to its copy). */
export function intact(outs: Buf[], inputs: [Buf, Float64Array][]): void {
  for (const b of outs) expect(b.brokenGuards()).toEqual([]);
  for (const [b, x] of inputs) {
    expect(b.brokenGuards()).toEqual([]);
    expect(firstDiff(b.read(), x)).toBe(-1);
  }
}
