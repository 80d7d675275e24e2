// Stochastic gradient descent over observed entries, one entry at a time. Called once per
// epoch by the sgd solver, which keeps H transposed (Ht, n×k) during the epoch so that W[i,:]
// and H[:,j] are both contiguous k-vectors, and shuffles each entry's value along with its
// index so that V is never read at random.

/**
 * One epoch of SGD: for each t < count, idx = order[t], (i, j) = (idx / n, idx % n),
 * e = vals[t] − W[i,:]·Ht[j,:]; then from the old w = W[i,:] and h = Ht[j,:]:
 * W[i,:] ← w + η(e·h − λw), Ht[j,:] ← h + η(e·w − λh), each entry raised to ≥ 0 when
 * project ≠ 0 (NaN stays NaN, so the driver sees a divergence).
 * vals (count f64: V at order[t]), W (m×k), Ht (n×k), order (count i32 linear indices i·n + j).
 */
export function sgd_epoch(vals: usize, W: usize, Ht: usize, order: usize, count: i32, k: i32, n: i32, lr: f64, l2: f64, project: i32): void {
  const k2 = k & ~1;
  const vlr = f64x2.splat(lr);
  const vl2 = f64x2.splat(l2);
  const zero = f64x2.splat(0);
  for (let t = 0; t < count; t++) {
    const idx = load<i32>(order + (<usize>t << 2));
    const i = idx / n;
    const j = idx - i * n;
    const wrow = W + (<usize>i * <usize>k << 3);
    const hrow = Ht + (<usize>j * <usize>k << 3);
    let acc = zero;
    for (let a = 0; a < k2; a += 2) {
      const o = <usize>a << 3;
      acc = f64x2.add(acc, f64x2.mul(v128.load(wrow + o), v128.load(hrow + o)));
    }
    let wh = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
    if (k2 < k) {
      const o = <usize>k2 << 3;
      wh += load<f64>(wrow + o) * load<f64>(hrow + o);
    }
    const e = load<f64>(vals + (<usize>t << 3)) - wh;
    const ve = f64x2.splat(e);
    for (let a = 0; a < k2; a += 2) {
      const o = <usize>a << 3;
      const w = v128.load(wrow + o);
      const h = v128.load(hrow + o);
      let w2 = f64x2.add(w, f64x2.mul(vlr, f64x2.sub(f64x2.mul(ve, h), f64x2.mul(vl2, w))));
      let h2 = f64x2.add(h, f64x2.mul(vlr, f64x2.sub(f64x2.mul(ve, w), f64x2.mul(vl2, h))));
      if (project != 0) {
        w2 = f64x2.max(w2, zero);
        h2 = f64x2.max(h2, zero);
      }
      v128.store(wrow + o, w2);
      v128.store(hrow + o, h2);
    }
    if (k2 < k) {
      const o = <usize>k2 << 3;
      const w = load<f64>(wrow + o);
      const h = load<f64>(hrow + o);
      let w2 = w + lr * (e * h - l2 * w);
      let h2 = h + lr * (e * w - l2 * h);
      if (project != 0) {
        w2 = max<f64>(w2, 0);
        h2 = max<f64>(h2, 0);
      }
      store<f64>(wrow + o, w2);
      store<f64>(hrow + o, h2);
    }
  }
}
