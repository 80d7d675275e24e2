// Plain-TypeScript versions of the truncated-SVD kernels of assembly/svd.ts. Rows of row-major
// Float64Arrays are the vectors.

const COLLAPSE = 1e-14;

function rowDot(x: Float64Array, a: number, b: number, len: number, y: Float64Array = x): number {
  let s = 0;
  for (let t = 0; t < len; t++) s += x[a + t] * y[b + t];
  return s;
}

/**
 * Modified Gram–Schmidt, twice, on rows from..to−1 of A (rows×cols) against all earlier rows;
 * L (rows×rows, or null) gets A = L·Q. Returns the first row whose norm collapses (zeroed), or `to`.
 */
export function orth_rows(A: Float64Array, L: Float64Array | null, rows: number, cols: number, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const ai = i * cols;
    if (L) L.fill(0, i * rows, (i + 1) * rows);
    const norm0 = Math.sqrt(rowDot(A, ai, ai, cols));
    for (let pass = 0; pass < 2; pass++) {
      for (let j = 0; j < i; j++) {
        const c = rowDot(A, j * cols, ai, cols);
        for (let t = 0; t < cols; t++) A[ai + t] += -c * A[j * cols + t];
        if (L) L[i * rows + j] += c;
      }
    }
    const norm = Math.sqrt(rowDot(A, ai, ai, cols));
    if (!(norm > COLLAPSE * norm0) || !(norm > 1e-290)) {
      A.fill(0, ai, ai + cols);
      return i;
    }
    for (let t = 0; t < cols; t++) A[ai + t] *= 1 / norm;
    if (L) L[i * rows + i] = norm;
  }
  return to;
}

function rotate(X: Float64Array, a: number, b: number, c: number, s: number, len: number): void {
  for (let t = 0; t < len; t++) {
    const x = X[a + t];
    const y = X[b + t];
    X[a + t] = c * x - s * y;
    X[b + t] = s * x + c * y;
  }
}

/** One-sided Jacobi on the rows of S (l×c), the same rotations applied to G (l×l); returns sweeps made (maxSweeps + 1 if not converged). */
export function jacobi_rows(S: Float64Array, G: Float64Array, l: number, c: number, tol: number, maxSweeps: number): number {
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    let rotated = false;
    for (let p = 0; p < l - 1; p++) {
      for (let q = p + 1; q < l; q++) {
        const alpha = rowDot(S, p * c, p * c, c);
        const beta = rowDot(S, q * c, q * c, c);
        const gamma = rowDot(S, p * c, q * c, c);
        if (!(Math.abs(gamma) > tol * Math.sqrt(alpha) * Math.sqrt(beta))) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const az = Math.abs(zeta);
        let t = az > 1e150 ? 1 / (2 * az) : 1 / (az + Math.sqrt(1 + zeta * zeta));
        if (zeta < 0) t = -t;
        const cs = 1 / Math.sqrt(1 + t * t);
        rotate(S, p * c, q * c, cs, cs * t, c);
        rotate(G, p * l, q * l, cs, cs * t, l);
      }
    }
    if (!rotated) return sweep;
  }
  return maxSweeps + 1;
}

/** sigma[i] = ‖row i of S‖ (l×c); rows of S and G (l×g) sorted by sigma, largest first (stable); nonzero rows of S scaled to unit norm. */
export function sort_normalize_rows(S: Float64Array, G: Float64Array, sigma: Float64Array, l: number, c: number, g: number): void {
  const order = Array.from({ length: l }, (_, i) => i);
  const norms = order.map((i) => Math.sqrt(rowDot(S, i * c, i * c, c)));
  order.sort((a, b) => (norms[b] > norms[a] ? 1 : norms[b] < norms[a] ? -1 : a - b));
  const S0 = S.slice(0, l * c),
    G0 = G.slice(0, l * g);
  order.forEach((from, i) => {
    sigma[i] = norms[from];
    for (let t = 0; t < c; t++) S[i * c + t] = norms[from] > 0 ? S0[from * c + t] * (1 / norms[from]) : S0[from * c + t];
    for (let t = 0; t < g; t++) G[i * g + t] = G0[from * g + t];
  });
}

/** max over j < k of ‖Y[j,:] − sigma[j]·U[j,:]‖ for Y, U (k×m). */
export function ritz_residual(Y: Float64Array, U: Float64Array, sigma: Float64Array, k: number, m: number): number {
  let worst = 0;
  for (let j = 0; j < k; j++) {
    let acc = 0;
    for (let t = 0; t < m; t++) {
      const r = Y[j * m + t] - sigma[j] * U[j * m + t];
      acc += r * r;
    }
    const r = Math.sqrt(acc);
    if (!(r <= worst)) worst = r;
  }
  return worst;
}
