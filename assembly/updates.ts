// Per-element updates of the solvers, in place. Called once per factor per iteration.
// Element-wise kernels run two entries per v128 with the same operations, in the same order,
// as the scalar formulas; only row_sums reorders its sum (two lanes, added at the end).

/** max(x, 0) per lane, with NaN → 0 (as `x > 0 ? x : 0`). */
// @ts-ignore: decorator
@inline function clip0(x: v128): v128 {
  return v128.and(x, f64x2.gt(x, f64x2.splat(0)));
}

/** X ← X∘Num/(Den + ε) over len entries (Lee–Seung multiplicative update). */
export function mu_update(X: usize, Num: usize, Den: usize, len: i32, eps: f64): void {
  const e = f64x2.splat(eps);
  const e2 = <usize>(len & ~1) << 3;
  for (let o: usize = 0; o < e2; o += 16) {
    v128.store(X + o, f64x2.div(f64x2.mul(v128.load(X + o), v128.load(Num + o)), f64x2.add(v128.load(Den + o), e)));
  }
  if (len & 1) store<f64>(X + e2, load<f64>(X + e2) * load<f64>(Num + e2) / (load<f64>(Den + e2) + eps));
}

/** X[r,c] ← X[r,c]·Num[r,c]/(d[r] + ε) for X, Num (rows×cols), d (rows). KL's H step, full mask. */
export function mu_update_rowden(X: usize, Num: usize, d: usize, rows: i32, cols: i32, eps: f64): void {
  const e2 = <usize>(cols & ~1) << 3;
  for (let r = 0; r < rows; r++) {
    const den = load<f64>(d + (<usize>r << 3)) + eps;
    const dv = f64x2.splat(den);
    const x = X + (<usize>r * <usize>cols << 3);
    const u = Num + (<usize>r * <usize>cols << 3);
    for (let o: usize = 0; o < e2; o += 16) {
      v128.store(x + o, f64x2.div(f64x2.mul(v128.load(x + o), v128.load(u + o)), dv));
    }
    if (cols & 1) store<f64>(x + e2, load<f64>(x + e2) * load<f64>(u + e2) / den);
  }
}

