// Packing for the products. gemm_nt (C = ABᵀ): a block of B's rows a ∈ [g0, g0 + pw) and columns
// j ∈ [j0, j0 + jn) is copied into panels of 8, 4 or 2 of B's rows, stored j by j, so that
// the product's inner loop reads one contiguous run of w values of Bᵀ per j, as in gemm_nn.
// A panel narrower than its width (the last one: 3 of 4 or 1 of 2 rows) has zeros in its
// unused lanes. For gemm_nn (C = AB), four rows of A are interleaved a by a (pack_rows4).
// Packing copies values: it does not change any sum.

/** Bytes of the module's own packing buffer, used when a caller passes no workspace (work = 0). */
export const PACK_BYTES: i32 = 65536;

/** The module's packing buffer (below the heap base, so the TypeScript arena never reaches it). */
export const PACK: usize = memory.data(PACK_BYTES, 16);

/** Rows of B per panel group: up to 8 panels of 8. */
export const PACK_GROUP: i32 = 64;

/** Width of the panel that starts with `r` rows of B left in the group: 8, 4 (for 3..7) or 2 (for 1..2). */
// @ts-ignore: decorator
@inline export function panelWidth(r: i32): i32 {
  return r >= 8 ? 8 : r >= 3 ? 4 : 2;
}

/** Sum of the panel widths for pw rows of B (pw plus the padding of the last panel). */
export function paddedWidth(pw: i32): i32 {
  let s = 0;
  for (let r = pw; r > 0; ) {
    const w = panelWidth(r);
    s += w;
    r -= min(w, r);
  }
  return s;
}

/**
 * Copies B[g0 + c, j0 + j] (B p×q row-major, stride sq bytes) for c < pw, j < jn into panels at
 * P: the panel of rows c0..c0+w−1 occupies jn·w entries, entry (j, c − c0) at index j·w + c − c0;
 * panels follow each other in order of c0.
 */
export function pack_panels(B: usize, P: usize, sq: usize, g0: i32, pw: i32, j0: i32, jn: i32): void {
  let dst = P;
  let c0 = 0;
  while (c0 < pw) {
    const w = panelWidth(pw - c0);
    const real = min(w, pw - c0);
    const stride = <usize>w << 3;
    for (let c = 0; c < w; c++) {
      let d = dst + (<usize>c << 3);
      if (c < real) {
        let s = B + <usize>(g0 + c0 + c) * sq + (<usize>j0 << 3);
        for (let j = 0; j < jn; j++) {
          store<f64>(d, load<f64>(s));
          s += 8;
          d += stride;
        }
      } else {
        for (let j = 0; j < jn; j++) {
          store<f64>(d, 0);
          d += stride;
        }
      }
    }
    dst += <usize>jn * stride;
    c0 += w;
  }
}

/**
 * Copies four rows of A (p entries each, row stride sa bytes, the first at pa) into P a by a:
 * P[4a + r] = A[r, a], for gemm_nn's packed 4×4 tiles (nn4x4p). Copies values: no sum changes.
 */
export function pack_rows4(pa: usize, sa: usize, P: usize, p: i32): void {
  const p1 = pa + sa, p2 = p1 + sa, p3 = p2 + sa;
  for (let a = 0; a < p; a++) {
    const o = <usize>a << 3;
    const d = P + (o << 2);
    store<f64>(d, load<f64>(pa + o));
    store<f64>(d, load<f64>(p1 + o), 8);
    store<f64>(d, load<f64>(p2 + o), 16);
    store<f64>(d, load<f64>(p3 + o), 24);
  }
}
