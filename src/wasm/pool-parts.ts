// The work a thread pool splits (src/wasm/pool.ts), shared by the coordinating engine and its
// workers: the control block's layout, the jobs, the fixed partition of an output's rows or
// columns into chunks (a few per thread), which the threads claim one at a time, and how a thread
// waits for a slot to change (what a thread does with a chunk: pool-jobs.ts). Every job writes
// disjoint rows or columns of its output, each entry computed bit for bit as the whole kernel
// computes it (test/kernels-ranges.test.ts), so there is no reduction and the result is the same
// for any number of threads and whichever thread runs a chunk. Sums over vectors (a masked
// solve's quadratic forms) are written per vector and added up in order by the caller; the one
// sum the chunks make (capped NNLS problems) is of integers.

/** Slots of the control block (an Int32Array on a SharedArrayBuffer). */
export const SLOT = {
  /** Incremented once per job; workers wait on it. */
  generation: 0,
  /** Chunks of the current job finished (run or failed); the coordinator waits for it to reach `chunks`. */
  done: 1,
  job: 2,
  /** 0, or 1 + the index of the first thread whose part threw. */
  failed: 3,
  /** Chunks the current job's rows or columns are split into. */
  chunks: 4,
  /** Rows or columns of the output the job splits. */
  total: 5,
  /** What the chunks add up (a masked solve's capped NNLS problems), with Atomics.add. */
  result: 6,
  /** The next chunk to claim, tagged with the job's generation: (tag << CHUNK_BITS) | chunk. */
  next: 7,
  /** The job's arguments (pointers and sizes), from here on. */
  args: 8,
} as const;

/** Int32 slots in the control block. */
export const CONTROL_SLOTS = 32;

/** The jobs: each is a kernel that takes a range of its output's rows or columns. */
export const JOB = {
  quit: 0,
  /** C = AᵀB by columns of C: args A, B, C, m, p, q. */
  gemmTNCols: 1,
  /** C = ABᵀ by rows of C: args A, B, C, m, q, p (each thread packs B into its own workspace). */
  gemmNTRows: 2,
  /** C = AB by rows of C: args A, B, C, m, p, q (each thread packs rows of A into its own workspace). */
  gemmNNRows: 3,
  /** Q = V/(WH + ε) by rows (pairs of rows kept together): args V, W, H, Q, m, k, n, then ε as two int32 halves. */
  klQuotientRows: 4,
  /**
   * masked_ls over a range of its vectors: args F, Base, B, X, ptr, idx, mode, count, k, vs, es,
   * nonneg, Q (0 for none), then the coordinator's work and T (its MaskedWork), then vals (0 for none).
   */
  maskedLs: 5,
  /** sparse_times over a range of vectors: args ptr, idx, vals, count, B, k, out. */
  sparseTimes: 6,
  /** sparse_mu_pass over a range of vectors: args ptr, idx, vals, count, A, B, k, num, den, P. */
  sparseMuPass: 7,
  /** sparse_sample over a range of vectors: args ptr, idx, count, A, B, k, out. */
  sparseSample: 8,
  /** hals_sparse_h over a range of H's columns: args colPtr, rowIdx, n, R, W, H, k. */
  halsSparseH: 10,
  /** hals_sparse_w over a range of W's rows: args rowPtr, colIdx, m, R, W, H, k, n. */
  halsSparseW: 11,
  /** C = AᵀB in float32 by columns of C: args A32, B32, C, m, p, q (A, B as f32, C f64). */
  gemmTNColsF32: 12,
  /** C = ABᵀ in float32 by rows of C: args A32, B32, C, m, q, p (A, B as f32, C f64). */
  gemmNTRowsF32: 13,
  /** nnls_batch over a range of its vectors: args G, B, X, k, count, vs, es, then the coordinator's work. */
  nnlsBatch: 9,
  /** hals_rows over a range of H's columns: args H, WtV, WtW, k, n. */
  halsRowsCols: 14,
  /** hals_cols over a range of W's rows: args W, VHt, HHt, m, k. */
  halsColsRows: 15,
  /** chol_solve over a range of its vectors: args L, B, X, k, count, vs, es, clip, then the coordinator's work. */
  cholSolve: 16,
  /** sq_residual_blocks over a range of its row blocks (sums into sq_sums()): args V, M (0 for none), W, H, m, k, n. */
  sqResidualBlocks: 17,
  /** P = M∘(WH) by rows (pairs of rows kept together): args W, H, M (0 for none), P, m, k, n. */
  maskedWHRows: 18,
  /** R = M∘(V − WH) by rows (pairs of rows kept together): args V, M (0 for none), W, H, R, m, k, n, R32 (R's float32 copy, 0 for none). */
  residualRows: 19,
  /** hals_rows_masked over a range of H's columns: args H, W, M (0 for none), R, m, k, n (each thread's workspace its scratch). */
  halsMaskedCols: 20,
  /** hals_cols_masked over a range of W's rows: args W, H, M (0 for none), R, m, k, n. */
  halsMaskedRows: 21,
  /**
   * kl_quotient_loss_blocks over a range of its row blocks (sums into kl_sums() and sq_sums()): args V, M (0 for
   * none), W, H, Q, m, k, n, the coordinator's scratch (n f64), then ε as two int32 halves; a worker's scratch is its workspace.
   */
  klQuotientLossBlocks: 22,
} as const;

/**
 * x rounded up to a whole 64-byte cache line. Every matrix and workspace starts on one, so threads
 * writing neighbouring parts of one matrix (chunks are whole multiples of 8 f64 columns or rows)
 * never write the same line (gemm_tn on two threads at 2000×1000, k = 20, before and after:
 * 3.6–4.7 against 3.4–3.9 ms, a noisy machine).
 */
