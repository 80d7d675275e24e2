// HALS (coordinate descent) for ½‖M∘(V−WH)‖²_F with missing entries, on a residual kept in
// memory. Called once each per iteration by the hals solver when the mask is not full.
// Both kernels expect R = M∘(V − WH) for the current W, H on entry and leave it so on exit.
// With M = 0 (every entry observed) they compute exactly what hals_rows / hals_cols compute.

/**
 * Rows of H (k×n) in place, a = 0..k−1: for every column j with d = Σ_i M[i,j]·W[i,a]² > 0,
 * H[a,j] ← max(0, H[a,j] + Σ_i W[i,a]·R[i,j] / d), then R[:,j] −= M[:,j]∘W[:,a]·ΔH[a,j].
 * W (m×k), M (m×n or 0), R (m×n), num and den scratch (n each).
 */
export function hals_rows_masked(H: usize, W: usize, M: usize, R: usize, num: usize, den: usize, m: i32, k: i32, n: i32): void {
  const rowBytes = <usize>n << 3;
  for (let a = 0; a < k; a++) {
    memory.fill(num, 0, rowBytes);
    memory.fill(den, 0, rowBytes);
    for (let i = 0; i < m; i++) {
      const w = load<f64>(W + ((<usize>i * <usize>k + <usize>a) << 3));
      if (w == 0) continue;
      const ww = w * w;
      const rrow = R + <usize>i * rowBytes;
      if (M != 0) {
        const mrow = M + <usize>i * rowBytes;
        for (let j = 0; j < n; j++) {
          const o = <usize>j << 3;
          store<f64>(num + o, load<f64>(num + o) + w * load<f64>(rrow + o));
          store<f64>(den + o, load<f64>(den + o) + ww * load<f64>(mrow + o));
        }
      } else {
        for (let j = 0; j < n; j++) {
          const o = <usize>j << 3;
          store<f64>(num + o, load<f64>(num + o) + w * load<f64>(rrow + o));
          store<f64>(den + o, load<f64>(den + o) + ww);
        }
      }
    }
    // num[j] becomes the change of H[a,j]
    const hrow = H + <usize>a * rowBytes;
    let changed = false;
    for (let j = 0; j < n; j++) {
      const o = <usize>j << 3;
      const d = load<f64>(den + o);
      let delta: f64 = 0;
      if (d > 0) {
        const h = load<f64>(hrow + o);
        const v = h + load<f64>(num + o) / d;
        const h2 = v > 0 ? v : 0;
        delta = h2 - h;
        store<f64>(hrow + o, h2);
        if (delta != 0) changed = true;
      }
      store<f64>(num + o, delta);
    }
    if (!changed) continue;
    for (let i = 0; i < m; i++) {
      const w = load<f64>(W + ((<usize>i * <usize>k + <usize>a) << 3));
      if (w == 0) continue;
      const rrow = R + <usize>i * rowBytes;
      if (M != 0) {
        const mrow = M + <usize>i * rowBytes;
        for (let j = 0; j < n; j++) {
          const o = <usize>j << 3;
          store<f64>(rrow + o, load<f64>(rrow + o) - w * load<f64>(num + o) * load<f64>(mrow + o));
        }
      } else {
        for (let j = 0; j < n; j++) {
          const o = <usize>j << 3;
          store<f64>(rrow + o, load<f64>(rrow + o) - w * load<f64>(num + o));
        }
      }
    }
  }
}

/**
 * Columns of W (m×k) in place, a = 0..k−1 (rows of W are independent, so each row i runs
 * a = 0..k−1 in turn): with d = Σ_j M[i,j]·H[a,j]² > 0,
 * W[i,a] ← max(0, W[i,a] + Σ_j R[i,j]·H[a,j] / d), then R[i,:] −= M[i,:]∘H[a,:]·ΔW[i,a].
 * H (k×n), M (m×n or 0), R (m×n).
 */
export function hals_cols_masked(W: usize, H: usize, M: usize, R: usize, m: i32, k: i32, n: i32): void {
  const rowBytes = <usize>n << 3;
  for (let i = 0; i < m; i++) {
    const rrow = R + <usize>i * rowBytes;
    const mrow = M + <usize>i * rowBytes;
    const wrow = W + (<usize>i * <usize>k << 3);
    for (let a = 0; a < k; a++) {
      const hrow = H + <usize>a * rowBytes;
      let num: f64 = 0;
      let den: f64 = 0;
      if (M != 0) {
        for (let j = 0; j < n; j++) {
          const o = <usize>j << 3;
          const h = load<f64>(hrow + o);
          num += load<f64>(rrow + o) * h;
          den += load<f64>(mrow + o) * h * h;
        }
      } else {
        for (let j = 0; j < n; j++) {
          const o = <usize>j << 3;
          const h = load<f64>(hrow + o);
          num += load<f64>(rrow + o) * h;
          den += h * h;
        }
      }
      if (!(den > 0)) continue;
      const wo = wrow + (<usize>a << 3);
      const w = load<f64>(wo);
      const v = w + num / den;
      const w2 = v > 0 ? v : 0;
      const delta = w2 - w;
      store<f64>(wo, w2);
      if (delta == 0) continue;
      if (M != 0) {
        for (let j = 0; j < n; j++) {
          const o = <usize>j << 3;
          store<f64>(rrow + o, load<f64>(rrow + o) - delta * load<f64>(hrow + o) * load<f64>(mrow + o));
        }
      } else {
        for (let j = 0; j < n; j++) {
          const o = <usize>j << 3;
          store<f64>(rrow + o, load<f64>(rrow + o) - delta * load<f64>(hrow + o));
        }
      }
    }
  }
}
