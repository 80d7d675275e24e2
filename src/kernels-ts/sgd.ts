// Plain-TypeScript SGD kernels of assembly/sgd.ts.

/**
 * One epoch of SGD: for each t < count, idx = order[t], (i, j) = (idx / n, idx % n),
 * e = vals[t] − W[i,:]·Ht[j,:]; from the old w = W[i,:], h = Ht[j,:]:
 * W[i,:] ← w + η(e·h − λw), Ht[j,:] ← h + η(e·w − λh), each max(·, 0) when project ≠ 0 (NaN stays NaN).
 * vals (count), W (m×k), Ht (n×k), order (count linear indices i·n + j).
 */
export function sgd_epoch(
  vals: Float64Array,
  W: Float64Array,
  Ht: Float64Array,
  order: Int32Array,
  count: number,
  k: number,
  n: number,
  lr: number,
  l2: number,
  project: number,
): void {
  for (let t = 0; t < count; t++) {
    const idx = order[t];
    const i = Math.trunc(idx / n);
    const j = idx - i * n;
    let wh = 0;
    for (let a = 0; a < k; a++) wh += W[i * k + a] * Ht[j * k + a];
    const e = vals[t] - wh;
    for (let a = 0; a < k; a++) {
      const w = W[i * k + a];
      const h = Ht[j * k + a];
      let w2 = w + lr * (e * h - l2 * w);
      let h2 = h + lr * (e * w - l2 * h);
      if (project !== 0) {
        w2 = Math.max(w2, 0);
        h2 = Math.max(h2, 0);
      }
      W[i * k + a] = w2;
      Ht[j * k + a] = h2;
    }
  }
}
