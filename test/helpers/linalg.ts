// Plain-TypeScript oracles for the k×k linear algebra of als and anls (test only): Gaussian
// elimination, brute-force NNLS, KKT residuals, and one als/anls iteration done the slow way.
import type { Rng } from '../../src/core/rng.js';
import { gemm_nn, gemm_tn, gram_tn } from '../../src/kernels-ts/products.js';

/** A rows×cols row-major matrix of uniform numbers in [lo, hi). */
export function uniform(rng: Rng, rows: number, cols: number, lo = 0, hi = 1): Float64Array {
  const a = new Float64Array(rows * cols);
  for (let t = 0; t < a.length; t++) a[t] = lo + (hi - lo) * rng.next();
  return a;
}

/** G (k×k) = AᵀA for A (r×k) (gram_tn of src/kernels-ts). */
export function gramOf(A: Float64Array, r: number, k: number): Float64Array {
  const G = new Float64Array(k * k);
  gram_tn(A, G, r, k);
  return G;
}

/** Aᵀv (k) for A (r×k), v (r) (gemm_tn of src/kernels-ts). */
export function atv(A: Float64Array, v: Float64Array, r: number, k: number): Float64Array {
  const b = new Float64Array(k);
  gemm_tn(A, v, b, r, k, 1);
  return b;
}

/** Gx (k) for G (k×k) (gemm_nn of src/kernels-ts). */
export function matVec(G: Float64Array, x: Float64Array, k: number): Float64Array {
  const y = new Float64Array(k);
  gemm_nn(G, x, y, k, k, 1);
  return y;
}

/** x = G⁻¹b by Gaussian elimination with partial pivoting (like numpy.linalg.solve); null if singular. */
export function solveGE(G: ArrayLike<number>, b: ArrayLike<number>, k: number): Float64Array | null {
  const A = Float64Array.from(G);
  const x = Float64Array.from(b);
  let scale = 0;
  for (let t = 0; t < A.length; t++) scale = Math.max(scale, Math.abs(A[t]));
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(A[r * k + c]) > Math.abs(A[p * k + c])) p = r;
    if (!(Math.abs(A[p * k + c]) > 1e-13 * scale)) return null;
    if (p !== c) {
      for (let j = 0; j < k; j++) [A[c * k + j], A[p * k + j]] = [A[p * k + j], A[c * k + j]];
      [x[c], x[p]] = [x[p], x[c]];
    }
    for (let r = c + 1; r < k; r++) {
      const f = A[r * k + c] / A[c * k + c];
      for (let j = c; j < k; j++) A[r * k + j] -= f * A[c * k + j];
      x[r] -= f * x[c];
    }
  }
  for (let c = k - 1; c >= 0; c--) {
    let s = x[c];
    for (let j = c + 1; j < k; j++) s -= A[c * k + j] * x[j];
    x[c] = s / A[c * k + c];
  }
  return x;
}

/** ½xᵀGx − bᵀx. */
export function quadratic(G: Float64Array, b: Float64Array, x: ArrayLike<number>, k: number): number {
  let f = 0;
  for (let a = 0; a < k; a++) {
    let s = 0;
    for (let c = 0; c < k; c++) s += G[a * k + c] * x[c];
    f += 0.5 * x[a] * s - b[a] * x[a];
  }
  return f;
}

/**
 * argmin_{x ≥ 0} ½xᵀGx − bᵀx by trying every support S (k ≤ 10): solve G_SS z = b_S, keep the
 * feasible z of least objective. Supports with a singular G_SS are skipped (an optimum with
 * independent support always exists), so this gives the optimal value even for singular G.
 */
export function nnlsBrute(G: Float64Array, b: Float64Array, k: number): { x: Float64Array; value: number } {
  let best = new Float64Array(k);
  let bestValue = 0;
  for (let set = 1; set < 1 << k; set++) {
    const S: number[] = [];
    for (let a = 0; a < k; a++) if (set & (1 << a)) S.push(a);
    const s = S.length;
    const GS = new Float64Array(s * s);
    const bS = new Float64Array(s);
    S.forEach((a, i) => {
      bS[i] = b[a];
      S.forEach((c, j) => (GS[i * s + j] = G[a * k + c]));
    });
    const z = solveGE(GS, bS, s);
    if (!z || z.some((v) => v < 0)) continue;
    const x = new Float64Array(k);
    S.forEach((a, i) => (x[a] = z[i]));
    const value = quadratic(G, b, x, k);
    if (value < bestValue) {
      best = x;
      bestValue = value;
    }
  }
  return { x: best, value: bestValue };
}

