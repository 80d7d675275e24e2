// One factorization from one seed: initialization, then one iteration per step(), with the
// relative error after every iteration and the stopping rules. The driver owns the loop;
// the CLI, the worker and the tests all call step() themselves.
import type { Mat } from '../core/matrix.js';
import { isSparse, SPARSE_INITS, type AnyProblem } from '../core/sparse-problem.js';
import { Rng } from '../core/rng.js';
import { initInfo } from '../init/registry.js';
import { SOLVERS, solverInfo } from '../solvers/registry.js';
import type { Solver, SolverInfo } from '../solvers/types.js';
import type { Engine } from '../wasm/engine.js';
import { checkOptions, OptionError, type FactorOptions } from './options.js';

export type StopReason = 'max-iter' | 'tolerance' | 'target' | 'diverged';

/** Why a run stopped, at which iteration, in words a user can act on. */
export interface Stop {
  readonly reason: StopReason;
  readonly iteration: number;
  readonly message: string;
}

/** The error grew this many times over its best value: a blow-up. */
const BLOW_UP = 100;
/** A relative error this close to 1 may mean WH = 0: only then are the factors scanned for a collapse. */
const COLLAPSE_SUSPECT = 1e-9;

/** A factorization V ≈ WH in progress, W (m×k) and H (k×n) in wasm memory. */
export class Factorization {
  readonly info: SolverInfo;
  readonly W: Mat;
  readonly H: Mat;
  readonly k: number;
  /** Relative error ‖M∘(V−WH)‖_F/‖M∘V‖_F after each iteration (index 0 = iteration 1). */
  readonly history: number[] = [];
  /** The solver's objective after each iteration (½‖M∘(V−WH)‖²_F, or the KL divergence for kl). */
  readonly objectiveHistory: number[] = [];
  /** Relative error of the initial W, H. */
  readonly initialRelError: number;
  iteration = 0;
  stop: Stop | null = null;
  private readonly solver: Solver;
  private readonly scratch: Mat;
  /** Sparse V only: Hᵀ (n×k), for the residual at the entries. */
  private readonly sampledHt: Mat | null;
  private sq: number;
  private objective: number;
  private best: number;

  /** Allocates W, H and the solver's workspace in the engine's arena and initializes W, H. */
  constructor(
    readonly engine: Engine,
    readonly problem: AnyProblem,
    readonly options: FactorOptions,
  ) {
    const { m, n } = problem;
    checkOptions(options, m, n);
    this.info = solverInfo(options.algorithm);
    const sparse = isSparse(problem);
    if (sparse) checkSparse(this.info, options);
    else if (problem.M && this.info.maskUnsupported) {
      throw new OptionError('algorithm', `${options.algorithm} cannot be used with missing entries: ${this.info.maskUnsupported}`);
    }
    const k = (this.k = options.rank);
    this.W = engine.mat(m, k);
    this.H = engine.mat(k, n);
    this.scratch = engine.mat(1, n);
    this.sampledHt = sparse ? engine.mat(n, k) : null;
    initInfo(options.init).run({
      engine,
      problem,
      k,
      W: this.W,
      H: this.H,
      rng: new Rng(options.seed, 0),
      given: options.given,
    });
    const ctx = { engine, k, W: this.W, H: this.H, params: options.params, rng: new Rng(options.seed, 1) };
    this.solver = sparse ? this.info.createSparse!({ ...ctx, problem }) : this.info.create({ ...ctx, problem });
    this.sq = this.residualSqDirect();
    this.objective = this.computeObjective();
    this.initialRelError = this.relErrorOf(this.sq);
    this.best = this.initialRelError;
  }

  /** Relative error after the last iteration (of the initial factors before any). */
  get relError(): number {
    return this.relErrorOf(this.sq);
  }

  /** ‖M∘(V−WH)‖_F after the last iteration. */
  get error(): number {
    return Math.sqrt(this.sq);
  }

  /** ½‖M∘(V−WH)‖²_F after the last iteration. */
  get loss(): number {
    return 0.5 * this.sq;
  }

  /** The solver's objective after the last iteration. */
  get objectiveValue(): number {
    return this.objective;
  }

  /** Generalized KL divergence of V from WH over the observed entries (NaN for a sparse V, which no kl form runs on). */
  klDivergence(): number {
    if (isSparse(this.problem)) return Number.NaN;
    const { V, M } = this.problem;
    return this.engine.ops.klDivergence(V, M, this.W, this.H, this.scratch);
  }

