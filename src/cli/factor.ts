// `nmf factor FILE --rank K ...`: one factorization (with restarts), printed or as JSON.
import type { Dense } from '../core/matrix.js';
import { loadProblem, type DataMatrix } from '../core/problem.js';
import type { SparseData } from '../core/sparse.js';
import { loadSparseProblem, SPARSE_INITS, type AnyProblem } from '../core/sparse-problem.js';
import { MAX_ENTRIES } from '../data/generate.js';
import { longAsDense } from '../data/long.js';
import type { Engine } from '../wasm/engine.js';
import { checkOptions, DEFAULT_OPTIONS, solverParams, type FactorOptions } from '../driver/options.js';
import { factorize, type RunResult } from '../driver/run.js';
import { initInfo } from '../init/registry.js';
import type { InitId } from '../init/types.js';
import { solverInfo } from '../solvers/registry.js';
import { createEngineNode } from '../wasm/node.js';
import {
  FACTOR_FLAGS,
  intFlag,
  longFlag,
  maxIterFlag,
  numFlag,
  parseFlags,
  precisionFlag,
  seedFlag,
  strFlag,
  threadsFlag,
} from './args.js';
import { UsageError } from './errors.js';
import { checkFolder, makeFolder, readFactorFile, readMatrixOrSparse, writeOutputs } from './io.js';

export const FACTOR_USAGE = `usage: nmf factor FILE.csv --rank K [--algorithm ID] [--init random|nndsvd|nndsvda|given]
       [--w0 FILE --h0 FILE] [--seed N] [--max-iter N] [--tol X] [--target X] [--epsilon X]
       [--learning-rate X] [--l2 X] [--no-project] [--no-extrapolate] [--restarts N] [--format table|long] [--out DIR] [--threads N]
       [--precision float64|float32] [--json]`;

/** What --out holds, for messages. */
const RESULTS = 'W.csv, H.csv, WH.csv and history.csv';

