// The coordinating side of a thread pool: `threads − 1` workers (Node worker_threads or web
// workers), each with its own instance of the kernels on the engine's one shared
// WebAssembly.Memory, claim chunks of a job beside this thread, which then waits for the last
// (Atomics.wait: the engine runs off the page's main thread, in a worker or in Node). The jobs, their
// fixed partition into chunks and the claiming of chunks are in pool-parts.ts; running a chunk is
// in pool-jobs.ts.
import type { Kernels } from './kernels.js';
import {
  alignLine,
  awaitChange,
  CONTROL_SLOTS,
  chunkCount,
  closeClaims,
  JOB,
  leastChunk,
  MASKED_BYTES,
  openClaims,
  SLOT,
  WORK_BYTES,
  writeF64,
} from './pool-parts.js';
import { runChunks } from './pool-jobs.js';

/** Bytes of one worker's workspace: its packing workspace, then its masked-solve workspace. */
const WORKER_BYTES = WORK_BYTES + MASKED_BYTES;

/** Below this many multiply-adds a job runs on the calling thread alone (same result either way). */
const MIN_SPLIT_WORK = 1 << 18;

/** How a pool's workers are started and stopped; given by the host (node.ts, web/worker/engine.ts). */
export interface PoolHost {
  /** Worker t (1 ≤ t < threads) with the control block and its workspace pointer; resolves once it waits for jobs. */
  start(t: number, control: SharedArrayBuffer, work: number): Promise<void>;
  /** Stops every worker. */
  stop(): void;
}

/** The kernels of the coordinating thread and the threads a job is split over. */
export class ThreadPool {
  private readonly c: Int32Array;
  private closed = false;
  /** Jobs split over the threads so far (what the tests check did happen). */
  jobs = 0;

  private constructor(
    private readonly K: Kernels,
    readonly threads: number,
    private readonly host: PoolHost,
    control: SharedArrayBuffer,
  ) {
    this.c = new Int32Array(control);
  }

  /**
   * Starts `threads − 1` workers through `host`; `workspace(t)` gives worker t's workspace
   * (WORK_BYTES + MASKED_BYTES bytes of the shared memory that nothing else uses).
   */
  static async start(K: Kernels, threads: number, host: PoolHost, workspace: (t: number) => number): Promise<ThreadPool> {
    const control = new SharedArrayBuffer(CONTROL_SLOTS * 4);
    const started: Promise<void>[] = [];
    for (let t = 1; t < threads; t++) started.push(host.start(t, control, workspace(t)));
    try {
      await Promise.all(started);
    } catch (e) {
      host.stop();
      throw e;
    }
    return new ThreadPool(K, threads, host, control);
  }

  /** Bytes of workspace the workers need (one block each), reserved by the Engine above the heap base. */
  static workspaceBytes(threads: number): number {
    return Math.max(threads - 1, 0) * WORKER_BYTES;
  }

  /** Worker t's workspace: the t-th block above the (line-aligned) heap base of K. */
  static workspaceOf(K: Kernels, t: number): number {
    return alignLine(K.heapBase()) + (t - 1) * WORKER_BYTES;
  }

  /**
   * Whether a job of `work` multiply-adds over `total` rows or columns is worth splitting: at
   * least `least` of them (MIN_SPLIT_WORK, or more for a job whose hand-off costs more than its work).
   */
  splits(work: number, total: number, least = MIN_SPLIT_WORK): boolean {
    return !this.closed && this.threads > 1 && work >= Math.max(least, MIN_SPLIT_WORK) && total >= 16;
  }

  /**
   * Runs `job` with `args` over `total` rows or columns, its chunks claimed by every thread;
   * returns when all are done, with what they added up (SLOT.result; 0 for most jobs).
   */
  run(job: number, args: readonly number[], total: number, eps?: number): number {
    const c = this.c;
    this.jobs++;
    const chunks = chunkCount(total, this.threads, leastChunk(job));
    const g = Atomics.load(c, SLOT.generation) + 1;
    // the last job is over (every chunk done), but a thread may still be in claimChunk for it:
    // no claim succeeds while the new chunk count and arguments are written
    closeClaims(c, g);
    c[SLOT.job] = job;
    c[SLOT.chunks] = chunks;
    c[SLOT.total] = total;
    c[SLOT.failed] = 0;
    c[SLOT.result] = 0;
    args.forEach((x, i) => {
      c[SLOT.args + i] = x;
    });
    if (eps !== undefined) writeF64(c, SLOT.args + args.length, eps);
    Atomics.store(c, SLOT.done, 0);
    openClaims(c, g);
    Atomics.store(c, SLOT.generation, g);
    Atomics.notify(c, SLOT.generation);
    // this thread claims chunks too; workers the machine holds up find fewer, or none, left
    const mine = runChunks(this.K, c, g, 0, 0);
    for (let d = Atomics.load(c, SLOT.done); d !== chunks; ) d = awaitChange(c, SLOT.done, d);
    if (mine) throw mine;
    const failed = Atomics.load(c, SLOT.failed);
    if (failed) throw new Error(`thread pool: worker ${failed - 1} failed on job ${job}`);
    return Atomics.load(c, SLOT.result);
  }

  /** Stops the workers; later jobs run on the calling thread alone. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.c[SLOT.job] = JOB.quit;
    Atomics.add(this.c, SLOT.generation, 1);
    Atomics.notify(this.c, SLOT.generation);
    this.host.stop();
  }
}
