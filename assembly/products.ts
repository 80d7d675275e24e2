// Dense products of an NMF iteration (row-major f64, byte pointers).
// Called once or twice per iteration by every solver: WᵀV, VHᵀ, WᵀW, HHᵀ, (WᵀW)H, W(HHᵀ), WH.
//
// All three products keep a small tile of C in v128 registers (at most 8 accumulators: with
// the loaded operands that is what V8's register allocator holds without spilling on x64).
// gemm_tn and gemm_nn add the products of each C entry in the order of the inner index
// (i for gemm_tn, a for gemm_nn), exactly like the textbook loop, whatever the blocking;
// gemm_nt sums even and odd columns in two lanes and adds them at the end of each row.
import { tn4x4, tn2x4, tn1x4, tn4x2, tn2x2, tn1x2, tnCol } from "./products-tiles-tn";
import { nt2x4, nt2x2, nt2x1, nt1x4, nt1x2, nt1x1 } from "./products-tiles-nt";
import { nn4x4, nn2x4, nn1x4, nn4x2, nn2x2, nn1x2, nnCol } from "./products-tiles-nn";

/**
 * Rows per pass of gemm_tn: the C tile is stored and reloaded every `rows` rows of A and B.
 * Fewer rows per pass keep fewer rows of B (each its own 4 KiB page once q ≥ 512) in flight
 * at once (measured: 16 rows at q = 1000 ran ~20% faster than 64); more rows cost fewer tile
 * reloads (64 was best at q = 96 and 400).
 * The result does not depend on it: every C entry still adds its products in order of i.
 */
// @ts-ignore: decorator
@inline function tnRows(q: i32): i32 {
  return min(64, max(16, (TN_BLOCK_ENTRIES / max(q, 1)) & ~3));
}

/** Entries of B (rows × q) one pass of gemm_tn aims to touch: 128 KiB. */
const TN_BLOCK_ENTRIES: i32 = 16384;

/** C (p×q) = Aᵀ B for A (m×p), B (m×q). WᵀV with A = W, B = V. */
export function gemm_tn(A: usize, B: usize, C: usize, m: i32, p: i32, q: i32): void {
  if (m <= 0) {
    memory.fill(C, 0, <usize>p * <usize>q * 8);
    return;
  }
  const sa = <usize>p << 3;
  const sb = <usize>q << 3;
  const rows = tnRows(q);
  for (let i0 = 0; i0 < m; i0 += rows) {
    const cnt = min(rows, m - i0);
    const first = i0 == 0;
    const A0 = A + <usize>i0 * sa;
    const B0 = B + <usize>i0 * sb;
    let j = 0;
    for (; j + 4 <= q; j += 4) {
      const bj = B0 + (<usize>j << 3);
      const cj = C + (<usize>j << 3);
      let a = 0;
      for (; a + 4 <= p; a += 4) tn4x4(A0 + (<usize>a << 3), bj, cj + <usize>a * sb, sa, sb, cnt, first);
      if (a + 2 <= p) {
        tn2x4(A0 + (<usize>a << 3), bj, cj + <usize>a * sb, sa, sb, cnt, first);
        a += 2;
      }
      if (a < p) tn1x4(A0 + (<usize>a << 3), bj, cj + <usize>a * sb, sa, sb, cnt, first);
    }
    if (j + 2 <= q) {
      const bj = B0 + (<usize>j << 3);
      const cj = C + (<usize>j << 3);
      let a = 0;
      for (; a + 4 <= p; a += 4) tn4x2(A0 + (<usize>a << 3), bj, cj + <usize>a * sb, sa, sb, cnt, first);
      if (a + 2 <= p) {
        tn2x2(A0 + (<usize>a << 3), bj, cj + <usize>a * sb, sa, sb, cnt, first);
        a += 2;
      }
      if (a < p) tn1x2(A0 + (<usize>a << 3), bj, cj + <usize>a * sb, sa, sb, cnt, first);
      j += 2;
    }
    if (j < q) tnCol(A0, B0 + (<usize>j << 3), C + (<usize>j << 3), sa, sb, p, cnt, first);
  }
}

/** C (m×p) = A Bᵀ for A (m×q), B (p×q). VHᵀ with A = V, B = H. */
export function gemm_nt(A: usize, B: usize, C: usize, m: i32, q: i32, p: i32): void {
  const sq = <usize>q << 3;
  const sc = <usize>p << 3;
  let i = 0;
  for (; i + 2 <= m; i += 2) {
    const ai = A + <usize>i * sq;
    const ci = C + <usize>i * sc;
    let a = 0;
    for (; a + 4 <= p; a += 4) nt2x4(ai, B + <usize>a * sq, ci + (<usize>a << 3), sq, sc, q);
    if (a + 2 <= p) {
      nt2x2(ai, B + <usize>a * sq, ci + (<usize>a << 3), sq, sc, q);
      a += 2;
    }
    if (a < p) nt2x1(ai, B + <usize>a * sq, ci + (<usize>a << 3), sq, sc, q);
  }
  if (i < m) {
    const ai = A + <usize>i * sq;
    const ci = C + <usize>i * sc;
    let a = 0;
    for (; a + 4 <= p; a += 4) nt1x4(ai, B + <usize>a * sq, ci + (<usize>a << 3), sq, q);
    if (a + 2 <= p) {
      nt1x2(ai, B + <usize>a * sq, ci + (<usize>a << 3), sq, q);
      a += 2;
    }
    if (a < p) nt1x1(ai, B + <usize>a * sq, ci + (<usize>a << 3), q);
  }
}

/** C (m×q) = A B for A (m×p), B (p×q). (WᵀW)H, W(HHᵀ) and WH. */
export function gemm_nn(A: usize, B: usize, C: usize, m: i32, p: i32, q: i32): void {
  const sa = <usize>p << 3;
  const sb = <usize>q << 3;
  let j = 0;
  for (; j + 4 <= q; j += 4) {
    const bj = B + (<usize>j << 3);
    const cj = C + (<usize>j << 3);
    let i = 0;
    for (; i + 4 <= m; i += 4) nn4x4(A + <usize>i * sa, bj, cj + <usize>i * sb, sa, sb, p);
    if (i + 2 <= m) {
      nn2x4(A + <usize>i * sa, bj, cj + <usize>i * sb, sa, sb, p);
      i += 2;
    }
    if (i < m) nn1x4(A + <usize>i * sa, bj, cj + <usize>i * sb, sb, p);
  }
  if (j + 2 <= q) {
    const bj = B + (<usize>j << 3);
    const cj = C + (<usize>j << 3);
    let i = 0;
    for (; i + 4 <= m; i += 4) nn4x2(A + <usize>i * sa, bj, cj + <usize>i * sb, sa, sb, p);
    if (i + 2 <= m) {
      nn2x2(A + <usize>i * sa, bj, cj + <usize>i * sb, sa, sb, p);
      i += 2;
    }
    if (i < m) nn1x2(A + <usize>i * sa, bj, cj + <usize>i * sb, sb, p);
    j += 2;
  }
  if (j < q) nnCol(A, B + (<usize>j << 3), C + (<usize>j << 3), sa, sb, m, p);
}

/** G (p×p) = Aᵀ A for A (m×p). WᵀW with A = W. */
export function gram_tn(A: usize, G: usize, m: i32, p: i32): void {
  gemm_tn(A, A, G, m, p, p);
}

/** G (m×m) = A Aᵀ for A (m×q). HHᵀ with A = H (k×n). */
export function gram_nt(A: usize, G: usize, m: i32, q: i32): void {
  gemm_nt(A, A, G, m, q, m);
}
