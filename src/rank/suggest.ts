// The suggested rank: the smallest rank whose mean held-out error is within one standard error
// of the lowest mean (the one-standard-error rule), with its reason in words; and the note that
// one of its components may only be modelling a constant part of V (a noise floor).
import type { Dense } from '../core/matrix.js';

/**
 * The constant-part test. Noise with a non-zero mean adds c·11ᵀ to V; a factorization models it
 * once the all-ones vector lies (nearly) in the span of the columns of W and of the rows of H.
 * The note is given when going from rank K − 1 to the suggested K brings 1 that much closer to
 * both spans: sin∠(1, span) shrinks to at most CONSTANT_SHRINK of its value at K − 1 and is at
 * most CONSTANT_SIN. (Looking for one nearly constant column of W and row of H does not work:
 * NMF spreads the constant over all components; test/rank-suggest.test.ts has both cases.)
 */
export const CONSTANT_SHRINK = 0.6;
export const CONSTANT_SIN = 0.2;

/** What the suggestion needs of each surveyed rank. */
export interface RankEvidence {
  readonly rank: number;
  readonly heldOutError: number | null;
  readonly heldOutStdErr: number | null;
  /** The best factorization at this rank: W (m×k), H (k×n). */
  readonly best: { readonly W: Dense; readonly H: Dense } | null;
}

/** The suggested rank and why. */
export interface Suggestion {
  /** null when there is no held-out error to go by. */
  readonly suggestedRank: number | null;
  /** The reason in words, shown after "Suggested rank: K". */
  readonly reason: string;
  /** The rank with the lowest mean held-out error, or null. */
  readonly lowestRank: number | null;
  /** Whether the constant-part test fired at the suggested rank (the reason then says so). */
  readonly constantPart: boolean;
}

/** Applies the one-standard-error rule to the ranks surveyed so far (any order, any subset). */
export function suggestRank(ranks: readonly RankEvidence[]): Suggestion {
  const none = (reason: string): Suggestion => ({ suggestedRank: null, reason, lowestRank: null, constantPart: false });
  if (ranks.length === 0) return none('no rank has been surveyed yet');
  const sorted = [...ranks].sort((a, b) => a.rank - b.rank);
  const scored = sorted.filter((p) => p.heldOutError !== null && Number.isFinite(p.heldOutError));
  if (scored.length === 0) {
    return sorted.some((p) => p.heldOutError !== null)
      ? none('no rank has a finite held-out error (every held-out fit diverged)')
      : none('the suggestion needs a held-out set (a held-out fraction above 0)');
  }
  let lowest = scored[0];
  for (const p of scored) if (p.heldOutError! < lowest.heldOutError!) lowest = p;
  const se = lowest.heldOutStdErr;
  const chosen = scored.find((p) => p.heldOutError! <= lowest.heldOutError! + (se ?? 0))!;
  const k = lowest.rank;
  const parts: string[] = [];
  if (chosen.rank < k) parts.push(`held-out error is lowest at k = ${k}; k = ${chosen.rank} is within one standard error of it`);
  else if (k === sorted[0].rank) parts.push(`held-out error is lowest at k = ${k}, the lowest rank surveyed`);
  else if (se === null) parts.push(`held-out error is lowest at k = ${k} (one restart: no standard error to allow for a smaller rank)`);
  else parts.push(`held-out error is lowest at k = ${k}, and no smaller rank is within one standard error of it`);
  if (k === sorted.at(-1)!.rank && sorted.length > 1) parts.push('it is the highest rank surveyed, so a higher rank may do better');
  const below = sorted.find((p) => p.rank === chosen.rank - 1);
  const constantPart = !!(below?.best && chosen.best && addsConstant(below.best, chosen.best));
  if (constantPart) {
    parts.push(
      `the step from k = ${chosen.rank - 1} to ${chosen.rank} brings a constant into the model: if the noise has a non-zero mean, one extra component may model that constant part, and k = ${chosen.rank - 1} may describe the structure`,
    );
  }
  return { suggestedRank: chosen.rank, reason: parts.join('; '), lowestRank: k, constantPart };
}

/** The constant-part test between the best factorizations at ranks K − 1 (`lower`) and K (`upper`). */
export function addsConstant(lower: { W: Dense; H: Dense }, upper: { W: Dense; H: Dense }): boolean {
  const a = onesAngles(lower.W, lower.H);
  const b = onesAngles(upper.W, upper.H);
  return b.sinW <= CONSTANT_SIN && b.sinH <= CONSTANT_SIN && b.sinW <= CONSTANT_SHRINK * a.sinW && b.sinH <= CONSTANT_SHRINK * a.sinH;
}

/** sin of the angle between the all-ones vector and the span of the columns of W (m×k), and of the rows of H (k×n). */
export function onesAngles(W: Dense, H: Dense): { sinW: number; sinH: number } {
  const k = W.cols;
  return { sinW: sinToSpan(W.data, W.rows, k, k, 1), sinH: sinToSpan(H.data, H.cols, k, 1, H.cols) };
}

/**
 * sin∠(1, span{v_0 … v_{k−1}}) for vectors of length len with v_a[i] = x[i·si + a·sa]: the norm
 * of what is left of 1/√len after Gram–Schmidt (done twice, for accuracy) against the v_a.
 */
function sinToSpan(x: ArrayLike<number>, len: number, k: number, si: number, sa: number): number {
  const basis: Float64Array[] = [];
  const r = new Float64Array(len).fill(1 / Math.sqrt(len));
  for (let a = 0; a < k; a++) {
    const v = Float64Array.from({ length: len }, (_, i) => x[i * si + a * sa]);
    const norm0 = norm2(v);
    for (let pass = 0; pass < 2; pass++) for (const q of basis) subtract(v, q);
    const norm = norm2(v);
    if (norm > 1e-10 * norm0) basis.push(v.map((t) => t / norm));
  }
  for (let pass = 0; pass < 2; pass++) for (const q of basis) subtract(r, q);
  return norm2(r);
}

/** v ← v − (q·v) q for a unit vector q. */
function subtract(v: Float64Array, q: Float64Array): void {
  let d = 0;
  for (let i = 0; i < v.length; i++) d += q[i] * v[i];
  for (let i = 0; i < v.length; i++) v[i] -= d * q[i];
}

function norm2(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}
