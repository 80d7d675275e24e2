// A web worker of the session engine's thread pool (src/wasm/pool.ts): instantiates
// build/kernels-shared.wasm on the engine's shared memory from the first message, says it is
// ready, then runs its part of each job (Atomics.wait between jobs) until the pool closes.
import { instantiateKernels } from '../../src/wasm/kernels.js';
import { serve } from '../../src/wasm/pool-jobs.js';

interface Start {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  control: SharedArrayBuffer;
  t: number;
  work: number;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (e: MessageEvent<Start>) => {
  const { module, memory, control, t, work } = e.data;
  const K = await instantiateKernels(module, memory);
  scope.postMessage('ready');
  serve(K, new Int32Array(control), t, work);
};
