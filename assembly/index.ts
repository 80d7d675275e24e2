// Entry of the WebAssembly module: every kernel the engine calls.
// All matrices are row-major f64 in linear memory, passed as byte pointers with explicit
// shapes. Kernels never allocate: the TypeScript arena (src/wasm/arena.ts) owns memory above
// heapBase() and grows it.

/** First free byte of linear memory; the TypeScript arena allocates from here. */
export function heapBase(): usize {
  return __heap_base;
}

export * from "./products";
export * from "./masked";
export * from "./loss";
export * from "./updates";
export * from "./sgd";
export * from "./hals_masked";
export * from "./linalg";
export * from "./nnls";
export * from "./masked-ls";
export * from "./svd";
