// Products over the observed entries of a sparse V only, O(nnz·k) each. V is held twice, as
// compressed rows (CSR) and compressed columns (CSC); a kernel walks either form as a list of
// `count` vectors, vector v's entries at ptr[v] .. ptr[v+1], entry t at position idx[t].
// Called a few times per iteration by the sparse forms of mu, gd, als and anls
// (src/solvers/sparse-*.ts), with B always a row-major ×k matrix (W, or Hᵀ) read by rows.

/** Σ_a x[a]·y[a] over k f64 at x and y, two lanes at a time. */
// @ts-ignore: decorator
@inline function dotk(x: usize, y: usize, k: i32): f64 {
  const k2 = k & ~1;
  let acc = f64x2.splat(0);
  for (let a = 0; a < k2; a += 2) {
    const o = <usize>a << 3;
    acc = f64x2.add(acc, f64x2.mul(v128.load(x + o), v128.load(y + o)));
  }
  let s = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  if (k2 < k) s += load<f64>(x + (<usize>k2 << 3)) * load<f64>(y + (<usize>k2 << 3));
  return s;
}

/**
 * orow[a] = Σ_t w[t]·B[idx[t], a] over t in [t0, t1), a < k, each sum in the order t0, t0 + 1, …:
 * by chunks of 8, 4, 2 and 1 columns whose sums stay in registers over the entries (the
 * entries' rows of B are re-read per chunk; they are few, and in cache after the first).
 */
// @ts-ignore: decorator
@inline function timesRow(idx: usize, w: usize, t0: i32, t1: i32, B: usize, k: i32, orow: usize): void {
  let a = 0;
  for (; a + 8 <= k; a += 8) {
    const o = <usize>a << 3;
    let s0 = f64x2.splat(0);
    let s1 = f64x2.splat(0);
    let s2 = f64x2.splat(0);
    let s3 = f64x2.splat(0);
    for (let t = t0; t < t1; t++) {
      const x = f64x2.splat(load<f64>(w + (<usize>t << 3)));
      const b = B + (<usize>load<i32>(idx + (<usize>t << 2)) * <usize>k << 3) + o;
      s0 = f64x2.add(s0, f64x2.mul(x, v128.load(b)));
      s1 = f64x2.add(s1, f64x2.mul(x, v128.load(b + 16)));
      s2 = f64x2.add(s2, f64x2.mul(x, v128.load(b + 32)));
      s3 = f64x2.add(s3, f64x2.mul(x, v128.load(b + 48)));
    }
    v128.store(orow + o, s0);
    v128.store(orow + o + 16, s1);
    v128.store(orow + o + 32, s2);
    v128.store(orow + o + 48, s3);
  }
  for (; a + 4 <= k; a += 4) {
    const o = <usize>a << 3;
    let s0 = f64x2.splat(0);
    let s1 = f64x2.splat(0);
    for (let t = t0; t < t1; t++) {
      const x = f64x2.splat(load<f64>(w + (<usize>t << 3)));
      const b = B + (<usize>load<i32>(idx + (<usize>t << 2)) * <usize>k << 3) + o;
      s0 = f64x2.add(s0, f64x2.mul(x, v128.load(b)));
      s1 = f64x2.add(s1, f64x2.mul(x, v128.load(b + 16)));
    }
    v128.store(orow + o, s0);
    v128.store(orow + o + 16, s1);
  }
  for (; a + 2 <= k; a += 2) {
    const o = <usize>a << 3;
    let s0 = f64x2.splat(0);
    for (let t = t0; t < t1; t++) {
      const x = f64x2.splat(load<f64>(w + (<usize>t << 3)));
      s0 = f64x2.add(s0, f64x2.mul(x, v128.load(B + (<usize>load<i32>(idx + (<usize>t << 2)) * <usize>k << 3) + o)));
    }
    v128.store(orow + o, s0);
  }
  if (a < k) {
    const o = <usize>a << 3;
    let s: f64 = 0;
    for (let t = t0; t < t1; t++) {
      s += load<f64>(w + (<usize>t << 3)) * load<f64>(B + (<usize>load<i32>(idx + (<usize>t << 2)) * <usize>k << 3) + o);
    }
    store<f64>(orow + o, s);
  }
}

