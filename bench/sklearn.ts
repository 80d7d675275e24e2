// Time to reach a relative error ‖V−WH‖_F/‖V‖_F on a synthetic 2000×1000, rank-20 matrix:
// ours (wasm kernels driven by src/driver) against scikit-learn on the same machine, in one run.
//   hals ↔ sklearn NMF(solver='cd'), mu ↔ NMF(solver='mu'); Frobenius loss, no penalties, tol=0.
//   Both start from the same W0, H0 (our `random` init, handed to sklearn as init='custom'),
//   then each from its own NNDSVDa. V, W0, H0 go to python as raw little-endian f64 files.
//   Targets: within 10%, 1%, 0.1% of the best error either side reaches in the iteration budget.
//   Ours: time since the Factorization was constructed (init included), after each step.
//   sklearn: the time of one fresh fit_transform with max_iter = the first iteration at which
//   its own trajectory reaches the target (the trajectory comes from chained max_iter=1 fits).
//   Time is each process's CPU time by default (--clock cpu), as bench/timing.ts: on a shared
//   machine wall time would count the waits for a core; --clock wall for wall time.
//   Agreement: sklearn updates W then H in each iteration, ours H then W, so the trajectories
//   differ; sklearn run on Vᵀ updates H first, as ours, and its errors are compared with ours
//   over the first --check-iterations iterations. (Our mu adds ε = 1e-9 to its denominators;
//   sklearn's only replaces exact zeros.)
// Prints "skipped: …" and exits 0 when Debian's python3 or its scikit-learn is missing.
// Run: npm run bench:sklearn -- [--iterations-hals 300] [--iterations-mu 500] [--repeats 1]
//      [--clock cpu|wall] [--check-iterations 100] [--noise 0.1] [--seed 1]
//      [--python /usr/bin/python3] [--no-nndsvda]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, endianness, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Dense } from '../src/core/matrix.js';
import { loadProblem, type Problem } from '../src/core/problem.js';
import { lowRank } from '../src/data/generate.js';
import type { InitId } from '../src/init/types.js';
import type { AlgorithmId } from '../src/solvers/types.js';
import type { Engine } from '../src/wasm/engine.js';
import { createEngineNode } from '../src/wasm/node.js';
import {
  bestOf,
  elementwiseMin,
  firstReaching,
  fmtSeconds,
  formatRows,
  marginLabel,
  maxRelDiff,
  medianStep,
  ratioOf,
  targetsFrom,
  type TargetRow,
} from './sklearn-compare.js';
import { benchOptions, randomStart, runOurs, type OurRun } from './sklearn-ours.js';
import { DEFAULT_PYTHON, SklearnProcess, type PythonVersions, type SkInit, type SkSolver, type SkTiming } from './sklearn-python.js';

const M = 2000;
const N = 1000;
const K = 20;

const { values: args } = parseArgs({
  options: {
    'iterations-hals': { type: 'string', default: '300' },
    'iterations-mu': { type: 'string', default: '500' },
    'check-iterations': { type: 'string', default: '100' },
    repeats: { type: 'string', default: '1' },
    clock: { type: 'string', default: 'cpu' },
    noise: { type: 'string', default: '0.1' },
    seed: { type: 'string', default: '1' },
    python: { type: 'string', default: DEFAULT_PYTHON },
    'no-nndsvda': { type: 'boolean', default: false },
  },
});
/** The integer option `name`, at least `min`, or a one-line error. */
function intArg(name: keyof typeof args, min: number): number {
  const x = Number(args[name]);
  if (!Number.isInteger(x) || x < min) throw new Error(`--${name} ${String(args[name])} must be an integer ≥ ${min}`);
  return x;
}
const iterationsOf: Record<'hals' | 'mu', number> = { hals: intArg('iterations-hals', 1), mu: intArg('iterations-mu', 1) };
const repeats = intArg('repeats', 1);
const checkIterations = intArg('check-iterations', 1);
const seed = intArg('seed', -(2 ** 31));
const clock = args.clock;
if (clock !== 'cpu' && clock !== 'wall') throw new Error(`--clock ${clock} must be cpu or wall`);
const noise = Number(args.noise);
if (!(noise >= 0)) throw new Error(`--noise ${args.noise} must be a number ≥ 0`);

