// What a thread of the pool (src/wasm/pool.ts) does with a job of pool-parts.ts: runs the kernel
// of each chunk it claims on that chunk's rows or columns (runPart), reports it done
// (runChunks), and, in a worker, waits for the next job until the pool quits (serve).
import type { Kernels } from './kernels.js';
import { alignLine, awaitChange, CONTROL_SLOTS, claimChunk, JOB, partRange, readF64, SLOT, WORK_BYTES } from './pool-parts.js';

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
      const [V, M, W, H, R, , k, n, R32] = args;
      K.residual(V + lo * n * 8, M ? M + lo * n * 8 : 0, W + lo * k * 8, H, R + lo * n * 8, hi - lo, k, n);
      if (R32) K.to_f32(R + lo * n * 8, R32 + lo * n * 4, (hi - lo) * n);
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