/**
 * out (count×k) = S·B: out[v,:] = Σ_t vals[t]·B[idx[t],:] over vector v's entries.
 * CSR with B = Hᵀ (n×k) gives VHᵀ (m×k); CSC with B = W (m×k) gives (WᵀV)ᵀ (n×k).
 * ptr (count+1 i32), idx (nnz i32), vals (nnz f64), B (·×k), out (count×k, overwritten).
 */
export function sparse_times(ptr: usize, idx: usize, vals: usize, count: i32, B: usize, k: i32, out: usize): void {
  for (let v = 0; v < count; v++) {
    const t0 = load<i32>(ptr + (<usize>v << 2));
    const t1 = load<i32>(ptr + (<usize>(v + 1) << 2));
    timesRow(idx, vals, t0, t1, B, k, out + (<usize>v * <usize>k << 3));
  }
}

/**
 * out[t] = A[v,:]·B[idx[t],:] for every entry t of vector v: WH at the observed entries.
 * CSR with A = W (m×k), B = Hᵀ (n×k); CSC with A = Hᵀ, B = W. out (nnz f64, overwritten).
 */
export function sparse_sample(ptr: usize, idx: usize, count: i32, A: usize, B: usize, k: i32, out: usize): void {
  for (let v = 0; v < count; v++) {
    const arow = A + (<usize>v * <usize>k << 3);
    const t0 = load<i32>(ptr + (<usize>v << 2));
    const t1 = load<i32>(ptr + (<usize>(v + 1) << 2));
    for (let t = t0; t < t1; t++) {
      const brow = B + (<usize>load<i32>(idx + (<usize>t << 2)) * <usize>k << 3);
      store<f64>(out + (<usize>t << 3), dotk(arow, brow, k));
    }
  }
}

/** dst[t] = src[perm[t]] for t < count (CSR-ordered values into CSC order). src, dst count f64; perm count i32. */
export function gather_f64(src: usize, perm: usize, count: i32, dst: usize): void {
  for (let t = 0; t < count; t++) {
    store<f64>(dst + (<usize>t << 3), load<f64>(src + (<usize>load<i32>(perm + (<usize>t << 2)) << 3)));
  }
}

/** Σ_t (x[t] − y[t])² over count f64 (the squared residual at the observed entries). */
export function sq_diff_sum(x: usize, y: usize, count: i32): f64 {
  let s: f64 = 0;
  for (let t = 0; t < count; t++) {
    const d = load<f64>(x + (<usize>t << 3)) - load<f64>(y + (<usize>t << 3));
    s += d * d;
  }
  return s;
}

/** r[t] = x[t] − y[t] over count f64 (the residual at the observed entries; r may be y). */
export function sub_f64(x: usize, y: usize, count: i32, r: usize): void {
  for (let t = 0; t < count; t++) {
    const o = <usize>t << 3;
    store<f64>(r + o, load<f64>(x + o) - load<f64>(y + o));
  }
}

/** dst[perm[t]] = src[t] for t < count (CSC-ordered values back into CSR order). src, dst count f64; perm count i32. */
export function scatter_f64(src: usize, perm: usize, count: i32, dst: usize): void {
  for (let t = 0; t < count; t++) {
    store<f64>(dst + (<usize>load<i32>(perm + (<usize>t << 2)) << 3), load<f64>(src + (<usize>t << 3)));
  }
}

/**
 * HALS on the rows of H (k×n) over a sparse V by columns, a = 0..k−1: for each column j with
 * d = Σ_t W[i_t,a]² > 0 over its entries, H[a,j] ← max(0, H[a,j] + Σ_t W[i_t,a]·R[t] / d), then
 * R[t] −= W[i_t,a]·ΔH[a,j]. R (nnz f64, CSC order) = V − WH at the entries on entry and on exit.
 * colPtr (n+1 i32), rowIdx (nnz i32), W (m×k).
 */
