// Stochastic gradient descent over observed entries, one entry at a time.

/**
 * One epoch of SGD: for each t < count, (i, j) = (order[t] / n, order[t] % n),
 * e = V[i,j] − W[i,:]·H[:,j]; W[i,:] += η(e·H[:,j] − λW[i,:]); H[:,j] += η(e·W_old[i,:] − λH[:,j]);
 * both clipped at 0 when project ≠ 0. V (m×n), W (m×k), H (k×n), order (count i32 linear indices).
 */
export function sgd_epoch(V: usize, W: usize, H: usize, order: usize, count: i32, k: i32, n: i32, lr: f64, l2: f64, project: i32): void {
  for (let t = 0; t < count; t++) {
    const idx = load<i32>(order + (<usize>t << 2));
    const i = idx / n;
    const j = idx - i * n;
    const wrow = W + (<usize>i * <usize>k << 3);
    const hcol = H + (<usize>j << 3);
    const hstride = <usize>n << 3;
    let wh: f64 = 0;
    for (let a = 0; a < k; a++) {
      wh += load<f64>(wrow + (<usize>a << 3)) * load<f64>(hcol + <usize>a * hstride);
    }
    const e = load<f64>(V + ((<usize>i * <usize>n + <usize>j) << 3)) - wh;
    for (let a = 0; a < k; a++) {
      const wo = wrow + (<usize>a << 3);
      const ho = hcol + <usize>a * hstride;
      const w = load<f64>(wo);
      const h = load<f64>(ho);
      let w2 = w + lr * (e * h - l2 * w);
      let h2 = h + lr * (e * w - l2 * h);
      if (project != 0) {
        if (!(w2 > 0)) w2 = 0;
        if (!(h2 > 0)) h2 = 0;
      }
      store<f64>(wo, w2);
      store<f64>(ho, h2);
    }
  }
}
