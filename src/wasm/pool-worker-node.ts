// A Node worker_threads worker of the thread pool (src/wasm/pool.ts): instantiates
// build/kernels-shared.wasm on the engine's shared memory, says it is ready, then runs its part
// of each job until the pool closes.
import { parentPort, workerData } from 'node:worker_threads';
import { instantiateKernels } from './kernels.js';
import { serve } from './pool-jobs.js';

interface Data {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  control: SharedArrayBuffer;
  t: number;
  work: number;
}

const { module, memory, control, t, work } = workerData as Data;
const K = await instantiateKernels(module, memory);
parentPort?.postMessage('ready');
serve(K, new Int32Array(control), t, work);
