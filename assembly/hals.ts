// HALS (coordinate descent, scikit-learn's `cd`) sweeps for a fully observed V, from the Gram
// matrices, in place. Called once each per iteration by the hals solver (src/solvers/hals.ts).
// Masked V: hals-masked.ts.
import { clip0 } from "./lanes";

/**
 * HALS on the rows of H (k×n), in place, a = 0..k−1:
 * H[a,:] ← max(0, H[a,:] + (WtV[a,:] − WtW[a,:]·H)/WtW[a,a]); skipped when WtW[a,a] = 0.
 * WtV (k×n), WtW (k×k). Columns are independent within a row, so they run 8 at a time;
 * each entry subtracts WtW[a,b]·H[b,j] for b = 0..k−1 in order, as the scalar loop does.
 */
export function hals_rows(H: usize, WtV: usize, WtW: usize, k: i32, n: i32): void {
  hals_rows_cols(H, WtV, WtW, k, n, 0, n);
}

/**
 * hals_rows on columns j0..j1−1 of H only, bit for bit as hals_rows computes them (each column's
 * updates read only that column of H: one thread's share).
 */
export function hals_rows_cols(H: usize, WtV: usize, WtW: usize, k: i32, n: i32, j0: i32, j1: i32): void {
  j0 = max(j0, 0);
  j1 = min(j1, n);
  if (j1 <= j0) return;
  const sh = <usize>n << 3;
  const len = j1 - j0;
  const e8 = <usize>(j0 + (len & ~7)) << 3;
  const e2 = <usize>(j0 + (len & ~1)) << 3;
  const end = <usize>j1 << 3;
  for (let a = 0; a < k; a++) {
    const g = WtW + (<usize>a * <usize>k << 3);
    const daa = load<f64>(g + (<usize>a << 3));
    if (!(daa > 0)) continue;
    const dv = f64x2.splat(daa);
    const ha = H + <usize>a * sh;
    const ra = WtV + <usize>a * sh;
    let o: usize = <usize>j0 << 3;
    for (; o < e8; o += 64) {
      let s0 = v128.load(ra + o), s1 = v128.load(ra + o, 16), s2 = v128.load(ra + o, 32), s3 = v128.load(ra + o, 48);
      let hb = H + o;
      for (let b = 0; b < k; b++) {
        const c = v128.load64_splat(g + (<usize>b << 3));
        s0 = f64x2.sub(s0, f64x2.mul(c, v128.load(hb))); s1 = f64x2.sub(s1, f64x2.mul(c, v128.load(hb, 16)));
        s2 = f64x2.sub(s2, f64x2.mul(c, v128.load(hb, 32))); s3 = f64x2.sub(s3, f64x2.mul(c, v128.load(hb, 48)));
        hb += sh;
      }
      const h = ha + o;
      v128.store(h, clip0(f64x2.add(v128.load(h), f64x2.div(s0, dv))));
      v128.store(h, clip0(f64x2.add(v128.load(h, 16), f64x2.div(s1, dv))), 16);
      v128.store(h, clip0(f64x2.add(v128.load(h, 32), f64x2.div(s2, dv))), 32);
      v128.store(h, clip0(f64x2.add(v128.load(h, 48), f64x2.div(s3, dv))), 48);
    }
    for (; o < e2; o += 16) {
      let s = v128.load(ra + o);
      let hb = H + o;
      for (let b = 0; b < k; b++) {
        s = f64x2.sub(s, f64x2.mul(v128.load64_splat(g + (<usize>b << 3)), v128.load(hb)));
        hb += sh;
      }
      v128.store(ha + o, clip0(f64x2.add(v128.load(ha + o), f64x2.div(s, dv))));
    }
    if (o < end) {
      let s: f64 = load<f64>(ra + o);
      let hb = H + o;
      for (let b = 0; b < k; b++) {
        s -= load<f64>(g + (<usize>b << 3)) * load<f64>(hb);
        hb += sh;
      }
      const v = load<f64>(ha + o) + s / daa;
      store<f64>(ha + o, v > 0 ? v : 0);
    }
  }
}

/** (row r at byte offset o, row r + s at o) as one v128: two rows' entries of one column. */
// @ts-ignore: decorator
@inline function pair(r: usize, s: usize, o: usize): v128 {
  return v128.load64_lane(r + s + o, v128.load64_zero(r + o), 1);
}

