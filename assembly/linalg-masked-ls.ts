// Least squares over observed entries only, one column of H (or row of W) at a time, for als
// and anls with missing values. The k×k Gram of each column is formed in place from the rows
// of W it observes, listed once per factorization (src/solvers/als-mask.ts): either summed
// directly from the observed rows, or, when fewer rows are missing than observed, as the full
// Gram WᵀW minus the missing rows (cheaper, and the full Gram is at hand). One k×k Gram and
// the listed rows of one column live in the workspace at a time.
import { chol_factor_ref, chol_solve_vec } from "./linalg-cholesky";
import { symmetrize_lower } from "./transpose";
import { nnls } from "./linalg-nnls";

/**
 * Bytes of the gather buffer masked_gram needs when the longest list has maxLen entries:
 * maxLen rows of k (rounded up to a multiple of 4) f64.
 */
export function gather_bytes(k: i32, maxLen: i32): i32 {
  return ((k + 3) & ~3) * maxLen * 8;
}

/**
 * G (k×k, full symmetric) = the Gram of vector j's observed rows of F (rows×k):
 * Base − Σ_t f_t f_tᵀ when mode[j] ≠ 0, else Σ_t f_t f_tᵀ, over f_t = row idx[t] of F for
 * t in [ptr[j], ptr[j+1]). Base (k×k, full symmetric); ptr (i32, count+1); idx, mode (i32).
 * The listed rows are first gathered into T (r × k4, k4 = k rounded up to 4, the padding zero;
 * gather_bytes), then the lower triangle is summed by 4×4 blocks held in registers, each entry
 * Σ_t in the order t = 0, 1, … (a syrk over T). Returns r, the number of rows gathered.
 */
export function masked_gram(F: usize, Base: usize, ptr: usize, idx: usize, mode: usize, j: i32, k: i32, G: usize, T: usize): i32 {
  const subtract = load<i32>(mode + (<usize>j << 2)) != 0;
  const t0 = load<i32>(ptr + (<usize>j << 2));
  const r = load<i32>(ptr + (<usize>(j + 1) << 2)) - t0;
  gather(F, idx + (<usize>t0 << 2), r, k, T);
  syrk_lower(T, r, k, Base, subtract, G);
  symmetrize_lower(G, k);
  return r;
}

/** T (r × k4, k4 = k rounded up to 4, padding zero) = rows idx[0..r) of F (rows×k). */
// @ts-ignore: decorator
@inline
function gather(F: usize, idx: usize, r: i32, k: i32, T: usize): void {
  const k4 = (k + 3) & ~3;
  const row = <usize>k4 << 3;
  const k2 = k & ~1;
  for (let t = 0; t < r; t++) {
    const f = F + (<usize>load<i32>(idx + (<usize>t << 2)) * <usize>k << 3);
    const d = T + <usize>t * row;
    for (let a = 0; a < k2; a += 2) v128.store(d + (<usize>a << 3), v128.load(f + (<usize>a << 3)));
    for (let a = k2; a < k4; a++) store<f64>(d + (<usize>a << 3), a < k ? load<f64>(f + (<usize>a << 3)) : 0);
  }
}

/**
 * Lower triangle of G (k×k) = Σ_t T[t,:]ᵀT[t,:] over the r rows of T (r × k4), or Base − that
 * sum when `subtract`: 4×4 blocks below the diagonal in eight 2-lane registers; a diagonal
 * block skips its two registers wholly above the diagonal. Each entry sums t = 0, 1, … in order.
 */
