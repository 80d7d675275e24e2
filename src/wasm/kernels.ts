// Instantiates the compiled AssemblyScript kernels (build/kernels.wasm) from a compiled module.
// Node (src/wasm/node.ts) and the browser worker (web/worker) each compile the bytes their own way.
import { instantiate } from '../../build/kernels.js';

/** The exports of build/kernels.wasm: every kernel plus `memory` and `heapBase`. */
export type Kernels = Awaited<ReturnType<typeof instantiate>>;

/** Instantiates the kernels from a compiled module (no imports are needed). */
export function instantiateKernels(module: WebAssembly.Module): Promise<Kernels> {
  return instantiate(module, {});
}