export function alignLine(x: number): number {
  return (x + 63) & ~63;
}

/** Bytes of each worker's packing workspace for gemm_nt_rows and gemm_nn_rows (as the module's own buffer). */
export const WORK_BYTES = 65536;

/** Bytes of each worker's masked-solve workspace (nnls work, then the gather buffer), after its packing workspace. */
export const MASKED_BYTES = 262144;

/** Rows or columns per part are a multiple of this (whole 8-wide panels, whole pairs of rows). */
const GRAIN = 8;

/** Chunks per thread: a thread the machine holds up (the page drawing, other work) delays a job by one chunk, not a thread's share. */
const CHUNKS_PER_THREAD = 4;

/** Bits of the `next` slot that count chunks; the bits above hold the job's tag. */
const CHUNK_BITS = 10;

/**
 * The chunks a job over `total` rows or columns is split into on `threads` threads (≥ 1,
 * < 2^CHUNK_BITS), each at least `least` long (but the last).
 */
export function chunkCount(total: number, threads: number, least = GRAIN): number {
  return Math.max(1, Math.min(threads * CHUNKS_PER_THREAD, Math.ceil(total / Math.max(least, GRAIN))));
}

/**
 * The shortest chunk of a job, where it is more than GRAIN: a column range of WᵀV reads a
 * segment of every row of V, and 128-column segments made gemm_tn on two threads slower than
 * 500-column ones (2000×1000, k = 20, ms: float64 3.4–3.9 against 2.8–3.7, float32 2.2 against 2.0).
 */
export function leastChunk(job: number): number {
  return job === JOB.gemmTNCols || job === JOB.gemmTNColsF32 ? 512 : GRAIN;
}

/** The tag of generation g in the `next` slot (g's low bits; a worker a whole 2^21 jobs late would be fooled). */
export function jobTag(g: number): number {
  return g & ((1 << (31 - CHUNK_BITS)) - 1);
}

/** The `next` slot's value before any chunk of the job of generation g is claimed. */
export function firstClaim(g: number): number {
  return jobTag(g) << CHUNK_BITS;
}

/**
 * Shuts claims while the job of generation g is written: `next` carries g's tag with every chunk
 * index taken, so a thread still on the job before (whose claim compares `next` with its old
 * value) or already on g claims nothing while the chunk count and arguments change.
 */
export function closeClaims(c: Int32Array, g: number): void {
  Atomics.store(c, SLOT.next, firstClaim(g) | ((1 << CHUNK_BITS) - 1));
}

/** Opens the claims of the job of generation g, once all of it is written (chunk 0 first). */
export function openClaims(c: Int32Array, g: number): void {
  Atomics.store(c, SLOT.next, firstClaim(g));
}

/**
 * Claims the next chunk of the job of generation g: its index, or −1 when every chunk of it is
 * claimed or the job is over. The job's arguments stay valid until the claimed chunk is reported
 * done, so a thread reads them only after a claim succeeds.
 */
export function claimChunk(c: Int32Array, g: number): number {
  const tag = jobTag(g);
  for (;;) {
    const v = Atomics.load(c, SLOT.next);
    if (v >>> CHUNK_BITS !== tag) return -1;
    const i = v & ((1 << CHUNK_BITS) - 1);
    if (i >= Atomics.load(c, SLOT.chunks)) return -1;
    if (Atomics.compareExchange(c, SLOT.next, v, v + 1) === v) return i;
  }
}

/**
 * The range [lo, hi) of part `t` of `parts` over `total` rows or columns: contiguous, in order,
 * each a multiple of GRAIN long but the last; empty parts at the end when total is small.
 */
export function partRange(total: number, parts: number, t: number): [number, number] {
  const per = Math.ceil(Math.ceil(total / parts) / GRAIN) * GRAIN;
  const lo = Math.min(total, t * per);
  return [lo, Math.min(total, lo + per)];
}

// A float64 as two int32 words, for the ε slots (reused: no garbage per chunk).
const F64 = new Float64Array(1);
const F64_WORDS = new Int32Array(F64.buffer);

/** ε of a kl job from its two int32 slots. */
export function readF64(c: Int32Array, at: number): number {
  F64_WORDS[0] = c[at];
  F64_WORDS[1] = c[at + 1];
  return F64[0];
}

/** Writes x into two int32 slots of the control block (read back by readF64). */
export function writeF64(c: Int32Array, at: number, x: number): void {
  F64[0] = x;
  c[at] = F64_WORDS[0];
  c[at + 1] = F64_WORDS[1];
}

/**
 * How long a thread spins on a slot before it sleeps in Atomics.wait, in whole milliseconds of
 * Date.now() (so 1–2 ms): waking a sleeping thread costs ~0.1–0.3 ms on the 2-core machine.
 */
export const SPIN_MS = 1;

/**
 * Waits until c[slot] is no longer `value` and returns what it is: spins for SPIN_MS first (the
 * next job of an iteration, or the last chunk of this one, usually comes sooner than a sleeping
 * thread wakes), then sleeps. Date.now(), not performance.now(): the engine core has no DOM or Node types.
 */
export function awaitChange(c: Int32Array, slot: number, value: number): number {
  const t0 = Date.now();
  for (let i = 1; ; i++) {
    const now = Atomics.load(c, slot);
    if (now !== value) return now;
    // the clock every 1024 loads: each Date.now() is a heap number, and reading it every 64
    // made ~1 MB of garbage a run in a pool thread in Chromium (a scavenge each run)
    if ((i & 1023) === 0 && Date.now() - t0 > SPIN_MS) break;
  }
  for (;;) {
    Atomics.wait(c, slot, value);
    const now = Atomics.load(c, slot);
    if (now !== value) return now;
  }
}