/** X[r,c] ← X[r,c]·Num[r,c]/(d[c] + ε) for X, Num (rows×cols), d (cols). KL's W step, full mask. */
export function mu_update_colden(X: usize, Num: usize, d: usize, rows: i32, cols: i32, eps: f64): void {
  const ev = f64x2.splat(eps);
  const e2 = <usize>(cols & ~1) << 3;
  for (let r = 0; r < rows; r++) {
    const x = X + (<usize>r * <usize>cols << 3);
    const u = Num + (<usize>r * <usize>cols << 3);
    for (let o: usize = 0; o < e2; o += 16) {
      v128.store(x + o, f64x2.div(f64x2.mul(v128.load(x + o), v128.load(u + o)), f64x2.add(v128.load(d + o), ev)));
    }
    if (cols & 1) store<f64>(x + e2, load<f64>(x + e2) * load<f64>(u + e2) / (load<f64>(d + e2) + eps));
  }
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

/**
 * HALS on the rows of H (k×n), in place, a = 0..k−1:
 * H[a,:] ← max(0, H[a,:] + (WtV[a,:] − WtW[a,:]·H)/WtW[a,a]); skipped when WtW[a,a] = 0.
 * WtV (k×n), WtW (k×k). Columns are independent within a row, so they run 8 at a time;
 * each entry subtracts WtW[a,b]·H[b,j] for b = 0..k−1 in order, as the scalar loop does.
 */
export function hals_rows(H: usize, WtV: usize, WtW: usize, k: i32, n: i32): void {
  const sh = <usize>n << 3;
  const e8 = <usize>(n & ~7) << 3;
  const e2 = <usize>(n & ~1) << 3;
  for (let a = 0; a < k; a++) {
    const g = WtW + (<usize>a * <usize>k << 3);
    const daa = load<f64>(g + (<usize>a << 3));
    if (!(daa > 0)) continue;
    const dv = f64x2.splat(daa);
    const ha = H + <usize>a * sh;
    const ra = WtV + <usize>a * sh;
    let o: usize = 0;
    for (; o < e8; o += 64) {
      let s0 = v128.load(ra + o), s1 = v128.load(ra + o, 16), s2 = v128.load(ra + o, 32), s3 = v128.load(ra + o, 48);
      let hb = H + o;
      for (let b = 0; b < k; b++) {
        const c = v128.load64_splat(g + (<usize>b << 3));
        s0 = f64x2.sub(s0, f64x2.mul(c, v128.load(hb))); s1 = f64x2.sub(s1, f64x2.mul(c, v128.load(hb, 16)));
        s2 = f64x2.sub(s2, f64x2.mul(c, v128.load(hb, 32))); s3 = f64x2.sub(s3, f64x2.mul(c, v128.load(hb, 48)));
        hb += sh;
      }
      const h = ha + o;
      v128.store(h, clip0(f64x2.add(v128.load(h), f64x2.div(s0, dv))));
      v128.store(h, clip0(f64x2.add(v128.load(h, 16), f64x2.div(s1, dv))), 16);
      v128.store(h, clip0(f64x2.add(v128.load(h, 32), f64x2.div(s2, dv))), 32);
      v128.store(h, clip0(f64x2.add(v128.load(h, 48), f64x2.div(s3, dv))), 48);
    }
    for (; o < e2; o += 16) {
      let s = v128.load(ra + o);
      let hb = H + o;
      for (let b = 0; b < k; b++) {
        s = f64x2.sub(s, f64x2.mul(v128.load64_splat(g + (<usize>b << 3)), v128.load(hb)));
        hb += sh;
      }
      v128.store(ha + o, clip0(f64x2.add(v128.load(ha + o), f64x2.div(s, dv))));
    }
    if (o < sh) {
      let s: f64 = load<f64>(ra + o);
      let hb = H + o;
      for (let b = 0; b < k; b++) {
        s -= load<f64>(g + (<usize>b << 3)) * load<f64>(hb);
        hb += sh;
      }
      const v = load<f64>(ha + o) + s / daa;
      store<f64>(ha + o, v > 0 ? v : 0);
    }
  }
}

/**
 * HALS on the columns of W (m×k), in place, a = 0..k−1:
 * W[:,a] ← max(0, W[:,a] + (VHt[:,a] − W·HHt[:,a])/HHt[a,a]); skipped when HHt[a,a] = 0.
 * VHt (m×k), HHt (k×k). Row i's updates read only row i of W, so each row runs through all a
 * (in order) while it sits in cache, two rows per v128; sums over b run in order.
 */
export function hals_cols(W: usize, VHt: usize, HHt: usize, m: i32, k: i32): void {
  const sk = <usize>k << 3;
  let i = 0;
  for (; i + 2 <= m; i += 2) {
    const w0 = W + <usize>i * sk, w1 = w0 + sk;
    const u0 = VHt + <usize>i * sk, u1 = u0 + sk;
    for (let a = 0; a < k; a++) {
      const ao = <usize>a << 3;
      const col = HHt + ao;
      const daa = load<f64>(col + <usize>a * sk);
      if (!(daa > 0)) continue;
      let s = v128.load64_lane(u1 + ao, v128.load64_zero(u0 + ao), 1);
      let hb = col;
      for (let b: usize = 0; b < sk; b += 8) {
        const w = v128.load64_lane(w1 + b, v128.load64_zero(w0 + b), 1);
        s = f64x2.sub(s, f64x2.mul(w, v128.load64_splat(hb)));
        hb += sk;
      }
      const x = clip0(f64x2.add(v128.load64_lane(w1 + ao, v128.load64_zero(w0 + ao), 1), f64x2.div(s, f64x2.splat(daa))));
      store<f64>(w0 + ao, f64x2.extract_lane(x, 0));
      store<f64>(w1 + ao, f64x2.extract_lane(x, 1));
    }
  }
  if (i < m) {
    const w0 = W + <usize>i * sk;
    const u0 = VHt + <usize>i * sk;
    for (let a = 0; a < k; a++) {
      const ao = <usize>a << 3;
      const daa = load<f64>(HHt + ao + <usize>a * sk);
      if (!(daa > 0)) continue;
      let s: f64 = load<f64>(u0 + ao);
      let hb = HHt + ao;
      for (let b: usize = 0; b < sk; b += 8) {
        s -= load<f64>(w0 + b) * load<f64>(hb);
        hb += sk;
      }
      const v = load<f64>(w0 + ao) + s / daa;
      store<f64>(w0 + ao, v > 0 ? v : 0);
    }
  }
}

/** X ← X + η(G − λX), then max(0, ·) when project ≠ 0; X, G of len entries. Gradient step of gd. */
export function gd_update(X: usize, G: usize, len: i32, lr: f64, l2: f64, project: i32): void {
  const lv = f64x2.splat(lr), l2v = f64x2.splat(l2);
  const e2 = <usize>(len & ~1) << 3;
  for (let o: usize = 0; o < e2; o += 16) {
    const x = v128.load(X + o);
    const v = f64x2.add(x, f64x2.mul(lv, f64x2.sub(v128.load(G + o), f64x2.mul(l2v, x))));
    v128.store(X + o, project != 0 ? clip0(v) : v);
  }
  if (len & 1) {
    const x = load<f64>(X + e2);
    const v = x + lr * (load<f64>(G + e2) - l2 * x);
    store<f64>(X + e2, project != 0 && !(v > 0) ? 0 : v);
  }
}
