// float32 products with the big matrix V (the optional float32 mode): WᵀV and VHᵀ with V and the
// factor in f32, four lanes per v128 instead of two. Sums run in f32 over short blocks (32 rows of
// WᵀV, 512 columns of VHᵀ) and in f64 across blocks, into an f64 C, so the solvers see f64 as
// always. Each entry of C is computed the same way whatever range of C a call is given (the
// pool's chunks, src/wasm/pool-parts.ts). Tiles are 4 rows of WᵀV or 4 columns of VHᵀ wide even
// where k is not a multiple of 4 (no slow remainder loops): the factor's copy is read up to 3
// entries past W (m·k + 3) and 3 rows past H ((k + 3)·n), which float32ScratchLen makes room for.

/** dst (len f32) = src (len f64), each rounded to the nearest f32. */
export function to_f32(src: usize, dst: usize, len: i32): void {
  let t = 0;
  for (; t + 2 <= len; t += 2) {
    v128.store64_lane(dst + (<usize>t << 2), f32x4.demote_f64x2_zero(v128.load(src + (<usize>t << 3))), 0);
  }
  for (; t < len; t++) store<f32>(dst + (<usize>t << 2), <f32>load<f64>(src + (<usize>t << 3)));
}

/** Rows of A and B whose products WᵀV sums in f32 before adding them to C in f64. */
const TN_ROWS: i32 = 32;

/** Columns of A and B whose products VHᵀ sums in f32 before adding them to C in f64. */
const NT_COLS: i32 = 512;

/** C[0..4) += the four f32 lanes of x, in f64 (c = &C[a, j], 32 bytes). */
// @ts-ignore: decorator
@inline function addLanes(c: usize, x: v128): void {
  v128.store(c, f64x2.add(v128.load(c), f64x2.promote_low_f32x4(x)));
  v128.store(c, f64x2.add(v128.load(c, 16), f64x2.promote_low_f32x4(i32x4.shuffle(x, x, 2, 3, 0, 1))), 16);
}

/** The sum of the four f32 lanes of x, in f64: (x0 + x2) + (x1 + x3). */
// @ts-ignore: decorator
@inline function laneSum(x: v128): f64 {
  const lo = f64x2.promote_low_f32x4(x);
  const hi = f64x2.promote_low_f32x4(i32x4.shuffle(x, x, 2, 3, 0, 1));
  const s = f64x2.add(lo, hi);
  return f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
}

/** Columns j0..j1−1 of C (p×q, f64) = AᵀB for A (m×p, f32), B (m×q, f32): WᵀV in float32 mode. */
export function gemm_tn_f32_cols(A: usize, B: usize, C: usize, m: i32, p: i32, q: i32, j0: i32, j1: i32): void {
  j0 = max(j0, 0);
  j1 = min(j1, q);
  if (j1 <= j0) return;
  const sa = <usize>p << 2;
  const sb = <usize>q << 2;
  const sc = <usize>q << 3;
  for (let a = 0; a < p; a++) memory.fill(C + <usize>a * sc + (<usize>j0 << 3), 0, <usize>(j1 - j0) << 3);
  for (let i0 = 0; i0 < m; i0 += TN_ROWS) {
    const cnt = min(TN_ROWS, m - i0);
    const A0 = A + <usize>i0 * sa;
    const B0 = B + <usize>i0 * sb;
    let j = j0;
    for (; j + 8 <= j1; j += 8) {
      let a = 0;
      // the last tile may hang over p (its rows past p read A's scratch beyond them and are not
      // stored); one or two rows left take a 2-row tile
      for (; a + 2 < p; a += 4) tn4x8(A0 + (<usize>a << 2), B0 + (<usize>j << 2), C + <usize>a * sc + (<usize>j << 3), sa, sb, sc, cnt, min(4, p - a));
      if (a < p) tn2x8(A0 + (<usize>a << 2), B0 + (<usize>j << 2), C + <usize>a * sc + (<usize>j << 3), sa, sb, sc, cnt, p - a);
    }
    for (; j < j1; j++) {
      for (let a = 0; a < p; a++) {
        let s: f32 = 0;
        for (let i = 0; i < cnt; i++) s += load<f32>(A0 + <usize>i * sa + (<usize>a << 2)) * load<f32>(B0 + <usize>i * sb + (<usize>j << 2));
        const c = C + <usize>a * sc + (<usize>j << 3);
        store<f64>(c, load<f64>(c) + <f64>s);
      }
    }
  }
}

