// Register tiles of gemm_nn (C = AB): nnRxC writes C[i..i+R, j..j+C) = Σ_a A[i.., a] B[a, j..]
// over the p values of a in increasing order. pa = &A[i, 0], pb = &B[0, j], c = &C[i, j];
// sa, sb = row strides of A and B in bytes (C has B's stride).

/** 4×4 tile: 8 accumulators, per a two loads of B and four broadcasts of A. */
export function nn4x4(pa: usize, pb: usize, c: usize, sa: usize, sb: usize, p: i32): void {
  const p1 = pa + sa, p2 = p1 + sa, p3 = p2 + sa;
  const z = f64x2.splat(0);
  let x00 = z, x01 = z, x10 = z, x11 = z, x20 = z, x21 = z, x30 = z, x31 = z;
  const e = <usize>p << 3;
  for (let o: usize = 0; o < e; o += 8) {
    const b0 = v128.load(pb), b1 = v128.load(pb, 16);
    let s = v128.load64_splat(pa + o);
    x00 = f64x2.add(x00, f64x2.mul(s, b0)); x01 = f64x2.add(x01, f64x2.mul(s, b1));
    s = v128.load64_splat(p1 + o);
    x10 = f64x2.add(x10, f64x2.mul(s, b0)); x11 = f64x2.add(x11, f64x2.mul(s, b1));
    s = v128.load64_splat(p2 + o);
    x20 = f64x2.add(x20, f64x2.mul(s, b0)); x21 = f64x2.add(x21, f64x2.mul(s, b1));
    s = v128.load64_splat(p3 + o);
    x30 = f64x2.add(x30, f64x2.mul(s, b0)); x31 = f64x2.add(x31, f64x2.mul(s, b1));
    pb += sb;
  }
  const c1 = c + sb, c2 = c1 + sb, c3 = c2 + sb;
  v128.store(c, x00); v128.store(c, x01, 16);
  v128.store(c1, x10); v128.store(c1, x11, 16);
  v128.store(c2, x20); v128.store(c2, x21, 16);
  v128.store(c3, x30); v128.store(c3, x31, 16);
}

/** 2×4 tile. */
export function nn2x4(pa: usize, pb: usize, c: usize, sa: usize, sb: usize, p: i32): void {
  const p1 = pa + sa;
  const z = f64x2.splat(0);
  let x00 = z, x01 = z, x10 = z, x11 = z;
  const e = <usize>p << 3;
  for (let o: usize = 0; o < e; o += 8) {
    const b0 = v128.load(pb), b1 = v128.load(pb, 16);
    let s = v128.load64_splat(pa + o);
    x00 = f64x2.add(x00, f64x2.mul(s, b0)); x01 = f64x2.add(x01, f64x2.mul(s, b1));
    s = v128.load64_splat(p1 + o);
    x10 = f64x2.add(x10, f64x2.mul(s, b0)); x11 = f64x2.add(x11, f64x2.mul(s, b1));
    pb += sb;
  }
  const c1 = c + sb;
  v128.store(c, x00); v128.store(c, x01, 16);
  v128.store(c1, x10); v128.store(c1, x11, 16);
}

/** 1×4 tile. */
export function nn1x4(pa: usize, pb: usize, c: usize, sb: usize, p: i32): void {
  let x0 = f64x2.splat(0), x1 = f64x2.splat(0);
  const e = <usize>p << 3;
  for (let o: usize = 0; o < e; o += 8) {
    const s = v128.load64_splat(pa + o);
    x0 = f64x2.add(x0, f64x2.mul(s, v128.load(pb)));
    x1 = f64x2.add(x1, f64x2.mul(s, v128.load(pb, 16)));
    pb += sb;
  }
  v128.store(c, x0); v128.store(c, x1, 16);
}

/** 4×2 tile. */
export function nn4x2(pa: usize, pb: usize, c: usize, sa: usize, sb: usize, p: i32): void {
  const p1 = pa + sa, p2 = p1 + sa, p3 = p2 + sa;
  const z = f64x2.splat(0);
  let x0 = z, x1 = z, x2 = z, x3 = z;
  const e = <usize>p << 3;
  for (let o: usize = 0; o < e; o += 8) {
    const b = v128.load(pb);
    x0 = f64x2.add(x0, f64x2.mul(v128.load64_splat(pa + o), b));
    x1 = f64x2.add(x1, f64x2.mul(v128.load64_splat(p1 + o), b));
    x2 = f64x2.add(x2, f64x2.mul(v128.load64_splat(p2 + o), b));
    x3 = f64x2.add(x3, f64x2.mul(v128.load64_splat(p3 + o), b));
    pb += sb;
  }
  const c1 = c + sb, c2 = c1 + sb, c3 = c2 + sb;
  v128.store(c, x0); v128.store(c1, x1); v128.store(c2, x2); v128.store(c3, x3);
}

/** 2×2 tile. */
export function nn2x2(pa: usize, pb: usize, c: usize, sa: usize, sb: usize, p: i32): void {
  const p1 = pa + sa;
  let x0 = f64x2.splat(0), x1 = f64x2.splat(0);
  const e = <usize>p << 3;
  for (let o: usize = 0; o < e; o += 8) {
    const b = v128.load(pb);
    x0 = f64x2.add(x0, f64x2.mul(v128.load64_splat(pa + o), b));
    x1 = f64x2.add(x1, f64x2.mul(v128.load64_splat(p1 + o), b));
    pb += sb;
  }
  v128.store(c, x0); v128.store(c + sb, x1);
}

