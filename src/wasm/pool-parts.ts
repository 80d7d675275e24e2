// The work a thread pool splits (src/wasm/pool.ts), shared by the coordinating engine and its
// workers: the control block's layout, the jobs, the fixed partition of an output's rows or
// columns into chunks (a few per thread), which the threads claim one at a time, and the call a
// thread makes on a chunk. Every job writes disjoint rows or columns of its output, each entry
// computed bit for bit as the whole kernel computes it (test/kernels-ranges.test.ts), so there is
// no reduction and the result is the same for any number of threads and whichever thread runs a
// chunk. Sums over vectors (a masked solve's quadratic forms) are written per vector and added up
// in order by the caller; the one sum the chunks make (capped NNLS problems) is of integers.
import type { Kernels } from './kernels.js';

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
  /** R = M∘(V − WH) by rows (pairs of rows kept together): args V, M (0 for none), W, H, R, m, k, n. */
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
 * Claims and runs chunks of the job of generation g on thread t until none is left, reporting
 * each done (the last one wakes the coordinator). A chunk that throws marks the job failed with
 * t and counts as done; returns the first error this thread met (null: none).
 */
export function runChunks(K: Kernels, c: Int32Array, g: number, t: number, work: number): unknown {
  let error: unknown = null;
  for (let i = claimChunk(c, g); i >= 0; i = claimChunk(c, g)) {
    try {
      runPart(K, c, i, work);
    } catch (e) {
      Atomics.compareExchange(c, SLOT.failed, 0, t + 1);
      error ??= e;
    }
    if (Atomics.add(c, SLOT.done, 1) + 1 === c[SLOT.chunks]) Atomics.notify(c, SLOT.done);
  }
  return error;
}

