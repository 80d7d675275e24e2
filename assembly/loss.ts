// Losses and reductions. Called once per iteration by the driver.
import { wh_row } from "./masked";

/** Σ over observed (i,j) of (V − WH)²; V (m×n), M (m×n or 0), W (m×k), H (k×n), scratch (n). */
export function sq_residual(V: usize, M: usize, W: usize, H: usize, m: i32, k: i32, n: i32, scratch: usize): f64 {
  let total: f64 = 0;
  for (let i = 0; i < m; i++) {
    const off = <usize>i * <usize>n << 3;
    wh_row(W, H, scratch, i, k, n);
    const vrow = V + off;
    let s: f64 = 0;
    if (M != 0) {
      const mrow = M + off;
      for (let j = 0; j < n; j++) {
        const o = <usize>j << 3;
        const d = (load<f64>(vrow + o) - load<f64>(scratch + o)) * load<f64>(mrow + o);
        s += d * d;
      }
    } else {
      for (let j = 0; j < n; j++) {
        const o = <usize>j << 3;
        const d = load<f64>(vrow + o) - load<f64>(scratch + o);
        s += d * d;
      }
    }
    total += s;
  }
  return total;
}

/**
 * Generalized KL divergence Σ over observed (i,j) of V log(V/WH) − V + WH, with 0·log 0 = 0;
 * V (m×n), M (m×n or 0), W (m×k), H (k×n), scratch (n). Infinite when WH = 0 < V.
 */
export function kl_divergence(V: usize, M: usize, W: usize, H: usize, m: i32, k: i32, n: i32, scratch: usize): f64 {
  let total: f64 = 0;
  for (let i = 0; i < m; i++) {
    const off = <usize>i * <usize>n << 3;
    wh_row(W, H, scratch, i, k, n);
    let s: f64 = 0;
    for (let j = 0; j < n; j++) {
      const o = <usize>j << 3;
      if (M != 0 && load<f64>(M + off + o) == 0) continue;
      const v = load<f64>(V + off + o);
      const wh = load<f64>(scratch + o);
      s += (v > 0 ? v * Math.log(v / wh) : 0) - v + wh;
    }
    total += s;
  }
  return total;
}

/** Σ A[t]·B[t] over len entries (tr(AᵀB) for equal shapes). */
export function dot(A: usize, B: usize, len: i32): f64 {
  let s: f64 = 0;
  for (let t = 0; t < len; t++) {
    const o = <usize>t << 3;
    s += load<f64>(A + o) * load<f64>(B + o);
  }
  return s;
}

/** 1 if any of the len entries of X is NaN or ±Inf, else 0. */
export function has_nonfinite(X: usize, len: i32): i32 {
  for (let t = 0; t < len; t++) {
    const x = load<f64>(X + (<usize>t << 3));
    if (!isFinite(x)) return 1;
  }
  return 0;
}
