// Time to quality (issue 10): for each solver × initialization, the CPU seconds (initialization
// included) and iterations ours needs to reach a stated relative error ‖V−WH‖_F/‖V‖_F, against
// RcppML (R's RcppML::nmf with its defaults, seed 42) and scikit-learn (cd and mu) in the same run.
//   Matrices (numpy, the recipe): rng = default_rng(42); W0 = rng.random((m, k));
//   H0 = rng.random((k, n)); V = W0·H0 + 0.01·|rng.standard_normal((m, n))|: 2000×1000 k = 20, 500×400 k = 10.
//   Target: the relative error RcppML reaches with its defaults (tol 1e-4), or, without R, 1.01× the best
//   error ours reaches; each side's time is to the first iteration at or below it.
//   sklearn: the first iteration its trajectory (chained max_iter=1 fits) reaches the target, then the
//   CPU time of one fresh fit with that max_iter (bench/sklearn_nmf.py), from NNDSVDa and from our random W0, H0.
// Writes bench/time-to-quality.json and, with python3's matplotlib, bench/time-to-quality.png.
// Run: npm run bench -- quality   (or npx tsx bench/quality.ts [--budget 6] [--small-only | --large-only])
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProblem } from '../src/core/problem.js';
import { Factorization } from '../src/driver/factorization.js';
import type { Precision } from '../src/driver/float32.js';
import { DEFAULT_OPTIONS, solverParams } from '../src/driver/options.js';
import { DEFAULT_PARAMS } from '../src/solvers/types.js';
import type { InitId } from '../src/init/types.js';
import type { AlgorithmId } from '../src/solvers/types.js';
import { createEngineNode } from '../src/wasm/node.js';
import { DEFAULT_PYTHON, SklearnProcess, type SkInit, type SkSolver } from './sklearn-python.js';

const HERE = new URL('.', import.meta.url).pathname;
const SOLVERS: readonly AlgorithmId[] = ['anls', 'als', 'hals', 'mu'];
const INITS: readonly InitId[] = ['random', 'nndsvd', 'nndsvda'];
const CASES: readonly { readonly m: number; readonly n: number; readonly k: number }[] = [
  { m: 2000, n: 1000, k: 20 },
  { m: 500, n: 400, k: 10 },
];

/** One side's time to the target (null when not reached in its budget), and its trajectory for the plot. */
export interface QualityRow {
  readonly who: string;
  readonly method: string;
  readonly init: string;
  readonly iterations: number | null;
  readonly seconds: number | null;
  readonly finalRelError: number;
  /** (CPU seconds, relative error) after each iteration (ours only). */
  readonly curve?: readonly [number, number][];
}

function cpuSeconds(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
}