/** Offset of the gather buffer T in a masked-solve workspace: the nnls work, rounded up to a cache line. */
export function maskedGatherOffset(K: Kernels, k: number): number {
  return alignLine(K.nnls_work_bytes(k));
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
function readF64(c: Int32Array, at: number): number {
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

let argsControl: Int32Array | null = null;
let argsView: Int32Array<ArrayBufferLike> = new Int32Array(0);

/** The argument slots of control block c as one view, made once (one per chunk was garbage on every claim). */
function argsOf(c: Int32Array): Int32Array {
  if (c !== argsControl) {
    argsControl = c;
    argsView = c.subarray(SLOT.args, CONTROL_SLOTS);
  }
  return argsView;
}

/**
 * Runs chunk `i` of the current job on kernels K. `work` is this thread's packing workspace
 * (byte pointer; 0 = the module's buffer, which only the coordinating thread may use).
 */
export function runPart(K: Kernels, c: Int32Array, i: number, work: number): void {
  const a = SLOT.args;
  const args = argsOf(c);
  const [lo, hi] = partRange(c[SLOT.total], c[SLOT.chunks], i);
  if (lo >= hi) return;
  switch (c[SLOT.job]) {
    case JOB.gemmTNCols:
      K.gemm_tn_cols(c[a], c[a + 1], c[a + 2], c[a + 3], c[a + 4], c[a + 5], lo, hi);
      return;
    case JOB.gemmNTRows:
      K.gemm_nt_rows(c[a], c[a + 1], c[a + 2], c[a + 3], c[a + 4], c[a + 5], lo, hi, work, work ? WORK_BYTES : 0);
      return;
    case JOB.gemmTNColsF32:
      K.gemm_tn_f32_cols(c[a], c[a + 1], c[a + 2], c[a + 3], c[a + 4], c[a + 5], lo, hi);
      return;
    case JOB.gemmNTRowsF32:
      K.gemm_nt_f32_rows(c[a], c[a + 1], c[a + 2], c[a + 3], c[a + 4], c[a + 5], lo, hi);
      return;
    case JOB.halsRowsCols:
      K.hals_rows_cols(c[a], c[a + 1], c[a + 2], c[a + 3], c[a + 4], lo, hi);
      return;
    case JOB.halsColsRows: {
      // rows lo..hi−1 of W and VHt: a W of hi − lo rows (lo is a multiple of 8, so rows group as in the whole)
      const k = c[a + 4];
      K.hals_cols(c[a] + lo * k * 8, c[a + 1] + lo * k * 8, c[a + 2], hi - lo, k);
      return;
    }
    case JOB.maskedWHRows: {
      // rows lo..hi−1 of W, M and P (lo is a multiple of 8, so rows pair as in the whole)
      const [W, H, M, P, , k, n] = args;
      K.masked_wh(W + lo * k * 8, H, M ? M + lo * n * 8 : 0, P + lo * n * 8, hi - lo, k, n);
      return;
    }
    case JOB.residualRows: {
      const [V, M, W, H, R, , k, n] = args;
      K.residual(V + lo * n * 8, M ? M + lo * n * 8 : 0, W + lo * k * 8, H, R + lo * n * 8, hi - lo, k, n);
      return;
    }
    case JOB.halsMaskedCols: {
      const [H, W, M, R, m, k, n] = args;
      K.hals_rows_masked_cols(H, W, M, R, work, m, k, n, lo, hi);
      return;
    }
    case JOB.halsMaskedRows: {
      // rows lo..hi−1 of W, M and R: each row of W is updated from its own rows of M and R alone
      const [W, H, M, R, , k, n] = args;
      K.hals_cols_masked(W + lo * k * 8, H, M ? M + lo * n * 8 : 0, R + lo * n * 8, hi - lo, k, n);
      return;
    }
    case JOB.klQuotientLossBlocks: {
      const [V, M, W, H, Q, m, k, n, scratch] = args;
      K.kl_quotient_loss_blocks(V, M, W, H, Q, m, k, n, readF64(c, a + 9), work ? work : scratch, lo, hi);
      return;
    }
    case JOB.sqResidualBlocks:
      K.sq_residual_blocks(c[a], c[a + 1], c[a + 2], c[a + 3], c[a + 4], c[a + 5], c[a + 6], lo, hi);
      return;
    case JOB.gemmNNRows:
      K.gemm_nn_rows(c[a], c[a + 1], c[a + 2], c[a + 3], c[a + 4], c[a + 5], lo, hi, work, work ? WORK_BYTES : 0);
      return;
    case JOB.klQuotientRows: {
      // rows lo..hi−1 of V, W and Q: a matrix of hi − lo rows (lo is even, so rows pair as in the whole)
      const n = c[a + 6];
      const k = c[a + 5];
      K.kl_quotient(c[a] + lo * n * 8, c[a + 1] + lo * k * 8, c[a + 2], c[a + 3] + lo * n * 8, hi - lo, k, n, readF64(c, a + 7));
      return;
    }
    case JOB.maskedLs: {
      const [F, Base, B, X, ptr, idx, mode, , k, vs, es, nonneg, Q, work0, T0, vals] = args;
      const own = work === 0;
      const w = own ? work0 : work + WORK_BYTES;
      const T = own ? T0 : w + maskedGatherOffset(K, k);
      const off = lo * vs * 8;
      const capped = K.masked_ls(
        F,
        Base,
        B + off,
        X + off,
        ptr + 4 * lo,
        idx,
        mode + 4 * lo,
        hi - lo,
        k,
        vs,
        es,
        nonneg,
        w,
        T,
        Q ? Q + 8 * lo : 0,
        vals,
      );
      if (capped) Atomics.add(c, SLOT.result, capped);
      return;
    }
    case JOB.halsSparseH: {
      const [ptr, idx, n, R, W, H, k] = args;
      K.hals_sparse_h(ptr, idx, n, R, W, H, k, lo, hi);
      return;
    }
    case JOB.halsSparseW: {
      const [ptr, idx, m, R, W, H, k, n] = args;
      K.hals_sparse_w(ptr, idx, m, R, W, H, k, n, lo, hi);
      return;
    }
    case JOB.nnlsBatch: {
      const [G, B, X, k, , vs, es, work0] = args;
      const off = lo * vs * 8;
      const capped = K.nnls_batch(G, B + off, X + off, k, hi - lo, vs, es, work === 0 ? work0 : work + WORK_BYTES);
      if (capped) Atomics.add(c, SLOT.result, capped);
      return;
    }
    case JOB.cholSolve: {
      const [L, B, X, k, , vs, es, clip, work0] = args;
      const off = lo * vs * 8;
      K.chol_solve(L, B + off, X + off, k, hi - lo, vs, es, clip, work === 0 ? work0 : work + WORK_BYTES);
      return;
    }
    case JOB.sparseTimes: {
      const [ptr, idx, vals, , B, k, out] = args;
      K.sparse_times(ptr + 4 * lo, idx, vals, hi - lo, B, k, out + lo * k * 8);
      return;
    }
    case JOB.sparseMuPass: {
      const [ptr, idx, vals, , A, B, k, num, den, P] = args;
      K.sparse_mu_pass(ptr + 4 * lo, idx, vals, hi - lo, A + lo * k * 8, B, k, num + lo * k * 8, den + lo * k * 8, P);
      return;
    }
    case JOB.sparseSample: {
      const [ptr, idx, , A, B, k, out] = args;
      K.sparse_sample(ptr + 4 * lo, idx, hi - lo, A + lo * k * 8, B, k, out);
      return;
    }
    default:
      throw new Error(`thread pool: unknown job ${c[SLOT.job]}`);
  }
}

/**
 * A worker's loop: waits for each job, claims and runs its chunks beside the other threads, until
 * the quit job. A chunk that throws marks the job failed (the coordinator throws) and the loop goes on.
 */
export function serve(K: Kernels, c: Int32Array, t: number, work: number): void {
  // 0, the generation the pool starts at, not the current one: a job posted between this
  // worker's 'ready' and this line must still be run (reading it here would skip it)
  let seen = 0;
  for (;;) {
    const now = awaitChange(c, SLOT.generation, seen);
    if (now === seen) continue;
    seen = now;
    if (c[SLOT.job] === JOB.quit) return;
    runChunks(K, c, now, t, work);
  }
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
    // the clock every 1024 loads: each Date.now() is a heap number, and at every 64 a pool thread's spins made ~1 MB of garbage a run in Chromium
    if ((i & 1023) === 0 && Date.now() - t0 > SPIN_MS) break;
  }
  for (;;) {
    Atomics.wait(c, slot, value);
    const now = Atomics.load(c, slot);
    if (now !== value) return now;
  }
}
