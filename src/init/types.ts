// The one interface every initialization implements.
import type { Dense, Mat } from '../core/matrix.js';
import type { AnyProblem } from '../core/sparse-problem.js';
import type { Rng } from '../core/rng.js';
import type { Engine } from '../wasm/engine.js';

export type InitId = 'random' | 'nndsvd' | 'nndsvda' | 'given';

/** What an initialization fills: W (m×k) and H (k×n), already allocated and zeroed. */
export interface InitContext {
  readonly engine: Engine;
  /** The matrix (sparse only for the initializations that need no more than its mean: random, given). */
  readonly problem: AnyProblem;
  readonly k: number;
  readonly W: Mat;
  readonly H: Mat;
  readonly rng: Rng;
  /** W0 (m×k) and H0 (k×n) for `given`. */
  readonly given?: { readonly W0: Dense; readonly H0: Dense };
}

/** An initialization's entry in the registry. */
export interface InitInfo {
  readonly id: InitId;
  readonly label: string;
  readonly description: string;
  /** Whether the seed changes its result (false for the deterministic SVD-based ones). */
  readonly seeded: boolean;
  run(ctx: InitContext): void;
}
