// Reductions over whole matrices: dot products (traces), the non-finite scan the driver runs
// after every iteration, and row and column sums (kl's denominators with a full mask).

/** Σ A[t]·B[t] over len entries (tr(AᵀB) for equal shapes): four v128 accumulators, combined at the end. */
export function dot(A: usize, B: usize, len: i32): f64 {
  const z = f64x2.splat(0);
  let s0 = z, s1 = z, s2 = z, s3 = z;
  const e8 = <usize>(len & ~7) << 3;
  let o: usize = 0;
  for (; o < e8; o += 64) {
    s0 = f64x2.add(s0, f64x2.mul(v128.load(A + o), v128.load(B + o)));
    s1 = f64x2.add(s1, f64x2.mul(v128.load(A + o, 16), v128.load(B + o, 16)));
    s2 = f64x2.add(s2, f64x2.mul(v128.load(A + o, 32), v128.load(B + o, 32)));
    s3 = f64x2.add(s3, f64x2.mul(v128.load(A + o, 48), v128.load(B + o, 48)));
  }
  const e2 = <usize>(len & ~1) << 3;
  for (; o < e2; o += 16) s0 = f64x2.add(s0, f64x2.mul(v128.load(A + o), v128.load(B + o)));
  const s = f64x2.add(f64x2.add(s0, s1), f64x2.add(s2, s3));
  let t = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  if (len & 1) t += load<f64>(A + e2) * load<f64>(B + e2);
  return t;
}

/** 1 if any of the len entries of X is NaN or ±Inf, else 0 (x − x is 0 exactly when x is finite). */
export function has_nonfinite(X: usize, len: i32): i32 {
  const z = f64x2.splat(0);
  const e2 = <usize>(len & ~1) << 3;
  let o: usize = 0;
  const BLOCK: usize = 512; // bytes between early-exit checks
  while (o < e2) {
    const stop = min(o + BLOCK, e2);
    let acc = z;
    for (; o < stop; o += 16) {
      const x = v128.load(X + o);
      acc = f64x2.add(acc, f64x2.sub(x, x)); // NaN in a lane as soon as one entry is not finite
    }
    if (!v128.all_true<i64>(f64x2.eq(acc, z))) return 1;
  }
  if (len & 1) {
    const x = load<f64>(X + e2);
    if (!isFinite(x)) return 1;
  }
  return 0;
}

/** out (p) = column sums of A (m×p): out[a] = Σ_i A[i,a], i in increasing order (8 columns per pass in registers). */
export function col_sums(A: usize, out: usize, m: i32, p: i32): void {
  const sa = <usize>p << 3;
  const e8 = <usize>(p & ~7) << 3;
  const e2 = <usize>(p & ~1) << 3;
  let o: usize = 0;
  for (; o < e8; o += 64) {
    const z = f64x2.splat(0);
    let s0 = z, s1 = z, s2 = z, s3 = z;
    let row = A + o;
    for (let i = 0; i < m; i++) {
      s0 = f64x2.add(s0, v128.load(row)); s1 = f64x2.add(s1, v128.load(row, 16));
      s2 = f64x2.add(s2, v128.load(row, 32)); s3 = f64x2.add(s3, v128.load(row, 48));
      row += sa;
    }
    v128.store(out + o, s0); v128.store(out + o, s1, 16); v128.store(out + o, s2, 32); v128.store(out + o, s3, 48);
  }
  for (; o < e2; o += 16) {
    let s = f64x2.splat(0);
    let row = A + o;
    for (let i = 0; i < m; i++) {
      s = f64x2.add(s, v128.load(row));
      row += sa;
    }
    v128.store(out + o, s);
  }
  if (p & 1) {
    let s: f64 = 0;
    let row = A + e2;
    for (let i = 0; i < m; i++) {
      s += load<f64>(row);
      row += sa;
    }
    store<f64>(out + e2, s);
  }
}

/** out (m) = row sums of A (m×q): out[i] = Σ_j A[i,j] (even and odd j in two lanes, then added). */
export function row_sums(A: usize, out: usize, m: i32, q: i32): void {
  const e4 = <usize>(q & ~3) << 3;
  const e2 = <usize>(q & ~1) << 3;
  for (let i = 0; i < m; i++) {
    const row = A + (<usize>i * <usize>q << 3);
    let s0 = f64x2.splat(0), s1 = f64x2.splat(0);
    let o: usize = 0;
    for (; o < e4; o += 32) {
      s0 = f64x2.add(s0, v128.load(row + o));
      s1 = f64x2.add(s1, v128.load(row + o, 16));
    }
    if (o < e2) s0 = f64x2.add(s0, v128.load(row + o));
    const s = f64x2.add(s0, s1);
    let t = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
    if (q & 1) t += load<f64>(row + e2);
    store<f64>(out + (<usize>i << 3), t);
  }
}
