// The objectives, from V, W and H without forming WH in memory: the squared error and the
// generalized KL divergence. Called once per iteration by the driver.
// Sums run in the two lanes of a v128 (as the tiles of wh-tiles.ts visit the entries), block by
// block of SQ_BLOCK rows, and the blocks' sums are added in order: a fixed order for given
// shapes, whichever thread sums a block.
import { klAcc0, klAcc1, klBad0, klBad1, klReset, klTail0, klTail1, klTerm, rows1, rows2, whApply, whRowInto, WH_KL, WH_SQ } from "./wh-tiles";

/**
 * Rows per block of the squared residual: each block of rows is summed from 0 and the block sums
 * are added in block order, so the threads of a pool (sq_residual_blocks) give the same sum as one.
 */
const SQ_BLOCK: i32 = 32;
/** Block sums the static buffer holds (a V with more rows than SQ_BLOCK · SQ_MAX_BLOCKS is summed on one thread). */
const SQ_MAX_BLOCKS: i32 = 2048;
const SQ_SUMS: usize = memory.data(SQ_MAX_BLOCKS << 3, 16);
const KL_SUMS: usize = memory.data(SQ_MAX_BLOCKS << 3, 16);

/** Σ over observed (i,j) of (V − WH)²; V (m×n), M (m×n or 0), W (m×k), H (k×n); scratch (n) is not used (WH stays in registers). */
export function sq_residual(V: usize, M: usize, W: usize, H: usize, m: i32, k: i32, n: i32, scratch: usize): f64 {
  let total: f64 = 0;
  for (let r0 = 0; r0 < m; r0 += SQ_BLOCK) total += sqRows(V, M, W, H, r0, min(m, r0 + SQ_BLOCK), k, n);
  return total;
}

/**
 * The block sums of sq_residual for blocks b0..b1−1 (block b: rows b·SQ_BLOCK.. of V, M, W, m rows
 * in all), each into sq_sums()[b]; their sum in block order is sq_residual's, bit for bit.
 */
export function sq_residual_blocks(V: usize, M: usize, W: usize, H: usize, m: i32, k: i32, n: i32, b0: i32, b1: i32): void {
  for (let b = b0; b < b1; b++) {
    const r0 = b * SQ_BLOCK;
    store<f64>(SQ_SUMS + (<usize>b << 3), sqRows(V, M, W, H, r0, min(m, r0 + SQ_BLOCK), k, n));
  }
}

/** The byte address of the block sums sq_residual_blocks writes (static, the same in every instance). */
export function sq_sums(): usize {
  return SQ_SUMS;
}

/** Rows per block of sq_residual (SQ_BLOCK). */
export function sq_block(): i32 {
  return SQ_BLOCK;
}

/** Blocks sq_sums() holds (SQ_MAX_BLOCKS). */
export function sq_max_blocks(): i32 {
  return SQ_MAX_BLOCKS;
}

/** Σ (M∘(V − WH))² over rows r0..r1−1 (r0 even, so rows pair as in the whole), its lanes added at the end. */
function sqRows(V: usize, M: usize, W: usize, H: usize, r0: i32, r1: i32, k: i32, n: i32): f64 {
  const off = <usize>r0 * (<usize>n << 3);
  return whApply(WH_SQ, V + off, M != 0 ? M + off : 0, W + <usize>r0 * (<usize>k << 3), H, 0, r1 - r0, k, n, 0);
}

/**
 * Generalized KL divergence Σ over observed (i,j) of V log(V/WH) − V + WH, with 0·log 0 = 0;
 * V (m×n), M (m×n or 0), W (m×k), H (k×n), scratch (n) holds one row of WH. Infinite when WH = 0 < V.
 * Two entries per v128 with a vectorized log (the fdlibm/musl polynomial, valid for normal
 * quotients V/WH); a row with any other quotient (0 < V/WH < 2^-1022, ±Inf, NaN, negative) where
 * V > 0 is summed again entry by entry with Math.log. Each row sums its even and odd columns in
 * two lanes, adds them, then the odd last column; row sums are added in row order within each
 * block of SQ_BLOCK rows, and the blocks' sums in block order.
 */
export function kl_divergence(V: usize, M: usize, W: usize, H: usize, m: i32, k: i32, n: i32, scratch: usize): f64 {
  return klPass(V, M, W, H, 0, 0, m, k, n, 0, scratch);
}

/**
 * kl's pass after each iteration, in one sweep over WH: Q (m×n) = V/(WH + ε) (the quotient the
 * next H step needs), out[0] = the KL divergence as kl_divergence computes it and out[1] =
 * Σ(M∘(V − WH))² as sq_residual computes it (bit for bit). V, M, W, H, scratch as in
 * kl_divergence; out: 2 f64.
 */
