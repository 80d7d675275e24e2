// Per-element updates of the solvers, in place. Called once per factor per iteration.

/** X ← X∘Num/(Den + ε) over len entries (Lee–Seung multiplicative update). */
export function mu_update(X: usize, Num: usize, Den: usize, len: i32, eps: f64): void {
  for (let t = 0; t < len; t++) {
    const o = <usize>t << 3;
    store<f64>(X + o, load<f64>(X + o) * load<f64>(Num + o) / (load<f64>(Den + o) + eps));
  }
}

/** X[r,c] ← X[r,c]·Num[r,c]/(d[r] + ε) for X, Num (rows×cols), d (rows). KL's H step, full mask. */
export function mu_update_rowden(X: usize, Num: usize, d: usize, rows: i32, cols: i32, eps: f64): void {
  for (let r = 0; r < rows; r++) {
    const den = load<f64>(d + (<usize>r << 3)) + eps;
    const base = <usize>r * <usize>cols << 3;
    for (let c = 0; c < cols; c++) {
      const o = base + (<usize>c << 3);
      store<f64>(X + o, load<f64>(X + o) * load<f64>(Num + o) / den);
    }
  }
}

/** X[r,c] ← X[r,c]·Num[r,c]/(d[c] + ε) for X, Num (rows×cols), d (cols). KL's W step, full mask. */
export function mu_update_colden(X: usize, Num: usize, d: usize, rows: i32, cols: i32, eps: f64): void {
  for (let r = 0; r < rows; r++) {
    const base = <usize>r * <usize>cols << 3;
    for (let c = 0; c < cols; c++) {
      const o = base + (<usize>c << 3);
      store<f64>(X + o, load<f64>(X + o) * load<f64>(Num + o) / (load<f64>(d + (<usize>c << 3)) + eps));
    }
  }
}

/** out (p) = column sums of A (m×p): out[a] = Σ_i A[i,a]. */
export function col_sums(A: usize, out: usize, m: i32, p: i32): void {
  memory.fill(out, 0, <usize>p * 8);
  for (let i = 0; i < m; i++) {
    const row = A + (<usize>i * <usize>p << 3);
    for (let a = 0; a < p; a++) {
      const o = <usize>a << 3;
      store<f64>(out + o, load<f64>(out + o) + load<f64>(row + o));
    }
  }
}

/** out (m) = row sums of A (m×q): out[i] = Σ_j A[i,j]. */
export function row_sums(A: usize, out: usize, m: i32, q: i32): void {
  for (let i = 0; i < m; i++) {
    const row = A + (<usize>i * <usize>q << 3);
    let s: f64 = 0;
    for (let j = 0; j < q; j++) s += load<f64>(row + (<usize>j << 3));
    store<f64>(out + (<usize>i << 3), s);
  }
}

/**
 * HALS on the rows of H (k×n), in place, a = 0..k−1:
 * H[a,:] ← max(0, H[a,:] + (WtV[a,:] − WtW[a,:]·H)/WtW[a,a]); skipped when WtW[a,a] = 0.
 * WtV (k×n), WtW (k×k).
 */
export function hals_rows(H: usize, WtV: usize, WtW: usize, k: i32, n: i32): void {
  for (let a = 0; a < k; a++) {
    const g = WtW + (<usize>a * <usize>k << 3);
    const daa = load<f64>(g + (<usize>a << 3));
    if (!(daa > 0)) continue;
    const ha = H + (<usize>a * <usize>n << 3);
    const ra = WtV + (<usize>a * <usize>n << 3);
    for (let j = 0; j < n; j++) {
      const o = <usize>j << 3;
      let s: f64 = load<f64>(ra + o);
      for (let b = 0; b < k; b++) {
        s -= load<f64>(g + (<usize>b << 3)) * load<f64>(H + ((<usize>b * <usize>n) << 3) + o);
      }
      const v = load<f64>(ha + o) + s / daa;
      store<f64>(ha + o, v > 0 ? v : 0);
    }
  }
}

/**
 * HALS on the columns of W (m×k), in place, a = 0..k−1:
 * W[:,a] ← max(0, W[:,a] + (VHt[:,a] − W·HHt[:,a])/HHt[a,a]); skipped when HHt[a,a] = 0.
 * VHt (m×k), HHt (k×k).
 */
export function hals_cols(W: usize, VHt: usize, HHt: usize, m: i32, k: i32): void {
  for (let a = 0; a < k; a++) {
    const daa = load<f64>(HHt + ((<usize>a * <usize>k + <usize>a) << 3));
    if (!(daa > 0)) continue;
    for (let i = 0; i < m; i++) {
      const wrow = W + (<usize>i * <usize>k << 3);
      let s: f64 = load<f64>(VHt + ((<usize>i * <usize>k + <usize>a) << 3));
      for (let b = 0; b < k; b++) {
        s -= load<f64>(wrow + (<usize>b << 3)) * load<f64>(HHt + ((<usize>b * <usize>k + <usize>a) << 3));
      }
      const o = wrow + (<usize>a << 3);
      const v = load<f64>(o) + s / daa;
      store<f64>(o, v > 0 ? v : 0);
    }
  }
}

/** X ← X + η(G − λX), then max(0, ·) when project ≠ 0; X, G of len entries. Gradient step of gd. */
export function gd_update(X: usize, G: usize, len: i32, lr: f64, l2: f64, project: i32): void {
  for (let t = 0; t < len; t++) {
    const o = <usize>t << 3;
    const x = load<f64>(X + o);
    const v = x + lr * (load<f64>(G + o) - l2 * x);
    store<f64>(X + o, project != 0 && !(v > 0) ? 0 : v);
  }
}