export function hals_sparse_h(colPtr: usize, rowIdx: usize, n: i32, R: usize, W: usize, H: usize, k: i32, j0: i32, j1: i32): void {
  // each column's updates involve that column alone, so column by column, a = 0..k−1 within
  // each: its entries, their residuals and W's rows they name stay in cache through the k sweeps
  for (let j = j0; j < j1; j++) {
    const t0 = load<i32>(colPtr + (<usize>j << 2));
    const t1 = load<i32>(colPtr + (<usize>(j + 1) << 2));
    for (let a = 0; a < k; a++) {
      const wa = W + (<usize>a << 3);
      const ha = H + (<usize>a * <usize>n << 3);
      let num: f64 = 0;
      let den: f64 = 0;
      for (let t = t0; t < t1; t++) {
        const w = load<f64>(wa + (<usize>load<i32>(rowIdx + (<usize>t << 2)) * <usize>k << 3));
        num += w * load<f64>(R + (<usize>t << 3));
        den += w * w;
      }
      if (!(den > 0)) continue;
      const p = ha + (<usize>j << 3);
      const h = load<f64>(p);
      const v = h + num / den;
      const h2 = v > 0 ? v : 0;
      store<f64>(p, h2);
      const change = h2 - h;
      for (let t = t0; t < t1; t++) {
        const w = load<f64>(wa + (<usize>load<i32>(rowIdx + (<usize>t << 2)) * <usize>k << 3));
        const o = R + (<usize>t << 3);
        store<f64>(o, load<f64>(o) - w * change);
      }
    }
  }
}

/**
 * HALS on the columns of W (m×k) over a sparse V by rows, a = 0..k−1: for each row i with
 * d = Σ_t H[a,j_t]² > 0, W[i,a] ← max(0, W[i,a] + Σ_t R[t]·H[a,j_t] / d), then R[t] −= ΔW[i,a]·H[a,j_t].
 * R (nnz f64, CSR order) = V − WH at the entries on entry and on exit. rowPtr (m+1 i32), colIdx (nnz i32), H (k×n).
 * Rows i0 ≤ i < i1 only (independent, as hals_sparse_h's columns).
 */
export function hals_sparse_w(rowPtr: usize, colIdx: usize, m: i32, R: usize, W: usize, H: usize, k: i32, n: i32, i0: i32, i1: i32): void {
  // row by row, a = 0..k−1 within each (rows are independent), as hals_sparse_h goes by columns
  for (let i = i0; i < i1; i++) {
    const t0 = load<i32>(rowPtr + (<usize>i << 2));
    const t1 = load<i32>(rowPtr + (<usize>(i + 1) << 2));
    for (let a = 0; a < k; a++) {
      const ha = H + (<usize>a * <usize>n << 3);
      let num: f64 = 0;
      let den: f64 = 0;
      for (let t = t0; t < t1; t++) {
        const h = load<f64>(ha + (<usize>load<i32>(colIdx + (<usize>t << 2)) << 3));
        num += load<f64>(R + (<usize>t << 3)) * h;
        den += h * h;
      }
      if (!(den > 0)) continue;
      const p = W + ((<usize>i * <usize>k + <usize>a) << 3);
      const w = load<f64>(p);
      const v = w + num / den;
      const w2 = v > 0 ? v : 0;
      store<f64>(p, w2);
      const change = w2 - w;
      for (let t = t0; t < t1; t++) {
        const h = load<f64>(ha + (<usize>load<i32>(colIdx + (<usize>t << 2)) << 3));
        const o = R + (<usize>t << 3);
        store<f64>(o, load<f64>(o) - change * h);
      }
    }
  }
}

/**
 * timesRow with two weights at once: nrow[a] = Σ_t w[t]·B[idx[t], a] and drow[a] = Σ_t q[t]·B[idx[t], a],
 * the same sums in the same order, by chunks of 8, 2 and 1 columns held in registers.
 */
