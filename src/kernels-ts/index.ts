// Plain-TypeScript versions of every wasm kernel (assembly/), on Float64Arrays with explicit
// shapes and the same argument meaning: the oracle of test/kernels*.test.ts and the
// baseline of `npm run bench`. Written as the obvious loops, not for speed.
export * from './products.js';
export * from './masked.js';
export * from './loss.js';
export * from './updates.js';
export * from './sgd.js';
export * from './hals_masked.js';
export * from './svd.js';
