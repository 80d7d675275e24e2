// The matrix to factorize: as parsed (NaN = missing) and as loaded into wasm memory.
import type { Engine } from '../wasm/engine.js';
import type { Mat } from './matrix.js';

/** A matrix as it arrives from a parser or a generator: rows×cols row-major, NaN = missing. */
export interface DataMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly values: Float64Array;
  readonly rowLabels?: readonly string[];
  readonly colLabels?: readonly string[];
  /** Where it came from (file name, example id), used in messages. */
  readonly name?: string;
  /** When each column of V is an image stored row by row: its width in pixels (height = rows / width). */
  readonly imageWidth?: number;
}

/**
 * V and its mask in wasm memory, with the sums every solver and the driver need. V is held
 * divided by `scale`, a power of two that brings data near the ends of float64 (1e200, 1e-200)
 * into the middle of its range, where ‖V‖² neither overflows nor underflows; solvers factorize
 * the scaled V, and the driver reports errors and factors in the data's units.
 */
export interface Problem {
  readonly m: number;
  readonly n: number;
  /** V/scale (m×n) with 0 at missing entries, so M∘V = V. */
  readonly V: Mat;
  /** The data is scale·V (see dataScale): 1, or a power of two for data near the ends of float64. */
  readonly scale: number;
  /** M (m×n) of 1 (observed) and 0 (missing); null when every entry is observed. */
  readonly M: Mat | null;
  /** Number of observed entries. */
  readonly observed: number;
  /** ‖M∘V‖²_F (of the scaled V). */
  readonly normV2: number;
  /** Mean of the observed entries (of the scaled V). */
  readonly meanV: number;
  /** Linear indices i·n + j of the observed entries, in row-major order (i32, `observed` long). */
  readonly observedIdx: number;
}

/** Data whose largest entry is in [2^-64, 2^64) is held as it is (scale 1): arithmetic there is safe. */
const SAFE_EXPONENT = 64;
/** Largest |E| of a scale 2^E (2^E and 2^-E both finite and non-zero). */
const MAX_SCALE_EXPONENT = 1000;

/**
 * The scale of data whose largest entry is `max`: 1 when max is in [2^-64, 2^64), else the power
 * of two 2^E ≤ max < 2^(E+1), so the scaled data's largest entry is in [1, 2). A power of two
 * makes the scaling exact: V·2^j (|j| large) and V give the same scaled problem when V's largest
 * entry is in [1, 2).
 */
export function dataScale(max: number): number {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  let e = Math.floor(Math.log2(max));
  // log2 may be off by one near a power of two: make 2^e ≤ max < 2^(e+1) exact
  if (2 ** e > max) e--;
  else if (2 ** (e + 1) <= max) e++;
  if (e >= -SAFE_EXPONENT && e < SAFE_EXPONENT) return 1;
  return 2 ** Math.max(-MAX_SCALE_EXPONENT, Math.min(MAX_SCALE_EXPONENT, e));
}

/** Copies a DataMatrix into wasm memory as a Problem, divided by its dataScale (no validation: see src/data/validate.ts). */
export function loadProblem(engine: Engine, data: DataMatrix): Problem {
  const { rows: m, cols: n, values } = data;
  let observed = 0;
  let max = 0;
  for (let t = 0; t < values.length; t++) {
    const x = values[t];
    if (Number.isNaN(x)) continue;
    observed++;
    if (Math.abs(x) > max) max = Math.abs(x);
  }
  const scale = dataScale(max);
  const inverse = 1 / scale; // exact: scale is a power of two
  const V = engine.mat(m, n);
  const M = observed < m * n ? engine.mat(m, n) : null;
  const observedIdx = engine.i32(observed);
  const v = engine.view(V);
  const mask = M ? engine.view(M) : null;
  const idx = engine.viewI32(observedIdx, observed);
  let normV2 = 0;
  let sum = 0;
  let c = 0;
  for (let t = 0; t < values.length; t++) {
    if (Number.isNaN(values[t])) continue;
    const x = values[t] * inverse;
    v[t] = x;
    if (mask) mask[t] = 1;
    idx[c++] = t;
    normV2 += x * x;
    sum += x;
  }
  return { m, n, V, M, scale, observed, normV2, meanV: observed ? sum / observed : 0, observedIdx };
}