// @ts-ignore: decorator
@inline function timesRow2(idx: usize, w: usize, q: usize, t0: i32, t1: i32, B: usize, k: i32, nrow: usize, drow: usize): void {
  let a = 0;
  for (; a + 8 <= k; a += 8) {
    const o = <usize>a << 3;
    let n0 = f64x2.splat(0);
    let n1 = f64x2.splat(0);
    let n2 = f64x2.splat(0);
    let n3 = f64x2.splat(0);
    let d0 = f64x2.splat(0);
    let d1 = f64x2.splat(0);
    let d2 = f64x2.splat(0);
    let d3 = f64x2.splat(0);
    for (let t = t0; t < t1; t++) {
      const x = f64x2.splat(load<f64>(w + (<usize>t << 3)));
      const y = f64x2.splat(load<f64>(q + (<usize>t << 3)));
      const b = B + (<usize>load<i32>(idx + (<usize>t << 2)) * <usize>k << 3) + o;
      const b0 = v128.load(b);
      n0 = f64x2.add(n0, f64x2.mul(x, b0));
      d0 = f64x2.add(d0, f64x2.mul(y, b0));
      const b1 = v128.load(b + 16);
      n1 = f64x2.add(n1, f64x2.mul(x, b1));
      d1 = f64x2.add(d1, f64x2.mul(y, b1));
      const b2 = v128.load(b + 32);
      n2 = f64x2.add(n2, f64x2.mul(x, b2));
      d2 = f64x2.add(d2, f64x2.mul(y, b2));
      const b3 = v128.load(b + 48);
      n3 = f64x2.add(n3, f64x2.mul(x, b3));
      d3 = f64x2.add(d3, f64x2.mul(y, b3));
    }
    v128.store(nrow + o, n0);
    v128.store(nrow + o + 16, n1);
    v128.store(nrow + o + 32, n2);
    v128.store(nrow + o + 48, n3);
    v128.store(drow + o, d0);
    v128.store(drow + o + 16, d1);
    v128.store(drow + o + 32, d2);
    v128.store(drow + o + 48, d3);
  }
  for (; a + 2 <= k; a += 2) {
    const o = <usize>a << 3;
    let n0 = f64x2.splat(0);
    let d0 = f64x2.splat(0);
    for (let t = t0; t < t1; t++) {
      const b0 = v128.load(B + (<usize>load<i32>(idx + (<usize>t << 2)) * <usize>k << 3) + o);
      n0 = f64x2.add(n0, f64x2.mul(f64x2.splat(load<f64>(w + (<usize>t << 3))), b0));
      d0 = f64x2.add(d0, f64x2.mul(f64x2.splat(load<f64>(q + (<usize>t << 3))), b0));
    }
    v128.store(nrow + o, n0);
    v128.store(drow + o, d0);
  }
  if (a < k) {
    const o = <usize>a << 3;
    let n: f64 = 0;
    let d: f64 = 0;
    for (let t = t0; t < t1; t++) {
      const b = load<f64>(B + (<usize>load<i32>(idx + (<usize>t << 2)) * <usize>k << 3) + o);
      n += load<f64>(w + (<usize>t << 3)) * b;
      d += load<f64>(q + (<usize>t << 3)) * b;
    }
    store<f64>(nrow + o, n);
    store<f64>(drow + o, d);
  }
}

/**
 * Both sides of a multiplicative update in one pass over the vectors: num (count×k) = S·B and
 * den (count×k) = (M∘ABᵀ)·B, i.e. for entry t of vector v with P[t] = A[v,:]·B[idx[t],:]:
 * num[v,:] = Σ_t vals[t]·B[idx[t],:], den[v,:] = Σ_t P[t]·B[idx[t],:]. By columns (A = Hᵀ, B = W)
 * they are (WᵀV)ᵀ and (Wᵀ(M∘WH))ᵀ; by rows (A = W, B = Hᵀ), VHᵀ and (M∘WH)Hᵀ. num, den
 * overwritten; P (nnz f64, S's order) is scratch, left holding WH at the entries.
 */
export function sparse_mu_pass(
  ptr: usize, idx: usize, vals: usize, count: i32, A: usize, B: usize, k: i32, num: usize, den: usize, P: usize,
): void {
  for (let v = 0; v < count; v++) {
    const arow = A + (<usize>v * <usize>k << 3);
    const t0 = load<i32>(ptr + (<usize>v << 2));
    const t1 = load<i32>(ptr + (<usize>(v + 1) << 2));
    for (let t = t0; t < t1; t++) {
      store<f64>(P + (<usize>t << 3), dotk(arow, B + (<usize>load<i32>(idx + (<usize>t << 2)) * <usize>k << 3), k));
    }
    const o = <usize>v * <usize>k << 3;
    timesRow2(idx, vals, P, t0, t1, B, k, num + o, den + o);
  }
}

/** Σ_t (vals[t] − A[v,:]·B[idx[t],:])² over every entry: ‖M∘(V − WH)‖² in one pass, nothing stored. */
export function sparse_sq_residual(ptr: usize, idx: usize, vals: usize, count: i32, A: usize, B: usize, k: i32): f64 {
  let s: f64 = 0;
  for (let v = 0; v < count; v++) {
    const arow = A + (<usize>v * <usize>k << 3);
    const t0 = load<i32>(ptr + (<usize>v << 2));
    const t1 = load<i32>(ptr + (<usize>(v + 1) << 2));
    for (let t = t0; t < t1; t++) {
      const d = load<f64>(vals + (<usize>t << 3)) - dotk(arow, B + (<usize>load<i32>(idx + (<usize>t << 2)) * <usize>k << 3), k);
      s += d * d;
    }
  }
  return s;
}
