// WH computed tile by tile and consumed at once, for the kernels that need M∘WH, M∘(V − WH),
// V/(WH + ε), Σ(M∘(V − WH))² or the KL divergence without forming WH in memory first
// (residual.ts, loss.ts).
// Each entry WH[i,j] = Σ_a W[i,a]·H[a,j] is summed over a in increasing order, as in the
// textbook loop. Tiles: 2 rows × 8 columns (8 v128 accumulators), then 2 columns, then the odd
// last column in scalars; an odd last row the same way with 1 row.
import { logNormal } from "./lanes";

/** What whApply does with each value x = WH[i,j] (V, M, OUT are m×n; M may be 0 = all observed). */
export const WH_STORE: i32 = 0; // OUT = M∘x
export const WH_RESIDUAL: i32 = 1; // OUT = M∘(V − x)
export const WH_QUOTIENT: i32 = 2; // OUT = V/(x + ε)
export const WH_SQ: i32 = 3; // returns Σ (M∘(V − x))²
export const WH_KL: i32 = 4; // OUT = V/(x + ε) unless OUT is 0; returns Σ (M∘(V − x))²; KL terms into klAcc/klTail

/**
 * The KL divergence state of WH_KL for the two rows r = 0, 1 of a pair (loss.ts resets and
 * reads it): klAcc = the row's terms so far (two lanes: even and odd columns), klBad = lanes
 * whose quotient V/WH was outside the vectorized log's range, klTail = the term of the odd
 * last column. Globals, not memory: each instance (thread) has its own.
 */
export let klAcc0: v128 = f64x2.splat(0);
export let klAcc1: v128 = f64x2.splat(0);
export let klBad0: v128 = f64x2.splat(0);
export let klBad1: v128 = f64x2.splat(0);
export let klTail0: f64 = 0;
export let klTail1: f64 = 0;

/** Clears the KL state of both rows. */
// @ts-ignore: decorator
@inline export function klReset(): void {
  klAcc0 = f64x2.splat(0);
  klAcc1 = f64x2.splat(0);
  klBad0 = f64x2.splat(0);
  klBad1 = f64x2.splat(0);
  klTail0 = 0;
  klTail1 = 0;
}

/** The KL term V log(V/x) − V + x of one scalar entry with V > 0 or V = 0 (0·log 0 = 0). */
// @ts-ignore: decorator
@inline export function klTerm(v: f64, x: f64): f64 {
  return (v > 0 ? v * Math.log(v / x) : 0) - v + x;
}

/**
 * Consumes one v128 of WH at byte offset o of the rows v, mk, out (row r = 0 or 1 of the pair);
 * returns the updated sum of squares s.
 */
// @ts-ignore: decorator
@inline function fin(mode: i32, r: i32, x: v128, v: usize, mk: usize, out: usize, o: usize, eps: f64, s: v128): v128 {
  if (mode == WH_STORE) {
    v128.store(out + o, mk != 0 ? f64x2.mul(x, v128.load(mk + o)) : x);
  } else if (mode == WH_RESIDUAL) {
    const d = f64x2.sub(v128.load(v + o), x);
    v128.store(out + o, mk != 0 ? f64x2.mul(d, v128.load(mk + o)) : d);
  } else if (mode == WH_QUOTIENT) {
    v128.store(out + o, f64x2.div(v128.load(v + o), f64x2.add(x, f64x2.splat(eps))));
  } else {
    const vv = v128.load(v + o);
    let d = f64x2.sub(vv, x);
    if (mk != 0) d = f64x2.mul(d, v128.load(mk + o));
    s = f64x2.add(s, f64x2.mul(d, d));
    if (mode == WH_KL) {
      if (out != 0) v128.store(out + o, f64x2.div(vv, f64x2.add(x, f64x2.splat(eps))));
      const z = f64x2.splat(0);
      const pos = f64x2.gt(vv, z);
      const q = f64x2.div(vv, x);
      const e = i64x2.shr_u(q, 52); // biased exponent; 0x800 and up when q < 0
      const bad = v128.andnot(pos, v128.and(i64x2.gt_s(e, i64x2.splat(0)), i64x2.lt_s(e, i64x2.splat(0x7ff))));
      let t = f64x2.add(f64x2.sub(v128.and(f64x2.mul(vv, logNormal(q)), pos), vv), x);
      if (mk != 0) t = v128.and(t, f64x2.ne(v128.load(mk + o), z));
      if (r == 0) {
        klAcc0 = f64x2.add(klAcc0, t);
        klBad0 = v128.or(klBad0, bad);
      } else {
        klAcc1 = f64x2.add(klAcc1, t);
        klBad1 = v128.or(klBad1, bad);
      }
    }
  }
  return s;
}