  /**
   * Runs one iteration (H, then W), records the relative error and sets `stop` when a
   * stopping rule fires. Stepping on after a stop is allowed (the UI's Step does it).
   */
  step(): number {
    const prevObjective = this.objective;
    this.solver.step();
    this.iteration++;
    this.sq = this.solver.residualSq?.() ?? this.residualSqDirect();
    this.objective = this.computeObjective();
    const rel = this.relErrorOf(this.sq);
    this.history.push(rel);
    this.objectiveHistory.push(this.objective);
    this.stop = this.checkStop(rel, prevObjective);
    if (rel < this.best) this.best = rel;
    return rel;
  }

  private checkStop(rel: number, prevObjective: number): Stop | null {
    const it = this.iteration;
    const o = this.options;
    const { hasNonfinite } = this.engine.ops;
    const nonFinite = !Number.isFinite(rel) || !Number.isFinite(this.objective) || hasNonfinite(this.W) || hasNonfinite(this.H);
    const hint = this.info.divergenceHint ? ` ${this.info.divergenceHint}` : '';
    if (nonFinite) {
      return { reason: 'diverged', iteration: it, message: `diverged at iteration ${it}: the error became NaN or infinite.${hint}` };
    }
    if (Math.abs(rel - 1) < COLLAPSE_SUSPECT && this.productIsZero()) {
      // projected steps that overshoot clip everything to 0, where no solver can move again
      return {
        reason: 'diverged',
        iteration: it,
        message: `diverged at iteration ${it}: W·H collapsed to zero, from which no iteration recovers.${hint}`,
      };
    }
    if (rel > BLOW_UP * this.best && rel > 1) {
      return {
        reason: 'diverged',
        iteration: it,
        message: `diverged at iteration ${it}: the relative error grew to ${fmt(rel)}, over ${BLOW_UP}× its best ${fmt(this.best)}.${hint}`,
      };
    }
    if (o.target > 0 && Math.sqrt(this.sq) <= o.target) {
      return {
        reason: 'target',
        iteration: it,
        message: `reached the target: ‖V−WH‖_F = ${fmt(Math.sqrt(this.sq))} ≤ ${o.target} at iteration ${it}`,
      };
    }
    if (o.tol > 0) {
      const change = Math.abs(prevObjective - this.objective) / Math.max(Math.abs(prevObjective), Number.MIN_VALUE);
      if (change < o.tol) {
        return {
          reason: 'tolerance',
          iteration: it,
          message: `converged at iteration ${it}: the objective changed by ${fmt(change)} < tolerance ${o.tol}`,
        };
      }
    }
    if (it >= o.maxIter) {
      return { reason: 'max-iter', iteration: it, message: `reached the maximum of ${o.maxIter} iterations` };
    }
    return null;
  }

  /** Whether WH = 0 exactly: for every a, column a of W or row a of H is all zero. */
  private productIsZero(): boolean {
    const { k } = this;
    const w = this.engine.view(this.W);
    const h = this.engine.view(this.H);
    const m = this.W.rows;
    const n = this.H.cols;
    for (let a = 0; a < k; a++) {
      let wUsed = false;
      let hUsed = false;
      for (let i = 0; i < m && !wUsed; i++) wUsed = w[i * k + a] !== 0;
      for (let j = 0; j < n && !hUsed; j++) hUsed = h[a * n + j] !== 0;
      if (wUsed && hUsed) return false;
    }
    return true;
  }

  private residualSqDirect(): number {
    const p = this.problem;
    const ops = this.engine.ops;
    if (isSparse(p)) {
      const Ht = this.sampledHt!;
      ops.transpose(this.H, Ht);
      return ops.sparseSqResidualOf(p.rows, this.W, Ht);
    }
    return ops.sqResidual(p.V, p.M, this.W, this.H);
  }

  private computeObjective(): number {
    return this.info.objective === 'kl' ? this.klDivergence() : 0.5 * this.sq;
  }

  private relErrorOf(sq: number): number {
    return Math.sqrt(Math.max(sq, 0) / this.problem.normV2);
  }
}

/** OptionError when the solver or the initialization has no form for a sparse V. */
function checkSparse(info: SolverInfo, options: FactorOptions): void {
  const sparseSolvers = SOLVERS.filter((s) => s.createSparse).map((s) => s.id);
  if (!info.createSparse) {
    throw new OptionError(
      'algorithm',
      `${info.id} has no sparse form: on a long-format matrix use one of ${sparseSolvers.join(', ')} (or a dense table)`,
    );
  }
  if (!SPARSE_INITS.includes(options.init)) {
    throw new OptionError('init', `init ${options.init} needs the dense matrix: on a long-format matrix use ${SPARSE_INITS.join(' or ')}`);
  }
}

function fmt(x: number): string {
  return x.toPrecision(3);
}
