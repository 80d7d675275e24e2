// One factorization from one seed: initialization, then one iteration per step(), with the
// relative error after every iteration and the stopping rules. The driver owns the loop;
// the CLI, the worker and the tests all call step() themselves.
import { History } from '../core/history.js';
import type { Dense, Mat } from '../core/matrix.js';
import { isSparse, SPARSE_INITS, type AnyProblem } from '../core/sparse-problem.js';
import { Rng } from '../core/rng.js';
import { initInfo } from '../init/registry.js';
import { SOLVERS, solverInfo } from '../solvers/registry.js';
import type { Solver, SolverInfo } from '../solvers/types.js';
import type { Engine } from '../wasm/engine.js';
import { float32Room, type Precision, usesFloat32, withFloat32 } from './float32.js';
import { Marks } from './marks.js';
import { checkOptions, OptionError, type FactorOptions } from './options.js';
import { startProblem, type RunStart, type Stop } from './runStart.js';
import { stopFor } from './stopRules.js';

export { startProblem, type RunStart, type Stop, type StopReason } from './runStart.js';

/** The driver's counters a mark keeps beside W and H. */
interface MarkCounters {
  readonly sq: number;
  readonly objective: number;
  readonly best: number;
  readonly stop: Stop | null;
}

/** A factorization V ≈ WH in progress, W (m×k) and H (k×n) in wasm memory. */
export class Factorization {
  readonly info: SolverInfo;
  readonly W: Mat;
  readonly H: Mat;
  readonly k: number;
  private readonly relErrors = new History();
  private readonly objectives = new History();
  /** Relative error of the initial W, H. */
  readonly initialRelError: number;
  /** The solver's objective at the initial W, H (of a resumed run: at its start), in the data's units. */
  readonly initialObjective: number;
  iteration = 0;
  stop: Stop | null = null;
  /** The precision V's products run in: float32 when asked for and the solver forms them (usesFloat32), else float64. */
  readonly precision: Precision;
  /** √(problem.scale): W and H in wasm memory times this are the data's factors. */
  private readonly rootScale: number;
  private readonly solver: Solver;
  private readonly scratch: Mat;
  /** Sparse V only: Hᵀ (n×k), for the residual at the entries. */
  private readonly sampledHt: Mat | null;
  private sq: number;
  private objective: number;
  /** The lowest relative error so far (initial or after any iteration), for the blow-up rule. */
  private best: number;
  /** The states mark() kept, for backToMark(). */
  private readonly marks = new Marks<MarkCounters>();

