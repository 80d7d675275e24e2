// The objectives, from V, W and H without forming WH in memory: the squared error and the
// generalized KL divergence. Called once per iteration by the driver.
// Sums run in the two lanes of a v128 (as the tiles of wh-tiles.ts visit the entries) and the
// lanes are added at the end: a fixed order for given shapes.
import { whApply, whRowInto, WH_SQ } from "./wh-tiles";

/** Σ over observed (i,j) of (V − WH)²; V (m×n), M (m×n or 0), W (m×k), H (k×n); scratch (n) is not used (WH stays in registers). */
export function sq_residual(V: usize, M: usize, W: usize, H: usize, m: i32, k: i32, n: i32, scratch: usize): f64 {
  return whApply(WH_SQ, V, M, W, H, 0, m, k, n, 0);
}

/**
 * Generalized KL divergence Σ over observed (i,j) of V log(V/WH) − V + WH, with 0·log 0 = 0;
 * V (m×n), M (m×n or 0), W (m×k), H (k×n), scratch (n) holds one row of WH. Infinite when WH = 0 < V.
 * Two entries per v128 with a vectorized log (the fdlibm/musl polynomial, valid for normal
 * quotients V/WH); a row with any other quotient (0 < V/WH < 2^-1022, ±Inf, NaN, negative) where
 * V > 0 is summed again entry by entry with Math.log. Row sums are added in row order.
 */
export function kl_divergence(V: usize, M: usize, W: usize, H: usize, m: i32, k: i32, n: i32, scratch: usize): f64 {
  const z = f64x2.splat(0);
  let total: f64 = 0;
  const e2 = <usize>(n & ~1) << 3;
  for (let i = 0; i < m; i++) {
    const off = <usize>i * <usize>n << 3;
    whRowInto(W + (<usize>i * <usize>k << 3), H, scratch, k, n);
    const vrow = V + off;
    const mrow = M + off;
    let acc = z;
    let bad = z;
    for (let o: usize = 0; o < e2; o += 16) {
      const v = v128.load(vrow + o);
      const wh = v128.load(scratch + o);
      const pos = f64x2.gt(v, z);
      const q = f64x2.div(v, wh);
      const e = i64x2.shr_u(q, 52); // biased exponent; 0x800 and up when q < 0
      bad = v128.or(bad, v128.andnot(pos, v128.and(i64x2.gt_s(e, i64x2.splat(0)), i64x2.lt_s(e, i64x2.splat(0x7ff)))));
      let t = f64x2.add(f64x2.sub(v128.and(f64x2.mul(v, logNormal(q)), pos), v), wh);
      if (M != 0) t = v128.and(t, f64x2.ne(v128.load(mrow + o), z));
      acc = f64x2.add(acc, t);
    }
    let row = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
    let j = n & ~1;
    if (v128.any_true(bad)) {
      row = 0;
      j = 0;
    }
    for (; j < n; j++) {
      const o = <usize>j << 3;
      if (M != 0 && load<f64>(mrow + o) == 0) continue;
      const v = load<f64>(vrow + o);
      const wh = load<f64>(scratch + o);
      row += (v > 0 ? v * Math.log(v / wh) : 0) - v + wh;
    }
    total += row;
  }
  return total;
}

/** log(x) per lane for normal positive x (2^-1022 ≤ x < Inf): fdlibm's __ieee754_log, branch-free. */
// @ts-ignore: decorator
@inline function logNormal(x: v128): v128 {
  // x = 2^k·(1 + f) with 1 + f in [√2/2, √2).
  let ix = i64x2.add(x, i64x2.splat(<i64>(0x3ff00000 - 0x3fe6a09e) << 32));
  const kk = i64x2.sub(i64x2.shr_u(ix, 52), i64x2.splat(0x3ff));
  ix = i64x2.add(v128.and(ix, i64x2.splat(0x000fffffffffffff)), i64x2.splat(<i64>0x3fe6a09e << 32));
  const c = LOG_C;
  const f = f64x2.sub(ix, v128.load64_splat(c, 80));
  const hfsq = f64x2.mul(f64x2.mul(v128.load64_splat(c, 72), f), f);
  const s = f64x2.div(f, f64x2.add(v128.load64_splat(c, 88), f));
  const zz = f64x2.mul(s, s);
  const w = f64x2.mul(zz, zz);
  const t1 = f64x2.mul(w, f64x2.add(v128.load64_splat(c, 24), f64x2.mul(w, f64x2.add(v128.load64_splat(c, 40), f64x2.mul(w, v128.load64_splat(c, 56))))));
  const t2 = f64x2.mul(zz, f64x2.add(v128.load64_splat(c, 16), f64x2.mul(w, f64x2.add(v128.load64_splat(c, 32), f64x2.mul(w, f64x2.add(v128.load64_splat(c, 48), f64x2.mul(w, v128.load64_splat(c, 64))))))));
  const r = f64x2.add(t2, t1);
  const dk = f64x2.convert_low_i32x4_s(i32x4.shuffle(kk, kk, 0, 2, 0, 2));
  // s·(hfsq + R) + k·ln2_lo − hfsq + f + k·ln2_hi, in fdlibm's order.
  const lo = f64x2.add(f64x2.mul(s, f64x2.add(hfsq, r)), f64x2.mul(dk, v128.load64_splat(c, 8)));
  return f64x2.add(f64x2.add(f64x2.sub(lo, hfsq), f), f64x2.mul(dk, v128.load64_splat(c)));
}

/** fdlibm's log constants, in memory so that each is one broadcast load (v128.load64_splat). */
const LOG_C = memory.data<f64>([
  6.93147180369123816490e-01, // 0: ln2_hi
  1.90821492927058770002e-10, // 8: ln2_lo
  6.666666666666735130e-01, // 16: Lg1
  3.999999999940941908e-01, // 24: Lg2
  2.857142874366239149e-01, // 32: Lg3
  2.222219843214978396e-01, // 40: Lg4
  1.818357216161805012e-01, // 48: Lg5
  1.531383769920937332e-01, // 56: Lg6
  1.479819860511658591e-01, // 64: Lg7
  0.5, // 72
  1.0, // 80
  2.0, // 88
]);
