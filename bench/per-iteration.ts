// ms per iteration of our hals, mu and kl against scikit-learn's cd, mu and mu with the KL loss
// on the 2000×1000 rank-20 matrix of bench/sklearn.ts, in one run, interleaved pair by pair;
// hals and mu also in the float32 mode (rows "hals f32", "mu f32", against the same sklearn time).
//   ours:    Factorization steps (the error after each included), the best of `--rounds` blocks
//            of `--block` steps after `--warm` warm-up steps.
//   sklearn: (t(N₂) − t(N₁)) / (N₂ − N₁) from fresh fit_transform(max_iter = N) calls (the
//            fastest of `--repeats`), so its fixed costs (input checks, init, final error) cancel.
//   --clock cpu (default: each process's CPU time, waits for a shared core not counted) or wall.
// Run: npx tsx bench/per-iteration.ts [--clock cpu|wall] [--rounds 3] [--block 10] [--warm 3] [--repeats 3] [--threads 1]
//      [--sklearn-threads 1]
//      (also `npm run bench -- periter`); prints "skipped: …" for sklearn when it is missing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadProblem } from '../src/core/problem.js';
import { lowRank } from '../src/data/generate.js';
import { Factorization } from '../src/driver/factorization.js';
import { type Precision, usesFloat32 } from '../src/driver/float32.js';
import type { AlgorithmId } from '../src/solvers/types.js';
import type { Engine } from '../src/wasm/engine.js';
import { benchOptions, cpuSeconds, randomStart } from './sklearn-ours.js';
import { SklearnProcess, type SkSolver } from './sklearn-python.js';

const M = 2000;
const N = 1000;
const K = 20;

/** Our solver and its scikit-learn counterpart, with the two max_iter of sklearn's difference. */
const PAIRS: { ours: AlgorithmId; sklearn: SkSolver; iters: [number, number] }[] = [
  { ours: 'hals', sklearn: 'cd', iters: [5, 25] },
  { ours: 'mu', sklearn: 'mu', iters: [5, 25] },
  { ours: 'kl', sklearn: 'mu-kl', iters: [3, 13] },
];

/** Options of the per-iteration bench. */
export interface PerIterationOptions {
  clock: 'cpu' | 'wall';
  rounds: number;
  block: number;
  warm: number;
  repeats: number;
  /** Above 1: ours also on that many threads (a second column). */
  threads: number;
  /** scikit-learn's BLAS threads (OPENBLAS_NUM_THREADS; its cd sweeps are single-threaded Cython). */
  sklearnThreads: number;
}

function now(clock: 'cpu' | 'wall'): number {
  return clock === 'cpu' ? cpuSeconds() : performance.now() / 1000;
}

/** Our best ms per iteration of `algorithm` over `o.rounds` blocks of `o.block` steps. */
function oursMs(
  engine: Engine,
  algorithm: AlgorithmId,
  o: PerIterationOptions,
  start: ReturnType<typeof randomStart>,
  problem: ReturnType<typeof loadProblem>,
  precision: Precision = 'float64',
): number {
  const mark = engine.mark();
  try {
    const total = o.warm + o.rounds * o.block;
    const f = new Factorization(engine, problem, { ...benchOptions(algorithm, 'given', K, total, 1, start), precision });
    for (let i = 0; i < o.warm; i++) f.step();
    let best = Infinity;
    for (let r = 0; r < o.rounds; r++) {
      const t0 = now(o.clock);
      for (let i = 0; i < o.block; i++) f.step();
      best = Math.min(best, ((now(o.clock) - t0) * 1000) / o.block);
    }
    return best;
  } finally {
    engine.release(mark);
  }
}

/**
 * Prints the table: ours on each engine (one column per thread count), sklearn, and each of ours
 * over sklearn, in ms per iteration for each pair (with threads, use --clock wall: CPU time adds the threads up).
 */
