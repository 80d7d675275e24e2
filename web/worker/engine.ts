// The wasm engine of a worker: compiled from the app's own kernels (same origin). The session's
// engine runs its products on several threads when the page is cross-origin isolated (shared
// memory allowed): build/kernels-shared.wasm on one shared WebAssembly.Memory, its helpers web
// workers of pool-worker.ts; otherwise, and for the view jobs, build/kernels.wasm on one thread.
import wasmUrl from '../../build/kernels.wasm?url';
import sharedWasmUrl from '../../build/kernels-shared.wasm?url';
import { Engine } from '../../src/wasm/engine.js';
import { instantiateKernels, sharedMemory } from '../../src/wasm/kernels.js';
import { ThreadPool, type PoolHost } from '../../src/wasm/pool.js';

/** The threads a session runs on and whether the page could have more (cross-origin isolated). */
export interface ThreadMode {
  readonly threads: number;
  readonly isolated: boolean;
}

/**
 * The session's threads: 1 without cross-origin isolation; else the page's `?threads=N` (passed
 * as this worker's name, "nmf threads=N"), else the cores the browser reports.
 */
export function threadMode(scope: {
  crossOriginIsolated?: boolean;
  name?: string;
  navigator: { hardwareConcurrency?: number };
}): ThreadMode {
  const isolated = scope.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
  if (!isolated) return { threads: 1, isolated };
  const asked = /threads=(\d+)/.exec(scope.name ?? '');
  const threads = asked ? Number(asked[1]) : (scope.navigator.hardwareConcurrency ?? 1);
  return { threads: Math.max(1, Math.min(threads, 16)), isolated };
}

/** A pool thread's web worker (pool-worker.ts); it waits for its start message. */
function poolWorker(t: number): Worker {
  return new Worker(new URL('./pool-worker.ts', import.meta.url), { type: 'module', name: `nmf pool ${t}` });
}

/**
 * The web workers of a pool: pool-worker.ts, handed the module and the shared memory. `ready`
 * holds workers spawned beforehand (ready[t - 1] for thread t), so their scripts load while the
 * wasm compiles; messages sent before a worker's script runs wait for it.
 */
function webHost(module: WebAssembly.Module, memory: WebAssembly.Memory, ready: Worker[] = []): PoolHost {
  const workers: Worker[] = [];
  return {
    start(t, control, work) {
      const w = ready[t - 1] ?? poolWorker(t);
      workers.push(w);
      return new Promise((resolve, reject) => {
        w.onmessage = () => resolve();
        w.onerror = (e) => reject(new Error(`thread pool: worker ${t} failed to start: ${e.message}`));
        w.postMessage({ module, memory, control, t, work });
      });
    },
    stop() {
      for (const w of workers) w.terminate();
    },
  };
}

/** A fresh Engine (kernels plus an empty arena) for this worker, on `threads` threads. */
export async function loadEngine(threads = 1): Promise<Engine> {
  if (threads <= 1) return new Engine(await instantiateKernels(await WebAssembly.compileStreaming(fetch(wasmUrl))));
  // the pool's workers start loading now, beside the compile
  const ready = Array.from({ length: threads - 1 }, (_, i) => poolWorker(i + 1));
  const module = await WebAssembly.compileStreaming(fetch(sharedWasmUrl)).catch((e: unknown) => {
    for (const w of ready) w.terminate();
    throw e;
  });
  const memory = sharedMemory();
  const K = await instantiateKernels(module, memory);
  const pool = await ThreadPool.start(K, threads, webHost(module, memory, ready), (t) => ThreadPool.workspaceOf(K, t));
  return new Engine(K, { pool });
}
