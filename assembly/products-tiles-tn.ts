// Register tiles of gemm_tn (C = AᵀB): tnRxC adds Σ_i A[i, a..a+R)ᵀ B[i, j..j+C) over `cnt`
// rows i into an R×C tile of C, i in increasing order. pa = &A[i0, a], pb = &B[i0, j],
// c = &C[a, j]; sa, sb = row strides of A and B in bytes (C has B's stride).
// `first` starts the tile from 0, otherwise from the values in C (the next block of rows).

/** 4×4 tile: 8 accumulators, per row two loads of B and four broadcasts of A. */
export function tn4x4(pa: usize, pb: usize, c: usize, sa: usize, sb: usize, cnt: i32, first: bool): void {
  const c1 = c + sb, c2 = c1 + sb, c3 = c2 + sb;
  const z = f64x2.splat(0);
  let x00 = first ? z : v128.load(c), x01 = first ? z : v128.load(c, 16);
  let x10 = first ? z : v128.load(c1), x11 = first ? z : v128.load(c1, 16);
  let x20 = first ? z : v128.load(c2), x21 = first ? z : v128.load(c2, 16);
  let x30 = first ? z : v128.load(c3), x31 = first ? z : v128.load(c3, 16);
  for (let i = 0; i < cnt; i++) {
    const b0 = v128.load(pb), b1 = v128.load(pb, 16);
    let s = v128.load64_splat(pa);
    x00 = f64x2.add(x00, f64x2.mul(s, b0)); x01 = f64x2.add(x01, f64x2.mul(s, b1));
    s = v128.load64_splat(pa, 8);
    x10 = f64x2.add(x10, f64x2.mul(s, b0)); x11 = f64x2.add(x11, f64x2.mul(s, b1));
    s = v128.load64_splat(pa, 16);
    x20 = f64x2.add(x20, f64x2.mul(s, b0)); x21 = f64x2.add(x21, f64x2.mul(s, b1));
    s = v128.load64_splat(pa, 24);
    x30 = f64x2.add(x30, f64x2.mul(s, b0)); x31 = f64x2.add(x31, f64x2.mul(s, b1));
    pa += sa;
    pb += sb;
  }
  v128.store(c, x00); v128.store(c, x01, 16);
  v128.store(c1, x10); v128.store(c1, x11, 16);
  v128.store(c2, x20); v128.store(c2, x21, 16);
  v128.store(c3, x30); v128.store(c3, x31, 16);
}

/** 2×4 tile (rows a, a+1 of C). */
export function tn2x4(pa: usize, pb: usize, c: usize, sa: usize, sb: usize, cnt: i32, first: bool): void {
  const c1 = c + sb;
  const z = f64x2.splat(0);
  let x00 = first ? z : v128.load(c), x01 = first ? z : v128.load(c, 16);
  let x10 = first ? z : v128.load(c1), x11 = first ? z : v128.load(c1, 16);
  for (let i = 0; i < cnt; i++) {
    const b0 = v128.load(pb), b1 = v128.load(pb, 16);
    let s = v128.load64_splat(pa);
    x00 = f64x2.add(x00, f64x2.mul(s, b0)); x01 = f64x2.add(x01, f64x2.mul(s, b1));
    s = v128.load64_splat(pa, 8);
    x10 = f64x2.add(x10, f64x2.mul(s, b0)); x11 = f64x2.add(x11, f64x2.mul(s, b1));
    pa += sa;
    pb += sb;
  }
  v128.store(c, x00); v128.store(c, x01, 16);
  v128.store(c1, x10); v128.store(c1, x11, 16);
}

/** 1×4 tile (row a of C). */
export function tn1x4(pa: usize, pb: usize, c: usize, sa: usize, sb: usize, cnt: i32, first: bool): void {
  const z = f64x2.splat(0);
  let x00 = first ? z : v128.load(c), x01 = first ? z : v128.load(c, 16);
  for (let i = 0; i < cnt; i++) {
    const s = v128.load64_splat(pa);
    x00 = f64x2.add(x00, f64x2.mul(s, v128.load(pb)));
    x01 = f64x2.add(x01, f64x2.mul(s, v128.load(pb, 16)));
    pa += sa;
    pb += sb;
  }
  v128.store(c, x00); v128.store(c, x01, 16);
}

