// Dense products of an NMF iteration (row-major f64, byte pointers).
// Called once or twice per iteration by every solver: WᵀV, VHᵀ, WᵀW, HHᵀ, (WᵀW)H, W(HHᵀ), WH.
//
// All three products keep a small tile of C in v128 registers (at most 8 accumulators: with
// the loaded operands that is what V8's register allocator holds without spilling on x64).
// Each entry of C is one running sum over the inner index in increasing order (i for gemm_tn,
// j for gemm_nt, a for gemm_nn), exactly like the textbook loop, whatever the blocking. So a
// product computed in pieces (gemm_tn_cols over ranges of C's columns, gemm_nt_rows and
// gemm_nn_rows over ranges of its rows, e.g. one range per thread) gives the same bits.
// The Gram matrices compute their lower triangle (by whole tiles) and mirror it.
import { tn4x4, tn2x4, tn1x4, tn4x2, tn2x2, tn1x2, tnCol } from "./products-tiles-tn";
import { nt8x2, nt8x1, nt4x4, nt4x2, nt4x1, nt2x8, nt2x4, nt2x2, nt2x1 } from "./products-tiles-nt";
import { nn4x4, nn4x4p, nn2x4, nn1x4, nn4x2, nn2x2, nn1x2, nnCol } from "./products-tiles-nn";
import { PACK, PACK_BYTES, PACK_GROUP, pack_panels, pack_rows4, paddedWidth, panelWidth } from "./products-pack";
import { dot2x4, dot2x2, dot1x4, dot1x2, dot1x1 } from "./products-tiles-dot";
import { symmetrize_lower } from "./transpose";

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
  tnCols(A, B, C, m, p, q, 0, q, false);
}

/**
 * Columns j0..j1−1 of C (p×q) = Aᵀ B for A (m×p), B (m×q), bit for bit as gemm_tn computes
 * them (a range of WᵀV's columns, e.g. one thread's share).
 */
export function gemm_tn_cols(A: usize, B: usize, C: usize, m: i32, p: i32, q: i32, j0: i32, j1: i32): void {
  tnCols(A, B, C, m, p, q, max(j0, 0), min(j1, q), false);
}

/**
 * Columns j0..j1−1 of C = AᵀB. With `lower`, only the tiles holding entries C[a, j] with
 * a ≥ j are computed (C = AᵀA, mirrored afterwards): each tile row starts at the diagonal.
 */
function tnCols(A: usize, B: usize, C: usize, m: i32, p: i32, q: i32, j0: i32, j1: i32, lower: bool): void {
  if (j1 <= j0) return;
  const sa = <usize>p << 3;
  const sb = <usize>q << 3;
  if (m <= 0) {
    for (let a = 0; a < p; a++) memory.fill(C + <usize>a * sb + (<usize>j0 << 3), 0, <usize>(j1 - j0) << 3);
    return;
  }
  const rows = tnRows(q);
  for (let i0 = 0; i0 < m; i0 += rows) {
    const cnt = min(rows, m - i0);
    const first = i0 == 0;
    const A0 = A + <usize>i0 * sa;
    const B0 = B + <usize>i0 * sb;
    let j = j0;
    for (; j + 4 <= j1; j += 4) {
      const bj = B0 + (<usize>j << 3);
      const cj = C + (<usize>j << 3);
      let a = lower ? j & ~3 : 0;
      for (; a + 4 <= p; a += 4) tn4x4(A0 + (<usize>a << 3), bj, cj + <usize>a * sb, sa, sb, cnt, first);
      if (a + 2 <= p) {
        tn2x4(A0 + (<usize>a << 3), bj, cj + <usize>a * sb, sa, sb, cnt, first);
        a += 2;
      }
      if (a < p) tn1x4(A0 + (<usize>a << 3), bj, cj + <usize>a * sb, sa, sb, cnt, first);
    }
    if (j + 2 <= j1) {
      const bj = B0 + (<usize>j << 3);
      const cj = C + (<usize>j << 3);
      let a = lower ? j & ~3 : 0;
      for (; a + 4 <= p; a += 4) tn4x2(A0 + (<usize>a << 3), bj, cj + <usize>a * sb, sa, sb, cnt, first);
      if (a + 2 <= p) {
        tn2x2(A0 + (<usize>a << 3), bj, cj + <usize>a * sb, sa, sb, cnt, first);
        a += 2;
      }
      if (a < p) tn1x2(A0 + (<usize>a << 3), bj, cj + <usize>a * sb, sa, sb, cnt, first);
      j += 2;
    }
    if (j < j1) tnCol(A0, B0 + (<usize>j << 3), C + (<usize>j << 3), sa, sb, p, cnt, first);
  }
}