/** Writes V.f64, W0.f64, H0.f64 (our random start, handed to sklearn as init='custom') for one case. */
function makeMatrix(dir: string, m: number, n: number, k: number): Float64Array {
  const py = `import numpy as np, sys
rng = np.random.default_rng(42)
W0 = rng.random((${m}, ${k})); H0 = rng.random((${k}, ${n}))
V = W0 @ H0 + 0.01 * np.abs(rng.standard_normal((${m}, ${n})))
V.astype('<f8').tofile(sys.argv[1])`;
  const r = spawnSync(DEFAULT_PYTHON, ['-c', py, join(dir, 'V.f64')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`numpy: ${r.stderr}`);
  const b = readFileSync(join(dir, 'V.f64'));
  return new Float64Array(b.buffer, b.byteOffset, m * n).slice();
}

/** RcppML::nmf(V, k, seed = 42) with its defaults: wall and CPU seconds, iterations, relative error; or why skipped. */
function rcppml(dir: string, m: number, n: number, k: number): QualityRow | { skip: string } {
  const script = `suppressMessages(library(RcppML))
V <- matrix(readBin("${join(dir, 'V.f64')}", "double", ${m * n}, 8, endian = "little"), ${m}, ${n}, byrow = TRUE)
t0 <- proc.time()
fit <- RcppML::nmf(V, ${k}, seed = 42, verbose = FALSE)
t <- proc.time() - t0
err <- norm(V - fit$w %*% diag(fit$d) %*% fit$h, "F") / norm(V, "F")
cat(sprintf("%d %.6f %.6f %.10f %s\\n", fit$iter, t[["elapsed"]], t[["user.self"]] + t[["sys.self"]], err, as.character(packageVersion("RcppML"))))`;
  const r = spawnSync('Rscript', ['-e', script], { encoding: 'utf8' });
  if (r.error) return { skip: 'Rscript not found (apt-get install r-base-core r-cran-rcppml)' };
  if (r.status !== 0) return { skip: `RcppML failed: ${r.stderr.trim().split('\n').at(-1)}` };
  const [iter, wall, cpu, err, version] = r.stdout.trim().split(' ');
  return {
    who: `RcppML ${version}`,
    method: 'nmf (defaults)',
    init: 'random',
    iterations: Number(iter),
    seconds: Number(cpu),
    finalRelError: Number(err),
    curve: [[Number(wall), Number(err)]],
  };
}

/** Ours: iterate until the relative error is ≤ target, or the CPU budget or 2000 iterations run out. */
async function ours(
  V: Float64Array,
  m: number,
  n: number,
  k: number,
  algorithm: AlgorithmId,
  init: InitId,
  target: number,
  budget: number,
): Promise<QualityRow> {
  const engine = await createEngineNode();
  const problem = loadProblem(engine, { rows: m, cols: n, values: V });
  const c0 = cpuSeconds();
  const f = new Factorization(engine, problem, {
    ...DEFAULT_OPTIONS,
    algorithm,
    init,
    rank: k,
    seed: 42,
    tol: 0,
    maxIter: 2000,
    params: solverParams(algorithm),
  });
  const curve: [number, number][] = [[cpuSeconds() - c0, f.initialRelError]];
  let reached: number | null = null;
  while (!f.stop) {
    const e = f.step();
    const t = cpuSeconds() - c0;
    curve.push([t, e]);
    if (e <= target) {
      reached = t;
      break;
    }
    if (t > budget) break;
  }
  return {
    who: 'ours',
    method: algorithm,
    init,
    iterations: reached === null ? null : f.iteration,
    seconds: reached,
    finalRelError: f.relError,
    curve,
  };
}

/**
 * Wall seconds (initialization included) of the CLI's defaults (DEFAULT_OPTIONS' algorithm and
 * init, seed 42) on `threads` threads at `precision` to the target, and the iterations; null seconds when not reached in 2000.
 */
async function oursWall(
  V: Float64Array,
  m: number,
  n: number,
  k: number,
  target: number,
  threads: number,
  precision: Precision = 'float64',
  extrapolate = DEFAULT_PARAMS.extrapolate,
) {
  const engine = await createEngineNode({ threads });
  try {
    const problem = loadProblem(engine, { rows: m, cols: n, values: V });
    const t0 = performance.now();
    const params = solverParams(DEFAULT_OPTIONS.algorithm, { extrapolate });
    const f = new Factorization(engine, problem, { ...DEFAULT_OPTIONS, rank: k, seed: 42, tol: 0, maxIter: 2000, precision, params });
    while (!f.stop) if (f.step() <= target) return { seconds: (performance.now() - t0) / 1000, iterations: f.iteration };
    return { seconds: null, iterations: f.iteration };
  } finally {
    engine.close();
  }
}

/** sklearn's time to the target from one start, or null when its trajectory does not reach it within `iterations`. */
async function sklearnRow(sk: SklearnProcess, solver: SkSolver, init: SkInit, target: number, iterations: number): Promise<QualityRow> {
  const t = await sk.trajectory(solver, init, iterations);
  const at = t.relErrors.findIndex((e) => e <= target);
  const label = init === 'custom' ? 'random (ours)' : init;
  if (at < 0)
    return { who: 'scikit-learn', method: solver, init: label, iterations: null, seconds: null, finalRelError: t.relErrors.at(-1)! };
  const timing = await sk.time(solver, init, at + 1, 1);
  return {
    who: 'scikit-learn',
    method: solver,
    init: label,
    iterations: at + 1,
    seconds: timing.cpuSeconds,
    finalRelError: timing.relError,
  };
}

function fmt(x: number | null, digits = 3): string {
  return x === null ? '—' : x.toFixed(digits);
}

/** The quality table of one case, printed; returns its rows. */
async function runCase(m: number, n: number, k: number, budget: number) {
  const dir = mkdtempSync(join(tmpdir(), 'nmf-quality-'));
  try {
    const V = makeMatrix(dir, m, n, k);
    console.log(`\ntime to quality, V ${m}×${n} (numpy default_rng(42) recipe), k = ${k}, load ${loadavg()[0].toFixed(2)}`);
    const rows: QualityRow[] = [];
    const r = rcppml(dir, m, n, k);
    let target: number;
    if ('skip' in r) {
      console.log(`RcppML: skipped (${r.skip})`);
      const probe = await ours(V, m, n, k, 'anls', 'nndsvda', 0, Math.min(budget, 3));
      target = 1.01 * probe.finalRelError;
      console.log(`target: 1.01 × ours' anls best ${probe.finalRelError.toFixed(6)} = ${target.toFixed(6)}`);
    } else {
      rows.push(r);
      target = r.finalRelError;
      console.log(`target: RcppML's relative error with its defaults, ${target.toFixed(6)}`);
    }
    for (const algorithm of SOLVERS) {
      for (const init of INITS) {
        rows.push(await ours(V, m, n, k, algorithm, init, target, budget));
        const r = rows.at(-1)!;
        console.log(
          `  ours ${algorithm} + ${init}: ${r.iterations ?? '—'} iterations, ${fmt(r.seconds)} CPU s (load ${loadavg()[0].toFixed(2)})`,
        );
      }
    }
    const sk = await SklearnProcess.start();
    if ('skip' in sk) console.log(`scikit-learn: skipped (${sk.skip})`);
    else {
      try {
        // W0, H0: our random init of this seed, for sklearn's init='custom'
        const engine = await createEngineNode();
        const f = new Factorization(engine, loadProblem(engine, { rows: m, cols: n, values: V }), {
          ...DEFAULT_OPTIONS,
          rank: k,
          seed: 42,
        });
        writeFileSync(join(dir, 'W0.f64'), engine.view(f.W));
        writeFileSync(join(dir, 'H0.f64'), engine.view(f.H));
        await sk.load(dir, m, n, k);
        for (const [solver, init, its] of [
          ['cd', 'nndsvda', 400],
          ['cd', 'custom', 400],
          ['mu', 'nndsvda', 150],
        ] as const) {
          rows.push(await sklearnRow(sk, solver, init, target, its));
        }
      } finally {
        await sk.close();
      }
    }
    console.log(
      [
        'who'.padEnd(14),
        'method'.padEnd(15),
        'init'.padEnd(14),
        'iterations'.padStart(10),
        'CPU s'.padStart(8),
        'final rel. error'.padStart(17),
      ].join(' '),
    );
    for (const row of rows) {
      console.log(
        [
          row.who.padEnd(14),
          row.method.padEnd(15),
          row.init.padEnd(14),
          String(row.iterations ?? '—').padStart(10),
          fmt(row.seconds).padStart(8),
          row.finalRelError.toFixed(6).padStart(17),
        ].join(' '),
      );
    }
    const fastest = rows.filter((x) => x.who === 'ours' && x.seconds !== null).sort((a, b) => a.seconds! - b.seconds!)[0];
    if (fastest)
      console.log(`fastest of ours to ${target.toFixed(6)}: ${fastest.method} + ${fastest.init}, ${fastest.seconds!.toFixed(3)} s`);
    // wall time, as a user of the CLI feels it: its defaults on the machine's cores against RcppML's wall time
    const threads = availableParallelism();
    const wall = await oursWall(V, m, n, k, target, threads);
    const rcppWall = 'skip' in r ? null : r.curve![0][0];
    const defaults = `${DEFAULT_OPTIONS.algorithm} + ${DEFAULT_OPTIONS.init}`;
    console.log(
      `CLI defaults (${defaults}, ${threads} threads): ${fmt(wall.seconds)} s wall to the target (${wall.iterations} iterations)` +
        (rcppWall === null || wall.seconds === null
          ? ''
          : `; RcppML ${rcppWall.toFixed(3)} s wall: ratio ${(wall.seconds / rcppWall).toFixed(2)} (load ${loadavg()[0].toFixed(2)})`),
    );
    // the same with --precision float32 (off by default)
    const wall32 = await oursWall(V, m, n, k, target, threads, 'float32');
    console.log(
      `  with --precision float32: ${fmt(wall32.seconds)} s wall (${wall32.iterations} iterations)` +
        (rcppWall === null || wall32.seconds === null ? '' : `: ratio ${(wall32.seconds / rcppWall).toFixed(2)}`),
    );
    // the same with --no-extrapolate (plain anls)
    const wallX = await oursWall(V, m, n, k, target, threads, 'float64', false);
    console.log(
      `  with --no-extrapolate: ${fmt(wallX.seconds)} s wall (${wallX.iterations} iterations)` +
        (rcppWall === null || wallX.seconds === null ? '' : `: ratio ${(wallX.seconds / rcppWall).toFixed(2)}`),
    );
    return {
      target,
      rows,
      wall: {
        threads,
        seconds: wall.seconds,
        iterations: wall.iterations,
        rcppmlSeconds: rcppWall,
        float32Seconds: wall32.seconds,
        plainSeconds: wallX.seconds,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs every case, writes the JSON and the plot. */
export async function timeToQuality(budget = 6, cases = CASES): Promise<void> {
  const results = [];
  for (const c of cases) results.push({ ...c, ...(await runCase(c.m, c.n, c.k, budget)) });
  const json = join(HERE, 'time-to-quality.json');
  writeFileSync(json, `${JSON.stringify({ date: new Date().toISOString(), load: loadavg()[0], results }, null, 1)}\n`);
  const plot = spawnSync(DEFAULT_PYTHON, [join(HERE, 'quality_plot.py'), json, join(HERE, 'time-to-quality.png')], { encoding: 'utf8' });
  console.log(plot.status === 0 ? `wrote ${json} and bench/time-to-quality.png` : `plot skipped: ${plot.stderr.trim().split('\n').at(-1)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const b = args.indexOf('--budget');
  const cases = args.includes('--small-only') ? [CASES[1]] : args.includes('--large-only') ? [CASES[0]] : CASES;
  await timeToQuality(b >= 0 ? Number(args[b + 1]) : 6, cases);
}
