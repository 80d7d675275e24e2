// Held-out entries for choosing a rank: hide a fraction of the observed entries, fit on the
// rest, and score the fit on what was hidden.
import type { DataMatrix } from '../core/problem.js';
import { Rng } from '../core/rng.js';

/** A training matrix (held-out entries turned missing) and the linear indices i·n + j held out. */
export interface Holdout {
  readonly train: DataMatrix;
  readonly heldOut: Int32Array;
}

/**
 * Hides about `fraction` of the observed entries of V (rows×cols), chosen by the seed, never
 * the last observed entry of a row or column (so the training matrix stays factorizable).
 */
export function splitHoldout(data: DataMatrix, fraction: number, seed: number): Holdout {
  const { rows: m, cols: n, values } = data;
  const rowLeft = new Int32Array(m);
  const colLeft = new Int32Array(n);
  const observed: number[] = [];
  for (let t = 0; t < values.length; t++) {
    if (Number.isNaN(values[t])) continue;
    observed.push(t);
    rowLeft[Math.floor(t / n)]++;
    colLeft[t % n]++;
  }
  const rng = new Rng(seed, 21);
  rng.shuffle(observed, observed.length);
  const want = Math.round(fraction * observed.length);
  const train = values.slice();
  const heldOut: number[] = [];
  for (const t of observed) {
    if (heldOut.length >= want) break;
    const i = Math.floor(t / n);
    const j = t % n;
    if (rowLeft[i] <= 1 || colLeft[j] <= 1) continue;
    rowLeft[i]--;
    colLeft[j]--;
    train[t] = NaN;
    heldOut.push(t);
  }
  heldOut.sort((a, b) => a - b);
  return { train: { ...data, values: train }, heldOut: Int32Array.from(heldOut) };
}

/** ‖(V − WH) on the held-out entries‖ / ‖V on them‖, for W (m×k), H (k×n) as plain arrays. */
export function heldOutRelError(V: Float64Array, n: number, W: Float64Array, H: Float64Array, k: number, heldOut: Int32Array): number {
  let r2 = 0;
  let v2 = 0;
  for (const t of heldOut) {
    const i = Math.floor(t / n);
    const j = t % n;
    let wh = 0;
    for (let a = 0; a < k; a++) wh += W[i * k + a] * H[a * n + j];
    r2 += (V[t] - wh) ** 2;
    v2 += V[t] ** 2;
  }
  return Math.sqrt(r2 / v2);
}
