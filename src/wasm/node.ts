// Loads the kernels in Node (tests, CLI, benchmarks) from build/kernels.wasm.
import { readFileSync } from 'node:fs';
import { instantiateKernels, type Kernels } from './kernels.js';
import { Engine } from './engine.js';

let compiled: Promise<WebAssembly.Module> | null = null;

/** Compiles build/kernels.wasm once per process and returns a fresh kernels instance. */
export async function loadKernelsNode(): Promise<Kernels> {
  compiled ??= WebAssembly.compile(readFileSync(new URL('../../build/kernels.wasm', import.meta.url)));
  return instantiateKernels(await compiled);
}

/** A fresh Engine (own wasm instance and memory) for Node. */
export async function createEngineNode(): Promise<Engine> {
  return new Engine(await loadKernelsNode());
}
