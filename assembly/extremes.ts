// Extremes per display cell (a block of rows × columns) of WH and of the residual V − WH, for
// the worker's heatmaps of a large V: over rows of WH already formed into a panel (gemm_nn), each
// entry compared once, two lanes at a time. Missing entries (M = 0) count for WH but not for
// the residual. f64x2.pmin/pmax keep the running extreme when the new value is NaN.

/**
 * For rows i0..i1−1: P ((i1−i0)×n, rows i0.. of WH), V (m×n, 0 where missing), M (m×n of 1/0, or
 * 0 when every entry is observed). Cells are blocks of `br` rows × `bc` columns, `cols` cells per
 * row of cells; `ext` holds 4 arrays of `size` cells each: min WH, max WH, min V − WH, max V − WH,
 * which this updates (start them at +∞, −∞, +∞, −∞).
 */
export function block_extremes(
  V: usize,
  M: usize,
  P: usize,
  i0: i32,
  i1: i32,
  n: i32,
  br: i32,
  bc: i32,
  cols: i32,
  ext: usize,
  size: i32,
): void {
  const sz = <usize>size << 3;
  const nanv = f64x2.splat(NaN);
  const zero = f64x2.splat(0);
  const rowBytes = <usize>n << 3;
  // cell by cell, each over its rows in this panel, so a cell's four extremes stay in registers
  for (let I = i0 / br; I * br < i1; I++) {
    const r0 = max(i0, I * br);
    const r1 = min(i1, (I + 1) * br);
    for (let J = 0; J < cols; J++) {
      const j0 = J * bc;
      const j1 = min(n, j0 + bc);
      const c = ext + ((<usize>I * <usize>cols + <usize>J) << 3);
      let wl = f64x2.splat(load<f64>(c));
      let wh = f64x2.splat(load<f64>(c + sz));
      let rl = f64x2.splat(load<f64>(c + 2 * sz));
      let rh = f64x2.splat(load<f64>(c + 3 * sz));
      let wl0 = load<f64>(c);
      let wh0 = load<f64>(c + sz);
      let rl0 = load<f64>(c + 2 * sz);
      let rh0 = load<f64>(c + 3 * sz);
      for (let i = r0; i < r1; i++) {
        const p = P + <usize>(i - i0) * rowBytes;
        const v = V + <usize>i * rowBytes;
        const mk = M ? M + <usize>i * rowBytes : 0;
        let j = j0;
        for (; j + 2 <= j1; j += 2) {
          const o = <usize>j << 3;
          const x = v128.load(p + o);
          let r = f64x2.sub(v128.load(v + o), x);
          if (mk) r = v128.bitselect(r, nanv, f64x2.ne(v128.load(mk + o), zero));
          wl = f64x2.pmin(wl, x);
          wh = f64x2.pmax(wh, x);
          rl = f64x2.pmin(rl, r);
          rh = f64x2.pmax(rh, r);
        }
        if (j < j1) {
          const o = <usize>j << 3;
          const x = load<f64>(p + o);
          const r = !mk || load<f64>(mk + o) != 0 ? load<f64>(v + o) - x : NaN;
          wl0 = minSkip(wl0, x);
          wh0 = maxSkip(wh0, x);
          rl0 = minSkip(rl0, r);
          rh0 = maxSkip(rh0, r);
        }
      }
      store<f64>(c, minSkip(minSkip(wl0, f64x2.extract_lane(wl, 0)), f64x2.extract_lane(wl, 1)));
      store<f64>(c + sz, maxSkip(maxSkip(wh0, f64x2.extract_lane(wh, 0)), f64x2.extract_lane(wh, 1)));
      store<f64>(c + 2 * sz, minSkip(minSkip(rl0, f64x2.extract_lane(rl, 0)), f64x2.extract_lane(rl, 1)));
      store<f64>(c + 3 * sz, maxSkip(maxSkip(rh0, f64x2.extract_lane(rh, 0)), f64x2.extract_lane(rh, 1)));
    }
  }
}

/** The smaller of a and b, b only when it is smaller (a NaN b is skipped). */
// @ts-ignore: decorator
@inline function minSkip(a: f64, b: f64): f64 {
  return b < a ? b : a;
}

/** The larger of a and b, b only when it is larger (a NaN b is skipped). */
// @ts-ignore: decorator
@inline function maxSkip(a: f64, b: f64): f64 {
  return b > a ? b : a;
}
