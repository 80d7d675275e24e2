// Matching the components of two factorizations. NMF is not unique (W·D and D⁻¹·H, and any
// permutation of the components, give the same WH), so two restarts, or a fit and the planted
// truth, are compared after scaling each column of W to unit norm and pairing components by the
// assignment (Hungarian algorithm) that maximizes the summed correlation of W's columns.
import type { Dense } from '../core/matrix.js';

/** Factors W (m×k) and H (k×n). */
export interface Factors {
  readonly W: Dense;
  readonly H: Dense;
}

/**
 * Minimum-cost assignment: row i of `cost` (rows×cols, row-major) gets column assignment[i],
 * distinct columns, minimizing the sum of the chosen costs; with more rows than columns the rows
 * left out get −1. O(r²c) for r = min(rows, cols), c = max (the Hungarian method with potentials).
 */
export function hungarian(cost: ArrayLike<number>, rows: number, cols: number): Int32Array {
  if (rows > cols) {
    const t = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = cost[i * cols + j];
    const colToRow = hungarian(t, cols, rows);
    const assignment = new Int32Array(rows).fill(-1);
    colToRow.forEach((i, j) => {
      assignment[i] = j;
    });
    return assignment;
  }
  // 1-based: u (rows), v (cols) potentials; p[j] = row matched to column j (0 = none)
  const n = rows;
  const m = cols;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1);
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost[(i0 - 1) * m + (j - 1)] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const assignment = new Int32Array(n).fill(-1);
  for (let j = 1; j <= m; j++) if (p[j] > 0) assignment[p[j] - 1] = j - 1;
  return assignment;
}

/** W (m×k) with unit-norm columns and H (k×n) with each row times that norm, so WH is unchanged; zero columns stay. */
export function normalizeColumns(f: Factors): Factors {
  const { W, H } = f;
  const k = W.cols;
  const w = W.data.slice();
  const h = H.data.slice();
  for (let a = 0; a < k; a++) {
    let s = 0;
    for (let i = 0; i < W.rows; i++) s += w[i * k + a] ** 2;
    const norm = Math.sqrt(s);
    if (!(norm > 0)) continue;
    for (let i = 0; i < W.rows; i++) w[i * k + a] /= norm;
    for (let j = 0; j < H.cols; j++) h[a * H.cols + j] *= norm;
  }
  return { W: { ...W, data: w }, H: { ...H, data: h } };
}

/**
 * Pearson correlations (p×q) between the vectors a_i[t] = A[t·sa + i·ia] and b_j[t] = B[t·sb + j·jb],
 * t < len; 0 where either vector is constant.
 */
function correlations(
  A: ArrayLike<number>,
  p: number,
  sa: number,
  ia: number,
  B: ArrayLike<number>,
  q: number,
  sb: number,
  jb: number,
  len: number,
): Float64Array {
  const centered = (X: ArrayLike<number>, count: number, s: number, step: number) =>
    Array.from({ length: count }, (_, c) => {
      const v = Float64Array.from({ length: len }, (_, t) => X[t * s + c * step]);
      const mean = v.reduce((acc, x) => acc + x, 0) / len;
      let ss = 0;
      for (let t = 0; t < len; t++) {
        v[t] -= mean;
        ss += v[t] * v[t];
      }
      return { v, norm: Math.sqrt(ss) };
    });
  const a = centered(A, p, sa, ia);
  const b = centered(B, q, sb, jb);
  const out = new Float64Array(p * q);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < q; j++) {
      if (!(a[i].norm > 0 && b[j].norm > 0)) continue;
      let d = 0;
      for (let t = 0; t < len; t++) d += a[i].v[t] * b[j].v[t];
      out[i * q + j] = d / (a[i].norm * b[j].norm);
    }
  }
  return out;
}

/** Correlations (kx×ky) between the columns of W in x (m×kx) and in y (m×ky). */
export function columnCorrelations(x: Dense, y: Dense): Float64Array {
  return correlations(x.data, x.cols, x.cols, 1, y.data, y.cols, y.cols, 1, x.rows);
}

/** Correlations (kx×ky) between the rows of H in x (kx×n) and in y (ky×n). */
export function rowCorrelations(x: Dense, y: Dense): Float64Array {
  return correlations(x.data, x.rows, 1, x.cols, y.data, y.rows, 1, y.cols, x.cols);
}

/** One matched pair: component a of the first factorization with component b of the second. */
export interface MatchedPair {
  readonly a: number;
  readonly b: number;
  /** Correlation of their columns of W (what the matching maximizes). */
  readonly correlation: number;
  /** Correlation of their rows of H. */
  readonly correlationH: number;
}

/** How two factorizations' components correspond. */
export interface ComponentMatch {
  /** In the order of the first factorization's components; only min(kx, ky) pairs. */
  readonly pairs: readonly MatchedPair[];
  /** Mean of the pairs' W correlations (1 = the same components up to scale and order). */
  readonly score: number;
  /** All W-column correlations (kx×ky). */
  readonly correlations: Float64Array;
}

/** Pairs the components of x (W m×kx, H kx×n) with those of y (m×ky, ky×n), maximizing the summed W correlation. */
export function matchComponents(x: Factors, y: Factors): ComponentMatch {
  if (x.W.rows !== y.W.rows || x.H.cols !== y.H.cols) {
    throw new Error(`matchComponents: ${x.W.rows}×${x.H.cols} and ${y.W.rows}×${y.H.cols} factorizations`);
  }
  const kx = x.W.cols;
  const ky = y.W.cols;
  const C = columnCorrelations(x.W, y.W);
  const CH = rowCorrelations(x.H, y.H);
  const assignment = hungarian(
    C.map((c) => -c),
    kx,
    ky,
  );
  const pairs: MatchedPair[] = [];
  assignment.forEach((b, a) => {
    if (b >= 0) pairs.push({ a, b, correlation: C[a * ky + b], correlationH: CH[a * ky + b] });
  });
  const score = pairs.reduce((s, p) => s + p.correlation, 0) / Math.max(pairs.length, 1);
  return { pairs, score, correlations: C };
}

/** y's factors with its components reordered to follow x's, as `match` pairs them (unmatched ones last). */
export function alignComponents(y: Factors, match: ComponentMatch): Factors {
  const k = y.W.cols;
  const order = match.pairs.map((p) => p.b);
  for (let b = 0; b < k; b++) if (!order.includes(b)) order.push(b);
  const W = new Float64Array(y.W.data.length);
  const H = new Float64Array(y.H.data.length);
  const n = y.H.cols;
  order.forEach((b, a) => {
    for (let i = 0; i < y.W.rows; i++) W[i * k + a] = y.W.data[i * k + b];
    H.set(y.H.data.subarray(b * n, (b + 1) * n), a * n);
  });
  return { W: { ...y.W, data: W }, H: { ...y.H, data: H } };
}
