// Explore the rank: for each k, the fit error over restarts, the held-out error and the
// consensus stability (cophenetic correlation).
import type { DataMatrix } from '../core/problem.js';
import { loadProblem } from '../core/problem.js';
import { Factorization } from '../driver/factorization.js';
import type { FactorOptions } from '../driver/options.js';
import { runToStop } from '../driver/run.js';
import type { Engine } from '../wasm/engine.js';
import { addConnectivity, copheneticCorrelation } from './consensus.js';
import { heldOutRelError, splitHoldout } from './holdout.js';

/** Above this many columns the O(n³) consensus clustering is skipped (cophenetic = null). */
export const MAX_CONSENSUS_COLS = 500;

/** What to sweep: the ranks, how many seeds per rank, the held-out fraction (0 = none). */
export interface RankSweepOptions {
  readonly ranks: readonly number[];
  readonly restarts: number;
  readonly holdout: number;
  /** Algorithm, init, first seed, stopping rules and parameters; `rank` and `restarts` are ignored. */
  readonly base: FactorOptions;
}

/** The measures of one rank. */
export interface RankPoint {
  readonly rank: number;
  /** Best relative error over the restarts, fitting all observed entries. */
  readonly relError: number;
  /** Worst relative error over the restarts (the spread NMF's non-uniqueness gives). */
  readonly relErrorMax: number;
  /** Relative error on the held-out entries after fitting the rest (best training restart); null without holdout. */
  readonly heldOutRelError: number | null;
  /** Cophenetic correlation of the consensus over restarts; null with 1 restart or too many columns. */
  readonly cophenetic: number | null;
}

/** Runs the sweep; calls onPoint after each rank (for progress). Deterministic for given options. */
export function rankSweep(engine: Engine, data: DataMatrix, o: RankSweepOptions, onPoint?: (p: RankPoint) => void): RankPoint[] {
  const mark = engine.mark();
  try {
    const full = loadProblem(engine, data);
    const split = o.holdout > 0 ? splitHoldout(data, o.holdout, o.base.seed) : null;
    const train = split ? loadProblem(engine, split.train) : null;
    const n = data.cols;
    const withConsensus = o.restarts >= 2 && n <= MAX_CONSENSUS_COLS;
    const points: RankPoint[] = [];
    for (const rank of o.ranks) {
      const errors: number[] = [];
      const consensus = withConsensus ? new Float64Array(n * n) : null;
      let heldBest = Infinity;
      let heldOut: number | null = null;
      for (let r = 0; r < o.restarts; r++) {
        const options = { ...o.base, rank, seed: o.base.seed + r, restarts: 1 };
        const m2 = engine.mark();
        const f = new Factorization(engine, full, options);
        runToStop(f);
        errors.push(f.relError);
        if (consensus) addConnectivity(consensus, engine.view(f.H), rank, n);
        engine.release(m2);
        if (split && train) {
          const g = new Factorization(engine, train, options);
          runToStop(g);
          if (g.objectiveValue < heldBest) {
            heldBest = g.objectiveValue;
            heldOut = heldOutRelError(data.values, n, engine.view(g.W), engine.view(g.H), rank, split.heldOut);
          }
          engine.release(m2);
        }
      }
      const p: RankPoint = {
        rank,
        relError: Math.min(...errors),
        relErrorMax: Math.max(...errors),
        heldOutRelError: heldOut,
        cophenetic: consensus ? copheneticCorrelation(consensus, o.restarts, n) : null,
      };
      points.push(p);
      onPoint?.(p);
    }
    return points;
  } finally {
    engine.release(mark);
  }
}

/** Parses "A..B" (or a single "K") into the list of ranks A, A+1, …, B; null when malformed. */
export function parseRankRange(s: string): number[] | null {
  const m = /^\s*(\d+)\s*(?:\.\.\s*(\d+))?\s*$/.exec(s);
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (a < 1 || b < a) return null;
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}
