// How good the predictions are: hide a seeded share of the observed ratings, fit on the rest,
// and measure the error of the predictions on what was hidden.
import type { DataMatrix } from '../core/problem.js';
import { loadProblem } from '../core/problem.js';
import type { FactorOptions } from '../driver/options.js';
import { factorize } from '../driver/run.js';
import { heldOutRelError, splitHoldout } from '../rank/holdout.js';
import type { Engine } from '../wasm/engine.js';
import { InputError } from './errors.js';
import { observedRange } from './recommend.js';

/** The share of observed entries held out when none is given. */
export const DEFAULT_PREDICTION_HOLDOUT = 0.2;

/** The error of predicting held-out entries from a fit on the others. */
export interface PredictionError {
  /** Number of observed entries held out. */
  readonly heldOut: number;
  /** Root mean square of (V − WH) over the held-out entries. */
  readonly rmse: number;
  /** The same with WH clipped to the training entries' range (as the Top predictions table shows them). */
  readonly rmseClipped: number;
  /** ‖(V − WH) on the held-out entries‖ / ‖V on them‖ (unclipped). */
  readonly relError: number;
  /** Mean absolute error over the held-out entries (unclipped). */
  readonly mae: number;
  /** The fit's relative error on the entries it was fitted to (‖M∘(V−WH)‖/‖M∘V‖ over the kept ones), to read beside relError. */
  readonly fitError: number;
}

/**
 * Hides `fraction` of V's observed entries (m×n, NaN = missing; splitHoldout with
 * options.seed, never a row's or column's last entry), factorizes the rest with `options`
 * (restarts included, the best kept) and scores WH on the hidden entries. Deterministic for
 * (data, options, fraction). The engine's arena is left as it was. Throws InputError for a
 * fraction outside (0, 1) or when no entry can be held out.
 */
export function predictionHeldOutError(
  engine: Engine,
  data: DataMatrix,
  options: FactorOptions,
  fraction = DEFAULT_PREDICTION_HOLDOUT,
): PredictionError {
  if (!(fraction > 0 && fraction < 1))
    throw new InputError(`held-out fraction ${fraction} must be between 0 and 1`, { parameter: 'holdout' });
  const split = splitHoldout(data, fraction, options.seed);
  if (split.heldOut.length === 0) {
    throw new InputError(`${data.name ?? 'data'}: no rating can be held out (each one is the last of its row or column)`, {
      parameter: 'holdout',
    });
  }
  const mark = engine.mark();
  try {
    const fit = factorize(engine, loadProblem(engine, split.train), options);
    const { cols: n, values: V } = data;
    const k = fit.rank;
    const W = fit.W.data;
    const H = fit.H.data;
    const { min, max } = observedRange(split.train.values);
    let sq = 0;
    let sqClipped = 0;
    let abs = 0;
    for (const t of split.heldOut) {
      const i = Math.floor(t / n);
      const j = t % n;
      let wh = 0;
      for (let a = 0; a < k; a++) wh += W[i * k + a] * H[a * n + j];
      const clipped = Math.min(max, Math.max(min, wh));
      sq += (V[t] - wh) ** 2;
      sqClipped += (V[t] - clipped) ** 2;
      abs += Math.abs(V[t] - wh);
    }
    const count = split.heldOut.length;
    return {
      heldOut: count,
      rmse: Math.sqrt(sq / count),
      rmseClipped: Math.sqrt(sqClipped / count),
      relError: heldOutRelError(V, n, W, H, k, split.heldOut),
      mae: abs / count,
      fitError: fit.relError,
    };
  } finally {
    engine.release(mark);
  }
}
