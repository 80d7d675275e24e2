// Small dense k×k linear algebra for als and anls: a Cholesky factorization that survives
// singular Grams, and triangular solves over many right-hand sides. Row-major f64, byte
// pointers. Called once per factor per iteration (full mask) or once per column/row (masked).
//
// Singular Grams (a zero column of W, a column of V with fewer observed rows than k, W = 0):
// a pivot d_a of the Cholesky of G is accepted only when d_a > PIVOT_TOL·R[a,a], R being the
// reference Gram the scale is read from (G itself, or the full Gram that a masked Gram was
// derived from by subtraction). When a pivot is rejected, G + δI is factorized instead with
// δ = RIDGE·tr(R)/k, grown ×100 until every pivot is positive: the solve then gives the
// ridge-regularized solution, close to the minimum-norm least-squares one, never NaN. A Gram
// whose trace is 0 (all its vectors are zero, so its right-hand side is zero too) or not
// finite gets L = I.

/** A Cholesky pivot below this fraction of its reference diagonal entry is treated as zero. */
const PIVOT_TOL: f64 = 1e-11;
/** First ridge added to a singular Gram, as a fraction of the mean diagonal of its reference. */
const RIDGE: f64 = 1e-9;
/** Growth of the ridge between attempts, and the number of attempts before giving up. */
const RIDGE_GROWTH: f64 = 100;
const RIDGE_TRIES: i32 = 24;

/**
 * L (k×k, lower, upper zeroed) = Cholesky factor of G + δI, reading the lower triangle of
 * G (k×k). A pivot must exceed tol·R[a,a] (R k×k). Returns the first rejected index, or −1.
 * Right-looking, in place in L: after pivot j, column j is divided by it and subtracted from
 * the trailing rows, so the work of one step is independent multiply-adds (no chain through
 * each entry's dot product), while every entry sees the same subtractions in the same order
 * (p = 0, 1, …) as the dot-product form L[i,j] = (G[i,j] − Σ_p L[i,p]L[j,p]) / L[j,j].
 * Row j's upper part holds column j during step j (contiguous for the update), then is zeroed.
 */
function cholesky_into(G: usize, R: usize, L: usize, k: i32, delta: f64, tol: f64): i32 {
  for (let i = 0; i < k; i++) {
    const li = L + (<usize>i * <usize>k << 3);
    const gi = G + (<usize>i * <usize>k << 3);
    for (let j = 0; j <= i; j++) store<f64>(li + (<usize>j << 3), load<f64>(gi + (<usize>j << 3)));
    for (let j = i + 1; j < k; j++) store<f64>(li + (<usize>j << 3), 0);
  }
  for (let j = 0; j < k; j++) {
    const lj = L + (<usize>j * <usize>k << 3);
    const s = load<f64>(lj + (<usize>j << 3)) + delta;
    const r = load<f64>(R + ((<usize>j * <usize>k + <usize>j) << 3));
    if (!(s > tol * r) || !(s > 0) || !isFinite(s)) {
      for (let c = j + 1; c < k; c++) store<f64>(lj + (<usize>c << 3), 0);
      return j;
    }
    const d = Math.sqrt(s);
    store<f64>(lj + (<usize>j << 3), d);
    // column j below the pivot, divided by it, copied into row j's upper part
    for (let i = j + 1; i < k; i++) {
      const o = L + ((<usize>i * <usize>k + <usize>j) << 3);
      const v = load<f64>(o) / d;
      store<f64>(o, v);
      store<f64>(lj + (<usize>i << 3), v);
    }
    // L[i, c] −= L[i, j]·L[c, j] for j < c ≤ i
    for (let i = j + 1; i < k; i++) {
      const li = L + (<usize>i * <usize>k << 3);
      const x = load<f64>(li + (<usize>j << 3));
      const vx = f64x2.splat(x);
      let c = j + 1;
      for (; c + 1 <= i; c += 2) {
        const o = <usize>c << 3;
        v128.store(li + o, f64x2.sub(v128.load(li + o), f64x2.mul(vx, v128.load(lj + o))));
      }
      if (c <= i) {
        const o = <usize>c << 3;
        store<f64>(li + o, load<f64>(li + o) - x * load<f64>(lj + o));
      }
    }
    for (let c = j + 1; c < k; c++) store<f64>(lj + (<usize>c << 3), 0);
  }
  return -1;
}

