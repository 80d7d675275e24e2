// NNDSVD and NNDSVDa initializations (Boutsidis & Gallopoulos 2008), computed as scikit-learn 1.2
// does, from the k leading singular triples of V (src/init/svd.ts).
//
// Missing entries: the SVD is taken of V with every missing entry replaced by the mean of the
// observed entries (not by 0, which would read as "observed value 0" and pull the singular vectors
// toward the pattern of what is missing); nndsvda's fill value is that same mean.
//
// Deterministic: the SVD's random start block comes from a fixed seed (SVD_SEED), so W, H depend
// on V and k only, never on the run's seed.
import type { Mat } from '../core/matrix.js';
import type { Problem } from '../core/problem.js';
import { isSparse } from '../core/sparse-problem.js';
import type { Engine } from '../wasm/engine.js';
import { truncatedSvd } from './svd.js';
import type { InitContext, InitInfo } from './types.js';

/** Entries of W and H below this are set to 0 (scikit-learn's eps = 1e-6). */
export const NNDSVD_EPS = 1e-6;

/**
 * The matrix whose SVD NNDSVD uses: V (m×n) itself when fully observed, else a copy of V in the
 * engine's arena with every missing entry set to the mean of the observed entries.
 */
export function svdInput(engine: Engine, problem: Problem): Mat {
  const { V, M, m, n, meanV } = problem;
  if (!M) return V;
  const A = engine.mat(m, n);
  const a = engine.view(A);
  const v = engine.view(V);
  const mask = engine.view(M);
  for (let t = 0; t < a.length; t++) a[t] = mask[t] !== 0 ? v[t] : meanV;
  return A;
}

/**
 * Fills W (m×k) and H (k×n), row-major, from singular values sigma (k, descending), Uᵀ (k×m) and
 * Vᵀ (k×n): the first pair from |u₁|, |v₁| scaled by √σ₁; pair j from the positive or the
 * negative parts of uⱼ, vⱼ, whichever has the larger product of norms (the negative parts on a
 * tie, as scikit-learn), scaled by √(σⱼ·that product); a pair whose chosen parts are zero stays
 * 0 (scikit-learn would divide by 0). Finally every entry below NNDSVD_EPS becomes 0.
 */
export function nndsvdFactors(
  sigma: ArrayLike<number>,
  Ut: ArrayLike<number>,
  Vt: ArrayLike<number>,
  W: Float64Array,
  H: Float64Array,
  m: number,
  n: number,
  k: number,
): void {
  for (let j = 0; j < k; j++) {
    const u = j * m;
    const v = j * n;
    if (j === 0) {
      const s = Math.sqrt(sigma[0]);
      for (let i = 0; i < m; i++) W[i * k] = s * Math.abs(Ut[u + i]);
      for (let c = 0; c < n; c++) H[c] = s * Math.abs(Vt[v + c]);
      continue;
    }
    let up = 0,
      un = 0,
      vp = 0,
      vn = 0;
    for (let i = 0; i < m; i++) {
      const x = Ut[u + i];
      if (x > 0) up += x * x;
      else un += x * x;
    }
    for (let c = 0; c < n; c++) {
      const y = Vt[v + c];
      if (y > 0) vp += y * y;
      else vn += y * y;
    }
    up = Math.sqrt(up);
    un = Math.sqrt(un);
    vp = Math.sqrt(vp);
    vn = Math.sqrt(vn);
    const positive = up * vp > un * vn;
    const [xn, yn, sign] = positive ? [up, vp, 1] : [un, vn, -1];
    const lambda = Math.sqrt(sigma[j] * xn * yn);
    const wScale = xn > 0 ? lambda / xn : 0;
    const hScale = yn > 0 ? lambda / yn : 0;
    for (let i = 0; i < m; i++) W[i * k + j] = wScale * Math.max(sign * Ut[u + i], 0);
    for (let c = 0; c < n; c++) H[j * n + c] = hScale * Math.max(sign * Vt[v + c], 0);
  }
  for (const X of [W, H]) for (let t = 0; t < X.length; t++) if (X[t] < NNDSVD_EPS) X[t] = 0;
}

/** Replaces every zero entry of X by `fill` (nndsvda's step after nndsvd). */
export function fillZeros(X: Float64Array, fill: number): void {
  for (let t = 0; t < X.length; t++) if (X[t] === 0) X[t] = fill;
}

/** Runs NNDSVD into ctx.W, ctx.H (then nndsvda's fill when `fillMean`); its workspace is released after. */
function runNndsvd({ engine, problem, k, W, H }: InitContext, fillMean: boolean): void {
  if (isSparse(problem)) throw new Error('nndsvd needs the dense matrix (the driver refuses a sparse V before this)');
  const mark = engine.mark();
  try {
    const A = svdInput(engine, problem);
    const svd = truncatedSvd(engine, A, k);
    const w = engine.view(W);
    const h = engine.view(H);
    nndsvdFactors(svd.sigma, engine.view(svd.Ut), engine.view(svd.Vt), w, h, problem.m, problem.n, k);
    if (fillMean) {
      fillZeros(w, problem.meanV);
      fillZeros(h, problem.meanV);
    }
  } finally {
    engine.release(mark);
  }
}

/** Registry entry of NNDSVD: sparse, deterministic, from the leading singular vectors of V. */
export const nndsvd: InitInfo = {
  id: 'nndsvd',
  label: 'NNDSVD',
  description: 'Nonnegative double SVD: positive parts of the leading singular vectors of V; deterministic, with many zeros.',
  seeded: false,
  run: (ctx) => runNndsvd(ctx, false),
};

/** Registry entry of NNDSVDa: NNDSVD with its zeros replaced by the mean of V. */
export const nndsvda: InitInfo = {
  id: 'nndsvda',
  label: 'NNDSVDa',
  description: 'NNDSVD with its zeros replaced by the mean of V, so multiplicative updates can move them; deterministic.',
  seeded: false,
  run: (ctx) => runNndsvd(ctx, true),
};