/** One comparison: our solver and init against sklearn's solver and init. */
interface Case {
  ours: 'hals' | 'mu';
  sklearn: SkSolver;
  oursInit: InitId;
  sklearnInit: SkInit;
  title: string;
}

const CASES: Case[] = (
  [
    { ours: 'hals', sklearn: 'cd', oursInit: 'given', sklearnInit: 'custom', title: `both from our random W0, H0 (seed ${seed})` },
    { ours: 'mu', sklearn: 'mu', oursInit: 'given', sklearnInit: 'custom', title: `both from our random W0, H0 (seed ${seed})` },
    { ours: 'hals', sklearn: 'cd', oursInit: 'nndsvda', sklearnInit: 'nndsvda', title: 'each from its own NNDSVDa' },
    { ours: 'mu', sklearn: 'mu', oursInit: 'nndsvda', sklearnInit: 'nndsvda', title: 'each from its own NNDSVDa' },
  ] satisfies Case[]
).filter((c) => !(args['no-nndsvda'] && c.oursInit === 'nndsvda'));

/** The shared start: our random W0 (m×k), H0 (k×n) and their relative error (as sklearn computed it). */
interface Start {
  W0: Dense;
  H0: Dense;
  initRelError: number;
}

function writeF64(path: string, x: Float64Array): void {
  writeFileSync(path, new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
}

function versionLines(v: PythonVersions): string[] {
  const pools = v.pools.map(
    (p) =>
      `${p.internal_api} ${p.version ?? p.prefix}${p.architecture ? ` ${p.architecture}` : ''}${p.threading_layer ? ` (${p.threading_layer})` : ''}: ${p.num_threads} thread${p.num_threads === 1 ? '' : 's'}`,
  );
  return [
    `clock:   ${clock === 'cpu' ? "each process's CPU time (user + system; waits for a shared core not counted)" : 'wall time'}`,
    `ours:    node ${process.version}, build/kernels.wasm (AssemblyScript); time = Factorization constructor (init, first error) + steps, as the CLI's seconds`,
    `sklearn: ${v.sklearn} (python ${v.python} ${v.executable}, numpy ${v.numpy}, scipy ${v.scipy})`,
    `         ${pools.length ? pools.join('; ') : 'no thread pools reported'}${v.threadpoolctl ? ' [threadpoolctl limits=1]' : ' [threadpoolctl absent: OPENBLAS/OMP_NUM_THREADS=1 only]'}`,
    `         time = one fresh NMF(max_iter=N).fit_transform (input checks, init and final error included), N = first iteration at the target`,
    `cpu:     ${cpus()[0]?.model ?? '?'} × ${cpus().length}, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} at start`,
  ];
}

/** Our runs of one case on the chosen clock: the first run, the fastest time to each iteration and the fastest setup. */
interface OursTimed {
  run: OurRun;
  times: number[];
  setup: number;
}

/** Our runs of one case, `repeats` times: the same errors each time (checked), the fastest time per iteration. */
function oursRepeated(engine: Engine, problem: Problem, algorithm: AlgorithmId, init: InitId, iterations: number, given: Start): OursTimed {
  const runs: OurRun[] = [];
  for (let r = 0; r < repeats; r++)
    runs.push(
      runOurs(
        engine,
        problem,
        benchOptions(algorithm, init, K, iterations, seed, init === 'given' ? { W0: given.W0, H0: given.H0 } : undefined),
      ),
    );
  for (const run of runs.slice(1)) {
    if (run.relErrors.some((x, i) => x !== runs[0].relErrors[i])) throw new Error(`${algorithm}: repeated runs gave different errors`);
  }
  const cpu = clock === 'cpu';
  return {
    run: runs[0],
    times: elementwiseMin(runs.map((r) => (cpu ? r.cpuSeconds : r.seconds))),
    setup: Math.min(...runs.map((r) => (cpu ? r.setupCpuSeconds : r.setupSeconds))),
  };
}

/** Runs one comparison; returns its printed block and its line of the summary. */
async function runCase(
  c: Case,
  engine: Engine,
  problem: Problem,
  py: SklearnProcess,
  start: Start,
): Promise<{ lines: string[]; summary: string }> {
  const iterations = iterationsOf[c.ours];
  const timed = oursRepeated(engine, problem, c.ours, c.oursInit, iterations, start);
  const ours = timed.run;
  if (ours.stop.reason !== 'max-iter') throw new Error(`${c.ours}: ${ours.stop.message}`);
  const sk = await py.trajectory(c.sklearn, c.sklearnInit, iterations);
  const best = bestOf(ours.relErrors, sk.relErrors);
  const timings = new Map<number, SkTiming>();
  const timeAt = async (n: number, times = repeats) => {
    if (!timings.has(n)) timings.set(n, await py.time(c.sklearn, c.sklearnInit, n, times));
    return timings.get(n)!;
  };
  const rows: TargetRow[] = [];
  for (const { margin, target } of targetsFrom(best)) {
    const itO = firstReaching(ours.relErrors, target);
    const itS = firstReaching(sk.relErrors, target);
    rows.push({
      margin,
      target,
      ours: itO ? { iteration: itO, seconds: timed.times[itO - 1] } : null,
      sklearn: itS ? { iteration: itS, seconds: skTime(await timeAt(itS)) } : null,
    });
  }
  // sklearn's cost per iteration between a 1-iteration fit and its longest timed fit, so its setup
  // (input checks, init, final error) drops out; ours is the median step
  if (!timings.size) await timeAt(iterations);
  const longest = Math.max(...timings.keys());
  const one = skTime(await timeAt(1, Math.max(repeats, 3))); // short: the fastest of 3 at least
  const skPerIteration = longest > 1 ? (skTime(timings.get(longest)!) - one) / (longest - 1) : one;
  const skSetup = one - skPerIteration;
  const oursPerIteration = medianStep(timed.times);
  const oursEnd = ours.relErrors[iterations - 1];
  const skEnd = sk.relErrors[iterations - 1];
  const who = ours.relErrors.includes(best)
    ? `ours, iteration ${ours.relErrors.indexOf(best) + 1}`
    : `sklearn, iteration ${sk.relErrors.indexOf(best) + 1}`;
  const skStart = c.sklearnInit === 'custom' ? start.initRelError : sk.initRelError;
  const lines = [
    '',
    `── ${c.ours} (ours) vs sklearn ${c.sklearn}, ${c.title}: ${iterations} iterations each ──`,
    `start relError: ours ${ours.initRelError.toPrecision(6)}, sklearn ${skStart == null ? 'n/a' : skStart.toPrecision(6)}`,
    `best relError ${best.toPrecision(6)} (${who})`,
    ...formatRows(rows).map((l) => `  ${l}`),
    `per iteration: ours ${ms(oursPerIteration)} (median step), sklearn ${ms(skPerIteration)} (fits of 1 and ${longest} iterations): ` +
      `ours/sklearn ${(oursPerIteration / skPerIteration).toFixed(2)}`,
    `setup (init, checks, errors outside the iterations): ours ${fmtSeconds(timed.setup)} s, sklearn ≈ ${fmtSeconds(skSetup)} s`,
    `final relError: ours ${oursEnd.toPrecision(6)} (recomputed from W, H: ${ours.finalDirect.toPrecision(6)}), sklearn ${skEnd.toPrecision(6)}: ` +
      `they differ by ${pct(Math.abs(oursEnd - skEnd) / skEnd)} (sklearn updates W then H, ours H then W)`,
  ];
  if (c.sklearnInit === 'custom') {
    const n = Math.min(iterations, checkIterations);
    const skT = await py.trajectory(c.sklearn, 'custom', n, true);
    const d = maxRelDiff(ours.relErrors.slice(0, n), skT.relErrors);
    lines.push(
      `same order: sklearn ${c.sklearn} on Vᵀ (it then updates H first, as ours) follows our errors over ${n} iterations to ` +
        `${d.value.toExponential(1)} relative at worst (iteration ${d.iteration}); at ${n}: ${skT.relErrors[n - 1].toPrecision(10)} vs ours ${ours.relErrors[n - 1].toPrecision(10)}`,
    );
  }
  const mismatched = [...timings].filter(([, t]) => !t.matchesTrajectory).map(([n]) => n);
  lines.push(
    mismatched.length
      ? `WARNING: sklearn's timed fits at max_iter ${mismatched.join(', ')} did not reproduce its trajectory's errors bit for bit`
      : `sklearn's timed fits (max_iter ${[...timings.keys()].sort((a, b) => a - b).join(', ')}) reproduce its trajectory's errors bit for bit`,
  );
  const label = `${c.ours} vs ${c.sklearn}, ${c.sklearnInit === 'custom' ? 'same W0, H0' : 'own NNDSVDa'}`;
  const ratios = rows.map((r) => `${marginLabel(r.margin).slice(1)} ${ratioOf(r)?.toFixed(2) ?? '—'}`).join(', ');
  return { lines, summary: `${label.padEnd(26)} ${ratios}; per iteration ${(oursPerIteration / skPerIteration).toFixed(2)}` };
}

/** sklearn's time of a fit on the chosen clock. */
function skTime(t: SkTiming): number {
  return clock === 'cpu' ? t.cpuSeconds : t.seconds;
}

function ms(seconds: number): string {
  return `${(1000 * seconds).toFixed(1)} ms`;
}

function pct(x: number): string {
  return `${(100 * x).toPrecision(2)}%`;
}

async function main(): Promise<void> {
  const started = await SklearnProcess.start(args.python);
  if (!(started instanceof SklearnProcess)) {
    console.log(started.skip);
    return;
  }
  const py = started;
  const dir = mkdtempSync(join(tmpdir(), 'nmf-bench-sklearn-'));
  try {
    if (endianness() !== 'LE') throw new Error('the raw f64 hand-over assumes a little-endian machine');
    const data = lowRank({ rows: M, cols: N, rank: K, noise, seed });
    const engine = await createEngineNode();
    const problem = loadProblem(engine, data);
    const given = randomStart(engine, problem, K, seed);
    writeF64(join(dir, 'V.f64'), data.values);
    writeF64(join(dir, 'W0.f64'), given.W0.data);
    writeF64(join(dir, 'H0.f64'), given.H0.data);
    const loaded = await py.load(dir, M, N, K);
    const normV = Math.sqrt(problem.normV2);
    const oursStart = runOurs(engine, problem, benchOptions('hals', 'given', K, 1, seed, given)).initRelError;
    if (Math.abs(loaded.normV - normV) > 1e-12 * normV || Math.abs(loaded.initRelError - oursStart) > 1e-10 * oursStart) {
      throw new Error(
        `python read different numbers: ‖V‖_F ${loaded.normV} vs ${normV}, start error ${loaded.initRelError} vs ${oursStart}`,
      );
    }
    const start = { ...given, initRelError: loaded.initRelError };
    console.log('NMF time to a relative error ‖V−WH‖_F/‖V‖_F: ours vs scikit-learn, measured in this one run');
    console.log(`V = lowRank ${M}×${N}, rank ${K}, noise ${noise}, seed ${seed} (‖V‖_F = ${normV.toPrecision(8)} on both sides); k = ${K}`);
    for (const line of versionLines(py.versions)) console.log(line);
    const summary: string[] = [];
    for (const c of CASES) {
      const result = await runCase(c, engine, problem, py, start);
      for (const line of result.lines) console.log(line);
      summary.push(result.summary);
    }
    console.log('');
    console.log(`summary: ours/sklearn ${clock} seconds to reach best·(1 + margin), "—" = not reached by both; above 1 = sklearn faster`);
    for (const line of summary) console.log(`  ${line}`);
    console.log(
      `load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} at the end (timings move with the load; --repeats R keeps the fastest of R runs on both sides)`,
    );
  } finally {
    await py.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