/**
 * 4×8 tile of WᵀV over `cnt` rows: 8 accumulators, per row two loads of B and four broadcasts of
 * A; only the first `rows` (1–4) rows of the tile are added into C.
 */
function tn4x8(pa: usize, pb: usize, c: usize, sa: usize, sb: usize, sc: usize, cnt: i32, rows: i32): void {
  const z = f32x4.splat(0);
  let x00 = z, x01 = z, x10 = z, x11 = z, x20 = z, x21 = z, x30 = z, x31 = z;
  for (let i = 0; i < cnt; i++) {
    const b0 = v128.load(pb), b1 = v128.load(pb, 16);
    let s = v128.load32_splat(pa);
    x00 = f32x4.add(x00, f32x4.mul(s, b0)); x01 = f32x4.add(x01, f32x4.mul(s, b1));
    s = v128.load32_splat(pa, 4);
    x10 = f32x4.add(x10, f32x4.mul(s, b0)); x11 = f32x4.add(x11, f32x4.mul(s, b1));
    s = v128.load32_splat(pa, 8);
    x20 = f32x4.add(x20, f32x4.mul(s, b0)); x21 = f32x4.add(x21, f32x4.mul(s, b1));
    s = v128.load32_splat(pa, 12);
    x30 = f32x4.add(x30, f32x4.mul(s, b0)); x31 = f32x4.add(x31, f32x4.mul(s, b1));
    pa += sa;
    pb += sb;
  }
  addLanes(c, x00); addLanes(c + 32, x01);
  if (rows > 1) { addLanes(c + sc, x10); addLanes(c + sc + 32, x11); }
  if (rows > 2) { addLanes(c + 2 * sc, x20); addLanes(c + 2 * sc + 32, x21); }
  if (rows > 3) { addLanes(c + 3 * sc, x30); addLanes(c + 3 * sc + 32, x31); }
}

/** 2×8 tile of WᵀV (the last one or two rows of C): 4 accumulators; only the first `rows` (1–2) rows added into C. */
function tn2x8(pa: usize, pb: usize, c: usize, sa: usize, sb: usize, sc: usize, cnt: i32, rows: i32): void {
  const z = f32x4.splat(0);
  let x00 = z, x01 = z, x10 = z, x11 = z;
  for (let i = 0; i < cnt; i++) {
    const b0 = v128.load(pb), b1 = v128.load(pb, 16);
    let s = v128.load32_splat(pa);
    x00 = f32x4.add(x00, f32x4.mul(s, b0)); x01 = f32x4.add(x01, f32x4.mul(s, b1));
    s = v128.load32_splat(pa, 4);
    x10 = f32x4.add(x10, f32x4.mul(s, b0)); x11 = f32x4.add(x11, f32x4.mul(s, b1));
    pa += sa;
    pb += sb;
  }
  addLanes(c, x00); addLanes(c + 32, x01);
  if (rows > 1) { addLanes(c + sc, x10); addLanes(c + sc + 32, x11); }
}

/** Rows r0..r1−1 of C (m×p, f64) = ABᵀ for A (m×q, f32), B (p×q, f32): VHᵀ in float32 mode. */
export function gemm_nt_f32_rows(A: usize, B: usize, C: usize, m: i32, q: i32, p: i32, r0: i32, r1: i32): void {
  r0 = max(r0, 0);
  r1 = min(r1, m);
  if (r1 <= r0) return;
  const s = <usize>q << 2;
  const sc = <usize>p << 3;
  memory.fill(C + <usize>r0 * sc, 0, <usize>(r1 - r0) * sc);
  for (let j0 = 0; j0 < q; j0 += NT_COLS) {
    const cnt = min(NT_COLS, q - j0);
    const off = <usize>j0 << 2;
    let i = r0;
    for (; i + 2 <= r1; i += 2) {
      const pv = A + <usize>i * s + off;
      let a = 0;
      // the last tile may hang over p: its rows of B past p read B's scratch beyond them and are not stored
      for (; a < p; a += 4) nt2x4(pv, B + <usize>a * s + off, C + <usize>i * sc + (<usize>a << 3), s, sc, cnt, min(4, p - a));
    }
    if (i < r1) {
      const pv = A + <usize>i * s + off;
      for (let a = 0; a < p; a += 4) nt1x4(pv, B + <usize>a * s + off, C + <usize>i * sc + (<usize>a << 3), s, cnt, min(4, p - a));
    }
  }
}

/**
 * 2×4 tile of VHᵀ over `cnt` columns: rows i, i+1 of A against rows a..a+3 of B, 8 accumulators;
 * only the first `cols` (1–4) columns of the tile are added into C.
 */
