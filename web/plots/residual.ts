// The residual V − WH and the ranges the factor panel shares between plots, in one pass. Pure (no DOM).

/** Ranges found while forming the residual. */
export interface ResidualStats {
  /** Smallest and largest observed entry of V (NaN when none is observed). */
  vMin: number;
  vMax: number;
  /** Smallest and largest entry of WH, predicted entries included (NaN when WH is empty). */
  whMin: number;
  whMax: number;
  /** Number of missing entries of V (mask 0 or NaN). */
  missing: number;
}

/**
 * Writes R = V − WH (all m×n, row-major) into `out`, with NaN where V is missing (mask 0 or NaN in V),
 * and returns the ranges of V and WH. `out` must have length m·n.
 */
export function residualInto(
  V: ArrayLike<number>, WH: ArrayLike<number>, mask: ArrayLike<number> | null | undefined, out: Float64Array,
): ResidualStats {
  const len = out.length;
  if (V.length !== len || WH.length !== len) throw new Error(`residualInto: V has ${V.length}, WH ${WH.length}, out ${len} entries`);
  if (mask && mask.length !== len) throw new Error(`residualInto: mask has ${mask.length} entries, expected ${len}`);
  let vMin = Infinity, vMax = -Infinity, whMin = Infinity, whMax = -Infinity, missing = 0;
  for (let t = 0; t < len; t++) {
    const p = WH[t];
    if (p < whMin) whMin = p;
    if (p > whMax) whMax = p;
    const v = V[t];
    if (v !== v || (mask && mask[t] === 0)) {
      out[t] = NaN;
      missing++;
      continue;
    }
    if (v < vMin) vMin = v;
    if (v > vMax) vMax = v;
    out[t] = v - p;
  }
  const ok = (lo: number, hi: number) => lo <= hi;
  return {
    vMin: ok(vMin, vMax) ? vMin : NaN, vMax: ok(vMin, vMax) ? vMax : NaN,
    whMin: ok(whMin, whMax) ? whMin : NaN, whMax: ok(whMin, whMax) ? whMax : NaN,
    missing,
  };
}