/**
 * Robust Cholesky: L (k×k) of G (k×k, lower triangle read), or of G + δI when G is singular
 * relative to the reference Gram R (k×k; pass G itself when there is none). Returns 0 when no
 * ridge was needed, the ridge δ > 0 that was added, or −1 when L was set to the identity
 * (tr R = 0 or not finite).
 */
export function chol_factor_ref(G: usize, R: usize, L: usize, k: i32): f64 {
  if (cholesky_into(G, R, L, k, 0, PIVOT_TOL) < 0) return 0;
  let trace: f64 = 0;
  for (let a = 0; a < k; a++) trace += load<f64>(R + ((<usize>a * <usize>k + <usize>a) << 3));
  let delta = RIDGE * trace / <f64>k;
  if (delta > 0 && isFinite(delta)) {
    for (let t = 0; t < RIDGE_TRIES; t++) {
      if (cholesky_into(G, R, L, k, delta, 0) < 0) return delta;
      delta *= RIDGE_GROWTH;
    }
  }
  identity(L, k);
  return -1;
}

/**
 * Robust Cholesky of a Gram G (k×k, lower triangle read) into L (k×k): see chol_factor_ref
 * with R = G. Once per factor per iteration for als with a full mask.
 */
export function chol_factor(G: usize, L: usize, k: i32): f64 {
  return chol_factor_ref(G, G, L, k);
}

/**
 * x ← (LLᵀ)⁻¹ x in place for one contiguous vector x (k), L (k×k lower).
 * Both substitutions by columns of L (x[i] −= L[i,p]·x[p] once x[p] is final, in the order
 * p = 0, 1, … forward, the same sums as by rows without a chain through each dot product).
 */
export function chol_solve_vec(L: usize, x: usize, k: i32): void {
  for (let p = 0; p < k; p++) {
    const xp = load<f64>(x + (<usize>p << 3)) / load<f64>(L + ((<usize>p * <usize>k + <usize>p) << 3));
    store<f64>(x + (<usize>p << 3), xp);
    for (let i = p + 1; i < k; i++) {
      const o = x + (<usize>i << 3);
      store<f64>(o, load<f64>(o) - load<f64>(L + ((<usize>i * <usize>k + <usize>p) << 3)) * xp);
    }
  }
  for (let i = k - 1; i >= 0; i--) {
    const li = L + (<usize>i * <usize>k << 3);
    const xi = load<f64>(x + (<usize>i << 3)) / load<f64>(li + (<usize>i << 3));
    store<f64>(x + (<usize>i << 3), xi);
    for (let p = 0; p < i; p++) {
      const o = x + (<usize>p << 3);
      store<f64>(o, load<f64>(o) - load<f64>(li + (<usize>p << 3)) * xi);
    }
  }
}

/**
 * For each of `count` vectors j: X_j ← (LLᵀ)⁻¹ B_j, then max(0, ·) when clip ≠ 0 (NaN kept, for the driver to see). Entry a of
 * vector j of B and X sits at element j·vs + a·es (columns of a k×n matrix: vs = 1, es = n;
 * rows of an m×k matrix: vs = k, es = 1). B and X may be the same matrix. L (k×k lower),
 * work (k). Once per factor per iteration for als with a full mask (many right-hand sides).
 */
export function chol_solve(L: usize, B: usize, X: usize, k: i32, count: i32, vs: i32, es: i32, clip: i32, work: usize): void {
  const es8 = <usize>es << 3;
  for (let j = 0; j < count; j++) {
    const off = <usize>j * <usize>vs << 3;
    for (let a = 0; a < k; a++) store<f64>(work + (<usize>a << 3), load<f64>(B + off + <usize>a * es8));
    chol_solve_vec(L, work, k);
    for (let a = 0; a < k; a++) {
      const v = load<f64>(work + (<usize>a << 3));
      store<f64>(X + off + <usize>a * es8, clip != 0 && v < 0 ? 0 : v);
    }
  }
}

/** L (k×k) = I. */
function identity(L: usize, k: i32): void {
  memory.fill(L, 0, <usize>k * <usize>k * 8);
  for (let a = 0; a < k; a++) store<f64>(L + ((<usize>a * <usize>k + <usize>a) << 3), 1);
}
