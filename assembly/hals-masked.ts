// HALS (coordinate descent) for ½‖M∘(V−WH)‖²_F with missing entries, on a residual kept in
// memory. Called once each per iteration by the hals solver when the mask is not full.
// Both kernels expect R = M∘(V − WH) for the current W, H on entry and leave it so on exit.
// With M = 0 (every entry observed) they compute what hals_rows / hals_cols compute.
import { PACK } from "./products-pack";

/**
 * Rows of H (k×n) in place, a = 0..k−1: for every column j with d = Σ_i M[i,j]·W[i,a]² > 0,
 * H[a,j] ← max(0, H[a,j] + Σ_i W[i,a]·R[i,j] / d), then R[:,j] −= M[:,j]∘W[:,a]·ΔH[a,j].
 * W (m×k), M (m×n or 0), R (m×n), scratch (3n; only the last n mod 8 columns use it). One
 * sweep over R per row of H: the update of R by row a−1 and the sums for row a share it.
 */
export function hals_rows_masked(H: usize, W: usize, M: usize, R: usize, scratch: usize, m: i32, k: i32, n: i32): void {
  rowsByGroups(H, W, M, R, scratch, m, k, n, 0, n);
}

/**
 * hals_rows_masked on columns j0..j1−1 of H, M and R only: every entry as the whole kernel
 * computes it (each column's sums and update involve that column alone, so any split of the
 * columns gives the same bits). scratch: 3 · 8 f64, or 0 for the module's packing buffer (the
 * coordinating thread only).
 */
export function hals_rows_masked_cols(H: usize, W: usize, M: usize, R: usize, scratch: usize, m: i32, k: i32, n: i32, j0: i32, j1: i32): void {
  const s = scratch != 0 ? scratch : PACK;
  rowsByGroups(H, W, M, R, s, m, k, n, j0, j1);
}

/**
 * hals_rows_masked over columns j0..j1−1 by groups of 8 columns whose sums and ΔH stay in
 * registers through the sweep down the rows (rowsMasked8); the last j1 − j0 mod 8 columns through
 * rowsMasked (scratch: 3 · 8 f64). Each column's sums run over i = 0, 1, … as in rowsMasked.
 */
// @ts-ignore: decorator
@inline
function rowsByGroups(H: usize, W: usize, M: usize, R: usize, scratch: usize, m: i32, k: i32, n: i32, j0: i32, j1: i32): void {
  let j = j0;
  for (; j + 8 <= j1; j += 8) rowsMasked8(H, W, M, R, m, k, n, j);
  if (j < j1) rowsMasked(H, W, M, R, scratch, m, k, n, j, j1);
}

/**
 * rowsMasked over the 8 columns j0..j0+7, their sums, ΔH and each row's segment in registers
 * (rowsMasked keeps them in scratch, so each row costs it three more loads and stores): the same
 * operations on each entry in the same order, so the same bits.
 */