function nt2x4(pv: usize, ph: usize, c: usize, s: usize, sc: usize, cnt: i32, cols: i32): void {
  const z = f32x4.splat(0);
  let x00 = z, x01 = z, x02 = z, x03 = z, x10 = z, x11 = z, x12 = z, x13 = z;
  const pv1 = pv + s;
  const ph1 = ph + s, ph2 = ph1 + s, ph3 = ph2 + s;
  let t: usize = 0;
  const end = <usize>(cnt & ~3) << 2;
  for (; t < end; t += 16) {
    const v0 = v128.load(pv + t), v1 = v128.load(pv1 + t);
    const h0 = v128.load(ph + t), h1 = v128.load(ph1 + t), h2 = v128.load(ph2 + t), h3 = v128.load(ph3 + t);
    x00 = f32x4.add(x00, f32x4.mul(v0, h0)); x01 = f32x4.add(x01, f32x4.mul(v0, h1));
    x02 = f32x4.add(x02, f32x4.mul(v0, h2)); x03 = f32x4.add(x03, f32x4.mul(v0, h3));
    x10 = f32x4.add(x10, f32x4.mul(v1, h0)); x11 = f32x4.add(x11, f32x4.mul(v1, h1));
    x12 = f32x4.add(x12, f32x4.mul(v1, h2)); x13 = f32x4.add(x13, f32x4.mul(v1, h3));
  }
  const c1 = c + sc;
  store<f64>(c, load<f64>(c) + laneSum(x00) + tail32(pv, ph, t, cnt));
  store<f64>(c1, load<f64>(c1) + laneSum(x10) + tail32(pv1, ph, t, cnt));
  if (cols > 1) {
    store<f64>(c, load<f64>(c, 8) + laneSum(x01) + tail32(pv, ph1, t, cnt), 8);
    store<f64>(c1, load<f64>(c1, 8) + laneSum(x11) + tail32(pv1, ph1, t, cnt), 8);
  }
  if (cols > 2) {
    store<f64>(c, load<f64>(c, 16) + laneSum(x02) + tail32(pv, ph2, t, cnt), 16);
    store<f64>(c1, load<f64>(c1, 16) + laneSum(x12) + tail32(pv1, ph2, t, cnt), 16);
  }
  if (cols > 3) {
    store<f64>(c, load<f64>(c, 24) + laneSum(x03) + tail32(pv, ph3, t, cnt), 24);
    store<f64>(c1, load<f64>(c1, 24) + laneSum(x13) + tail32(pv1, ph3, t, cnt), 24);
  }
}

/** 1×4 tile of VHᵀ (the last row of an odd range): one row of A against rows a..a+3 of B; the first `cols` stored. */
function nt1x4(pv: usize, ph: usize, c: usize, s: usize, cnt: i32, cols: i32): void {
  const z = f32x4.splat(0);
  let x0 = z, x1 = z, x2 = z, x3 = z;
  const ph1 = ph + s, ph2 = ph1 + s, ph3 = ph2 + s;
  let t: usize = 0;
  const end = <usize>(cnt & ~3) << 2;
  for (; t < end; t += 16) {
    const v = v128.load(pv + t);
    x0 = f32x4.add(x0, f32x4.mul(v, v128.load(ph + t)));
    x1 = f32x4.add(x1, f32x4.mul(v, v128.load(ph1 + t)));
    x2 = f32x4.add(x2, f32x4.mul(v, v128.load(ph2 + t)));
    x3 = f32x4.add(x3, f32x4.mul(v, v128.load(ph3 + t)));
  }
  store<f64>(c, load<f64>(c) + laneSum(x0) + tail32(pv, ph, t, cnt));
  if (cols > 1) store<f64>(c, load<f64>(c, 8) + laneSum(x1) + tail32(pv, ph1, t, cnt), 8);
  if (cols > 2) store<f64>(c, load<f64>(c, 16) + laneSum(x2) + tail32(pv, ph2, t, cnt), 16);
  if (cols > 3) store<f64>(c, load<f64>(c, 24) + laneSum(x3) + tail32(pv, ph3, t, cnt), 24);
}

/** Σ of x·y (f32) over the entries from byte offset t to `cnt` (fewer than four). */
// @ts-ignore: decorator
@inline function tail32(x: usize, y: usize, t: usize, cnt: i32): f64 {
  let s: f32 = 0;
  for (let u = t; u < (<usize>cnt << 2); u += 4) s += load<f32>(x + u) * load<f32>(y + u);
  return <f64>s;
}