/** Lane 0 of x at r + o, lane 1 at r + s + o. */
// @ts-ignore: decorator
@inline function storePair(r: usize, s: usize, o: usize, x: v128): void {
  v128.store64_lane(r + o, x, 0);
  v128.store64_lane(r + s + o, x, 1);
}

/**
 * HALS on the columns of W (m×k), in place, a = 0..k−1:
 * W[:,a] ← max(0, W[:,a] + (VHt[:,a] − W·HHt[:,a])/HHt[a,a]); skipped when HHt[a,a] = 0.
 * VHt (m×k), HHt (k×k). Row i's updates read only row i of W, so each row runs through all a
 * (in order) while it sits in cache: eight rows at a time, as four independent two-row sums
 * (one sum alone waits on each subtraction), then pairs, then the last odd row; every sum
 * over b runs in order, as the scalar loop does.
 */
export function hals_cols(W: usize, VHt: usize, HHt: usize, m: i32, k: i32): void {
  const sk = <usize>k << 3;
  let i = 0;
  for (; i + 8 <= m; i += 8) {
    const w0 = W + <usize>i * sk, w2 = w0 + 2 * sk, w4 = w2 + 2 * sk, w6 = w4 + 2 * sk;
    const u0 = VHt + <usize>i * sk, u2 = u0 + 2 * sk, u4 = u2 + 2 * sk, u6 = u4 + 2 * sk;
    for (let a = 0; a < k; a++) {
      const ao = <usize>a << 3;
      const col = HHt + ao;
      const daa = load<f64>(col + <usize>a * sk);
      if (!(daa > 0)) continue;
      let s0 = pair(u0, sk, ao), s1 = pair(u2, sk, ao), s2 = pair(u4, sk, ao), s3 = pair(u6, sk, ao);
      let hb = col;
      for (let b: usize = 0; b < sk; b += 8) {
        const h = v128.load64_splat(hb);
        s0 = f64x2.sub(s0, f64x2.mul(pair(w0, sk, b), h));
        s1 = f64x2.sub(s1, f64x2.mul(pair(w2, sk, b), h));
        s2 = f64x2.sub(s2, f64x2.mul(pair(w4, sk, b), h));
        s3 = f64x2.sub(s3, f64x2.mul(pair(w6, sk, b), h));
        hb += sk;
      }
      const d = f64x2.splat(daa);
      storePair(w0, sk, ao, clip0(f64x2.add(pair(w0, sk, ao), f64x2.div(s0, d))));
      storePair(w2, sk, ao, clip0(f64x2.add(pair(w2, sk, ao), f64x2.div(s1, d))));
      storePair(w4, sk, ao, clip0(f64x2.add(pair(w4, sk, ao), f64x2.div(s2, d))));
      storePair(w6, sk, ao, clip0(f64x2.add(pair(w6, sk, ao), f64x2.div(s3, d))));
    }
  }
  for (; i + 2 <= m; i += 2) {
    const w0 = W + <usize>i * sk;
    const u0 = VHt + <usize>i * sk;
    for (let a = 0; a < k; a++) {
      const ao = <usize>a << 3;
      const col = HHt + ao;
      const daa = load<f64>(col + <usize>a * sk);
      if (!(daa > 0)) continue;
      let s = pair(u0, sk, ao);
      let hb = col;
      for (let b: usize = 0; b < sk; b += 8) {
        s = f64x2.sub(s, f64x2.mul(pair(w0, sk, b), v128.load64_splat(hb)));
        hb += sk;
      }
      storePair(w0, sk, ao, clip0(f64x2.add(pair(w0, sk, ao), f64x2.div(s, f64x2.splat(daa)))));
    }
  }
  if (i < m) {
    const w0 = W + <usize>i * sk;
    const u0 = VHt + <usize>i * sk;
    for (let a = 0; a < k; a++) {
      const ao = <usize>a << 3;
      const daa = load<f64>(HHt + ao + <usize>a * sk);
      if (!(daa > 0)) continue;
      let s: f64 = load<f64>(u0 + ao);
      let hb = HHt + ao;
      for (let b: usize = 0; b < sk; b += 8) {
        s -= load<f64>(w0 + b) * load<f64>(hb);
        hb += sk;
      }
      const v = load<f64>(w0 + ao) + s / daa;
      store<f64>(w0 + ao, v > 0 ? v : 0);
    }
  }
}

