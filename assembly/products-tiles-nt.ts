// Register tiles of gemm_nt (C = ABᵀ) on packed panels of B (products-pack.ts): ntWxR adds
// Σ_j A[i + r, j]·P[j, c] over jn values of j, in increasing order, into C[i + r, a + c] for
// R rows r and a panel of width W (c < W). Each C entry is one running sum over j, as in the
// textbook loop, whatever the blocking. pa = &A[i, j0], sa = row stride of A in bytes,
// pp = the panel's first entry, c = &C[i, a], sc = row stride of C in bytes. `first` starts
// the tile from 0, otherwise from the values in C (the next block of j). `cols` (W = 4: 3 or 4;
// W = 2: 1 or 2) is how many columns of the panel are real: only those are read from and
// written to C.

/** One v128 of C at c: both lanes, or lane 0 alone when `two` is false (the other lane 0). */
// @ts-ignore: decorator
@inline function loadC(c: usize, two: bool, first: bool): v128 {
  return first ? f64x2.splat(0) : two ? v128.load(c) : v128.load64_zero(c);
}

/** Stores both lanes of x at c, or lane 0 alone when `two` is false. */
// @ts-ignore: decorator
@inline function storeC(c: usize, x: v128, two: bool): void {
  if (two) v128.store(c, x);
  else v128.store64_lane(c, x, 0);
}

/** 2 rows × panel of 8: 8 accumulators, per j two broadcasts of A and four loads of the panel. */
export function nt8x2(pa: usize, sa: usize, pp: usize, c: usize, sc: usize, jn: i32, first: bool): void {
  const c1 = c + sc;
  let x0 = loadC(c, true, first), x1 = loadC(c + 16, true, first), x2 = loadC(c + 32, true, first), x3 = loadC(c + 48, true, first);
  let y0 = loadC(c1, true, first), y1 = loadC(c1 + 16, true, first), y2 = loadC(c1 + 32, true, first), y3 = loadC(c1 + 48, true, first);
  let pb = pa + sa;
  const end = pp + (<usize>jn << 6);
  while (pp < end) {
    const s = v128.load64_splat(pa), t = v128.load64_splat(pb);
    let p = v128.load(pp);
    x0 = f64x2.add(x0, f64x2.mul(s, p)); y0 = f64x2.add(y0, f64x2.mul(t, p));
    p = v128.load(pp, 16);
    x1 = f64x2.add(x1, f64x2.mul(s, p)); y1 = f64x2.add(y1, f64x2.mul(t, p));
    p = v128.load(pp, 32);
    x2 = f64x2.add(x2, f64x2.mul(s, p)); y2 = f64x2.add(y2, f64x2.mul(t, p));
    p = v128.load(pp, 48);
    x3 = f64x2.add(x3, f64x2.mul(s, p)); y3 = f64x2.add(y3, f64x2.mul(t, p));
    pa += 8;
    pb += 8;
    pp += 64;
  }
  v128.store(c, x0); v128.store(c, x1, 16); v128.store(c, x2, 32); v128.store(c, x3, 48);
  v128.store(c1, y0); v128.store(c1, y1, 16); v128.store(c1, y2, 32); v128.store(c1, y3, 48);
}

/** 1 row × panel of 8. */
export function nt8x1(pa: usize, pp: usize, c: usize, jn: i32, first: bool): void {
  let x0 = loadC(c, true, first), x1 = loadC(c + 16, true, first), x2 = loadC(c + 32, true, first), x3 = loadC(c + 48, true, first);
  const end = pp + (<usize>jn << 6);
  while (pp < end) {
    const s = v128.load64_splat(pa);
    x0 = f64x2.add(x0, f64x2.mul(s, v128.load(pp)));
    x1 = f64x2.add(x1, f64x2.mul(s, v128.load(pp, 16)));
    x2 = f64x2.add(x2, f64x2.mul(s, v128.load(pp, 32)));
    x3 = f64x2.add(x3, f64x2.mul(s, v128.load(pp, 48)));
    pa += 8;
    pp += 64;
  }
  v128.store(c, x0); v128.store(c, x1, 16); v128.store(c, x2, 32); v128.store(c, x3, 48);
}

