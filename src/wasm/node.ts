// Loads the kernels in Node (tests, CLI, benchmarks) from build/kernels.wasm, or with threads
// from build/kernels-shared.wasm, its workers in worker_threads (src/wasm/pool-worker-node.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { instantiateKernels, sharedMemory, type Kernels } from './kernels.js';
import { Engine } from './engine.js';
import { ThreadPool, type PoolHost } from './pool.js';

const compiled = new Map<string, Promise<WebAssembly.Module>>();

function compile(file: string): Promise<WebAssembly.Module> {
  let m = compiled.get(file);
  if (!m) compiled.set(file, (m = WebAssembly.compile(readFileSync(new URL(`../../build/${file}`, import.meta.url)))));
  return m;
}

/** Compiles build/kernels.wasm once per process and returns a fresh kernels instance. */
export async function loadKernelsNode(): Promise<Kernels> {
  return instantiateKernels(await compile('kernels.wasm'));
}

/** The cores Node reports (the CLI's default thread count). */
export function coresNode(): number {
  return availableParallelism();
}

/** How a Node engine is made. */
export interface NodeEngineOptions {
  /** Threads for the products (default 1): above 1, kernels-shared.wasm and threads − 1 worker_threads. */
  readonly threads?: number;
}

/**
 * The worker entry: pool-worker-node.js beside this file when compiled, else (tests, tsx) a
 * bootstrap that registers tsx's loader in the worker and imports pool-worker-node.ts.
 */
function workerEntry(): URL {
  if (import.meta.url.endsWith('.js')) return new URL('./pool-worker-node.js', import.meta.url);
  const api = new URL('dist/esm/api/index.mjs', pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'))).href;
  const entry = new URL('./pool-worker-node.ts', import.meta.url).href;
  const boot = `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(entry)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

/** Node's pool host: worker_threads, unref'd so an unclosed pool never keeps the process alive. */
function nodeHost(module: WebAssembly.Module, memory: WebAssembly.Memory): PoolHost {
  const workers: Worker[] = [];
  const url = workerEntry();
  return {
    start(t, control, work) {
      const w = new Worker(url, { workerData: { module, memory, control, t, work } });
      workers.push(w);
      w.unref();
      return new Promise((resolve, reject) => {
        w.once('message', () => resolve());
        w.once('error', reject);
        w.once('exit', (code) => reject(new Error(`thread pool: worker ${t} exited (${code}) before it was ready`)));
      });
    },
    stop() {
      for (const w of workers) void w.terminate();
    },
  };
}

/** A fresh Engine (own wasm instance and memory) for Node; with threads > 1 its products run on that many threads. */
export async function createEngineNode(options: NodeEngineOptions = {}): Promise<Engine> {
  const threads = options.threads ?? 1;
  if (!Number.isInteger(threads) || threads < 1) throw new Error(`threads must be an integer ≥ 1 (got ${threads})`);
  if (threads === 1) return new Engine(await loadKernelsNode());
  const module = await compile('kernels-shared.wasm');
  const memory = sharedMemory();
  const K = await instantiateKernels(module, memory);
  const pool = await ThreadPool.start(K, threads, nodeHost(module, memory), (t) => ThreadPool.workspaceOf(K, t));
  return new Engine(K, { pool });
}