/** C (m×p) = A Bᵀ for A (m×q), B (p×q). VHᵀ with A = V, B = H; B is packed into the module's buffer. */
export function gemm_nt(A: usize, B: usize, C: usize, m: i32, q: i32, p: i32): void {
  ntRows(A, B, C, q, p, 0, m, PACK, PACK_BYTES);
}

/**
 * Rows r0..r1−1 of C (m×p) = A Bᵀ for A (m×q), B (p×q), bit for bit as gemm_nt computes them
 * (a range of VHᵀ's rows, e.g. one thread's share). B's panels are packed into `work`
 * (`bytes` long, one workspace per concurrent caller; 0 uses the module's own buffer): with
 * gemm_nt_work_bytes(p, q) bytes all of B is packed at once, with less a block of columns at a time.
 */
export function gemm_nt_rows(A: usize, B: usize, C: usize, m: i32, q: i32, p: i32, r0: i32, r1: i32, work: usize, bytes: i32): void {
  const own = work == 0 || bytes < NT_MIN_WORK;
  ntRows(A, B, C, q, p, max(r0, 0), min(r1, m), own ? PACK : work, own ? PACK_BYTES : bytes);
}

/** Bytes of packing workspace with which gemm_nt_rows packs all of B (p×q) at once. */
export function gemm_nt_work_bytes(p: i32, q: i32): i32 {
  return max(NT_MIN_WORK, paddedWidth(min(p, PACK_GROUP)) * max(q, 1) * 8);
}

/** The least packing workspace gemm_nt_rows accepts: 8 columns of a full panel group. */
const NT_MIN_WORK: i32 = PACK_GROUP * 8 * 8;

/**
 * Rows of A per chunk in gemm_nt: the packed block of B (≤ PACK_BYTES, in L1/L2) passes over a
 * chunk's NT_CHUNK × jb block of A (in L2) panel by panel.
 */
const NT_CHUNK: i32 = 32;

/**
 * Rows r0..r1−1 of C = ABᵀ. B is packed into P (`bytes` long) PACK_GROUP rows and as many
 * columns j as fit at a time (jb); each chunk of NT_CHUNK rows of A then passes over those
 * panels. Each C entry is one sum over j in increasing order: the first block of j starts it
 * from 0, the next ones continue it from the value stored in C.
 */
function ntRows(A: usize, B: usize, C: usize, q: i32, p: i32, r0: i32, r1: i32, P: usize, bytes: i32): void {
  if (r1 <= r0) return;
  const sa = <usize>q << 3;
  const sc = <usize>p << 3;
  if (q <= 0) {
    memory.fill(C + <usize>r0 * sc, 0, <usize>(r1 - r0) * sc);
    return;
  }
  for (let g0 = 0; g0 < p; g0 += PACK_GROUP) {
    const pw = min(PACK_GROUP, p - g0);
    const jb = min(q, max(8, bytes / (paddedWidth(pw) << 3)));
    const colBase = C + (<usize>g0 << 3);
    for (let j0 = 0; j0 < q; j0 += jb) {
      const jn = min(jb, q - j0);
      pack_panels(B, P, sa, g0, pw, j0, jn);
      const first = j0 == 0;
      for (let i0 = r0; i0 < r1; i0 += NT_CHUNK) {
        const i1 = min(i0 + NT_CHUNK, r1);
        let pp = P;
        for (let c0 = 0; c0 < pw; ) {
          const w = panelWidth(pw - c0);
          const cols = min(w, pw - c0);
          for (let i = i0; i < i1; ) {
            const left = i1 - i;
            const R = left >= 8 && w == 2 ? 8 : left >= 4 ? 4 : left >= 2 ? 2 : 1;
            const pa = A + <usize>i * sa + (<usize>j0 << 3);
            const c = colBase + <usize>i * sc + (<usize>c0 << 3);
            ntTile(w, R, pa, sa, pp, c, sc, jn, first, cols);
            i += R;
          }
          pp += <usize>jn * <usize>w << 3;
          c0 += w;
        }
      }
    }
  }
}

