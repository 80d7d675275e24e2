// What Compare restarts shows, computed: two factorizations' components matched after scaling W's
// columns to unit norm (W·D and D⁻¹·H give the same WH), the second one's components put in the
// first one's order; and the truth planted in generated data to match a fit against. Pure.
import type { Dense } from '../../../src/core/matrix.js';
import { plantedFactors } from '../../../src/data/generate.js';
import type { DataSpec } from '../../../src/data/spec.js';
import { alignComponents, type ComponentMatch, type Factors, matchComponents, normalizeColumns } from '../../../src/rank/match.js';

/** Two factorizations side by side: `x` normalized, `y` normalized and reordered to follow x, and how they match. */
export interface Comparison {
  readonly x: Factors;
  readonly y: Factors;
  readonly match: ComponentMatch;
}

/** Factors of W (m×k), H (k×n) given as flat row-major arrays. */
export function factorsOf(W: Float64Array, H: Float64Array, m: number, k: number, n: number): Factors {
  return { W: { rows: m, cols: k, data: W }, H: { rows: k, cols: n, data: H } };
}

/** Matches y's components to x's (Hungarian assignment on the correlation of W's columns) after normalizing both. */
export function compareFactors(x: Factors, y: Factors): Comparison {
  const nx = normalizeColumns(x);
  const ny = normalizeColumns(y);
  const match = matchComponents(nx, ny);
  return { x: nx, y: alignComponents(ny, match), match };
}

/** The W, H planted in the data of `spec` when it is generated with known factors (kind 'lowrank'), else null. */
export function plantedTruth(spec: DataSpec | undefined): { W: Dense; H: Dense } | null {
  if (spec?.kind !== 'lowrank') return null;
  return plantedFactors(spec);
}
