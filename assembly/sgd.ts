// Stochastic gradient descent over observed entries, one entry at a time. Called once per
// epoch by the sgd solver, which keeps H transposed (Ht, n×k) during the epoch so that both
// W[i,:] and H[:,j] are contiguous k-vectors.

/**
 * One epoch of SGD: for each t < count, idx = order[t], (i, j) = (idx / n, idx % n),
 * e = V[i,j] − W[i,:]·Ht[j,:]; then with the old w = W[i,:] and h = Ht[j,:]:
 * W[i,:] ← w + η(e·h − λw), Ht[j,:] ← h + η(e·w − λh), each entry clipped at 0 when
 * project ≠ 0 (NaN is kept, so the driver sees a divergence). V (m×n), W (m×k), Ht (n×k),
 * order (count i32 linear indices i·n + j).
 */
export function sgd_epoch(V: usize, W: usize, Ht: usize, order: usize, count: i32, k: i32, n: i32, lr: f64, l2: f64, project: i32): void {
  for (let t = 0; t < count; t++) {
    const idx = load<i32>(order + (<usize>t << 2));
    const i = idx / n;
    const j = idx - i * n;
    const wrow = W + (<usize>i * <usize>k << 3);
    const hrow = Ht + (<usize>j * <usize>k << 3);
    let wh: f64 = 0;
    for (let a = 0; a < k; a++) {
      const o = <usize>a << 3;
      wh += load<f64>(wrow + o) * load<f64>(hrow + o);
    }
    const e = load<f64>(V + (<usize>idx << 3)) - wh;
    for (let a = 0; a < k; a++) {
      const o = <usize>a << 3;
      const w = load<f64>(wrow + o);
      const h = load<f64>(hrow + o);
      let w2 = w + lr * (e * h - l2 * w);
      let h2 = h + lr * (e * w - l2 * h);
      if (project != 0) {
        if (w2 < 0) w2 = 0;
        if (h2 < 0) h2 = 0;
      }
      store<f64>(wrow + o, w2);
      store<f64>(hrow + o, h2);
    }
  }
}

/** B (cols×rows) = Aᵀ for A (rows×cols). sgd moves H (k×n) to Ht (n×k) and back once per epoch. */
export function sgd_transpose(A: usize, B: usize, rows: i32, cols: i32): void {
  for (let r = 0; r < rows; r++) {
    const arow = A + (<usize>r * <usize>cols << 3);
    for (let c = 0; c < cols; c++) {
      store<f64>(B + ((<usize>c * <usize>rows + <usize>r) << 3), load<f64>(arow + (<usize>c << 3)));
    }
  }
}