function syrk_lower(T: usize, r: i32, k: i32, Base: usize, subtract: bool, G: usize): void {
  const k4 = (k + 3) & ~3;
  const row = <usize>k4 << 3;
  for (let a = 0; a < k4; a += 4) {
    const oa = <usize>a << 3;
    for (let b = 0; b < a; b += 4) {
      const ob = <usize>b << 3;
      let s00 = f64x2.splat(0);
      let s01 = f64x2.splat(0);
      let s10 = f64x2.splat(0);
      let s11 = f64x2.splat(0);
      let s20 = f64x2.splat(0);
      let s21 = f64x2.splat(0);
      let s30 = f64x2.splat(0);
      let s31 = f64x2.splat(0);
      let pa = T + oa;
      let pb = T + ob;
      for (let t = 0; t < r; t++) {
        const y0 = v128.load(pb);
        const y1 = v128.load(pb, 16);
        let x = v128.load64_splat(pa);
        s00 = f64x2.add(s00, f64x2.mul(x, y0));
        s01 = f64x2.add(s01, f64x2.mul(x, y1));
        x = v128.load64_splat(pa, 8);
        s10 = f64x2.add(s10, f64x2.mul(x, y0));
        s11 = f64x2.add(s11, f64x2.mul(x, y1));
        x = v128.load64_splat(pa, 16);
        s20 = f64x2.add(s20, f64x2.mul(x, y0));
        s21 = f64x2.add(s21, f64x2.mul(x, y1));
        x = v128.load64_splat(pa, 24);
        s30 = f64x2.add(s30, f64x2.mul(x, y0));
        s31 = f64x2.add(s31, f64x2.mul(x, y1));
        pa += row;
        pb += row;
      }
      put(G, Base, k, a, b, s00, subtract);
      put(G, Base, k, a, b + 2, s01, subtract);
      put(G, Base, k, a + 1, b, s10, subtract);
      put(G, Base, k, a + 1, b + 2, s11, subtract);
      put(G, Base, k, a + 2, b, s20, subtract);
      put(G, Base, k, a + 2, b + 2, s21, subtract);
      put(G, Base, k, a + 3, b, s30, subtract);
      put(G, Base, k, a + 3, b + 2, s31, subtract);
    }
    // the diagonal block: rows a, a+1 need only columns a, a+1
    let s00 = f64x2.splat(0);
    let s10 = f64x2.splat(0);
    let s20 = f64x2.splat(0);
    let s21 = f64x2.splat(0);
    let s30 = f64x2.splat(0);
    let s31 = f64x2.splat(0);
    let pa = T + oa;
    for (let t = 0; t < r; t++) {
      const y0 = v128.load(pa);
      const y1 = v128.load(pa, 16);
      s00 = f64x2.add(s00, f64x2.mul(v128.load64_splat(pa), y0));
      s10 = f64x2.add(s10, f64x2.mul(v128.load64_splat(pa, 8), y0));
      let x = v128.load64_splat(pa, 16);
      s20 = f64x2.add(s20, f64x2.mul(x, y0));
      s21 = f64x2.add(s21, f64x2.mul(x, y1));
      x = v128.load64_splat(pa, 24);
      s30 = f64x2.add(s30, f64x2.mul(x, y0));
      s31 = f64x2.add(s31, f64x2.mul(x, y1));
      pa += row;
    }
    put(G, Base, k, a, a, s00, subtract);
    put(G, Base, k, a + 1, a, s10, subtract);
    put(G, Base, k, a + 2, a, s20, subtract);
    put(G, Base, k, a + 2, a + 2, s21, subtract);
    put(G, Base, k, a + 3, a, s30, subtract);
    put(G, Base, k, a + 3, a + 2, s31, subtract);
  }
}

/**
 * b (k) = Σ_t v[t]·T[t,:] over the r rows of T (r × k4), each entry in the order t = 0, 1, …
 * from 0 (as sparse_times sums the same entries): chunks of 8 and 2 columns in registers, the
 * padding column of an odd k left out.
 */
// @ts-ignore: decorator
@inline
function observed_sums(T: usize, v: usize, r: i32, k: i32, b: usize): void {
  const row = <usize>((k + 3) & ~3) << 3;
  let a = 0;
  for (; a + 8 <= k; a += 8) {
    const o = <usize>a << 3;
    let s0 = f64x2.splat(0);
    let s1 = f64x2.splat(0);
    let s2 = f64x2.splat(0);
    let s3 = f64x2.splat(0);
    let p = T + o;
    for (let t = 0; t < r; t++) {
      const x = f64x2.splat(load<f64>(v + (<usize>t << 3)));
      s0 = f64x2.add(s0, f64x2.mul(x, v128.load(p)));
      s1 = f64x2.add(s1, f64x2.mul(x, v128.load(p + 16)));
      s2 = f64x2.add(s2, f64x2.mul(x, v128.load(p + 32)));
      s3 = f64x2.add(s3, f64x2.mul(x, v128.load(p + 48)));
      p += row;
    }
    v128.store(b + o, s0);
    v128.store(b + o + 16, s1);
    v128.store(b + o + 32, s2);
    v128.store(b + o + 48, s3);
  }
  for (; a + 2 <= k; a += 2) {
    const o = <usize>a << 3;
    let s0 = f64x2.splat(0);
    let p = T + o;
    for (let t = 0; t < r; t++) {
      s0 = f64x2.add(s0, f64x2.mul(f64x2.splat(load<f64>(v + (<usize>t << 3))), v128.load(p)));
      p += row;
    }
    v128.store(b + o, s0);
  }
  if (a < k) {
    const o = <usize>a << 3;
    let s: f64 = 0;
    let p = T + o;
    for (let t = 0; t < r; t++) {
      s += load<f64>(v + (<usize>t << 3)) * load<f64>(p);
      p += row;
    }
    store<f64>(b + o, s);
  }
}

/** G[a,b] and G[a,b+1] = (Base − s) or s, s each lane of acc; ignored outside k×k or above the diagonal. */
// @ts-ignore: decorator
@inline
function put(G: usize, Base: usize, k: i32, a: i32, b: i32, acc: v128, subtract: bool): void {
  if (a >= k) return;
  put1(G, Base, k, a, b, f64x2.extract_lane(acc, 0), subtract);
  put1(G, Base, k, a, b + 1, f64x2.extract_lane(acc, 1), subtract);
}

