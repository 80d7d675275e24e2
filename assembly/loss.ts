// Losses and reductions. Called once per iteration by the driver.
// Sums run in the two lanes of a v128 (even and odd entries, or as the tiles of wh.ts visit
// them) and the lanes are added at the end: a fixed order for given shapes.
import { whApply, whRowInto, WH_SQ } from "./wh";

/** Σ over observed (i,j) of (V − WH)²; V (m×n), M (m×n or 0), W (m×k), H (k×n); scratch (n) is not used (WH stays in registers). */
export function sq_residual(V: usize, M: usize, W: usize, H: usize, m: i32, k: i32, n: i32, scratch: usize): f64 {
  return whApply(WH_SQ, V, M, W, H, 0, m, k, n, 0);
}

/**
 * Generalized KL divergence Σ over observed (i,j) of V log(V/WH) − V + WH, with 0·log 0 = 0;
 * V (m×n), M (m×n or 0), W (m×k), H (k×n), scratch (n) holds one row of WH. Infinite when WH = 0 < V.
 */
export function kl_divergence(V: usize, M: usize, W: usize, H: usize, m: i32, k: i32, n: i32, scratch: usize): f64 {
  let total: f64 = 0;
  for (let i = 0; i < m; i++) {
    const off = <usize>i * <usize>n << 3;
    whRowInto(W + (<usize>i * <usize>k << 3), H, scratch, k, n);
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

/** Σ A[t]·B[t] over len entries (tr(AᵀB) for equal shapes): four v128 accumulators, combined at the end. */
export function dot(A: usize, B: usize, len: i32): f64 {
  const z = f64x2.splat(0);
  let s0 = z, s1 = z, s2 = z, s3 = z;
  const e8 = <usize>(len & ~7) << 3;
  let o: usize = 0;
  for (; o < e8; o += 64) {
    s0 = f64x2.add(s0, f64x2.mul(v128.load(A + o), v128.load(B + o)));
    s1 = f64x2.add(s1, f64x2.mul(v128.load(A + o, 16), v128.load(B + o, 16)));
    s2 = f64x2.add(s2, f64x2.mul(v128.load(A + o, 32), v128.load(B + o, 32)));
    s3 = f64x2.add(s3, f64x2.mul(v128.load(A + o, 48), v128.load(B + o, 48)));
  }
  const e2 = <usize>(len & ~1) << 3;
  for (; o < e2; o += 16) s0 = f64x2.add(s0, f64x2.mul(v128.load(A + o), v128.load(B + o)));
  const s = f64x2.add(f64x2.add(s0, s1), f64x2.add(s2, s3));
  let t = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  if (len & 1) t += load<f64>(A + e2) * load<f64>(B + e2);
  return t;
}

/** 1 if any of the len entries of X is NaN or ±Inf, else 0 (x − x is 0 exactly when x is finite). */
export function has_nonfinite(X: usize, len: i32): i32 {
  const z = f64x2.splat(0);
  const e2 = <usize>(len & ~1) << 3;
  let o: usize = 0;
  const BLOCK: usize = 512; // bytes between early-exit checks
  while (o < e2) {
    const stop = min(o + BLOCK, e2);
    let acc = z;
    for (; o < stop; o += 16) {
      const x = v128.load(X + o);
      acc = f64x2.add(acc, f64x2.sub(x, x)); // NaN in a lane as soon as one entry is not finite
    }
    if (!v128.all_true<i64>(f64x2.eq(acc, z))) return 1;
  }
  if (len & 1) {
    const x = load<f64>(X + e2);
    if (!isFinite(x)) return 1;
  }
  return 0;
}
