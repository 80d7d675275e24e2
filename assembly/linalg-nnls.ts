// Exact non-negative least squares on k×k normal equations, for anls: Lawson–Hanson's active
// set method written on G = AᵀA and b = Aᵀv (Bro & de Jong's "fast NNLS"), warm-started from
// the previous iterate's support. Solves x = argmin_{x ≥ 0} ½xᵀGx − bᵀx, the same minimizer as
// min_{x ≥ 0} ‖Ax − v‖² (scipy.optimize.nnls).
//
// Each passive-set system G_PP z = b_P is solved by a Cholesky factorization of the selected
// rows and columns, kept from one system to the next: an entering index appends one row (k²
// work), a leaving one refactors from its position on. An index whose pivot falls below
// PIVOT_TOL·R[a,a] (its vector is, to rounding, a combination of the passive ones: singular
// or rank-deficient G) is refused entry until x next changes; its gradient then vanishes up to
// rounding, so KKT still holds. The objective never increases from the warm start, so anls
// stays monotone.
//
// Work layout (bytes from `work`): L (k×k f64), z (k f64), P (k i32), state (k i32), and 1 / L's
// diagonal (k f64: the factorization and the solves multiply by it instead of dividing).

/** A pivot below this fraction of its reference diagonal entry is treated as zero (as in linalg-cholesky.ts). */
const PIVOT_TOL: f64 = 1e-11;
/** An index enters when its gradient exceeds this fraction of the magnitude of the terms it sums. */
const GRAD_TOL: f64 = 1e-12;

const FREE: i32 = 0;
const PASSIVE: i32 = 1;
const REFUSED: i32 = 2;

/** Leading rows of the workspace's L that hold the Cholesky factor of the current P's prefix. */
let validRows: i32 = 0;

/** Bytes of workspace the kernels of linalg-nnls.ts and linalg-masked-ls.ts need for rank k. */
export function nnls_work_bytes(k: i32): i32 {
  return 16 * k * k + 48 * k + 64;
}

/**
 * x (k) ← argmin_{x ≥ 0} ½xᵀGx − bᵀx for G (k×k, symmetric positive semidefinite, both
 * triangles), b (k), starting from the x given (negative or NaN entries count as 0).
 * R (k×k) supplies the pivot scale (pass G). work: nnls_work_bytes(k). Returns the number of
 * indices that entered the passive set, or −1 when the iteration limit (5k + 10) was reached
 * (x is then feasible but may not be optimal).
 */
export function nnls(G: usize, R: usize, b: usize, x: usize, k: i32, work: usize): i32 {
  return solve_nnls(G, R, b, x, k, work, false);
}

/**
 * nnls; when `reuse`, the previous call left in `work` a factor of the same G, and the rows of
 * it that match the new warm start's passive set are kept (bit-identical to refactoring them).
 */
function solve_nnls(G: usize, R: usize, b: usize, x: usize, k: i32, work: usize, reuse: bool): i32 {
  const L = work;
  const z = L + (<usize>k * <usize>k << 3);
  const P = z + (<usize>k << 3);
  const state = P + (<usize>k << 2);
  let s = 0;
  let kept = reuse ? validRows : 0;
  for (let a = 0; a < k; a++) {
    const xa = load<f64>(x + (<usize>a << 3));
    if (xa > 0 && isFinite(xa)) {
      store<i32>(state + (<usize>a << 2), PASSIVE);
      const o = P + (<usize>s << 2);
      if (s < kept && load<i32>(o) != a) kept = s;
      store<i32>(o, a);
      s++;
    } else {
      store<f64>(x + (<usize>a << 3), 0);
      store<i32>(state + (<usize>a << 2), FREE);
    }
  }
  validRows = kept < s ? kept : s;
  if (s > 0) {
    s = passive_solve(G, R, b, x, k, L, z, P, state, s, -1);
    if (s < 0) {
      // The warm start's support is singular for this G, or a poor guess: start from x = 0.
      memory.fill(x, 0, <usize>k << 3);
      for (let a = 0; a < k; a++) store<i32>(state + (<usize>a << 2), FREE);
      s = 0;
      validRows = 0;
    }
  }
  const maxIter = 5 * k + 10;
  let iter = 0;
  for (;;) {
    const t = entering(G, b, x, state, k);
    if (t < 0) break;
    if (iter >= maxIter) {
      clear_refused(state, k);
      return -1;
    }
    iter++;
    store<i32>(state + (<usize>t << 2), PASSIVE);
    store<i32>(P + (<usize>s << 2), t);
    const r = passive_solve(G, R, b, x, k, L, z, P, state, s + 1, t);
    if (r < 0) {
      // t is (numerically) dependent on the passive set: refuse it until x changes.
      store<i32>(state + (<usize>t << 2), REFUSED);
    } else {
      s = r;
      clear_refused(state, k);
    }
  }
  clear_refused(state, k);
  return iter;
}