/** The R×w tile (R = 8 (for w = 2), 4, 2 or 1 rows; panel width w = 8, 4 or 2, of which `cols` are real) of gemm_nt. */
// @ts-ignore: decorator
@inline function ntTile(w: i32, R: i32, pa: usize, sa: usize, pp: usize, c: usize, sc: usize, jn: i32, first: bool, cols: i32): void {
  if (w == 8) {
    if (R == 1) nt8x1(pa, pp, c, jn, first);
    else {
      nt8x2(pa, sa, pp, c, sc, jn, first);
      if (R == 4) nt8x2(pa + 2 * sa, sa, pp, c + 2 * sc, sc, jn, first);
    }
  } else if (w == 4) {
    if (R == 4) nt4x4(pa, sa, pp, c, sc, jn, first, cols);
    else if (R == 2) nt4x2(pa, sa, pp, c, sc, jn, first, cols);
    else nt4x1(pa, pp, c, jn, first, cols);
  } else {
    if (R == 8) nt2x8(pa, sa, pp, c, sc, jn, first, cols);
    else if (R == 4) nt2x4(pa, sa, pp, c, sc, jn, first, cols);
    else if (R == 2) nt2x2(pa, sa, pp, c, sc, jn, first, cols);
    else nt2x1(pa, pp, c, jn, first, cols);
  }
}

/** C (m×q) = A B for A (m×p), B (p×q). (WᵀW)H, W(HHᵀ) and WH. */
export function gemm_nn(A: usize, B: usize, C: usize, m: i32, p: i32, q: i32): void {
  nnRows(A, B, C, p, q, 0, m, PACK, PACK_BYTES);
}

/**
 * Rows r0..r1−1 of C (m×q) = A B for A (m×p), B (p×q), bit for bit as gemm_nn computes them.
 * Each group of four rows of A is packed into `work` (`bytes` long, one workspace per concurrent
 * caller; 0 uses the module's own buffer).
 */
export function gemm_nn_rows(A: usize, B: usize, C: usize, m: i32, p: i32, q: i32, r0: i32, r1: i32, work: usize, bytes: i32): void {
  const own = work == 0;
  nnRows(A, B, C, p, q, max(r0, 0), min(r1, m), own ? PACK : work, own ? PACK_BYTES : bytes);
}

/** Entries of B (p × columns) one column block of gemm_nn aims to keep in cache: 96 KiB. */
const NN_BLOCK_ENTRIES: i32 = 12288;

/** Least columns in a block for which a row group's four rows of A are packed (8 tiles of 4). */
const NN_PACK_MIN_COLS: i32 = 32;

/**
 * Rows r0..r1−1 of C = AB, by blocks of C's columns (as many as keep p × jb of B within
 * NN_BLOCK_ENTRIES): in each block, row group by row group (4 rows, then the 2- and 1-row edge),
 * each group's tiles left to right (4 columns, then the 2-column edge), so a group's rows of A
 * stay in L1 and C is written along its rows; the odd last column, if any, by nnCol after.
 * A group of four rows is packed into P (when 32p bytes fit in `bytes` and the block is wide
 * enough to repay it) so that its tiles read A at fixed offsets of one pointer (nn4x4p).
 */