/** 4 rows × panel of 4 (cols = 3 or 4 real): 8 accumulators, per j two loads of the panel and four broadcasts of A. */
export function nt4x4(pa: usize, sa: usize, pp: usize, c: usize, sc: usize, jn: i32, first: bool, cols: i32): void {
  const two = cols == 4;
  const c1 = c + sc, c2 = c1 + sc, c3 = c2 + sc;
  let x0 = loadC(c, true, first), x1 = loadC(c + 16, two, first);
  let y0 = loadC(c1, true, first), y1 = loadC(c1 + 16, two, first);
  let z0 = loadC(c2, true, first), z1 = loadC(c2 + 16, two, first);
  let w0 = loadC(c3, true, first), w1 = loadC(c3 + 16, two, first);
  let p1 = pa + sa, p2 = p1 + sa, p3 = p2 + sa;
  const end = pp + (<usize>jn << 5);
  while (pp < end) {
    const u = v128.load(pp), v = v128.load(pp, 16);
    let s = v128.load64_splat(pa);
    x0 = f64x2.add(x0, f64x2.mul(s, u)); x1 = f64x2.add(x1, f64x2.mul(s, v));
    s = v128.load64_splat(p1);
    y0 = f64x2.add(y0, f64x2.mul(s, u)); y1 = f64x2.add(y1, f64x2.mul(s, v));
    s = v128.load64_splat(p2);
    z0 = f64x2.add(z0, f64x2.mul(s, u)); z1 = f64x2.add(z1, f64x2.mul(s, v));
    s = v128.load64_splat(p3);
    w0 = f64x2.add(w0, f64x2.mul(s, u)); w1 = f64x2.add(w1, f64x2.mul(s, v));
    pa += 8; p1 += 8; p2 += 8; p3 += 8;
    pp += 32;
  }
  v128.store(c, x0); storeC(c + 16, x1, two);
  v128.store(c1, y0); storeC(c1 + 16, y1, two);
  v128.store(c2, z0); storeC(c2 + 16, z1, two);
  v128.store(c3, w0); storeC(c3 + 16, w1, two);
}

/** 2 rows × panel of 4 (cols = 3 or 4 real): 4 accumulators. */
export function nt4x2(pa: usize, sa: usize, pp: usize, c: usize, sc: usize, jn: i32, first: bool, cols: i32): void {
  const two = cols == 4;
  const c1 = c + sc;
  let x0 = loadC(c, true, first), x1 = loadC(c + 16, two, first);
  let y0 = loadC(c1, true, first), y1 = loadC(c1 + 16, two, first);
  let pb = pa + sa;
  const end = pp + (<usize>jn << 5);
  while (pp < end) {
    const u = v128.load(pp), v = v128.load(pp, 16);
    let s = v128.load64_splat(pa);
    x0 = f64x2.add(x0, f64x2.mul(s, u)); x1 = f64x2.add(x1, f64x2.mul(s, v));
    s = v128.load64_splat(pb);
    y0 = f64x2.add(y0, f64x2.mul(s, u)); y1 = f64x2.add(y1, f64x2.mul(s, v));
    pa += 8; pb += 8;
    pp += 32;
  }
  v128.store(c, x0); storeC(c + 16, x1, two);
  v128.store(c1, y0); storeC(c1 + 16, y1, two);
}

/** 1 row × panel of 4 (cols = 3 or 4 real). */
export function nt4x1(pa: usize, pp: usize, c: usize, jn: i32, first: bool, cols: i32): void {
  const two = cols == 4;
  let x0 = loadC(c, true, first), x1 = loadC(c + 16, two, first);
  const end = pp + (<usize>jn << 5);
  while (pp < end) {
    const s = v128.load64_splat(pa);
    x0 = f64x2.add(x0, f64x2.mul(s, v128.load(pp)));
    x1 = f64x2.add(x1, f64x2.mul(s, v128.load(pp, 16)));
    pa += 8;
    pp += 32;
  }
  v128.store(c, x0); storeC(c + 16, x1, two);
}