function rowsMasked8(H: usize, W: usize, M: usize, R: usize, m: i32, k: i32, n: i32, j0: i32): void {
  const rowBytes = <usize>n << 3;
  const col0 = <usize>j0 << 3;
  const masked = M != 0;
  const z = f64x2.splat(0);
  let d0 = z, d1 = z, d2 = z, d3 = z; // ΔH[a−1, j0..j0+7]
  for (let a = 0; a <= k; a++) {
    const sums = a < k;
    let n0 = z, n1 = z, n2 = z, n3 = z;
    let e0 = z, e1 = z, e2 = z, e3 = z;
    let rrow = R + col0;
    let mrow = M + col0;
    let wrow = W;
    for (let i = 0; i < m; i++) {
      const wPrev = a > 0 ? load<f64>(wrow + (<usize>(a - 1) << 3)) : 0;
      const w = sums ? load<f64>(wrow + (<usize>a << 3)) : 0;
      if (wPrev != 0 || w != 0) {
        let r0 = v128.load(rrow), r1 = v128.load(rrow, 16), r2 = v128.load(rrow, 32), r3 = v128.load(rrow, 48);
        if (wPrev != 0) {
          const vp = f64x2.splat(wPrev);
          let x0 = f64x2.mul(vp, d0), x1 = f64x2.mul(vp, d1), x2 = f64x2.mul(vp, d2), x3 = f64x2.mul(vp, d3);
          if (masked) {
            x0 = f64x2.mul(x0, v128.load(mrow));
            x1 = f64x2.mul(x1, v128.load(mrow, 16));
            x2 = f64x2.mul(x2, v128.load(mrow, 32));
            x3 = f64x2.mul(x3, v128.load(mrow, 48));
          }
          r0 = f64x2.sub(r0, x0);
          r1 = f64x2.sub(r1, x1);
          r2 = f64x2.sub(r2, x2);
          r3 = f64x2.sub(r3, x3);
          v128.store(rrow, r0);
          v128.store(rrow, r1, 16);
          v128.store(rrow, r2, 32);
          v128.store(rrow, r3, 48);
        }
        if (w != 0) {
          const vw = f64x2.splat(w);
          const vww = f64x2.splat(w * w);
          n0 = f64x2.add(n0, f64x2.mul(vw, r0));
          n1 = f64x2.add(n1, f64x2.mul(vw, r1));
          n2 = f64x2.add(n2, f64x2.mul(vw, r2));
          n3 = f64x2.add(n3, f64x2.mul(vw, r3));
          if (masked) {
            e0 = f64x2.add(e0, f64x2.mul(vww, v128.load(mrow)));
            e1 = f64x2.add(e1, f64x2.mul(vww, v128.load(mrow, 16)));
            e2 = f64x2.add(e2, f64x2.mul(vww, v128.load(mrow, 32)));
            e3 = f64x2.add(e3, f64x2.mul(vww, v128.load(mrow, 48)));
          } else {
            e0 = f64x2.add(e0, vww);
            e1 = f64x2.add(e1, vww);
            e2 = f64x2.add(e2, vww);
            e3 = f64x2.add(e3, vww);
          }
        }
      }
      rrow += rowBytes;
      mrow += rowBytes;
      wrow += <usize>k << 3;
    }
    if (!sums) break;
    const hrow = H + <usize>a * rowBytes + col0;
    d0 = updateH2(hrow, n0, e0);
    d1 = updateH2(hrow + 16, n1, e1);
    d2 = updateH2(hrow + 32, n2, e2);
    d3 = updateH2(hrow + 48, n3, e3);
  }
}

/**
 * Two entries of a row of H (at h) from their sums num and den as rowsMasked updates them:
 * where d > 0, h ← max(0, h + num/d); returns the changes (0 where d ≤ 0).
 */
// @ts-ignore: decorator
@inline
function updateH2(h: usize, num: v128, den: v128): v128 {
  const c0 = updateH1(h, f64x2.extract_lane(num, 0), f64x2.extract_lane(den, 0));
  const c1 = updateH1(h + 8, f64x2.extract_lane(num, 1), f64x2.extract_lane(den, 1));
  return f64x2.replace_lane(f64x2.splat(c0), 1, c1);
}

// @ts-ignore: decorator
@inline
function updateH1(h: usize, num: f64, d: f64): f64 {
  if (!(d > 0)) return 0;
  const x = load<f64>(h);
  const v = x + num / d;
  const x2 = v > 0 ? v : 0;
  store<f64>(h, x2);
  return x2 - x;
}

