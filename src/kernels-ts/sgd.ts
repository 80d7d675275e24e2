// Plain-TypeScript SGD epoch of assembly/sgd.ts.

/**
 * One epoch of SGD over count entries order[t] = i·n + j: e = V[i,j] − W[i,:]·H[:,j];
 * W[i,:] += η(e·H[:,j] − λW[i,:]); H[:,j] += η(e·W_old[i,:] − λH[:,j]); clipped at 0 when project ≠ 0.
 */
export function sgd_epoch(V: Float64Array, W: Float64Array, H: Float64Array, order: Int32Array, count: number, k: number, n: number, lr: number, l2: number, project: number): void {
  for (let t = 0; t < count; t++) {
    const idx = order[t];
    const i = Math.trunc(idx / n);
    const j = idx - i * n;
    let wh = 0;
    for (let a = 0; a < k; a++) wh += W[i * k + a] * H[a * n + j];
    const e = V[i * n + j] - wh;
    for (let a = 0; a < k; a++) {
      const w = W[i * k + a];
      const h = H[a * n + j];
      let w2 = w + lr * (e * h - l2 * w);
      let h2 = h + lr * (e * w - l2 * h);
      if (project !== 0) {
        if (!(w2 > 0)) w2 = 0;
        if (!(h2 > 0)) h2 = 0;
      }
      W[i * k + a] = w2;
      H[a * n + j] = h2;
    }
  }
}