/** 8 rows × panel of 2 (cols = 1 or 2 real): 8 accumulators, per j one load of the panel and eight broadcasts of A. */
export function nt2x8(pa: usize, sa: usize, pp: usize, c: usize, sc: usize, jn: i32, first: bool, cols: i32): void {
  const two = cols == 2;
  const c1 = c + sc, c2 = c1 + sc, c3 = c2 + sc, c4 = c3 + sc, c5 = c4 + sc, c6 = c5 + sc, c7 = c6 + sc;
  let x0 = loadC(c, two, first), x1 = loadC(c1, two, first), x2 = loadC(c2, two, first), x3 = loadC(c3, two, first);
  let x4 = loadC(c4, two, first), x5 = loadC(c5, two, first), x6 = loadC(c6, two, first), x7 = loadC(c7, two, first);
  let p1 = pa + sa, p2 = p1 + sa, p3 = p2 + sa, p4 = p3 + sa, p5 = p4 + sa, p6 = p5 + sa, p7 = p6 + sa;
  const end = pp + (<usize>jn << 4);
  while (pp < end) {
    const u = v128.load(pp);
    x0 = f64x2.add(x0, f64x2.mul(v128.load64_splat(pa), u));
    x1 = f64x2.add(x1, f64x2.mul(v128.load64_splat(p1), u));
    x2 = f64x2.add(x2, f64x2.mul(v128.load64_splat(p2), u));
    x3 = f64x2.add(x3, f64x2.mul(v128.load64_splat(p3), u));
    x4 = f64x2.add(x4, f64x2.mul(v128.load64_splat(p4), u));
    x5 = f64x2.add(x5, f64x2.mul(v128.load64_splat(p5), u));
    x6 = f64x2.add(x6, f64x2.mul(v128.load64_splat(p6), u));
    x7 = f64x2.add(x7, f64x2.mul(v128.load64_splat(p7), u));
    pa += 8; p1 += 8; p2 += 8; p3 += 8; p4 += 8; p5 += 8; p6 += 8; p7 += 8;
    pp += 16;
  }
  storeC(c, x0, two); storeC(c1, x1, two); storeC(c2, x2, two); storeC(c3, x3, two);
  storeC(c4, x4, two); storeC(c5, x5, two); storeC(c6, x6, two); storeC(c7, x7, two);
}

/** 4 rows × panel of 2 (cols = 1 or 2 real): 4 accumulators. */
export function nt2x4(pa: usize, sa: usize, pp: usize, c: usize, sc: usize, jn: i32, first: bool, cols: i32): void {
  const two = cols == 2;
  const c1 = c + sc, c2 = c1 + sc, c3 = c2 + sc;
  let x = loadC(c, two, first), y = loadC(c1, two, first), z = loadC(c2, two, first), w = loadC(c3, two, first);
  let p1 = pa + sa, p2 = p1 + sa, p3 = p2 + sa;
  const end = pp + (<usize>jn << 4);
  while (pp < end) {
    const u = v128.load(pp);
    x = f64x2.add(x, f64x2.mul(v128.load64_splat(pa), u));
    y = f64x2.add(y, f64x2.mul(v128.load64_splat(p1), u));
    z = f64x2.add(z, f64x2.mul(v128.load64_splat(p2), u));
    w = f64x2.add(w, f64x2.mul(v128.load64_splat(p3), u));
    pa += 8; p1 += 8; p2 += 8; p3 += 8;
    pp += 16;
  }
  storeC(c, x, two); storeC(c1, y, two); storeC(c2, z, two); storeC(c3, w, two);
}

/** 2 rows × panel of 2 (cols = 1 or 2 real). */
export function nt2x2(pa: usize, sa: usize, pp: usize, c: usize, sc: usize, jn: i32, first: bool, cols: i32): void {
  const two = cols == 2;
  let x = loadC(c, two, first), y = loadC(c + sc, two, first);
  let pb = pa + sa;
  const end = pp + (<usize>jn << 4);
  while (pp < end) {
    const u = v128.load(pp);
    x = f64x2.add(x, f64x2.mul(v128.load64_splat(pa), u));
    y = f64x2.add(y, f64x2.mul(v128.load64_splat(pb), u));
    pa += 8; pb += 8;
    pp += 16;
  }
  storeC(c, x, two); storeC(c + sc, y, two);
}

/** 1 row × panel of 2 (cols = 1 or 2 real). */
export function nt2x1(pa: usize, pp: usize, c: usize, jn: i32, first: bool, cols: i32): void {
  const two = cols == 2;
  let x = loadC(c, two, first);
  const end = pp + (<usize>jn << 4);
  while (pp < end) {
    x = f64x2.add(x, f64x2.mul(v128.load64_splat(pa), v128.load(pp)));
    pa += 8;
    pp += 16;
  }
  storeC(c, x, two);
}