  /**
   * Allocates W, H and the solver's workspace in the engine's arena and initializes W, H, or,
   * given `start`, copies its W, H and goes on from its iteration (OptionError 'start' when it
   * does not fit the data and rank). The solver is brought to that iteration too (sgd replays
   * its shuffles), so a resumed run continues exactly as the uninterrupted one would.
   */
  constructor(
    readonly engine: Engine,
    readonly problem: AnyProblem,
    public options: FactorOptions,
    start?: RunStart,
  ) {
    const { m, n } = problem;
    const sparse = isSparse(problem);
    checkOptions(options, m, n, problem.observed, sparse);
    this.info = solverInfo(options.algorithm);
    if (sparse) checkSparse(this.info, options);
    else if (problem.M && this.info.maskUnsupported) {
      throw new OptionError('algorithm', `${options.algorithm} cannot be used with missing entries: ${this.info.maskUnsupported}`);
    }
    const k = (this.k = options.rank);
    this.W = engine.mat(m, k);
    this.H = engine.mat(k, n);
    this.scratch = engine.mat(1, n);
    // the solvers see V/scale: given factors in the data's units are divided by √scale each (exact)
    this.rootScale = Math.sqrt(problem.scale);
    this.sampledHt = sparse ? engine.mat(n, k) : null;
    if (start) {
      const why = startProblem(start, m, k, n);
      if (why) throw new OptionError('start', why);
      engine.view(this.W).set(this.rootScale === 1 ? start.W : start.W.map((x) => x / this.rootScale));
      engine.view(this.H).set(this.rootScale === 1 ? start.H : start.H.map((x) => x / this.rootScale));
    } else {
      const given =
        options.given && this.rootScale !== 1
          ? { W0: scaled(options.given.W0, 1 / this.rootScale), H0: scaled(options.given.H0, 1 / this.rootScale) }
          : options.given;
      initInfo(options.init).run({
        engine,
        problem,
        k,
        W: this.W,
        H: this.H,
        rng: new Rng(options.seed, 0),
        given,
      });
    }
    const ctx = { engine, k, W: this.W, H: this.H, params: options.params, rng: new Rng(options.seed, 1) };
    // float32 mode: the solver's V (or its residual, gd) carries a float32 copy for its products (the initialization and every error stay float64)
    this.precision =
      !sparse && options.precision === 'float32' && usesFloat32(options.algorithm, problem.M !== null) ? 'float32' : 'float64';
    if (sparse) this.solver = this.info.createSparse!({ ...ctx, problem });
    else if (this.precision === 'float64') this.solver = this.info.create({ ...ctx, problem });
    else if (this.info.productsWithV) this.solver = this.info.create({ ...ctx, problem: withFloat32(engine, problem, k) });
    else this.solver = this.info.create({ ...ctx, problem, float32Copy: (A) => float32Room(engine, A, k) });
    this.sq = this.residualSqDirect();
    this.objective = this.computeObjective();
    this.initialObjective = this.inDataUnits(this.objective);
    const rel = this.relErrorOf(this.sq);
    if (!start) {
      this.initialRelError = rel;
      this.best = rel;
      return;
    }
    if (start.solverState && this.solver.restoreState) {
      const why = this.solver.restoreState(start.solverState, start.iteration);
      if (why) throw new OptionError('start', why);
    } else this.solver.fastForward?.(start.iteration);
    if (start.objective !== undefined) this.objective = this.inScaledUnits(start.objective);
    this.iteration = start.iteration;
    for (const e of start.history) {
      this.relErrors.push(e);
      this.objectives.push(Number.NaN); // not saved: unknown before the start
    }
    this.initialRelError = start.initialRelError ?? (start.iteration === 0 ? rel : Number.NaN);
    // the best error so far, as step() would have tracked it (NaN never counts as lower)
    let best = Number.isNaN(this.initialRelError) ? rel : this.initialRelError;
    for (const e of start.history) if (e < best) best = e;
    this.best = best;
    this.stop = start.stop ?? null;
  }

  /** The solver's own state beyond W and H (a copy, for RunStart.solverState), or undefined when it has none. */
  get solverState(): Float64Array | undefined {
    return this.solver.saveState?.();
  }

  /** Relative error ‖M∘(V−WH)‖_F/‖M∘V‖_F after each iteration (index 0 = iteration 1): a view, no copy. */
  get history(): Float64Array {
    return this.relErrors.view();
  }

  /** The solver's objective after each iteration (½‖M∘(V−WH)‖²_F, or the KL divergence for kl), in the data's units (NaN before a RunStart): a view, no copy. */
  get objectiveHistory(): Float64Array {
    return this.objectives.view();
  }

  /** Relative error after the last iteration (of the initial factors before any); of a resumed run, the saved one. */
  get relError(): number {
    return this.history.length ? this.history[this.history.length - 1] : this.relErrorOf(this.sq);
  }

  /** ‖M∘(V−WH)‖_F after the last iteration, in the data's units. */
  get error(): number {
    return Math.sqrt(this.sq) * this.problem.scale;
  }

  /** ½‖M∘(V−WH)‖²_F after the last iteration, in the data's units (Infinity when that passes float64, for data near 1e200). */
  get loss(): number {
    return 0.5 * this.error ** 2;
  }

  /** The solver's objective after the last iteration, in the data's units. */
  get objectiveValue(): number {
    return this.inDataUnits(this.objective);
  }

  /** Generalized KL divergence of V from WH over the observed entries, in the data's units. */
  klDivergence(): number {
    if (isSparse(this.problem)) return Number.NaN;
    return this.problem.scale * this.scaledKl();
  }

  /** W (m×k) in the data's units, row-major: a view on wasm memory when the data needed no scaling, else a copy. */
  factorW(): Float64Array {
    return this.inUnits(this.engine.view(this.W));
  }

  /** H (k×n) in the data's units, row-major: a view on wasm memory when the data needed no scaling, else a copy. */
  factorH(): Float64Array {
    return this.inUnits(this.engine.view(this.H));
  }

  private inUnits(view: Float64Array): Float64Array {
    if (this.rootScale === 1) return view;
    const out = new Float64Array(view.length);
    for (let t = 0; t < view.length; t++) out[t] = view[t] * this.rootScale;
    return out;
  }