/** Scalar version of fin for the odd last column; returns the square to add (WH_SQ, WH_KL) or 0. */
// @ts-ignore: decorator
@inline function finScalar(mode: i32, r: i32, x: f64, v: usize, mk: usize, out: usize, o: usize, eps: f64): f64 {
  if (mode == WH_STORE) {
    store<f64>(out + o, mk != 0 ? x * load<f64>(mk + o) : x);
  } else if (mode == WH_RESIDUAL) {
    const d = load<f64>(v + o) - x;
    store<f64>(out + o, mk != 0 ? d * load<f64>(mk + o) : d);
  } else if (mode == WH_QUOTIENT) {
    store<f64>(out + o, load<f64>(v + o) / (x + eps));
  } else {
    const vv = load<f64>(v + o);
    let d = vv - x;
    if (mk != 0) d *= load<f64>(mk + o);
    if (mode == WH_KL) {
      if (out != 0) store<f64>(out + o, vv / (x + eps));
      const t = mk != 0 && load<f64>(mk + o) == 0 ? 0 : klTerm(vv, x);
      if (r == 0) klTail0 = t;
      else klTail1 = t;
    }
    return d * d;
  }
  return 0;
}

/** Σ_a W[i,a]·H[a,j] for the column at byte offset o of H's rows; wrow = &W[i,0], sh = row stride of H. */
// @ts-ignore: decorator
@inline function whScalar(wrow: usize, H: usize, o: usize, sh: usize, k: i32): f64 {
  let x: f64 = 0;
  let h = H + o;
  for (let a = 0; a < k; a++) {
    x += load<f64>(wrow + (<usize>a << 3)) * load<f64>(h);
    h += sh;
  }
  return x;
}

/**
 * Rows i, i+1 of WH, consumed by `mode`. w0 = &W[i,0]; v, mk, out = row i of V, M, OUT
 * (0 when unused); n columns; returns s plus this pair's squares for WH_SQ.
 */
// @ts-ignore: decorator
@inline export function rows2(mode: i32, w0: usize, H: usize, k: i32, n: i32, v: usize, mk: usize, out: usize, eps: f64, s: v128): v128 {
  const w1 = w0 + (<usize>k << 3);
  const sh = <usize>n << 3;
  const v1 = v != 0 ? v + sh : 0;
  const m1 = mk != 0 ? mk + sh : 0;
  const o1 = out != 0 ? out + sh : 0;
  const e8 = <usize>(n & ~7) << 3;
  const e2 = <usize>(n & ~1) << 3;
  let o: usize = 0;
  for (; o < e8; o += 64) {
    const z = f64x2.splat(0);
    let x0 = z, x1 = z, x2 = z, x3 = z, y0 = z, y1 = z, y2 = z, y3 = z;
    let h = H + o;
    const ke = <usize>k << 3;
    for (let a: usize = 0; a < ke; a += 8) {
      const h0 = v128.load(h), h1 = v128.load(h, 16), h2 = v128.load(h, 32), h3 = v128.load(h, 48);
      let c = v128.load64_splat(w0 + a);
      x0 = f64x2.add(x0, f64x2.mul(c, h0)); x1 = f64x2.add(x1, f64x2.mul(c, h1));
      x2 = f64x2.add(x2, f64x2.mul(c, h2)); x3 = f64x2.add(x3, f64x2.mul(c, h3));
      c = v128.load64_splat(w1 + a);
      y0 = f64x2.add(y0, f64x2.mul(c, h0)); y1 = f64x2.add(y1, f64x2.mul(c, h1));
      y2 = f64x2.add(y2, f64x2.mul(c, h2)); y3 = f64x2.add(y3, f64x2.mul(c, h3));
      h += sh;
    }
    s = fin(mode, 0, x0, v, mk, out, o, eps, s);
    s = fin(mode, 0, x1, v, mk, out, o + 16, eps, s);
    s = fin(mode, 0, x2, v, mk, out, o + 32, eps, s);
    s = fin(mode, 0, x3, v, mk, out, o + 48, eps, s);
    s = fin(mode, 1, y0, v1, m1, o1, o, eps, s);
    s = fin(mode, 1, y1, v1, m1, o1, o + 16, eps, s);
    s = fin(mode, 1, y2, v1, m1, o1, o + 32, eps, s);
    s = fin(mode, 1, y3, v1, m1, o1, o + 48, eps, s);
  }
  for (; o < e2; o += 16) {
    let x = f64x2.splat(0), y = f64x2.splat(0);
    let h = H + o;
    for (let a = 0; a < k; a++) {
      const hv = v128.load(h);
      const ao = <usize>a << 3;
      x = f64x2.add(x, f64x2.mul(v128.load64_splat(w0 + ao), hv));
      y = f64x2.add(y, f64x2.mul(v128.load64_splat(w1 + ao), hv));
      h += sh;
    }
    s = fin(mode, 0, x, v, mk, out, o, eps, s);
    s = fin(mode, 1, y, v1, m1, o1, o, eps, s);
  }
  if (o < sh) {
    const t0 = finScalar(mode, 0, whScalar(w0, H, o, sh, k), v, mk, out, o, eps);
    const t1 = finScalar(mode, 1, whScalar(w1, H, o, sh, k), v1, m1, o1, o, eps);
    s = f64x2.add(s, f64x2.replace_lane(f64x2.splat(t0), 1, t1));
  }
  return s;
}

