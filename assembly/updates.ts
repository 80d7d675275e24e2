// Element-wise updates of the factors, in place: the multiplicative updates of mu and kl and
// the gradient step of gd. Called once per factor per iteration. Two entries per v128 with
// the same operations, in the same order, as the scalar formulas.
import { clip0 } from "./lanes";

/** X ← X∘Num/(Den + ε) over len entries (Lee–Seung multiplicative update). */
export function mu_update(X: usize, Num: usize, Den: usize, len: i32, eps: f64): void {
  const e = f64x2.splat(eps);
  const e2 = <usize>(len & ~1) << 3;
  for (let o: usize = 0; o < e2; o += 16) {
    v128.store(X + o, f64x2.div(f64x2.mul(v128.load(X + o), v128.load(Num + o)), f64x2.add(v128.load(Den + o), e)));
  }
  if (len & 1) store<f64>(X + e2, load<f64>(X + e2) * load<f64>(Num + e2) / (load<f64>(Den + e2) + eps));
}

/** X[r,c] ← X[r,c]·Num[r,c]/(d[r] + ε) for X, Num (rows×cols), d (rows). KL's H step, full mask. */
export function mu_update_rowden(X: usize, Num: usize, d: usize, rows: i32, cols: i32, eps: f64): void {
  const e2 = <usize>(cols & ~1) << 3;
  for (let r = 0; r < rows; r++) {
    const den = load<f64>(d + (<usize>r << 3)) + eps;
    const dv = f64x2.splat(den);
    const x = X + (<usize>r * <usize>cols << 3);
    const u = Num + (<usize>r * <usize>cols << 3);
    for (let o: usize = 0; o < e2; o += 16) {
      v128.store(x + o, f64x2.div(f64x2.mul(v128.load(x + o), v128.load(u + o)), dv));
    }
    if (cols & 1) store<f64>(x + e2, load<f64>(x + e2) * load<f64>(u + e2) / den);
  }
}

/** X[r,c] ← X[r,c]·Num[r,c]/(d[c] + ε) for X, Num (rows×cols), d (cols). KL's W step, full mask. */
export function mu_update_colden(X: usize, Num: usize, d: usize, rows: i32, cols: i32, eps: f64): void {
  const ev = f64x2.splat(eps);
  const e2 = <usize>(cols & ~1) << 3;
  for (let r = 0; r < rows; r++) {
    const x = X + (<usize>r * <usize>cols << 3);
    const u = Num + (<usize>r * <usize>cols << 3);
    for (let o: usize = 0; o < e2; o += 16) {
      v128.store(x + o, f64x2.div(f64x2.mul(v128.load(x + o), v128.load(u + o)), f64x2.add(v128.load(d + o), ev)));
    }
    if (cols & 1) store<f64>(x + e2, load<f64>(x + e2) * load<f64>(u + e2) / (load<f64>(d + e2) + eps));
  }
}

/** X ← X + η(G − λX), then max(0, ·) when project ≠ 0; X, G of len entries. Gradient step of gd. */
export function gd_update(X: usize, G: usize, len: i32, lr: f64, l2: f64, project: i32): void {
  const lv = f64x2.splat(lr), l2v = f64x2.splat(l2);
  const e2 = <usize>(len & ~1) << 3;
  for (let o: usize = 0; o < e2; o += 16) {
    const x = v128.load(X + o);
    const v = f64x2.add(x, f64x2.mul(lv, f64x2.sub(v128.load(G + o), f64x2.mul(l2v, x))));
    v128.store(X + o, project != 0 ? clip0(v) : v);
  }
  if (len & 1) {
    const x = load<f64>(X + e2);
    const v = x + lr * (load<f64>(G + e2) - l2 * x);
    store<f64>(X + e2, project != 0 && !(v > 0) ? 0 : v);
  }
}