/**
 * The free index with the largest gradient w_a = b_a − (Gx)_a above GRAD_TOL·(|b_a| + Σ|G_ap x_p|),
 * or −1 when x satisfies KKT.
 */
function entering(G: usize, b: usize, x: usize, state: usize, k: i32): i32 {
  let best = -1;
  let bestW: f64 = 0;
  for (let a = 0; a < k; a++) {
    if (load<i32>(state + (<usize>a << 2)) != FREE) continue;
    const ga = G + (<usize>a * <usize>k << 3);
    const ba = load<f64>(b + (<usize>a << 3));
    let g = ba;
    let mag = Math.abs(ba);
    for (let p = 0; p < k; p++) {
      const t = load<f64>(ga + (<usize>p << 3)) * load<f64>(x + (<usize>p << 3));
      g -= t;
      mag += Math.abs(t);
    }
    if (g > GRAD_TOL * mag && g > bestW) {
      best = a;
      bestW = g;
    }
  }
  return best;
}

/**
 * Lawson–Hanson's inner loop on the passive set P[0..s): solve G_PP z = b_P; if z > 0 take it,
 * else step from x toward z until an entry reaches 0, drop it, repeat. `added` is the index
 * that just entered (last in P) or −1. Returns the new size of P, or −1 when the first
 * factorization fails (or `added` would get z ≤ 0, or, for a warm start, z is a poor_guess):
 * x is then unchanged. Reads and updates
 * validRows (rows of L still valid for P).
 */
function passive_solve(G: usize, R: usize, b: usize, x: usize, k: i32, L: usize, z: usize, P: usize, state: usize, s: i32, added: i32): i32 {
  let first = true;
  while (s > 0) {
    const failed = subset_cholesky(G, R, L, P, s, k, validRows < s ? validRows : s);
    if (failed >= 0) {
      validRows = failed;
      if (first) {
        if (added >= 0 && validRows > s - 1) validRows = s - 1;
        return -1;
      }
      return s; // rounding at the threshold on a subset: keep the feasible x reached so far
    }
    validRows = s;
    for (let i = 0; i < s; i++) {
      const a = load<i32>(P + (<usize>i << 2));
      store<f64>(z + (<usize>i << 3), load<f64>(b + (<usize>a << 3)));
    }
    subset_solve(L, z, s, k);
    if (first && added >= 0 && !(load<f64>(z + (<usize>(s - 1) << 3)) > 0)) {
      validRows = s - 1;
      return -1;
    }
    if (first && added < 0 && poor_guess(z, s)) return -1;
    first = false;
    // Step length: the largest α ≤ 1 keeping x + α(z − x) ≥ 0.
    let alpha: f64 = 1;
    let q = -1;
    for (let i = 0; i < s; i++) {
      const zi = load<f64>(z + (<usize>i << 3));
      if (zi > 0) continue;
      const xi = load<f64>(x + (<usize>load<i32>(P + (<usize>i << 2)) << 3));
      const r = xi / (xi - zi);
      if (q < 0 || r < alpha) {
        alpha = r;
        q = i;
      }
    }
    if (q < 0) {
      for (let i = 0; i < s; i++) {
        store<f64>(x + (<usize>load<i32>(P + (<usize>i << 2)) << 3), load<f64>(z + (<usize>i << 3)));
      }
      return s;
    }
    // Move to x + α(z − x); drop the blocking index and any that reached 0.
    let kept = 0;
    for (let i = 0; i < s; i++) {
      const a = load<i32>(P + (<usize>i << 2));
      const xo = x + (<usize>a << 3);
      const xi = load<f64>(xo);
      const v = xi + alpha * (load<f64>(z + (<usize>i << 3)) - xi);
      if (i == q || !(v > 0)) {
        store<f64>(xo, 0);
        store<i32>(state + (<usize>a << 2), FREE);
        if (i < validRows) validRows = i;
      } else {
        store<f64>(xo, v);
        store<i32>(P + (<usize>kept << 2), a);
        kept++;
      }
    }
    s = kept;
  }
  validRows = 0;
  return 0;
}

/**
 * L (s×s, row stride k) = Cholesky factor of G[P,P] for the indices P[0..s), computing rows
 * from..s−1 (rows before `from` must already hold it). A pivot must exceed PIVOT_TOL·R[a,a].
 * Returns the position of the first rejected pivot, or −1.
 */
