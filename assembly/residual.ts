// Matrices made entry by entry from WH and V, written to memory: M∘WH (masked mu), the
// residual M∘(V − WH) (gd, masked hals), the quotient V/(WH + ε) (kl), one row of WH.
// M is m×n of 1.0/0.0 (a null pointer means every entry is observed); V is stored with 0 at
// missing entries, so M∘V = V. WH is formed tile by tile in registers (wh-tiles.ts) and never
// stored on its own.
import { whApply, whRowInto, WH_STORE, WH_RESIDUAL, WH_QUOTIENT } from "./wh-tiles";

/** P (m×n) = M∘(WH) for W (m×k), H (k×n), M (m×n or 0). Used by masked mu. */
export function masked_wh(W: usize, H: usize, M: usize, P: usize, m: i32, k: i32, n: i32): void {
  whApply(WH_STORE, 0, M, W, H, P, m, k, n, 0);
}

/** R (m×n) = M∘(V − WH) for V (m×n), W (m×k), H (k×n), M (m×n or 0). Used by gd. */
export function residual(V: usize, M: usize, W: usize, H: usize, R: usize, m: i32, k: i32, n: i32): void {
  whApply(WH_RESIDUAL, V, M, W, H, R, m, k, n, 0);
}

/** Q (m×n) = M∘V / (WH + ε) for V (m×n, 0 where missing), W (m×k), H (k×n). Used by kl. */
export function kl_quotient(V: usize, W: usize, H: usize, Q: usize, m: i32, k: i32, n: i32, eps: f64): void {
  whApply(WH_QUOTIENT, V, 0, W, H, Q, m, k, n, eps);
}

/** out (n) = row i of WH for W (m×k), H (k×n). */
export function wh_row(W: usize, H: usize, out: usize, i: i32, k: i32, n: i32): void {
  whRowInto(W + (<usize>i * <usize>k << 3), H, out, k, n);
}
