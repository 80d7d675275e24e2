// Small inline helpers on f64x2 lanes shared by several kernel files.

/** max(x, 0) per lane, with NaN → 0 (as `x > 0 ? x : 0`). */
// @ts-ignore: decorator
@inline export function clip0(x: v128): v128 {
  return v128.and(x, f64x2.gt(x, f64x2.splat(0)));
}

/** log(x) per lane for normal positive x (2^-1022 ≤ x < Inf): fdlibm's __ieee754_log, branch-free. */
// @ts-ignore: decorator
@inline export function logNormal(x: v128): v128 {
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
