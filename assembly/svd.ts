// Kernels of the truncated SVD behind the NNDSVD initializations (src/init/svd.ts).
// Vectors are the rows of row-major f64 matrices (contiguous), passed as byte pointers.
// Called a few times per subspace iteration of one SVD, never inside an NMF iteration.

/** Below this fraction of its starting norm a row is numerically inside the span of the earlier rows. */
const COLLAPSE: f64 = 1e-14;

/** Σ a[t]·b[t] over len entries at byte pointers a, b (f64x2 lanes, then the odd tail). */
// @ts-ignore: decorator
@inline function rowDot(a: usize, b: usize, len: i32): f64 {
  let acc = f64x2.splat(0);
  let t = 0;
  for (; t + 2 <= len; t += 2) {
    const o = <usize>t << 3;
    acc = f64x2.add(acc, f64x2.mul(v128.load(a + o), v128.load(b + o)));
  }
  let s = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  if (t < len) s += load<f64>(a + (<usize>t << 3)) * load<f64>(b + (<usize>t << 3));
  return s;
}

/** a[t] += c·b[t] over len entries. */
// @ts-ignore: decorator
@inline function rowAxpy(a: usize, b: usize, c: f64, len: i32): void {
  const cc = f64x2.splat(c);
  let t = 0;
  for (; t + 2 <= len; t += 2) {
    const o = <usize>t << 3;
    v128.store(a + o, f64x2.add(v128.load(a + o), f64x2.mul(cc, v128.load(b + o))));
  }
  if (t < len) {
    const o = <usize>t << 3;
    store<f64>(a + o, load<f64>(a + o) + c * load<f64>(b + o));
  }
}

/** a[t] *= c over len entries. */
// @ts-ignore: decorator
@inline function rowScale(a: usize, c: f64, len: i32): void {
  for (let t = 0; t < len; t++) {
    const o = <usize>t << 3;
    store<f64>(a + o, load<f64>(a + o) * c);
  }
}

/** (a, b) ← (c·a − s·b, s·a + c·b) over len entries: a plane rotation of two rows. */
// @ts-ignore: decorator
@inline function rowRotate(a: usize, b: usize, c: f64, s: f64, len: i32): void {
  for (let t = 0; t < len; t++) {
    const o = <usize>t << 3;
    const x = load<f64>(a + o);
    const y = load<f64>(b + o);
    store<f64>(a + o, c * x - s * y);
    store<f64>(b + o, s * x + c * y);
  }
}

/**
 * Orthonormalizes rows from..to−1 of A (rows×cols) against every earlier row and each other by
 * modified Gram–Schmidt applied twice. When L ≠ 0, writes row i of the lower-triangular L
 * (rows×rows) so that (row i before) = Σ_{j≤i} L[i][j]·(row j after), i.e. A = L·Q.
 * Stops at the first row whose norm collapses below 1e-14 of its starting norm (or to 0): that
 * row is zeroed, L[i][i] = 0, and its index is returned so the caller can replace it. Returns
 * `to` when every row was orthonormalized.
 */
export function orth_rows(A: usize, L: usize, rows: i32, cols: i32, from: i32, to: i32): i32 {
  const stride = <usize>cols << 3;
  for (let i = from; i < to; i++) {
    const ai = A + <usize>i * stride;
    const lrow = L + (<usize>i * <usize>rows << 3);
    if (L) memory.fill(lrow, 0, <usize>rows << 3);
    const norm0 = Math.sqrt(rowDot(ai, ai, cols));
    for (let pass = 0; pass < 2; pass++) {
      for (let j = 0; j < i; j++) {
        const aj = A + <usize>j * stride;
        const c = rowDot(aj, ai, cols);
        rowAxpy(ai, aj, -c, cols);
        if (L) store<f64>(lrow + (<usize>j << 3), load<f64>(lrow + (<usize>j << 3)) + c);
      }
    }
    const norm = Math.sqrt(rowDot(ai, ai, cols));
    if (!(norm > COLLAPSE * norm0) || !(norm > 1e-290)) {
      memory.fill(ai, 0, stride);
      return i;
    }
    rowScale(ai, 1 / norm, cols);
    if (L) store<f64>(lrow + (<usize>i << 3), norm);
  }
  return to;
}

