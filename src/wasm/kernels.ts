// Instantiates the compiled AssemblyScript kernels from a compiled module: build/kernels.wasm
// (its own memory) or build/kernels-shared.wasm (the same code on an imported shared memory, for
// threads: src/wasm/pool.ts). Node (src/wasm/node.ts) and the browser worker (web/worker) each
// compile the bytes their own way.
import { instantiate } from '../../build/kernels.js';

/** The exports of build/kernels.wasm: every kernel plus `memory` and `heapBase`. */
export type Kernels = Awaited<ReturnType<typeof instantiate>>;

/** Pages (64 KiB) the shared memory may grow to: 2 GiB, so every byte pointer fits an int32. */
export const SHARED_MAX_PAGES = 32768;

/** Instantiates the kernels from a compiled module; kernels-shared.wasm needs its shared `memory`. */
export function instantiateKernels(module: WebAssembly.Module, memory?: WebAssembly.Memory): Promise<Kernels> {
  return instantiate(module, memory ? { env: { memory } } : {});
}

/** A fresh shared memory for build/kernels-shared.wasm (3 pages, growing up to SHARED_MAX_PAGES). */
export function sharedMemory(): WebAssembly.Memory {
  return new WebAssembly.Memory({ initial: 3, maximum: SHARED_MAX_PAGES, shared: true });
}
