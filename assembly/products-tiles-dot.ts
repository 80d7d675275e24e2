// Register tiles of gram_nt (G = AAᵀ for a short, wide A such as H, k×n): dotRxC writes
// G[i..i+R, a..a+C) = rows i.. of A times rows a.. of A, each a dot product of q entries that
// sums even and odd columns in the two lanes of a v128, adds the lanes, then the last column
// when q is odd. Every tile keeps 2 to 8 independent sums, so even a 2×2 G runs at full speed.
// ai = &A[i, 0], bj = &A[a, 0], c = &G[i, a]; sq = row stride of A in bytes, sc of G.

/** lane 0 + lane 1 of x, plus the product of the odd last column (t = 0 when q is even). */
// @ts-ignore: decorator
@inline function dot2(x: v128, t: f64): f64 {
  return f64x2.extract_lane(x, 0) + f64x2.extract_lane(x, 1) + t;
}

/** x·y at the last column of an odd-length row (byte offset e), else 0. */
// @ts-ignore: decorator
@inline function tail(x: usize, y: usize, e: usize, odd: bool): f64 {
  return odd ? load<f64>(x + e) * load<f64>(y + e) : 0;
}

/** 2×4 tile: 8 accumulators, per pair of columns two loads of A and four of B (six pointers stepped, no address arithmetic). */
export function dot2x4(ai: usize, bj: usize, c: usize, sq: usize, sc: usize, q: i32): void {
  const a1 = ai + sq;
  const b1 = bj + sq, b2 = b1 + sq, b3 = b2 + sq;
  let p0 = ai, p1 = a1, r0 = bj, r1 = b1, r2 = b2, r3 = b3;
  const z = f64x2.splat(0);
  let x00 = z, x01 = z, x02 = z, x03 = z;
  let x10 = z, x11 = z, x12 = z, x13 = z;
  const e = <usize>(q & ~1) << 3;
  const end = ai + e;
  while (p0 < end) {
    const u0 = v128.load(p0), u1 = v128.load(p1);
    let y = v128.load(r0);
    x00 = f64x2.add(x00, f64x2.mul(u0, y)); x10 = f64x2.add(x10, f64x2.mul(u1, y));
    y = v128.load(r1);
    x01 = f64x2.add(x01, f64x2.mul(u0, y)); x11 = f64x2.add(x11, f64x2.mul(u1, y));
    y = v128.load(r2);
    x02 = f64x2.add(x02, f64x2.mul(u0, y)); x12 = f64x2.add(x12, f64x2.mul(u1, y));
    y = v128.load(r3);
    x03 = f64x2.add(x03, f64x2.mul(u0, y)); x13 = f64x2.add(x13, f64x2.mul(u1, y));
    p0 += 16; p1 += 16; r0 += 16; r1 += 16; r2 += 16; r3 += 16;
  }
  const odd = (q & 1) != 0;
  const c1 = c + sc;
  store<f64>(c, dot2(x00, tail(ai, bj, e, odd)));
  store<f64>(c, dot2(x01, tail(ai, b1, e, odd)), 8);
  store<f64>(c, dot2(x02, tail(ai, b2, e, odd)), 16);
  store<f64>(c, dot2(x03, tail(ai, b3, e, odd)), 24);
  store<f64>(c1, dot2(x10, tail(a1, bj, e, odd)));
  store<f64>(c1, dot2(x11, tail(a1, b1, e, odd)), 8);
  store<f64>(c1, dot2(x12, tail(a1, b2, e, odd)), 16);
  store<f64>(c1, dot2(x13, tail(a1, b3, e, odd)), 24);
}

/** 2×2 tile. */
export function dot2x2(ai: usize, bj: usize, c: usize, sq: usize, sc: usize, q: i32): void {
  const a1 = ai + sq, b1 = bj + sq;
  const z = f64x2.splat(0);
  let x00 = z, x01 = z, x10 = z, x11 = z;
  const e = <usize>(q & ~1) << 3;
  for (let o: usize = 0; o < e; o += 16) {
    const u0 = v128.load(ai + o), u1 = v128.load(a1 + o);
    const y0 = v128.load(bj + o), y1 = v128.load(b1 + o);
    x00 = f64x2.add(x00, f64x2.mul(u0, y0)); x10 = f64x2.add(x10, f64x2.mul(u1, y0));
    x01 = f64x2.add(x01, f64x2.mul(u0, y1)); x11 = f64x2.add(x11, f64x2.mul(u1, y1));
  }
  const odd = (q & 1) != 0;
  const c1 = c + sc;
  store<f64>(c, dot2(x00, tail(ai, bj, e, odd)));
  store<f64>(c, dot2(x01, tail(ai, b1, e, odd)), 8);
  store<f64>(c1, dot2(x10, tail(a1, bj, e, odd)));
  store<f64>(c1, dot2(x11, tail(a1, b1, e, odd)), 8);
}

/** 1×4 tile (the last row of G when m is odd). */
export function dot1x4(ai: usize, bj: usize, c: usize, sq: usize, q: i32): void {
  const b1 = bj + sq, b2 = b1 + sq, b3 = b2 + sq;
  const z = f64x2.splat(0);
  let x0 = z, x1 = z, x2 = z, x3 = z;
  const e = <usize>(q & ~1) << 3;
  for (let o: usize = 0; o < e; o += 16) {
    const u = v128.load(ai + o);
    x0 = f64x2.add(x0, f64x2.mul(u, v128.load(bj + o)));
    x1 = f64x2.add(x1, f64x2.mul(u, v128.load(b1 + o)));
    x2 = f64x2.add(x2, f64x2.mul(u, v128.load(b2 + o)));
    x3 = f64x2.add(x3, f64x2.mul(u, v128.load(b3 + o)));
  }
  const odd = (q & 1) != 0;
  store<f64>(c, dot2(x0, tail(ai, bj, e, odd)));
  store<f64>(c, dot2(x1, tail(ai, b1, e, odd)), 8);
  store<f64>(c, dot2(x2, tail(ai, b2, e, odd)), 16);
  store<f64>(c, dot2(x3, tail(ai, b3, e, odd)), 24);
}

/** 1×2 tile. */
export function dot1x2(ai: usize, bj: usize, c: usize, sq: usize, q: i32): void {
  const b1 = bj + sq;
  let x0 = f64x2.splat(0), x1 = f64x2.splat(0);
  const e = <usize>(q & ~1) << 3;
  for (let o: usize = 0; o < e; o += 16) {
    const u = v128.load(ai + o);
    x0 = f64x2.add(x0, f64x2.mul(u, v128.load(bj + o)));
    x1 = f64x2.add(x1, f64x2.mul(u, v128.load(b1 + o)));
  }
  const odd = (q & 1) != 0;
  store<f64>(c, dot2(x0, tail(ai, bj, e, odd)));
  store<f64>(c, dot2(x1, tail(ai, b1, e, odd)), 8);
}

/** 1×1: one dot product of q entries, in the same two-lane order as the tiles. */
export function dot1x1(ai: usize, bj: usize, c: usize, q: i32): void {
  store<f64>(c, dotLanes(ai, bj, q));
}

/** Σ x[t]·y[t] over len entries: even and odd t in two lanes, lanes added, then the odd last entry. */
export function dotLanes(x: usize, y: usize, len: i32): f64 {
  let s = f64x2.splat(0);
  const e = <usize>(len & ~1) << 3;
  for (let o: usize = 0; o < e; o += 16) s = f64x2.add(s, f64x2.mul(v128.load(x + o), v128.load(y + o)));
  return dot2(s, tail(x, y, e, (len & 1) != 0));
}
