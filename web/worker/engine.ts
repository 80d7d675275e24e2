// The wasm engine of a worker: compiled from the app's own kernels.wasm (same origin), one
// instance per worker. Shared by every worker entry (the factorization session, the view jobs).
import wasmUrl from '../../build/kernels.wasm?url';
import { Engine } from '../../src/wasm/engine.js';
import { instantiateKernels } from '../../src/wasm/kernels.js';

/** A fresh Engine (kernels plus an empty arena) for this worker. */
export async function loadEngine(): Promise<Engine> {
  const module = await WebAssembly.compileStreaming(fetch(wasmUrl));
  return new Engine(await instantiateKernels(module));
}
