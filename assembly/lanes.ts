// Small inline helpers on f64x2 lanes shared by several kernel files.

/** max(x, 0) per lane, with NaN → 0 (as `x > 0 ? x : 0`). */
// @ts-ignore: decorator
@inline export function clip0(x: v128): v128 {
  return v128.and(x, f64x2.gt(x, f64x2.splat(0)));
}