/** 4×2 tile (two columns j, j+1). */
export function tn4x2(pa: usize, pb: usize, c: usize, sa: usize, sb: usize, cnt: i32, first: bool): void {
  const c1 = c + sb, c2 = c1 + sb, c3 = c2 + sb;
  const z = f64x2.splat(0);
  let x0 = first ? z : v128.load(c), x1 = first ? z : v128.load(c1);
  let x2 = first ? z : v128.load(c2), x3 = first ? z : v128.load(c3);
  for (let i = 0; i < cnt; i++) {
    const b = v128.load(pb);
    x0 = f64x2.add(x0, f64x2.mul(v128.load64_splat(pa), b));
    x1 = f64x2.add(x1, f64x2.mul(v128.load64_splat(pa, 8), b));
    x2 = f64x2.add(x2, f64x2.mul(v128.load64_splat(pa, 16), b));
    x3 = f64x2.add(x3, f64x2.mul(v128.load64_splat(pa, 24), b));
    pa += sa;
    pb += sb;
  }
  v128.store(c, x0); v128.store(c1, x1); v128.store(c2, x2); v128.store(c3, x3);
}

/** 2×2 tile. */
export function tn2x2(pa: usize, pb: usize, c: usize, sa: usize, sb: usize, cnt: i32, first: bool): void {
  const c1 = c + sb;
  const z = f64x2.splat(0);
  let x0 = first ? z : v128.load(c), x1 = first ? z : v128.load(c1);
  for (let i = 0; i < cnt; i++) {
    const b = v128.load(pb);
    x0 = f64x2.add(x0, f64x2.mul(v128.load64_splat(pa), b));
    x1 = f64x2.add(x1, f64x2.mul(v128.load64_splat(pa, 8), b));
    pa += sa;
    pb += sb;
  }
  v128.store(c, x0); v128.store(c1, x1);
}

/** 1×2 tile. */
export function tn1x2(pa: usize, pb: usize, c: usize, sa: usize, sb: usize, cnt: i32, first: bool): void {
  let x = first ? f64x2.splat(0) : v128.load(c);
  for (let i = 0; i < cnt; i++) {
    x = f64x2.add(x, f64x2.mul(v128.load64_splat(pa), v128.load(pb)));
    pa += sa;
    pb += sb;
  }
  v128.store(c, x);
}

/** Starts the pair C[a, j], C[a + 1, j] (ca = &C[a, j], rows sb bytes apart): 0, or the stored values. */
// @ts-ignore: decorator
@inline function colPair(ca: usize, sb: usize, first: bool): v128 {
  return first ? f64x2.splat(0) : v128.load64_lane(ca + sb, v128.load64_zero(ca), 1);
}

/** Stores the pair of colPair back. */
// @ts-ignore: decorator
@inline function colStore(ca: usize, sb: usize, x: v128): void {
  v128.store64_lane(ca, x, 0);
  v128.store64_lane(ca + sb, x, 1);
}

/**
 * The last column j of C when q is odd: C[a, j] for every a < p, two a to a v128 (A[i, a..a+1]
 * times B[i, j] broadcast) and eight a (four independent sums) at a time, over the cnt rows i
 * in increasing order. pa = &A[i0, 0], pb = &B[i0, j], c = &C[0, j].
 */
export function tnCol(pa: usize, pb: usize, c: usize, sa: usize, sb: usize, p: i32, cnt: i32, first: bool): void {
  let a = 0;
  for (; a + 8 <= p; a += 8) {
    const ca = c + <usize>a * sb;
    let x0 = colPair(ca, sb, first), x1 = colPair(ca + 2 * sb, sb, first);
    let x2 = colPair(ca + 4 * sb, sb, first), x3 = colPair(ca + 6 * sb, sb, first);
    let qa = pa + (<usize>a << 3);
    let qb = pb;
    for (let i = 0; i < cnt; i++) {
      const s = v128.load64_splat(qb);
      x0 = f64x2.add(x0, f64x2.mul(v128.load(qa), s));
      x1 = f64x2.add(x1, f64x2.mul(v128.load(qa, 16), s));
      x2 = f64x2.add(x2, f64x2.mul(v128.load(qa, 32), s));
      x3 = f64x2.add(x3, f64x2.mul(v128.load(qa, 48), s));
      qa += sa;
      qb += sb;
    }
    colStore(ca, sb, x0);
    colStore(ca + 2 * sb, sb, x1);
    colStore(ca + 4 * sb, sb, x2);
    colStore(ca + 6 * sb, sb, x3);
  }
  for (; a + 2 <= p; a += 2) {
    const ca = c + <usize>a * sb;
    let x = colPair(ca, sb, first);
    let qa = pa + (<usize>a << 3);
    let qb = pb;
    for (let i = 0; i < cnt; i++) {
      x = f64x2.add(x, f64x2.mul(v128.load(qa), v128.load64_splat(qb)));
      qa += sa;
      qb += sb;
    }
    colStore(ca, sb, x);
  }
  if (a < p) {
    const ca = c + <usize>a * sb;
    let s: f64 = first ? 0 : load<f64>(ca);
    let qa = pa + (<usize>a << 3);
    let qb = pb;
    for (let i = 0; i < cnt; i++) {
      s += load<f64>(qa) * load<f64>(qb);
      qa += sa;
      qb += sb;
    }
    store<f64>(ca, s);
  }
}
