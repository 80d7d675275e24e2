// HALS (coordinate descent) for ½‖M∘(V−WH)‖²_F with missing entries, on a residual kept in
// memory. Called once each per iteration by the hals solver when the mask is not full.
// Both kernels expect R = M∘(V − WH) for the current W, H on entry and leave it so on exit.
// With M = 0 (every entry observed) they compute what hals_rows / hals_cols compute.
import { PACK } from "./products-pack";

/**
 * Rows of H (k×n) in place, a = 0..k−1: for every column j with d = Σ_i M[i,j]·W[i,a]² > 0,
 * H[a,j] ← max(0, H[a,j] + Σ_i W[i,a]·R[i,j] / d), then R[:,j] −= M[:,j]∘W[:,a]·ΔH[a,j].
 * W (m×k), M (m×n or 0), R (m×n), scratch (3n). One sweep over R per row of H: the update of
 * R by row a−1 and the sums for row a share it.
 */
export function hals_rows_masked(H: usize, W: usize, M: usize, R: usize, scratch: usize, m: i32, k: i32, n: i32): void {
  rowsMasked(H, W, M, R, scratch, m, k, n, 0, n);
}

/** Columns per tile of hals_rows_masked_cols: its scratch, 3 · ROWS_TILE f64, fits a thread's 64 KiB workspace. */
const ROWS_TILE: i32 = 2048;

/**
 * hals_rows_masked on columns j0..j1−1 of H, M and R only (j0 even, so columns pair as in the
 * whole), in tiles of ROWS_TILE columns: every entry as the whole kernel computes it (each
 * column's sums and update involve that column alone). scratch: 3 · ROWS_TILE f64, or 0 for the
 * module's packing buffer (the coordinating thread only).
 */
export function hals_rows_masked_cols(H: usize, W: usize, M: usize, R: usize, scratch: usize, m: i32, k: i32, n: i32, j0: i32, j1: i32): void {
  const s = scratch != 0 ? scratch : PACK;
  for (let t = j0; t < j1; t += ROWS_TILE) rowsMasked(H, W, M, R, s, m, k, n, t, min(j1, t + ROWS_TILE));
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
 * H (k×n), M (m×n or 0), R (m×n).
 */
export function hals_cols_masked(W: usize, H: usize, M: usize, R: usize, m: i32, k: i32, n: i32): void {
  const rowBytes = <usize>n << 3;
  const n2 = n & ~1;
  const masked = M != 0;
  for (let i = 0; i < m; i++) {
    const rrow = R + <usize>i * rowBytes;
    const mrow = M + <usize>i * rowBytes;
    const wrow = W + (<usize>i * <usize>k << 3);
    for (let a = 0; a < k; a++) {
      const hrow = H + <usize>a * rowBytes;
      let vnum = f64x2.splat(0);
      let vden = f64x2.splat(0);
      for (let j = 0; j < n2; j += 2) {
        const o = <usize>j << 3;
        const h = v128.load(hrow + o);
        vnum = f64x2.add(vnum, f64x2.mul(v128.load(rrow + o), h));
        const hh = f64x2.mul(h, h);
        vden = f64x2.add(vden, masked ? f64x2.mul(v128.load(mrow + o), hh) : hh);
      }
      let num = f64x2.extract_lane(vnum, 0) + f64x2.extract_lane(vnum, 1);
      let den = f64x2.extract_lane(vden, 0) + f64x2.extract_lane(vden, 1);
      if (n2 < n) {
        const o = <usize>n2 << 3;
        const h = load<f64>(hrow + o);
        num += load<f64>(rrow + o) * h;
        den += masked ? load<f64>(mrow + o) * h * h : h * h;
      }
      if (!(den > 0)) continue;
      const wo = wrow + (<usize>a << 3);
      const w = load<f64>(wo);
      const v = w + num / den;
      const w2 = v > 0 ? v : 0;
      const change = w2 - w;
      store<f64>(wo, w2);
      if (change == 0) continue;
      const vc = f64x2.splat(change);
      for (let j = 0; j < n2; j += 2) {
        const o = <usize>j << 3;
        let x = f64x2.mul(vc, v128.load(hrow + o));
        if (masked) x = f64x2.mul(x, v128.load(mrow + o));
        v128.store(rrow + o, f64x2.sub(v128.load(rrow + o), x));
      }
      if (n2 < n) {
        const o = <usize>n2 << 3;
        let x = change * load<f64>(hrow + o);
        if (masked) x *= load<f64>(mrow + o);
        store<f64>(rrow + o, load<f64>(rrow + o) - x);
      }
    }
  }
}