  /** An objective in the data's units as one of the scaled problem (inDataUnits undone). */
  private inScaledUnits(objective: number): number {
    const s = this.problem.scale;
    return this.info.objective === 'kl' ? objective / s : objective / (s * s);
  }

  /** An objective of the scaled problem in the data's units (×scale² for ½‖·‖², ×scale for KL). */
  private inDataUnits(objective: number): number {
    const s = this.problem.scale;
    return this.info.objective === 'kl' ? objective * s : objective * s * s;
  }

  private scaledKl(): number {
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
    this.relErrors.push(rel);
    this.objectives.push(this.inDataUnits(this.objective));
    this.stop = this.checkStop(rel, prevObjective);
    if (rel < this.best) this.best = rel;
    return rel;
  }

  /**
   * Keeps the run as it is now (W, H copied, the counters, the solver's own state) for
   * backToMark(), with a few marks before it (src/driver/marks.ts): the app marks each iteration it shows while
   * running, and a Pause goes back to the one the page showed (a later one may be on its way).
   */
  mark(): void {
    const { iteration, sq, objective, best, stop } = this;
    const back = this.marks.keep(iteration, this.engine.view(this.W), this.engine.view(this.H), { sq, objective, best, stop });
    this.solver.checkpoint?.(back);
  }

  /** Whether a mark kept `iteration` (none after new limits). */
  hasMark(iteration: number): boolean {
    return this.marks.at(iteration) !== undefined;
  }

  /**
   * Takes back the steps since the mark at `iteration`: W, H, the iteration, the history, the stop
   * and the solver's state are as they were then, so the next step() repeats the first of them bit
   * for bit (the app's Pause, at the iteration the page showed). False when no mark kept that
   * iteration or the run is there.
   */
  backToMark(iteration: number): boolean {
    const b = this.marks.at(iteration);
    if (!b || this.iteration <= iteration) return false;
    this.engine.view(this.W).set(b.W);
    this.engine.view(this.H).set(b.H);
    this.solver.rollback?.(this.iteration - b.iteration);
    for (; this.iteration > iteration; this.iteration--) {
      this.relErrors.pop();
      this.objectives.pop();
    }
    ({ sq: this.sq, objective: this.objective, best: this.best, stop: this.stop } = b.counters);
    this.marks.dropAfter(iteration);
    return true;
  }

  /**
   * New stopping limits for this same run (W, H and the iteration stay): a stop the new limits no
   * longer call for is lifted, so raising Max iterations or lowering the tolerance lets a stopped
   * run go on, and a limit the run has already passed stops it; a divergence stays. Throws
   * OptionError for a limit out of range.
   */
  setLimits(limits: Pick<FactorOptions, 'maxIter' | 'tol' | 'target'>): void {
    const next = { ...this.options, ...limits };
    checkOptions(next, this.problem.m, this.problem.n, this.problem.observed, isSparse(this.problem));
    this.options = next;
    this.marks.clear(); // their stops were judged by the old limits
    if (this.iteration > 0 && this.stop?.reason !== 'diverged') {
      const h = this.objectiveHistory;
      const prev = this.inScaledUnits(h.length >= 2 ? h[h.length - 2] : this.initialObjective);
      this.stop = this.checkStop(this.relError, prev);
    }
  }

  private checkStop(rel: number, prevObjective: number): Stop | null {
    const { hasNonfinite } = this.engine.ops;
    return stopFor(
      {
        iteration: this.iteration,
        rel,
        error: this.error,
        objective: this.objective,
        prevObjective,
        best: this.best,
        nonFinite: !Number.isFinite(rel) || !Number.isFinite(this.objective) || hasNonfinite(this.W) || hasNonfinite(this.H),
        productIsZero: () => this.productIsZero(),
        hint: this.info.divergenceHint,
      },
      this.options,
    );
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
    if (this.info.objective !== 'kl') return 0.5 * this.sq;
    return (this.iteration > 0 ? this.solver.objective?.() : null) ?? this.scaledKl();
  }

  private relErrorOf(sq: number): number {
    return Math.sqrt(Math.max(sq, 0) / this.problem.normV2);
  }
}

/** A copy of `F` with every entry times `c`. */
function scaled(F: Dense, c: number): Dense {
  return { rows: F.rows, cols: F.cols, data: F.data.map((x) => x * c) };
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
