// Plain-TypeScript versions of every wasm kernel (assembly/, same file names; the k×k solves of
// assembly/linalg-*.ts are tested against other references), on Float64Arrays with explicit
// shapes and the same argument meaning: the oracle of test/kernels*.test.ts and the baseline
// of `npm run bench`. Written as the obvious loops, not for speed.
export * from './products.js';
export * from './transpose.js';
export * from './residual.js';
export * from './loss.js';
export * from './reductions.js';
export * from './updates.js';
export * from './hals.js';
export * from './hals-masked.js';
export * from './svd.js';
export * from './sgd.js';
export * from './sparse.js';