/** Row i of WH (w0 = &W[i,0]) consumed by `mode`, as rows2 for one row. */
// @ts-ignore: decorator
@inline export function rows1(mode: i32, w0: usize, H: usize, k: i32, n: i32, v: usize, mk: usize, out: usize, eps: f64, s: v128): v128 {
  const sh = <usize>n << 3;
  const e8 = <usize>(n & ~7) << 3;
  const e2 = <usize>(n & ~1) << 3;
  let o: usize = 0;
  for (; o < e8; o += 64) {
    const z = f64x2.splat(0);
    let x0 = z, x1 = z, x2 = z, x3 = z;
    let h = H + o;
    const ke = <usize>k << 3;
    for (let a: usize = 0; a < ke; a += 8) {
      const c = v128.load64_splat(w0 + a);
      x0 = f64x2.add(x0, f64x2.mul(c, v128.load(h))); x1 = f64x2.add(x1, f64x2.mul(c, v128.load(h, 16)));
      x2 = f64x2.add(x2, f64x2.mul(c, v128.load(h, 32))); x3 = f64x2.add(x3, f64x2.mul(c, v128.load(h, 48)));
      h += sh;
    }
    s = fin(mode, 0, x0, v, mk, out, o, eps, s);
    s = fin(mode, 0, x1, v, mk, out, o + 16, eps, s);
    s = fin(mode, 0, x2, v, mk, out, o + 32, eps, s);
    s = fin(mode, 0, x3, v, mk, out, o + 48, eps, s);
  }
  for (; o < e2; o += 16) {
    let x = f64x2.splat(0);
    let h = H + o;
    for (let a = 0; a < k; a++) {
      x = f64x2.add(x, f64x2.mul(v128.load64_splat(w0 + (<usize>a << 3)), v128.load(h)));
      h += sh;
    }
    s = fin(mode, 0, x, v, mk, out, o, eps, s);
  }
  if (o < sh) {
    const t = finScalar(mode, 0, whScalar(w0, H, o, sh, k), v, mk, out, o, eps);
    s = f64x2.add(s, f64x2.replace_lane(f64x2.splat(t), 1, 0));
  }
  return s;
}

/**
 * Applies `mode` to every entry of WH for W (m×k), H (k×n); V, M, OUT are m×n (0 when the mode
 * does not use them). Returns Σ (M∘(V − WH))² for WH_SQ (lanes added at the end), else 0.
 */
// @ts-ignore: decorator
@inline export function whApply(mode: i32, V: usize, M: usize, W: usize, H: usize, OUT: usize, m: i32, k: i32, n: i32, eps: f64): f64 {
  const sr = <usize>n << 3;
  const sw = <usize>k << 3;
  let s = f64x2.splat(0);
  let i = 0;
  for (; i + 2 <= m; i += 2) {
    const off = <usize>i * sr;
    s = rows2(mode, W + <usize>i * sw, H, k, n, V != 0 ? V + off : 0, M != 0 ? M + off : 0, OUT != 0 ? OUT + off : 0, eps, s);
  }
  if (i < m) {
    const off = <usize>i * sr;
    s = rows1(mode, W + <usize>i * sw, H, k, n, V != 0 ? V + off : 0, M != 0 ? M + off : 0, OUT != 0 ? OUT + off : 0, eps, s);
  }
  return f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
}

/** out (n) = row i of WH (w0 = &W[i,0]), vectorized like the tiles above. */
export function whRowInto(w0: usize, H: usize, out: usize, k: i32, n: i32): void {
  rows1(WH_STORE, w0, H, k, n, 0, 0, out, 0, f64x2.splat(0));
}