/** 1×2 tile. */
export function nn1x2(pa: usize, pb: usize, c: usize, sb: usize, p: i32): void {
  let x = f64x2.splat(0);
  const e = <usize>p << 3;
  for (let o: usize = 0; o < e; o += 8) {
    x = f64x2.add(x, f64x2.mul(v128.load64_splat(pa + o), v128.load(pb)));
    pb += sb;
  }
  v128.store(c, x);
}

/** (A[i, a], A[i + 1, a]) in one v128: a = byte offset into the rows at r (row i) and r + sa. */
// @ts-ignore: decorator
@inline function pair(r: usize, sa: usize, a: usize): v128 {
  return v128.load64_lane(r + sa + a, v128.load64_zero(r + a), 1);
}

/**
 * The last column j of C when q is odd, for all m rows: C[i, j] = Σ_a A[i, a]·B[a, j] with a in
 * increasing order, two rows to a v128 and eight rows (four independent sums) at a time, the
 * last odd row in scalars. pa = A, pb = &B[0, j], c = &C[0, j].
 */
export function nnCol(pa: usize, pb: usize, c: usize, sa: usize, sb: usize, m: i32, p: i32): void {
  const e = <usize>p << 3;
  let i = 0;
  for (; i + 8 <= m; i += 8) {
    const r0 = pa + <usize>i * sa, r2 = r0 + 2 * sa, r4 = r2 + 2 * sa, r6 = r4 + 2 * sa;
    const z = f64x2.splat(0);
    let x0 = z, x1 = z, x2 = z, x3 = z;
    let b = pb;
    for (let a: usize = 0; a < e; a += 8) {
      const s = v128.load64_splat(b);
      x0 = f64x2.add(x0, f64x2.mul(pair(r0, sa, a), s));
      x1 = f64x2.add(x1, f64x2.mul(pair(r2, sa, a), s));
      x2 = f64x2.add(x2, f64x2.mul(pair(r4, sa, a), s));
      x3 = f64x2.add(x3, f64x2.mul(pair(r6, sa, a), s));
      b += sb;
    }
    const ci = c + <usize>i * sb;
    storePair(ci, sb, x0);
    storePair(ci + 2 * sb, sb, x1);
    storePair(ci + 4 * sb, sb, x2);
    storePair(ci + 6 * sb, sb, x3);
  }
  for (; i + 2 <= m; i += 2) {
    const r0 = pa + <usize>i * sa;
    let x = f64x2.splat(0);
    let b = pb;
    for (let a: usize = 0; a < e; a += 8) {
      x = f64x2.add(x, f64x2.mul(pair(r0, sa, a), v128.load64_splat(b)));
      b += sb;
    }
    storePair(c + <usize>i * sb, sb, x);
  }
  if (i < m) {
    const arow = pa + <usize>i * sa;
    let s: f64 = 0;
    let b = pb;
    for (let a = 0; a < p; a++) {
      s += load<f64>(arow + (<usize>a << 3)) * load<f64>(b);
      b += sb;
    }
    store<f64>(c + <usize>i * sb, s);
  }
}

/** Lane 0 of x at c, lane 1 at c + s (one column entry of two rows). */
// @ts-ignore: decorator
@inline function storePair(c: usize, s: usize, x: v128): void {
  v128.store64_lane(c, x, 0);
  v128.store64_lane(c + s, x, 1);
}

/**
 * 4×4 tile on A's four rows packed a by a (pk = [A[i, a], A[i+1, a], A[i+2, a], A[i+3, a]] for
 * a = 0..p−1): the same sums as nn4x4, the four broadcasts at fixed offsets of one pointer.
 */
export function nn4x4p(pk: usize, pb: usize, c: usize, sb: usize, p: i32): void {
  const z = f64x2.splat(0);
  let x00 = z, x01 = z, x10 = z, x11 = z, x20 = z, x21 = z, x30 = z, x31 = z;
  const end = pk + (<usize>p << 5);
  while (pk < end) {
    const b0 = v128.load(pb), b1 = v128.load(pb, 16);
    let s = v128.load64_splat(pk);
    x00 = f64x2.add(x00, f64x2.mul(s, b0)); x01 = f64x2.add(x01, f64x2.mul(s, b1));
    s = v128.load64_splat(pk, 8);
    x10 = f64x2.add(x10, f64x2.mul(s, b0)); x11 = f64x2.add(x11, f64x2.mul(s, b1));
    s = v128.load64_splat(pk, 16);
    x20 = f64x2.add(x20, f64x2.mul(s, b0)); x21 = f64x2.add(x21, f64x2.mul(s, b1));
    s = v128.load64_splat(pk, 24);
    x30 = f64x2.add(x30, f64x2.mul(s, b0)); x31 = f64x2.add(x31, f64x2.mul(s, b1));
    pb += sb;
    pk += 32;
  }
  const c1 = c + sb, c2 = c1 + sb, c3 = c2 + sb;
  v128.store(c, x00); v128.store(c, x01, 16);
  v128.store(c1, x10); v128.store(c1, x11, 16);
  v128.store(c2, x20); v128.store(c2, x21, 16);
  v128.store(c3, x30); v128.store(c3, x31, 16);
}