export async function perIteration(engines: Engine[], o: PerIterationOptions): Promise<void> {
  const d = lowRank({ rows: M, cols: N, rank: K, noise: 0.1, seed: 1 });
  const problems = engines.map((e) => loadProblem(e, d));
  const start = randomStart(engines[0], problems[0], K, 1);
  console.log(
    `\nms per iteration, V ${M}×${N}, k = ${K} (${o.clock === 'cpu' ? 'CPU time of each process' : 'wall time'}; load ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')})`,
  );
  const sk = await SklearnProcess.start(undefined, undefined, o.sklearnThreads);
  const dir = mkdtempSync(join(tmpdir(), 'nmf-periter-'));
  try {
    if ('skip' in sk) console.log(`sklearn: ${sk.skip}`);
    else {
      const write = (name: string, x: Float64Array) => writeFileSync(join(dir, name), new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
      write('V.f64', d.values instanceof Float64Array ? d.values : Float64Array.from(d.values));
      write('W0.f64', start.W0.data);
      write('H0.f64', start.H0.data);
      await sk.load(dir, M, N, K);
      console.log(
        `sklearn ${sk.versions.sklearn} (python ${sk.versions.python}, ${sk.versions.executable}), OPENBLAS_NUM_THREADS=${o.sklearnThreads}`,
      );
    }
    const labels = engines.map((e) => `ours ${e.threads}t`);
    console.log(
      `${'solver'.padEnd(10)}${labels.map((l) => l.padStart(10)).join('')}${'sklearn'.padStart(10)}${labels.map((l) => `${l}/sk`.padStart(13)).join('')}`,
    );
    for (const p of PAIRS) {
      const ours = engines.map((e, i) => oursMs(e, p.ours, o, start, problems[i]));
      let theirs: number | undefined;
      if (!('skip' in sk)) {
        const [a, b] = p.iters;
        const ta = await sk.time(p.sklearn, 'custom', a, o.repeats);
        const tb = await sk.time(p.sklearn, 'custom', b, o.repeats);
        const pick = (t: typeof ta) => (o.clock === 'cpu' ? t.cpuSeconds : t.seconds);
        theirs = ((pick(tb) - pick(ta)) * 1000) / (b - a);
      }
      const cell = (x: number | undefined, w: number) => (x === undefined ? '—' : x.toFixed(2)).padStart(w);
      const row = (name: string, xs: number[]) =>
        console.log(
          `${name.padEnd(10)}${xs.map((x) => cell(x, 10)).join('')}${cell(theirs, 10)}${xs.map((x) => cell(theirs === undefined ? undefined : x / theirs, 13)).join('')}`,
        );
      row(`${p.ours}/${p.sklearn}`, ours);
      if (usesFloat32(p.ours, false))
        row(
          `${p.ours} f32`,
          engines.map((e, i) => oursMs(e, p.ours, o, start, problems[i], 'float32')),
        );
    }
  } finally {
    if (!('skip' in sk)) await sk.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The command line of this file as a script. */
export function perIterationArgs(argv: string[]): PerIterationOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      clock: { type: 'string', default: 'cpu' },
      rounds: { type: 'string', default: '3' },
      block: { type: 'string', default: '10' },
      warm: { type: 'string', default: '3' },
      repeats: { type: 'string', default: '3' },
      threads: { type: 'string', default: '1' },
      'sklearn-threads': { type: 'string', default: '1' },
    },
    strict: false,
  });
  const int = (name: 'rounds' | 'block' | 'warm' | 'repeats' | 'threads' | 'sklearn-threads') => {
    const x = Number(values[name]);
    if (!Number.isInteger(x) || x < 1) throw new Error(`--${name} ${String(values[name])} must be an integer ≥ 1`);
    return x;
  };
  const clock = values.clock;
  if (clock !== 'cpu' && clock !== 'wall') throw new Error(`--clock ${String(clock)} must be cpu or wall`);
  return {
    clock,
    rounds: int('rounds'),
    block: int('block'),
    warm: int('warm'),
    repeats: int('repeats'),
    threads: int('threads'),
    sklearnThreads: int('sklearn-threads'),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { createEngineNode } = await import('../src/wasm/node.js');
  const o = perIterationArgs(process.argv.slice(2));
  const engines = [await createEngineNode()];
  if (o.threads > 1) engines.push(await createEngineNode({ threads: o.threads }));
  await perIteration(engines, o);
  for (const e of engines) e.close();
}
