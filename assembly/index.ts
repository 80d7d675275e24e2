// Entry of the WebAssembly module: every kernel the engine calls, grouped by job.
// All matrices are row-major f64 in linear memory, passed as byte pointers with explicit
// shapes. Kernels never allocate: the TypeScript arena (src/wasm/engine.ts) owns memory above
// heapBase() and grows it. The typed layer over these exports is src/wasm/ops.ts.
//
//   products.ts           WᵀV, VHᵀ, WH, (WᵀW)H, W(HHᵀ), WᵀW, HHᵀ (gemm_tn/nt/nn, gram_tn/nt)
//   products-tiles-*.ts   their register tiles (one file per product kind)
//   products-pack.ts      B packed into panels of Bᵀ for gemm_nt
//   products-f32.ts       WᵀV and VHᵀ of the float32 mode (f32x4 tiles, f64 results)
//   transpose.ts          Aᵀ
//   wh-tiles.ts           WH formed in registers and consumed at once (residual.ts, loss.ts)
//   residual.ts           M∘WH, M∘(V−WH), V/(WH+ε), a row of WH
//   loss.ts               Σ(M∘(V−WH))², the generalized KL divergence
//   reductions.ts         dot (traces), the non-finite scan, row and column sums
//   updates.ts            multiplicative updates (mu, kl) and the gradient step (gd)
//   hals.ts, hals-masked.ts   HALS sweeps of H's rows and W's columns (full and masked V)
//   linalg-cholesky.ts    robust k×k Cholesky and its solves (als)
//   linalg-nnls.ts        active-set NNLS on k×k normal equations (anls)
//   linalg-masked-ls.ts   per-column least squares over observed entries (als/anls, masked)
//   svd.ts                truncated-SVD kernels of the NNDSVD initializations
//   sgd.ts                one SGD epoch over the observed entries
//   sparse.ts             S·B, WH sampled at the entries, gathers and sums over a sparse V's entries
//   extremes.ts           the display's per-cell extremes of WH and V − WH (the worker's heatmaps)
//   lanes.ts              inline helpers on f64x2 lanes

/** First free byte of linear memory; the TypeScript arena allocates from here. */
export function heapBase(): usize {
  return __heap_base;
}

export * from "./products";
export * from "./transpose";
export * from "./residual";
export * from "./loss";
export * from "./reductions";
export * from "./updates";
export * from "./hals";
export * from "./hals-masked";
export * from "./linalg-cholesky";
export * from "./linalg-nnls";
export * from "./linalg-masked-ls";
export * from "./svd";
export * from "./sgd";
export * from "./sparse";
export * from "./extremes";
export * from "./products-f32";