/** Runs `factor` with argv after the command name; prints to stdout; returns the exit code. */
export async function factorCommand(argv: string[], print: (s: string) => void): Promise<number> {
  const { positionals, values } = parseFlags(argv, FACTOR_FLAGS);
  if (values.help) {
    print(FACTOR_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`factor needs exactly one FILE, got ${positionals.length}\n${FACTOR_USAGE}`);
  if (values.rank === undefined) throw new UsageError(`factor needs --rank K\n${FACTOR_USAGE}`);
  const file = positionals[0];
  const out = strFlag(values, 'out');
  if (out !== undefined) checkFolder('--out', out, RESULTS); // before anything is read or computed
  const options = factorOptions(values);
  const threads = threadsFlag(values);
  const data = readMatrixOrSparse(file, longFlag(values));
  if (options.given) {
    const { W0, H0 } = options.given;
    checkFactorShape('--w0', values.w0 as string, W0, data.rows, options.rank, `the rows of ${file} × the rank`);
    checkFactorShape('--h0', values.h0 as string, H0, options.rank, data.cols, `the rank × the columns of ${file}`);
  }
  if ('nnz' in data && holdsSparse(options)) checkOptions(options, data.rows, data.cols, data.nnz, true);
  else checkOptions(options, data.rows, data.cols);
  if (out) makeFolder('--out', out, RESULTS); // every check passed: the run's results will go there
  const engine = await createEngineNode({ threads });
  try {
    const problem = loadAny(engine, data, options);
    const result = factorize(engine, problem, options);
    if (out) writeOutputs(out, data, result.W, result.H, result.history);
    if (values.json) {
      print(JSON.stringify(toJson(file, problem.m, problem.n, problem.observed, result, engine.threads, out)));
    } else {
      print(toText(file, problem.m, problem.n, problem.observed, result, engine.threads, out));
    }
    return 0;
  } finally {
    engine.close();
  }
}

/** Whether long-format data is held sparse under these options (the solver has a sparse form and the init needs no dense V). */
function holdsSparse(options: FactorOptions): boolean {
  return Boolean(solverInfo(options.algorithm).createSparse) && SPARSE_INITS.includes(options.init);
}

/**
 * The problem `factor` runs on: long-format data stays sparse when the solver and the
 * initialization have a sparse form (O(nnz·k) per product), else it is made dense (bounded by
 * MAX_ENTRIES, with a message beyond); a table is dense.
 */
function loadAny(engine: Engine, data: DataMatrix | SparseData, options: FactorOptions): AnyProblem {
  if (!('nnz' in data)) return loadProblem(engine, data);
  if (holdsSparse(options)) return loadSparseProblem(engine, data);
  return loadProblem(engine, longAsDense(data, MAX_ENTRIES));
}

/**
 * The FactorOptions of `factor`'s flags (also `export-code`'s), defaults filled in; reads --w0/--h0
 * for init 'given'. UsageError / registry errors for malformed or unknown values.
 */
export function factorOptions(values: Record<string, string | boolean | undefined>): FactorOptions {
  const algorithm = strFlag(values, 'algorithm', DEFAULT_OPTIONS.algorithm)!;
  const info = solverInfo(algorithm);
  const init = strFlag(values, 'init', values.w0 || values.h0 ? 'given' : DEFAULT_OPTIONS.init)!;
  initInfo(init);
  const base = solverParams(info.id);
  const options: FactorOptions = {
    ...DEFAULT_OPTIONS,
    algorithm: info.id,
    init: init as InitId,
    rank: intFlag(values, 'rank', 0, 1),
    seed: seedFlag(values),
    maxIter: maxIterFlag(values),
    tol: numFlag(values, 'tol', DEFAULT_OPTIONS.tol, 0),
    target: numFlag(values, 'target', DEFAULT_OPTIONS.target, 0),
    restarts: intFlag(values, 'restarts', DEFAULT_OPTIONS.restarts, 1),
    precision: precisionFlag(values),
    params: {
      epsilon: numFlag(values, 'epsilon', base.epsilon, 0),
      learningRate: numFlag(values, 'learning-rate', base.learningRate, 0),
      l2: numFlag(values, 'l2', base.l2, 0),
      project: values['no-project'] ? false : base.project,
      extrapolate: values['no-extrapolate'] ? false : base.extrapolate,
    },
  };
  if (options.init === 'given') {
    if (!values.w0 || !values.h0) throw new UsageError('--init given needs --w0 FILE and --h0 FILE');
    options.given = { W0: readFactorFile(values.w0 as string), H0: readFactorFile(values.h0 as string) };
  }
  return options;
}

/** UsageError when an initial factor is not rows×cols (`what` says where those numbers come from). */
function checkFactorShape(flag: string, path: string, F: Dense, rows: number, cols: number, what: string): void {
  if (F.rows !== rows || F.cols !== cols) {
    throw new UsageError(`${flag} ${path}: the matrix is ${F.rows}×${F.cols}, but it must be ${rows}×${cols} (${what})`);
  }
}

/** The JSON object printed by --json (W, H are in --out files, not here); `threads` = the mode it ran in. */
export function toJson(file: string, m: number, n: number, observed: number, r: RunResult, threads: number, out?: string) {
  return {
    file,
    m,
    n,
    observed,
    algorithm: r.algorithm,
    rank: r.rank,
    init: r.init,
    seed: r.seed,
    iterations: r.iterations,
    stopReason: r.stopReason,
    stopMessage: r.stopMessage,
    relError: r.relError,
    error: r.error,
    loss: r.loss,
    objective: r.objective,
    seconds: r.seconds,
    history: r.history,
    restarts: r.restarts,
    threads,
    precision: r.precision,
    ...(out ? { out } : {}),
  };
}

function toText(file: string, m: number, n: number, observed: number, r: RunResult, threads: number, out?: string): string {
  const lines = [
    `${file}: ${m}×${n}, ${observed} observed${observed < m * n ? `, ${m * n - observed} missing` : ''}`,
    `${r.algorithm}, rank ${r.rank}, init ${r.init}, seed ${r.seed}: ${r.stopMessage}`,
    `relative error ${r.relError.toPrecision(6)}  (‖V−WH‖_F = ${r.error.toPrecision(6)}) after ${r.iterations} iterations in ${r.seconds.toFixed(3)} s on ${threads === 1 ? '1 thread' : `${threads} threads`}${r.precision === 'float32' ? ', products in float32' : ''}`,
  ];
  if (r.restarts.length > 1) {
    const errs = r.restarts.map((x) => x.relError);
    lines.push(
      `${r.restarts.length} restarts: relative error from ${Math.min(...errs).toPrecision(4)} to ${Math.max(...errs).toPrecision(4)}; kept seed ${r.seed}`,
    );
  }
  if (out) lines.push(`wrote ${out}/W.csv, H.csv, WH.csv, history.csv`);
  return lines.join('\n');
}