function nnRows(A: usize, B: usize, C: usize, p: i32, q: i32, r0: i32, r1: i32, P: usize, bytes: i32): void {
  if (r1 <= r0) return;
  const sa = <usize>p << 3;
  const sb = <usize>q << 3;
  const A0 = A + <usize>r0 * sa;
  const C0 = C + <usize>r0 * sb;
  const m = r1 - r0;
  const q2 = q & ~1;
  const jb = max(4, (NN_BLOCK_ENTRIES / max(p, 1)) & ~3);
  const packs = p > 0 && p <= bytes >> 5;
  for (let j0 = 0; j0 < q2; j0 += jb) {
    const j1 = min(j0 + jb, q2);
    const packed = packs && j1 - j0 >= NN_PACK_MIN_COLS;
    let i = 0;
    for (; i + 4 <= m; i += 4) {
      const ai = A0 + <usize>i * sa;
      const ci = C0 + <usize>i * sb;
      let j = j0;
      if (packed) {
        pack_rows4(ai, sa, P, p);
        for (; j + 4 <= j1; j += 4) nn4x4p(P, B + (<usize>j << 3), ci + (<usize>j << 3), sb, p);
      } else {
        for (; j + 4 <= j1; j += 4) nn4x4(ai, B + (<usize>j << 3), ci + (<usize>j << 3), sa, sb, p);
      }
      if (j < j1) nn4x2(ai, B + (<usize>j << 3), ci + (<usize>j << 3), sa, sb, p);
    }
    if (i + 2 <= m) {
      const ai = A0 + <usize>i * sa;
      const ci = C0 + <usize>i * sb;
      let j = j0;
      for (; j + 4 <= j1; j += 4) nn2x4(ai, B + (<usize>j << 3), ci + (<usize>j << 3), sa, sb, p);
      if (j < j1) nn2x2(ai, B + (<usize>j << 3), ci + (<usize>j << 3), sa, sb, p);
      i += 2;
    }
    if (i < m) {
      const ai = A0 + <usize>i * sa;
      const ci = C0 + <usize>i * sb;
      let j = j0;
      for (; j + 4 <= j1; j += 4) nn1x4(ai, B + (<usize>j << 3), ci + (<usize>j << 3), sb, p);
      if (j < j1) nn1x2(ai, B + (<usize>j << 3), ci + (<usize>j << 3), sb, p);
    }
  }
  if (q2 < q) nnCol(A0, B + (<usize>q2 << 3), C0 + (<usize>q2 << 3), sa, sb, m, p);
}

/** G (p×p) = Aᵀ A for A (m×p). WᵀW with A = W: the lower triangle by tiles, then mirrored. */
export function gram_tn(A: usize, G: usize, m: i32, p: i32): void {
  tnCols(A, A, G, m, p, p, 0, p, true);
  symmetrize_lower(G, p);
}

/**
 * G (m×m) = A Aᵀ for A (m×q). HHᵀ with A = H (k×n): m is small and q long, so each entry is a
 * dot product over q in two lanes (products-tiles-dot.ts) rather than gemm_nt's panels, which
 * would give a k×k G only a few sums at a time; the lower triangle by tiles, then mirrored.
 */
export function gram_nt(A: usize, G: usize, m: i32, q: i32): void {
  const sq = <usize>q << 3;
  const sc = <usize>m << 3;
  let i = 0;
  for (; i + 2 <= m; i += 2) {
    const ai = A + <usize>i * sq;
    const ci = G + <usize>i * sc;
    let a = 0;
    for (; a + 4 <= i + 2; a += 4) dot2x4(ai, A + <usize>a * sq, ci + (<usize>a << 3), sq, sc, q);
    if (a + 2 <= i + 2) {
      dot2x2(ai, A + <usize>a * sq, ci + (<usize>a << 3), sq, sc, q);
      a += 2;
    }
  }
  if (i < m) {
    const ai = A + <usize>i * sq;
    const ci = G + <usize>i * sc;
    let a = 0;
    for (; a + 4 <= m; a += 4) dot1x4(ai, A + <usize>a * sq, ci + (<usize>a << 3), sq, q);
    if (a + 2 <= m) {
      dot1x2(ai, A + <usize>a * sq, ci + (<usize>a << 3), sq, q);
      a += 2;
    }
    if (a < m) dot1x1(ai, A + <usize>a * sq, ci + (<usize>a << 3), q);
  }
  symmetrize_lower(G, m);
}
