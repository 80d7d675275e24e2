// Least squares over observed entries only, one column of H (or row of W) at a time, for als
// and anls with missing values. The k×k Gram of each column is formed in place from the rows
// of W it observes, listed once per factorization (src/solvers/als-mask.ts): either summed
// directly from the observed rows, or, when fewer rows are missing than observed, as the full
// Gram WᵀW minus the missing rows (cheaper, and the full Gram is at hand). Nothing is copied
// out of W; one k×k Gram lives in the workspace at a time.
import { chol_factor_ref, chol_solve_vec, symmetrize_lower } from "./linalg";
import { nnls } from "./nnls";

/**
 * G (k×k, full symmetric) = the Gram of vector j's observed rows of F (rows×k):
 * Base − Σ_t f_t f_tᵀ when mode[j] ≠ 0, else Σ_t f_t f_tᵀ, over f_t = row idx[t] of F for
 * t in [ptr[j], ptr[j+1]). Base (k×k, full symmetric); ptr (i32, count+1); idx, mode (i32).
 */
export function masked_gram(F: usize, Base: usize, ptr: usize, idx: usize, mode: usize, j: i32, k: i32, G: usize): void {
  const subtract = load<i32>(mode + (<usize>j << 2)) != 0;
  const bytes = <usize>k * <usize>k << 3;
  if (subtract) memory.copy(G, Base, bytes);
  else memory.fill(G, 0, bytes);
  const t0 = load<i32>(ptr + (<usize>j << 2));
  const t1 = load<i32>(ptr + (<usize>(j + 1) << 2));
  const k8 = <usize>k << 3;
  for (let t = t0; t < t1; t++) {
    const f = F + <usize>load<i32>(idx + (<usize>t << 2)) * k8;
    for (let a = 0; a < k; a++) {
      const fa = load<f64>(f + (<usize>a << 3));
      if (fa == 0) continue;
      const ga = G + <usize>a * k8;
      const sv = f64x2.splat(fa);
      let b = 0;
      if (subtract) {
        for (; b < a; b += 2) {
          const o = <usize>b << 3;
          v128.store(ga + o, f64x2.sub(v128.load(ga + o), f64x2.mul(sv, v128.load(f + o))));
        }
        if (b == a) store<f64>(ga + (<usize>a << 3), load<f64>(ga + (<usize>a << 3)) - fa * fa);
      } else {
        for (; b < a; b += 2) {
          const o = <usize>b << 3;
          v128.store(ga + o, f64x2.add(v128.load(ga + o), f64x2.mul(sv, v128.load(f + o))));
        }
        if (b == a) store<f64>(ga + (<usize>a << 3), load<f64>(ga + (<usize>a << 3)) + fa * fa);
      }
    }
  }
  symmetrize_lower(G, k);
}

/**
 * For each of `count` vectors j (columns of H, or rows of W): with G_j = masked_gram(…, j)
 * and b_j = vector j of B (Wᵀ(M∘V) or (M∘V)Hᵀ: V is 0 where missing, so these are the
 * observed sums), X_j ← NNLS(G_j, b_j) warm-started from X_j when nonneg ≠ 0, else
 * max(0, G_j⁻¹ b_j) with the robust Cholesky of linalg.ts. Pivot and ridge scales come from
 * Base for subtracted Grams (their rounding error is relative to Base) and from G_j for summed
 * ones. Entry a of vector j of B and X sits at element j·vs + a·es. F (rows×k): W for the
 * H step, Hᵀ for the W step; Base (k×k): WᵀW or HHᵀ. work: nnls_work_bytes(k).
 * Returns the number of NNLS problems that hit their iteration limit.
 */
export function masked_ls(
  F: usize, Base: usize, B: usize, X: usize, ptr: usize, idx: usize, mode: usize,
  count: i32, k: i32, vs: i32, es: i32, nonneg: i32, work: usize,
): i32 {
  const G = work;
  const x = G + (<usize>k * <usize>k << 3);
  const b = x + (<usize>k << 3);
  const inner = b + (<usize>k << 3);
  const es8 = <usize>es << 3;
  let capped = 0;
  for (let j = 0; j < count; j++) {
    masked_gram(F, Base, ptr, idx, mode, j, k, G);
    const R = load<i32>(mode + (<usize>j << 2)) != 0 ? Base : G;
    const off = <usize>j * <usize>vs << 3;
    for (let a = 0; a < k; a++) store<f64>(b + (<usize>a << 3), load<f64>(B + off + <usize>a * es8));
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
  }
  return capped;
}