export function kl_quotient_loss(V: usize, M: usize, W: usize, H: usize, Q: usize, out: usize, m: i32, k: i32, n: i32, eps: f64, scratch: usize): void {
  klPass(V, M, W, H, Q, out, m, k, n, eps, scratch);
}

/**
 * kl_quotient_loss for the blocks b0..b1−1 of SQ_BLOCK rows (m rows in all): Q's rows, and each
 * block's KL divergence and squared error into kl_sums()[b] and sq_sums()[b]; the sums of each in
 * block order are kl_quotient_loss's out[0] and out[1], bit for bit. scratch: n f64.
 */
export function kl_quotient_loss_blocks(V: usize, M: usize, W: usize, H: usize, Q: usize, m: i32, k: i32, n: i32, eps: f64, scratch: usize, b0: i32, b1: i32): void {
  for (let b = b0; b < b1; b++) {
    const r0 = b * SQ_BLOCK;
    klBlock(V, M, W, H, Q, r0, min(m, r0 + SQ_BLOCK), k, n, eps, scratch);
    store<f64>(KL_SUMS + (<usize>b << 3), blockKl);
    store<f64>(SQ_SUMS + (<usize>b << 3), blockSq);
  }
}

/** The byte address of the block KL sums kl_quotient_loss_blocks writes (static, the same in every instance). */
export function kl_sums(): usize {
  return KL_SUMS;
}

/** The KL divergence (returned), Q when Q ≠ 0, and both losses at out when out ≠ 0: block by block, the blocks' sums added in order. */
function klPass(V: usize, M: usize, W: usize, H: usize, Q: usize, out: usize, m: i32, k: i32, n: i32, eps: f64, scratch: usize): f64 {
  let total: f64 = 0;
  let sq: f64 = 0;
  for (let r0 = 0; r0 < m; r0 += SQ_BLOCK) {
    klBlock(V, M, W, H, Q, r0, min(m, r0 + SQ_BLOCK), k, n, eps, scratch);
    total += blockKl;
    sq += blockSq;
  }
  if (out != 0) {
    store<f64>(out, total);
    store<f64>(out, sq, 8);
  }
  return total;
}

/** What klBlock summed: the block's KL divergence (its rows' sums in row order) and its squared error (lanes added at the end). */
let blockKl: f64 = 0;
let blockSq: f64 = 0;

/** Rows r0..r1−1 (r0 even) of kl's pass: Q's rows when Q ≠ 0, and blockKl, blockSq. */
function klBlock(V: usize, M: usize, W: usize, H: usize, Q: usize, r0: i32, r1: i32, k: i32, n: i32, eps: f64, scratch: usize): void {
  const sr = <usize>n << 3;
  const sw = <usize>k << 3;
  let s = f64x2.splat(0);
  let total: f64 = 0;
  let i = r0;
  for (; i + 2 <= r1; i += 2) {
    const off = <usize>i * sr;
    klReset();
    s = rows2(WH_KL, W + <usize>i * sw, H, k, n, V + off, M != 0 ? M + off : 0, Q != 0 ? Q + off : 0, eps, s);
    total += klRow(klAcc0, klBad0, klTail0, i, V, M, W, H, k, n, scratch);
    total += klRow(klAcc1, klBad1, klTail1, i + 1, V, M, W, H, k, n, scratch);
  }
  if (i < r1) {
    const off = <usize>i * sr;
    klReset();
    s = rows1(WH_KL, W + <usize>i * sw, H, k, n, V + off, M != 0 ? M + off : 0, Q != 0 ? Q + off : 0, eps, s);
    total += klRow(klAcc0, klBad0, klTail0, i, V, M, W, H, k, n, scratch);
  }
  blockKl = total;
  blockSq = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
}

/**
 * Row i's KL sum from its lanes and odd-column term, or, when a lane met a quotient outside the
 * vectorized log's range, summed again entry by entry with Math.log (WH's row into scratch).
 */
function klRow(acc: v128, bad: v128, tail: f64, i: i32, V: usize, M: usize, W: usize, H: usize, k: i32, n: i32, scratch: usize): f64 {
  if (!v128.any_true(bad)) return f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1) + tail;
  const off = <usize>i * <usize>n << 3;
  whRowInto(W + (<usize>i * <usize>k << 3), H, scratch, k, n);
  let row: f64 = 0;
  for (let j = 0; j < n; j++) {
    const o = <usize>j << 3;
    if (M != 0 && load<f64>(M + off + o) == 0) continue;
    row += klTerm(load<f64>(V + off + o), load<f64>(scratch + o));
  }
  return row;
}