/** hals_rows_masked over columns j0..j1−1 (scratch: 3 · (j1 − j0) f64). */
function rowsMasked(H: usize, W: usize, M: usize, R: usize, scratch: usize, m: i32, k: i32, n: i32, j0: i32, j1: i32): void {
  const rowBytes = <usize>n << 3;
  const width = j1 - j0;
  const widthBytes = <usize>width << 3;
  const col0 = <usize>j0 << 3;
  const num = scratch;
  const den = scratch + widthBytes;
  const delta = den + widthBytes; // ΔH[a−1, j0..j1−1]
  for (let a = 0; a <= k; a++) {
    const sums = a < k;
    if (sums) {
      memory.fill(num, 0, widthBytes);
      memory.fill(den, 0, widthBytes);
    }
    for (let i = 0; i < m; i++) {
      const wrow = W + (<usize>i * <usize>k << 3);
      const wPrev = a > 0 ? load<f64>(wrow + (<usize>(a - 1) << 3)) : 0;
      const w = sums ? load<f64>(wrow + (<usize>a << 3)) : 0;
      if (wPrev == 0 && w == 0) continue;
      const rrow = R + <usize>i * rowBytes + col0;
      const mrow = M + <usize>i * rowBytes + col0;
      sweepRow(rrow, mrow, M != 0, delta, wPrev, num, den, w, width);
    }
    if (!sums) break;
    const hrow = H + <usize>a * rowBytes + col0;
    for (let j = 0; j < width; j++) {
      const o = <usize>j << 3;
      const d = load<f64>(den + o);
      let change: f64 = 0;
      if (d > 0) {
        const h = load<f64>(hrow + o);
        const v = h + load<f64>(num + o) / d;
        const h2 = v > 0 ? v : 0;
        change = h2 - h;
        store<f64>(hrow + o, h2);
      }
      store<f64>(delta + o, change);
    }
  }
}

/**
 * One row of R (n), mask row m (n, unused when !masked): R −= wPrev·delta∘m (skipped when
 * wPrev = 0), then, when w ≠ 0, num += w·R and den += w²·m (w² when !masked).
 */
// @ts-ignore: decorator
@inline
function sweepRow(r: usize, mk: usize, masked: bool, delta: usize, wPrev: f64, num: usize, den: usize, w: f64, n: i32): void {
  const n2 = n & ~1;
  const vp = f64x2.splat(wPrev);
  const vw = f64x2.splat(w);
  const vww = f64x2.splat(w * w);
  if (wPrev != 0) {
    for (let j = 0; j < n2; j += 2) {
      const o = <usize>j << 3;
      let x = f64x2.mul(vp, v128.load(delta + o));
      if (masked) x = f64x2.mul(x, v128.load(mk + o));
      v128.store(r + o, f64x2.sub(v128.load(r + o), x));
    }
    if (n2 < n) {
      const o = <usize>n2 << 3;
      let x = wPrev * load<f64>(delta + o);
      if (masked) x *= load<f64>(mk + o);
      store<f64>(r + o, load<f64>(r + o) - x);
    }
  }
  if (w != 0) {
    for (let j = 0; j < n2; j += 2) {
      const o = <usize>j << 3;
      v128.store(num + o, f64x2.add(v128.load(num + o), f64x2.mul(vw, v128.load(r + o))));
      const dd = masked ? f64x2.mul(vww, v128.load(mk + o)) : vww;
      v128.store(den + o, f64x2.add(v128.load(den + o), dd));
    }
    if (n2 < n) {
      const o = <usize>n2 << 3;
      store<f64>(num + o, load<f64>(num + o) + w * load<f64>(r + o));
      store<f64>(den + o, load<f64>(den + o) + (masked ? w * w * load<f64>(mk + o) : w * w));
    }
  }
}

/**
 * Columns of W (m×k) in place, a = 0..k−1 (rows of W are independent, so each row i runs
 * a = 0..k−1 in turn): with d = Σ_j M[i,j]·H[a,j]² > 0,
 * W[i,a] ← max(0, W[i,a] + Σ_j R[i,j]·H[a,j] / d), then R[i,:] −= M[i,:]∘H[a,:]·ΔW[i,a].
 * H (k×n), M (m×n or 0), R (m×n). The update of R[i,:] by ΔW[i,a−1] and the sums for a share
 * one pass over the row.
 */