/**
 * One-sided (Hestenes) Jacobi on the rows of S (l×c): applies plane rotations to pairs of rows
 * of S and, identically, of G (l×l) until the rows of S are mutually orthogonal. With G = I on
 * entry this leaves G·S₀ = S, so S₀ = Gᵀ·S with G orthogonal (an SVD once S's rows are
 * normalized). A pair is rotated while |sᵢ·sⱼ| > tol·‖sᵢ‖‖sⱼ‖. Returns the number of sweeps
 * made, or maxSweeps + 1 if the last one still rotated.
 */
export function jacobi_rows(S: usize, G: usize, l: i32, c: i32, tol: f64, maxSweeps: i32): i32 {
  const sStride = <usize>c << 3;
  const gStride = <usize>l << 3;
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    let rotated = false;
    for (let p = 0; p < l - 1; p++) {
      const sp = S + <usize>p * sStride;
      for (let q = p + 1; q < l; q++) {
        const sq = S + <usize>q * sStride;
        const alpha = rowDot(sp, sp, c);
        const beta = rowDot(sq, sq, c);
        const gamma = rowDot(sp, sq, c);
        if (!(Math.abs(gamma) > tol * Math.sqrt(alpha) * Math.sqrt(beta))) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const az = Math.abs(zeta);
        let t = az > 1e150 ? 1 / (2 * az) : 1 / (az + Math.sqrt(1 + zeta * zeta));
        if (zeta < 0) t = -t;
        const cs = 1 / Math.sqrt(1 + t * t);
        const sn = cs * t;
        rowRotate(sp, sq, cs, sn, c);
        rowRotate(G + <usize>p * gStride, G + <usize>q * gStride, cs, sn, l);
      }
    }
    if (!rotated) return sweep;
  }
  return maxSweeps + 1;
}

/**
 * Writes sigma[i] = ‖row i of S‖ (S l×c), sorts the rows of S and G (l×g) together by sigma,
 * largest first (stable), and scales each nonzero row of S to unit norm.
 */
export function sort_normalize_rows(S: usize, G: usize, sigma: usize, l: i32, c: i32, g: i32): void {
  const sStride = <usize>c << 3;
  const gStride = <usize>g << 3;
  for (let i = 0; i < l; i++) {
    const si = S + <usize>i * sStride;
    store<f64>(sigma + (<usize>i << 3), Math.sqrt(rowDot(si, si, c)));
  }
  for (let i = 0; i < l; i++) {
    let best = i;
    for (let j = i + 1; j < l; j++) {
      if (load<f64>(sigma + (<usize>j << 3)) > load<f64>(sigma + (<usize>best << 3))) best = j;
    }
    if (best != i) {
      // Move row `best` to position i, shifting rows i..best−1 down by one (keeps equal values in order).
      for (let j = best; j > i; j--) {
        swapRows(S + <usize>(j - 1) * sStride, S + <usize>j * sStride, c);
        swapRows(G + <usize>(j - 1) * gStride, G + <usize>j * gStride, g);
        const a = sigma + (<usize>(j - 1) << 3);
        const b = sigma + (<usize>j << 3);
        const x = load<f64>(a);
        store<f64>(a, load<f64>(b));
        store<f64>(b, x);
      }
    }
    const s = load<f64>(sigma + (<usize>i << 3));
    if (s > 0) rowScale(S + <usize>i * sStride, 1 / s, c);
  }
}

function swapRows(a: usize, b: usize, len: i32): void {
  for (let t = 0; t < len; t++) {
    const o = <usize>t << 3;
    const x = load<f64>(a + o);
    store<f64>(a + o, load<f64>(b + o));
    store<f64>(b + o, x);
  }
}

/**
 * max over j < k of ‖Y[j,:] − sigma[j]·U[j,:]‖ for Y, U (k×m): how far the Ritz triples
 * (sigma[j], U[j,:], v_j) are from singular triples when Y[j,:] = (A·v_j)ᵀ.
 */
export function ritz_residual(Y: usize, U: usize, sigma: usize, k: i32, m: i32): f64 {
  let worst: f64 = 0;
  for (let j = 0; j < k; j++) {
    const s = load<f64>(sigma + (<usize>j << 3));
    const y = Y + (<usize>j * <usize>m << 3);
    const u = U + (<usize>j * <usize>m << 3);
    let acc: f64 = 0;
    for (let t = 0; t < m; t++) {
      const o = <usize>t << 3;
      const r = load<f64>(y + o) - s * load<f64>(u + o);
      acc += r * r;
    }
    const r = Math.sqrt(acc);
    if (!(r <= worst)) worst = r;
  }
  return worst;
}
