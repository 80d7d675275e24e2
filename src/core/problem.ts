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

/** V and its mask in wasm memory, with the sums every solver and the driver need. */
export interface Problem {
  readonly m: number;
  readonly n: number;
  /** V (m×n) with 0 at missing entries, so M∘V = V. */
  readonly V: Mat;
  /** M (m×n) of 1 (observed) and 0 (missing); null when every entry is observed. */
  readonly M: Mat | null;
  /** Number of observed entries. */
  readonly observed: number;
  /** ‖M∘V‖²_F. */
  readonly normV2: number;
  /** Mean of the observed entries. */
  readonly meanV: number;
  /** Linear indices i·n + j of the observed entries, in row-major order (i32, `observed` long). */
  readonly observedIdx: number;
}

/** Copies a DataMatrix into wasm memory as a Problem (no validation: see src/data/validate.ts). */
export function loadProblem(engine: Engine, data: DataMatrix): Problem {
  const { rows: m, cols: n, values } = data;
  let observed = 0;
  for (let t = 0; t < values.length; t++) if (!Number.isNaN(values[t])) observed++;
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
    const x = values[t];
    if (Number.isNaN(x)) continue;
    v[t] = x;
    if (mask) mask[t] = 1;
    idx[c++] = t;
    normV2 += x * x;
    sum += x;
  }
  return { m, n, V, M, observed, normV2, meanV: observed ? sum / observed : 0, observedIdx };
}