export function hals_cols_masked(W: usize, H: usize, M: usize, R: usize, m: i32, k: i32, n: i32): void {
  const rowBytes = <usize>n << 3;
  const n2 = n & ~1;
  const masked = M != 0;
  for (let i = 0; i < m; i++) {
    const rrow = R + <usize>i * rowBytes;
    const mrow = M + <usize>i * rowBytes;
    const wrow = W + (<usize>i * <usize>k << 3);
    let change: f64 = 0; // ΔW[i, a−1], applied to R[i,:] in the pass that sums for a
    for (let a = 0; a <= k; a++) {
      const hPrev = H + <usize>(a - 1) * rowBytes;
      if (a == k) {
        if (change != 0) subtractRow(rrow, mrow, masked, hPrev, change, n);
        break;
      }
      const hrow = H + <usize>a * rowBytes;
      const vc = f64x2.splat(change);
      let vnum = f64x2.splat(0);
      let vden = f64x2.splat(0);
      if (change != 0 && masked) {
        for (let j = 0; j < n2; j += 2) {
          const o = <usize>j << 3;
          const mk = v128.load(mrow + o);
          const r = f64x2.sub(v128.load(rrow + o), f64x2.mul(f64x2.mul(vc, v128.load(hPrev + o)), mk));
          v128.store(rrow + o, r);
          const h = v128.load(hrow + o);
          vnum = f64x2.add(vnum, f64x2.mul(r, h));
          vden = f64x2.add(vden, f64x2.mul(mk, f64x2.mul(h, h)));
        }
      } else if (change != 0) {
        for (let j = 0; j < n2; j += 2) {
          const o = <usize>j << 3;
          const r = f64x2.sub(v128.load(rrow + o), f64x2.mul(vc, v128.load(hPrev + o)));
          v128.store(rrow + o, r);
          const h = v128.load(hrow + o);
          vnum = f64x2.add(vnum, f64x2.mul(r, h));
          vden = f64x2.add(vden, f64x2.mul(h, h));
        }
      } else {
        for (let j = 0; j < n2; j += 2) {
          const o = <usize>j << 3;
          const h = v128.load(hrow + o);
          vnum = f64x2.add(vnum, f64x2.mul(v128.load(rrow + o), h));
          const hh = f64x2.mul(h, h);
          vden = f64x2.add(vden, masked ? f64x2.mul(v128.load(mrow + o), hh) : hh);
        }
      }
      let num = f64x2.extract_lane(vnum, 0) + f64x2.extract_lane(vnum, 1);
      let den = f64x2.extract_lane(vden, 0) + f64x2.extract_lane(vden, 1);
      if (n2 < n) {
        const o = <usize>n2 << 3;
        let r = load<f64>(rrow + o);
        if (change != 0) {
          let x = change * load<f64>(hPrev + o);
          if (masked) x *= load<f64>(mrow + o);
          r = r - x;
          store<f64>(rrow + o, r);
        }
        const h = load<f64>(hrow + o);
        num += r * h;
        den += masked ? load<f64>(mrow + o) * h * h : h * h;
      }
      change = 0;
      if (!(den > 0)) continue;
      const wo = wrow + (<usize>a << 3);
      const w = load<f64>(wo);
      const v = w + num / den;
      const w2 = v > 0 ? v : 0;
      change = w2 - w;
      store<f64>(wo, w2);
    }
  }
}

/** R (n) −= c·h∘m (m unused when !masked). */
// @ts-ignore: decorator
@inline
function subtractRow(r: usize, mk: usize, masked: bool, h: usize, c: f64, n: i32): void {
  const n2 = n & ~1;
  const vc = f64x2.splat(c);
  for (let j = 0; j < n2; j += 2) {
    const o = <usize>j << 3;
    let x = f64x2.mul(vc, v128.load(h + o));
    if (masked) x = f64x2.mul(x, v128.load(mk + o));
    v128.store(r + o, f64x2.sub(v128.load(r + o), x));
  }
  if (n2 < n) {
    const o = <usize>n2 << 3;
    let x = c * load<f64>(h + o);
    if (masked) x *= load<f64>(mk + o);
    store<f64>(r + o, load<f64>(r + o) - x);
  }
}