/**
 * Largest violation of the KKT conditions of min_{x ≥ 0} ½xᵀGx − bᵀx, relative to
 * ‖b‖∞ + ‖G‖∞‖x‖∞: −x (x ≥ 0), −(Gx − b)_a where x_a = 0 (gradient ≥ 0), |Gx − b|_a where x_a > 0.
 */
export function kktViolation(G: Float64Array, b: Float64Array, x: ArrayLike<number>, k: number): number {
  const g = matVec(G, Float64Array.from(x), k);
  let gMax = 0;
  let bMax = 0;
  let xMax = 0;
  for (let a = 0; a < k; a++) {
    g[a] -= b[a];
    bMax = Math.max(bMax, Math.abs(b[a]));
    xMax = Math.max(xMax, Math.abs(x[a]));
    for (let c = 0; c < k; c++) gMax = Math.max(gMax, Math.abs(G[a * k + c]));
  }
  const scale = bMax + gMax * xMax || 1;
  let worst = 0;
  for (let a = 0; a < k; a++) {
    if (Number.isNaN(x[a])) return Infinity;
    worst = Math.max(worst, -x[a] / (xMax || 1), x[a] > 0 ? Math.abs(g[a]) / scale : -g[a] / scale);
  }
  return worst;
}

/** How one column or row is solved from its Gram G and right-hand side b. */
export type Subsolve = (G: Float64Array, b: Float64Array, k: number) => Float64Array;

/** max(0, G⁻¹b) by Gaussian elimination (als; numpy.linalg.solve then clip). */
export const clippedSolve: Subsolve = (G, b, k) => solveGE(G, b, k)!.map((v) => Math.max(0, v));

/** Brute-force NNLS (anls, k ≤ 10). */
export const bruteNnls: Subsolve = (G, b, k) => nnlsBrute(G, b, k).x;

/**
 * One als/anls iteration as test/fixtures/reference/make_reference.py writes it: each column j of H (k×n) from the
 * observed rows of W (m×k), then each row i of W from the observed columns of H. V (m×n),
 * mask (m×n of 0/1, or null). Returns new copies of W and H.
 */
export function alternatingStep(
  V: Float64Array,
  mask: Float64Array | null,
  W0: Float64Array,
  H0: Float64Array,
  m: number,
  n: number,
  k: number,
  solve: Subsolve,
): { W: Float64Array; H: Float64Array } {
  const W = W0.slice();
  const H = H0.slice();
  const seen = (i: number, j: number) => mask?.[i * n + j] !== 0;
  for (let j = 0; j < n; j++) {
    const G = new Float64Array(k * k);
    const b = new Float64Array(k);
    for (let i = 0; i < m; i++) {
      if (!seen(i, j)) continue;
      for (let a = 0; a < k; a++) {
        b[a] += W[i * k + a] * V[i * n + j];
        for (let c = 0; c < k; c++) G[a * k + c] += W[i * k + a] * W[i * k + c];
      }
    }
    const x = solve(G, b, k);
    for (let a = 0; a < k; a++) H[a * n + j] = x[a];
  }
  for (let i = 0; i < m; i++) {
    const G = new Float64Array(k * k);
    const b = new Float64Array(k);
    for (let j = 0; j < n; j++) {
      if (!seen(i, j)) continue;
      for (let a = 0; a < k; a++) {
        b[a] += H[a * n + j] * V[i * n + j];
        for (let c = 0; c < k; c++) G[a * k + c] += H[a * n + j] * H[c * n + j];
      }
    }
    const x = solve(G, b, k);
    for (let a = 0; a < k; a++) W[i * k + a] = x[a];
  }
  return { W, H };
}

/** Largest |a − b| divided by the largest |b| (or by 1 when b is all zero). */
export function scaledDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    worst = Math.max(worst, Math.abs(a[i] - b[i]));
    if (Number.isNaN(a[i])) return NaN;
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return worst / (scale || 1);
}