// @ts-ignore: decorator
@inline
function put1(G: usize, Base: usize, k: i32, a: i32, b: i32, s: f64, subtract: bool): void {
  if (b >= k || b > a) return;
  const o = (<usize>a * <usize>k + <usize>b) << 3;
  store<f64>(G + o, subtract ? load<f64>(Base + o) - s : s);
}

/**
 * For each of `count` vectors j (columns of H, or rows of W): with G_j = masked_gram(…, j)
 * and b_j = vector j of B (Wᵀ(M∘V) or (M∘V)Hᵀ: V is 0 where missing, so these are the
 * observed sums), X_j ← NNLS(G_j, b_j) warm-started from X_j when nonneg ≠ 0, else
 * max(0, G_j⁻¹ b_j) with the robust Cholesky of linalg-cholesky.ts. Pivot and ridge scales come from
 * Base for subtracted Grams (their rounding error is relative to Base) and from G_j for summed
 * ones. Entry a of vector j of B and X sits at element j·vs + a·es. F (rows×k): W for the
 * H step, Hᵀ for the W step; Base (k×k): WᵀW or HHᵀ. work: nnls_work_bytes(k); T:
 * gather_bytes(k, longest list). When Q ≠ 0, stores X_jᵀ G_j X_j at Q[j] (count f64): summed
 * over the W step's rows that is ‖M∘(WH)‖²_F of the new W, which gives the masked residual
 * without forming WH. Vectors are independent, so a range of them (ptr, mode, B, X, Q offset
 * to its first) is solved exactly as in the whole: what a thread pool splits.
 * When vals ≠ 0 (the values of V at the listed entries, nnz f64 in idx's order; every mode 0),
 * b_j is instead summed from the gathered rows, Σ_t vals[t]·f_t, and written to vector j of B:
 * the product sparse_times would give, bit for bit, without a second pass over the rows.
 * Returns the number of NNLS problems that hit their iteration limit.
 */
export function masked_ls(
  F: usize, Base: usize, B: usize, X: usize, ptr: usize, idx: usize, mode: usize,
  count: i32, k: i32, vs: i32, es: i32, nonneg: i32, work: usize, T: usize, Q: usize, vals: usize,
): i32 {
  const G = work;
  const x = G + (<usize>k * <usize>k << 3);
  const b = x + (<usize>k << 3);
  const inner = b + (<usize>k << 3);
  const es8 = <usize>es << 3;
  let capped = 0;
  for (let j = 0; j < count; j++) {
    const r = masked_gram(F, Base, ptr, idx, mode, j, k, G, T);
    const R = load<i32>(mode + (<usize>j << 2)) != 0 ? Base : G;
    const off = <usize>j * <usize>vs << 3;
    if (vals != 0) {
      observed_sums(T, vals + (<usize>load<i32>(ptr + (<usize>j << 2)) << 3), r, k, b);
      for (let a = 0; a < k; a++) store<f64>(B + off + <usize>a * es8, load<f64>(b + (<usize>a << 3)));
    } else {
      for (let a = 0; a < k; a++) store<f64>(b + (<usize>a << 3), load<f64>(B + off + <usize>a * es8));
    }
    if (nonneg != 0) {
      for (let a = 0; a < k; a++) store<f64>(x + (<usize>a << 3), load<f64>(X + off + <usize>a * es8));
      if (nnls(G, R, b, x, k, inner) < 0) capped++;
      for (let a = 0; a < k; a++) store<f64>(X + off + <usize>a * es8, load<f64>(x + (<usize>a << 3)));
    } else {
      chol_factor_ref(G, R, inner, k);
      chol_solve_vec(inner, b, k);
      for (let a = 0; a < k; a++) {
        const v = load<f64>(b + (<usize>a << 3));
        store<f64>(X + off + <usize>a * es8, v < 0 ? 0 : v);
      }
    }
    if (Q != 0) store<f64>(Q + (<usize>j << 3), quadratic_form(G, X + off, es8, k));
  }
  return capped;
}

/** xᵀGx for G (k×k, full symmetric) and x (k entries, es8 bytes apart). */
function quadratic_form(G: usize, x: usize, es8: usize, k: i32): f64 {
  let s: f64 = 0;
  for (let a = 0; a < k; a++) {
    const xa = load<f64>(x + <usize>a * es8);
    if (xa == 0) continue;
    const ga = G + (<usize>a * <usize>k << 3);
    let t: f64 = 0;
    for (let c = 0; c < k; c++) t += load<f64>(ga + (<usize>c << 3)) * load<f64>(x + <usize>c * es8);
    s += xa * t;
  }
  return s;
}
