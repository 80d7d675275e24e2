// The engine: one wasm instance, the typed ops over its kernels, and a bump arena over its
// linear memory. Matrices live in wasm memory for a whole run; TypeScript holds only pointers
// and shapes.
import type { Kernels } from './kernels.js';
import type { Mat } from '../core/matrix.js';
import { createOps, type Ops } from './ops.js';
import { ThreadPool } from './pool.js';
import { alignLine } from './pool-parts.js';

const PAGE = 65536;

/** The wasm memory could not grow to hold an allocation: the message says how large it had to be. */
export class OutOfMemoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutOfMemoryError';
  }
}

/** A block of `bytes` bytes of wasm memory at byte offset `ptr` (kernel workspace). */
export interface Block {
  readonly ptr: number;
  readonly bytes: number;
}

/** How an engine is set up. */
export interface EngineOptions {
  /** Check the shapes of every typed op (default true; see src/wasm/ops.ts). */
  readonly checkShapes?: boolean;
  /**
   * Threads to split the big products over (src/wasm/pool.ts), started on these kernels' shared
   * memory; the engine reserves the workers' workspaces at the bottom of its arena.
   */
  readonly pool?: ThreadPool;
}

/** Kernels plus an arena: allocates f64/i32 blocks above heapBase, grows memory when needed. */
export class Engine {
  /** The raw wasm exports (byte pointers and sizes); solvers use `ops`. */
  readonly kernels: Kernels;
  /** The typed ops over `kernels`: matrices in, shapes checked. */
  readonly ops: Ops;
  /** Threads the products run on: 1, or the pool's. */
  readonly threads: number;
  private readonly pool: ThreadPool | null;
  private readonly base: number;
  private top: number;

  constructor(kernels: Kernels, options: EngineOptions = {}) {
    this.kernels = kernels;
    this.pool = options.pool ?? null;
    this.threads = this.pool ? this.pool.threads : 1;
    this.ops = createOps(kernels, options.checkShapes ?? true, this.pool);
    this.top = alignLine(kernels.heapBase());
    if (this.pool) this.allocBytes(ThreadPool.workspaceBytes(this.pool.threads));
    this.base = this.top;
  }

  /** Jobs split over the threads so far (0 on one thread). */
  get splitJobs(): number {
    return this.pool ? this.pool.jobs : 0;
  }

  /** Stops the engine's workers, if any (its ops then run on one thread). */
  close(): void {
    this.pool?.close();
  }

  /** Bytes in use above the heap base. */
  get used(): number {
    return this.top - this.base;
  }

  /** Current position of the arena, to release everything allocated after it later. */
  mark(): number {
    return this.top;
  }

  /** Frees every block allocated since `mark` (blocks are not zeroed until reallocated). */
  release(mark: number): void {
    if (mark < this.base || mark > this.top) throw new Error(`arena: bad mark ${mark}`);
    this.top = mark;
  }

  /** Frees every block. */
  reset(): void {
    this.top = this.base;
  }

  /** Allocates `bytes` zeroed bytes aligned to a cache line (64), growing memory as needed; returns the pointer. */
  allocBytes(bytes: number): number {
    const ptr = this.top;
    const end = alignLine(ptr + Math.max(bytes, 0));
    const memory = this.kernels.memory;
    if (end > memory.buffer.byteLength) {
      const pages = Math.ceil((end - memory.buffer.byteLength) / PAGE);
      try {
        memory.grow(pages);
      } catch {
        throw new OutOfMemoryError(`out of memory: cannot grow WebAssembly memory to ${(end / 2 ** 20).toFixed(0)} MiB`);
      }
    }
    new Uint8Array(memory.buffer, ptr, end - ptr).fill(0);
    this.top = end;
    return ptr;
  }

  /** Allocates a zeroed rows×cols f64 matrix. */
  mat(rows: number, cols: number): Mat {
    return { ptr: this.allocBytes(rows * cols * 8), rows, cols };
  }

  /** Allocates a rows×cols matrix holding a copy of `data` (row-major, length rows·cols). */
  matFrom(rows: number, cols: number, data: ArrayLike<number>): Mat {
    if (data.length !== rows * cols) throw new Error(`matFrom: ${data.length} values for ${rows}×${cols}`);
    const m = this.mat(rows, cols);
    this.view(m).set(data);
    return m;
  }

  /** Allocates a zeroed block of `bytes` bytes (kernel workspace). */
  block(bytes: number): Block {
    return { ptr: this.allocBytes(bytes), bytes };
  }

  /** Allocates a zeroed i32 block of `len` entries; returns its pointer. */
  i32(len: number): number {
    return this.allocBytes(len * 4);
  }

  /** A Float64Array view on a matrix; valid until memory next grows (take a new one after allocating). */
  view(m: Mat): Float64Array {
    return new Float64Array(this.kernels.memory.buffer, m.ptr, m.rows * m.cols);
  }

  /** An Int32Array view on `len` entries at `ptr`; valid until memory next grows. */
  viewI32(ptr: number, len: number): Int32Array {
    return new Int32Array(this.kernels.memory.buffer, ptr, len);
  }

  /** A copy of a matrix's entries, safe to keep or transfer. */
  copyOut(m: Mat): Float64Array {
    return this.view(m).slice();
  }
}
