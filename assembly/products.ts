// Dense products of an NMF iteration (row-major f64, byte pointers).
// Called once or twice per iteration by every solver: WᵀV, VHᵀ, WᵀW, HHᵀ, (WᵀW)H, W(HHᵀ), WH.

/** C (p×q) = Aᵀ B for A (m×p), B (m×q). WᵀV with A = W, B = V. */
export function gemm_tn(A: usize, B: usize, C: usize, m: i32, p: i32, q: i32): void {
  memory.fill(C, 0, <usize>p * <usize>q * 8);
  for (let i = 0; i < m; i++) {
    const arow = A + (<usize>i * <usize>p << 3);
    const brow = B + (<usize>i * <usize>q << 3);
    for (let a = 0; a < p; a++) {
      const s = load<f64>(arow + (<usize>a << 3));
      if (s == 0) continue;
      const crow = C + (<usize>a * <usize>q << 3);
      for (let j = 0; j < q; j++) {
        const o = <usize>j << 3;
        store<f64>(crow + o, load<f64>(crow + o) + s * load<f64>(brow + o));
      }
    }
  }
}

/** C (m×p) = A Bᵀ for A (m×q), B (p×q). VHᵀ with A = V, B = H. */
export function gemm_nt(A: usize, B: usize, C: usize, m: i32, q: i32, p: i32): void {
  for (let i = 0; i < m; i++) {
    const arow = A + (<usize>i * <usize>q << 3);
    for (let a = 0; a < p; a++) {
      const brow = B + (<usize>a * <usize>q << 3);
      let s: f64 = 0;
      for (let j = 0; j < q; j++) {
        const o = <usize>j << 3;
        s += load<f64>(arow + o) * load<f64>(brow + o);
      }
      store<f64>(C + ((<usize>i * <usize>p + <usize>a) << 3), s);
    }
  }
}

/** C (m×q) = A B for A (m×p), B (p×q). (WᵀW)H, W(HHᵀ) and WH. */
export function gemm_nn(A: usize, B: usize, C: usize, m: i32, p: i32, q: i32): void {
  for (let i = 0; i < m; i++) {
    const arow = A + (<usize>i * <usize>p << 3);
    const crow = C + (<usize>i * <usize>q << 3);
    memory.fill(crow, 0, <usize>q * 8);
    for (let a = 0; a < p; a++) {
      const s = load<f64>(arow + (<usize>a << 3));
      if (s == 0) continue;
      const brow = B + (<usize>a * <usize>q << 3);
      for (let j = 0; j < q; j++) {
        const o = <usize>j << 3;
        store<f64>(crow + o, load<f64>(crow + o) + s * load<f64>(brow + o));
      }
    }
  }
}

/** G (p×p) = Aᵀ A for A (m×p). WᵀW with A = W. */
export function gram_tn(A: usize, G: usize, m: i32, p: i32): void {
  gemm_tn(A, A, G, m, p, p);
}

/** G (m×m) = A Aᵀ for A (m×q). HHᵀ with A = H (k×n). */
export function gram_nt(A: usize, G: usize, m: i32, q: i32): void {
  gemm_nt(A, A, G, m, q, m);
}
