// Truncated SVD A ≈ U·diag(σ)·Vᵀ of a matrix in wasm memory, for the NNDSVD initializations.
//
// Randomized subspace iteration with Rayleigh–Ritz (Halko, Martinsson & Tropp 2011, alg. 4.4 with
// a Ritz step each round): a block of l = k + oversample vectors is multiplied alternately by Aᵀ
// and A and re-orthonormalized (modified Gram–Schmidt, twice); each round, the SVD of the small
// l×l factor of QᵀA (one-sided Jacobi) gives Ritz triples (σⱼ, uⱼ, vⱼ) with Aᵀuⱼ = σⱼvⱼ exactly,
// and the round stops once ‖A·vⱼ − σⱼ·uⱼ‖ ≤ tol·σ₁ for every j ≤ k (so each triple is an exact
// singular triple of a matrix within tol·σ₁ of A). When min(m, n) ≤ 100, or k + oversample
// reaches min(m, n), the block spans the whole space and the first round is an exact SVD.
//
// The big products use the solvers' kernels in the shapes they are tuned for: QᵀA is gemm_tn
// (like WᵀV) and A·Vᵣᵀ is gemm_nt (like VHᵀ). All workspace is allocated before the first round.
import type { Mat } from '../core/matrix.js';
import { Rng } from '../core/rng.js';
import type { Engine } from '../wasm/engine.js';

/** Seed of the random start block when none is given: the SVD is a function of (A, k) alone. */
export const SVD_SEED = 20080101;
/** Default stopping tolerance on max_j ‖A·vⱼ − σⱼ·uⱼ‖ / σ₁. */
export const SVD_TOL = 1e-12;
/** Default cap on subspace iterations (reached only when σ_k ≈ σ_{l+1}, e.g. noise-like data). */
export const SVD_MAX_ITER = 30;
/** Below this relative residual a round that fails to halve it twice in a row is at rounding level. */
const STALL_LEVEL = 1e-9;
/** Up to this min(m, n) the block spans the whole space: one round, an exact SVD. */
const EXACT_DIM = 100;
const JACOBI_MAX_SWEEPS = 60;

/** Options of truncatedSvd; every one has a default. */
export interface SvdOptions {
  /** Extra block vectors beyond k (default max(10, k)); the block has l = min(k + oversample, m, n) rows. */
  oversample?: number;
  /** Stop when max_{j≤k} ‖A·vⱼ − σⱼ·uⱼ‖ ≤ tol·σ₁ (default SVD_TOL). */
  tol?: number;
  /** Cap on subspace iterations (default SVD_MAX_ITER). */
  maxIter?: number;
  /** Seed of the random start block (default SVD_SEED). */
  seed?: number;
}

/** Why the subspace iteration stopped: converged, stuck at rounding level, or capped. */
export type SvdStop = 'tolerance' | 'stalled' | 'max-iter';

/** The k leading singular triples of an m×n matrix, the vectors in wasm memory. */
export interface TruncatedSvd {
  readonly k: number;
  /** σ₁ ≥ … ≥ σ_k ≥ 0 (length k). */
  readonly sigma: Float64Array;
  /** Uᵀ (k×m): row j is the unit left singular vector uⱼ. */
  readonly Ut: Mat;
  /** Vᵀ (k×n): row j is the unit right singular vector vⱼ. */
  readonly Vt: Mat;
  /** Subspace iterations made (1 on the exact small-matrix path). */
  readonly iterations: number;
  /** max_{j≤k} ‖A·vⱼ − σⱼ·uⱼ‖ / σ₁ of the returned triples (0 when A = 0). */
  readonly residual: number;
  readonly stop: SvdStop;
}

/**
 * The k leading singular triples of A (m×n, in wasm memory), 1 ≤ k ≤ min(m, n). Allocates its
 * workspace and the result in the engine's arena (callers release it with mark/release).
 * Deterministic: the same A, k and options give bit-identical results.
 */