function subset_cholesky(G: usize, R: usize, L: usize, P: usize, s: i32, k: i32, from: i32): i32 {
  const D = inverse_diagonal(L, k);
  for (let i = from; i < s; i++) {
    const a = load<i32>(P + (<usize>i << 2));
    const li = L + (<usize>i * <usize>k << 3);
    const ga = G + (<usize>a * <usize>k << 3);
    for (let j = 0; j <= i; j++) {
      const lj = L + (<usize>j * <usize>k << 3);
      let v = load<f64>(ga + (<usize>load<i32>(P + (<usize>j << 2)) << 3));
      for (let p = 0; p < j; p++) v -= load<f64>(li + (<usize>p << 3)) * load<f64>(lj + (<usize>p << 3));
      if (j < i) {
        store<f64>(li + (<usize>j << 3), v * load<f64>(D + (<usize>j << 3)));
      } else {
        const r = load<f64>(R + ((<usize>a * <usize>k + <usize>a) << 3));
        if (!(v > PIVOT_TOL * r) || !(v > 0) || !isFinite(v)) return i;
        const d = Math.sqrt(v);
        store<f64>(li + (<usize>i << 3), d);
        store<f64>(D + (<usize>i << 3), 1 / d);
      }
    }
  }
  return -1;
}

/** Where the workspace whose factor is at L keeps 1 / L's diagonal (k f64, after L, z, P and state). */
// @ts-ignore: decorator
@inline function inverse_diagonal(L: usize, k: i32): usize {
  return L + (<usize>k * <usize>k << 3) + (<usize>k << 4);
}

/** z (s) ← (LLᵀ)⁻¹ z for L (s×s lower, row stride k). */
function subset_solve(L: usize, z: usize, s: i32, k: i32): void {
  const D = inverse_diagonal(L, k);
  for (let i = 0; i < s; i++) {
    const li = L + (<usize>i * <usize>k << 3);
    let v = load<f64>(z + (<usize>i << 3));
    for (let p = 0; p < i; p++) v -= load<f64>(li + (<usize>p << 3)) * load<f64>(z + (<usize>p << 3));
    store<f64>(z + (<usize>i << 3), v * load<f64>(D + (<usize>i << 3)));
  }
  for (let i = s - 1; i >= 0; i--) {
    const li = L + (<usize>i * <usize>k << 3);
    const zi = load<f64>(z + (<usize>i << 3)) * load<f64>(D + (<usize>i << 3));
    store<f64>(z + (<usize>i << 3), zi);
    for (let p = 0; p < i; p++) {
      const o = z + (<usize>p << 3);
      store<f64>(o, load<f64>(o) - load<f64>(li + (<usize>p << 3)) * zi);
    }
  }
}

/**
 * Whether the warm start's passive solution z (s) is a poor guess: more than a quarter of it ≤ 0.
 * Lawson–Hanson would then drop those indices one at a time, refactoring from each one's
 * position on (as after a random initialization: 109 Cholesky rows per row of W on the first
 * anls sweep of a 2000×1000 rank-20 matrix); from x = 0 it appends each index of the support
 * once. The minimizer is the same either way.
 */
function poor_guess(z: usize, s: i32): bool {
  let nonpositive = 0;
  for (let i = 0; i < s; i++) if (!(load<f64>(z + (<usize>i << 3)) > 0)) nonpositive++;
  return 4 * nonpositive > s;
}

function clear_refused(state: usize, k: i32): void {
  for (let a = 0; a < k; a++) {
    const o = state + (<usize>a << 2);
    if (load<i32>(o) == REFUSED) store<i32>(o, FREE);
  }
}

/**
 * For each of `count` vectors j: X_j ← NNLS(G, B_j) warm-started from X_j, with G (k×k, full
 * symmetric) shared by all. Entry a of vector j of B and X sits at element j·vs + a·es (see
 * chol_solve). work: nnls_work_bytes(k). Once per factor per iteration for anls, full mask.
 * Consecutive vectors with the same passive set share its Cholesky factor.
 * Returns the number of vectors that hit the iteration limit.
 */
export function nnls_batch(G: usize, B: usize, X: usize, k: i32, count: i32, vs: i32, es: i32, work: usize): i32 {
  const b = work;
  const x = b + (<usize>k << 3);
  const inner = x + (<usize>k << 3);
  const es8 = <usize>es << 3;
  let capped = 0;
  for (let j = 0; j < count; j++) {
    const off = <usize>j * <usize>vs << 3;
    for (let a = 0; a < k; a++) {
      store<f64>(b + (<usize>a << 3), load<f64>(B + off + <usize>a * es8));
      store<f64>(x + (<usize>a << 3), load<f64>(X + off + <usize>a * es8));
    }
    if (solve_nnls(G, G, b, x, k, inner, j > 0) < 0) capped++;
    for (let a = 0; a < k; a++) store<f64>(X + off + <usize>a * es8, load<f64>(x + (<usize>a << 3)));
  }
  return capped;
}
