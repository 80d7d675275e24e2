// The one interface every solver implements, and the parameters they share.
import type { Mat } from '../core/matrix.js';
import type { Problem } from '../core/problem.js';
import type { SparseProblem } from '../core/sparse-problem.js';
import type { Rng } from '../core/rng.js';
import type { Engine } from '../wasm/engine.js';

/** Solver identifiers, as used by the CLI (--algorithm), the URL and the UI. */
export type AlgorithmId = 'mu' | 'kl' | 'als' | 'anls' | 'hals' | 'gd' | 'sgd';

/** Parameters a solver may use; each solver lists the ones it reads in SolverInfo.params. */
export interface SolverParams {
  /** ε added to the denominators of multiplicative updates (mu, kl). */
  epsilon: number;
  /** Learning rate η (gd, sgd). */
  learningRate: number;
  /** L2 penalty λ (gd, sgd). */
  l2: number;
  /** Clip W, H at 0 after each step (gd, sgd); turning it off shows why it is needed. */
  project: boolean;
  /** Extrapolate W and H between steps (anls; Ang & Gillis, src/solvers/extrapolation.ts); on by default. */
  extrapolate: boolean;
}

export type ParamId = keyof SolverParams;

/** What a solver works on: V (m×n) and its mask, the rank k, and the factors W (m×k), H (k×n) it updates in place. */
export interface SolverContext {
  readonly engine: Engine;
  readonly problem: Problem;
  readonly k: number;
  readonly W: Mat;
  readonly H: Mat;
  readonly params: SolverParams;
  /** Random stream of this run (used by sgd to shuffle); seeded by the driver. */
  readonly rng: Rng;
  /**
   * In the float32 mode, for a solver with productsWithResidual: A (m×n) with room for a float32
   * copy (Mat.f32), which the solver keeps filled and its products then read (src/driver/float32.ts).
   */
  readonly float32Copy?: (A: Mat) => Mat;
}

/** What a solver's sparse form works on: as SolverContext, with V held by its observed entries only. */
export interface SparseSolverContext extends Omit<SolverContext, 'problem'> {
  readonly problem: SparseProblem;
}

/** One factorization in progress. Allocates its workspace at creation, never inside step(). */
export interface Solver {
  /** One iteration: update H, then W, in place. */
  step(): void;
  /**
   * ‖M∘(V−WH)‖²_F after the last step if the solver can give it cheaply from products it
   * already formed (e.g. by ‖V‖² − 2 tr(WᵀVHᵀ) + tr(WᵀW·HHᵀ)); null to let the driver compute it.
   */
  residualSq?(): number | null;
  /**
   * The objective after the last step when the solver computed it on the way (kl: its KL
   * divergence, from the pass that also makes its next quotient); null to let the driver compute it.
   */
  objective?(): number | null;
  /**
   * Brings the solver's own state (beyond W and H) to where `iterations` steps from its creation
   * would have left it, without touching W or H: for a run resumed from saved factors. Only a
   * solver with such state (sgd's shuffled order and random stream) has one.
   */
  fastForward?(iterations: number): void;
  /** The solver's own state beyond W and H, packed for a saved session (a copy); only a solver with such state has one. */
  saveState?(): Float64Array;
  /**
   * Takes back the state saveState gave after `iterations` steps (instead of fastForward), or
   * says why it cannot (a state of another shape): for a run resumed from a saved session.
   */
  restoreState?(state: Float64Array, iterations: number): string | null;
  /**
   * The driver marks the run to come back to: the solver keeps what it needs to take back to its
   * own state beyond W and H the steps from here and the `back` steps before (sgd: its random
   * stream's position at each). Only a solver with such state has one.
   */
  checkpoint?(back: number): void;
  /**
   * After the driver put back W and H as at the mark: the solver's own state made as of them
   * again (the products it carries from one step to the next, e.g. WᵀW or the residual R;
   * sgd's shuffle undone; kl's cached quotient dropped), so the next step repeats it exactly.
   * Only a solver that carries such state has one.
   */
  rollback?(steps: number): void;
}

/** A solver's entry in the registry: what it is, what it accepts, how to make one. */
export interface SolverInfo {
  readonly id: AlgorithmId;
  /** Short name for menus. */
  readonly label: string;
  /** One line saying what it does. */
  readonly description: string;
  /** null when missing entries are supported, else the reason they are not. */
  readonly maskUnsupported: string | null;
  /** Whether theory says its objective never increases (tested as a property). */
  readonly monotone: boolean;
  /** The objective it decreases: the Frobenius loss or the generalized KL divergence. */
  readonly objective: 'frobenius' | 'kl';
  /** Parameters it reads. */
  readonly params: readonly ParamId[];
  /** Defaults of its parameters where they differ from DEFAULT_PARAMS. */
  readonly defaults?: Partial<SolverParams>;
  /** What to change when it diverges (shown in the stop reason). */
  readonly divergenceHint?: string;
  /**
   * Where it forms WᵀV and VHᵀ with V itself (what the float32 mode runs in float32,
   * src/driver/float32.ts): on any dense V, on a fully observed one only, or never (absent).
   */
  readonly productsWithV?: 'dense' | 'full';
  /**
   * Where it forms RHᵀ and WᵀR with its residual R = M∘(V − WH) instead (gd: on any dense V); the
   * float32 mode runs those in float32 from a copy of R made with each R (SolverContext.float32Copy).
   */
  readonly productsWithResidual?: 'dense';
  create(ctx: SolverContext): Solver;
  /** The same iteration over a sparse V's observed entries (O(nnz·k) per product); absent when there is none. */
  createSparse?(ctx: SparseSolverContext): Solver;
}

/** Defaults shared by all solvers. */
export const DEFAULT_PARAMS: SolverParams = {
  epsilon: 1e-9,
  learningRate: 1e-3,
  l2: 0.01,
  project: true,
  extrapolate: true,
};