export function truncatedSvd(engine: Engine, A: Mat, k: number, options: SvdOptions = {}): TruncatedSvd {
  const { rows: m, cols: n } = A;
  const maxK = Math.min(m, n);
  if (!Number.isInteger(k) || k < 1 || k > maxK) {
    throw new Error(`truncatedSvd: k = ${k} must be an integer from 1 to min(m, n) = ${maxK}`);
  }
  const l = maxK <= EXACT_DIM ? maxK : Math.min(maxK, k + Math.max(0, Math.floor(options.oversample ?? Math.max(10, k))));
  const tol = options.tol ?? SVD_TOL;
  const maxIter = Math.max(1, Math.floor(options.maxIter ?? SVD_MAX_ITER));
  const rng = new Rng(options.seed ?? SVD_SEED, 0);
  const { gemmNT, gemmTN, gemmNN, transpose, orthRows, jacobiRows, sortNormalizeRows, ritzResidual } = engine.ops;

  const Q = engine.mat(m, l); // basis of the left subspace as columns; also A·Vᵣᵀ
  const Qt = engine.mat(l, m); // the same as rows
  const Ut = engine.mat(k, m); // left Ritz vectors (rows)
  const Pt = engine.mat(l, n); // QᵀA, then its orthonormalized rows
  const Vr = engine.mat(l, n); // right Ritz vectors (rows); the random start block at first
  const L = engine.mat(l, l); // QᵀA = L·Pt, then rotated by Jacobi into G·L
  const G = engine.mat(l, l); // accumulated Jacobi rotations
  const Gk: Mat = { ptr: G.ptr, rows: k, cols: l }; // its first k rows
  const sigmaMat = engine.mat(1, l);
  // No allocation below this line, so these views stay valid.
  const sigma = engine.view(sigmaMat);
  const g = engine.view(G);

  const orthonormalize = (X: Mat, LX: Mat | null): void => {
    let i = 0;
    while ((i = orthRows(X, LX, i, X.rows)) < X.rows) {
      // Row i lies in the span of the rows before it: replace it by a fresh random direction.
      const row = engine.view(X).subarray(i * X.cols, (i + 1) * X.cols);
      for (let attempt = 0; ; attempt++) {
        for (let t = 0; t < X.cols; t++) row[t] = 2 * rng.next() - 1;
        if (orthRows(X, null, i, i + 1) === i + 1) break;
        if (attempt >= 8) throw new Error(`truncatedSvd: cannot extend a basis of ${i} vectors in dimension ${X.cols}`);
      }
      i++;
    }
  };

  const omega = engine.view(Vr);
  for (let t = 0; t < omega.length; t++) omega[t] = 2 * rng.next() - 1;
  gemmNT(A, Vr, Q); // A·Ωᵀ (m×l)
  transpose(Q, Qt);
  orthonormalize(Qt, null);

  const jacobiTol = Math.max(1e-15, l * 2.3e-16);
  let residual = Infinity;
  let stalls = 0;
  let iterations = 0;
  let stop: SvdStop = 'max-iter';
  for (;;) {
    iterations++;
    transpose(Qt, Q);
    gemmTN(Q, A, Pt); // QᵀA (l×n)
    orthonormalize(Pt, L); // QᵀA = L·Pt
    g.fill(0);
    for (let i = 0; i < l; i++) g[i * l + i] = 1;
    jacobiRows(L, G, jacobiTol, JACOBI_MAX_SWEEPS); // G·L = Σ·Ŝ
    sortNormalizeRows(L, G, sigmaMat); // QᵀA = Gᵀ·Σ·(Ŝ·Pt)
    if (sigma[l - 1] === 0) orthonormalize(L, null); // σ = 0 leaves zero rows in Ŝ: complete it to orthogonal
    gemmNN(Gk, Qt, Ut); // uⱼ = Q·Gᵀ[:, j]
    gemmNN(L, Pt, Vr); // vⱼ = Ŝ[j, :]·Pt
    gemmNT(A, Vr, Q); // A·vⱼ, the next block
    transpose(Q, Qt);
    const s1 = sigma[0];
    const r = s1 > 0 ? ritzResidual(Qt, Ut, sigmaMat) / s1 : 0;
    stalls = r <= STALL_LEVEL && r > 0.5 * residual ? stalls + 1 : 0;
    residual = r;
    if (r <= tol) stop = 'tolerance';
    else if (stalls >= 2) stop = 'stalled';
    else if (iterations >= maxIter) stop = 'max-iter';
    else {
      orthonormalize(Qt, null);
      continue;
    }
    break;
  }
  return {
    k,
    sigma: sigma.slice(0, k),
    Ut,
    Vt: { ptr: Vr.ptr, rows: k, cols: n },
    iterations,
    residual,
    stop,
  };
}
