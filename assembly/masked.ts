// Products that respect the mask M of observed entries (M is m×n of 1.0/0.0; a null pointer
// means every entry is observed). V is stored with 0 at missing entries, so M∘V = V.

/** P (m×n) = M∘(WH) for W (m×k), H (k×n), M (m×n or 0). Used by masked mu. */
export function masked_wh(W: usize, H: usize, M: usize, P: usize, m: i32, k: i32, n: i32): void {
  for (let i = 0; i < m; i++) {
    const prow = P + (<usize>i * <usize>n << 3);
    wh_row(W, H, prow, i, k, n);
    if (M != 0) {
      const mrow = M + (<usize>i * <usize>n << 3);
      for (let j = 0; j < n; j++) {
        const o = <usize>j << 3;
        store<f64>(prow + o, load<f64>(prow + o) * load<f64>(mrow + o));
      }
    }
  }
}

/** R (m×n) = M∘(V − WH) for V (m×n), W (m×k), H (k×n), M (m×n or 0). Used by gd. */
export function residual(V: usize, M: usize, W: usize, H: usize, R: usize, m: i32, k: i32, n: i32): void {
  for (let i = 0; i < m; i++) {
    const off = <usize>i * <usize>n << 3;
    const rrow = R + off;
    wh_row(W, H, rrow, i, k, n);
    const vrow = V + off;
    if (M != 0) {
      const mrow = M + off;
      for (let j = 0; j < n; j++) {
        const o = <usize>j << 3;
        store<f64>(rrow + o, (load<f64>(vrow + o) - load<f64>(rrow + o)) * load<f64>(mrow + o));
      }
    } else {
      for (let j = 0; j < n; j++) {
        const o = <usize>j << 3;
        store<f64>(rrow + o, load<f64>(vrow + o) - load<f64>(rrow + o));
      }
    }
  }
}

/** Q (m×n) = M∘V / (WH + ε) for V (m×n, 0 where missing), W (m×k), H (k×n). Used by kl. */
export function kl_quotient(V: usize, W: usize, H: usize, Q: usize, m: i32, k: i32, n: i32, eps: f64): void {
  for (let i = 0; i < m; i++) {
    const off = <usize>i * <usize>n << 3;
    const qrow = Q + off;
    wh_row(W, H, qrow, i, k, n);
    const vrow = V + off;
    for (let j = 0; j < n; j++) {
      const o = <usize>j << 3;
      store<f64>(qrow + o, load<f64>(vrow + o) / (load<f64>(qrow + o) + eps));
    }
  }
}

/** out (n) = row i of WH for W (m×k), H (k×n). Shared by the kernels of this file and loss.ts. */
export function wh_row(W: usize, H: usize, out: usize, i: i32, k: i32, n: i32): void {
  memory.fill(out, 0, <usize>n * 8);
  const wrow = W + (<usize>i * <usize>k << 3);
  for (let a = 0; a < k; a++) {
    const s = load<f64>(wrow + (<usize>a << 3));
    if (s == 0) continue;
    const hrow = H + (<usize>a * <usize>n << 3);
    for (let j = 0; j < n; j++) {
      const o = <usize>j << 3;
      store<f64>(out + o, load<f64>(out + o) + s * load<f64>(hrow + o));
    }
  }
}
