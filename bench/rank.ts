// The rank survey at the scale of Brunet et al.'s leukemia data (5000 genes × 38 samples):
// k = 2..6, 10 restarts, kl (Lee–Seung's KL updates = R NMF's 'brunet'), against R's NMF package
// on the same matrix, in one run. Golub's data is not available offline: V is generated
// (lowRank, planted rank 3, 10% multiplicative noise, seed 1).
//   ours, real half: the survey without held-out sets or shuffled copy (what R's nmf(V, 2:6) does)
//   ours, with the shuffled copy: the same plus the column-shuffled baseline (Frigyesi & Höglund)
//   R: nmf(V, 2:6, nrun = 10, method = 'brunet', seed = 123456), sequential (.opt = '-p', one
//   core, as ours) unless --r-parallel. Its default stopping differs from ours (up to 2000
//   iterations, stopping when the consensus stays put; ours stops at --max-iter 200 or a relative
//   objective change below 1e-6), so the iterations are printed for both, and the CPU time per
//   iteration (the fair figure: R's nmf computes its objective every 10 iterations, ours the
//   objective and the relative error after each one).
// Times: wall seconds and this process's (or R's) CPU seconds; the load average before and after.
// Prints "R: skipped (…)" when Rscript or the NMF package is missing.
// Run: npm run bench:rank -- [--restarts 10] [--max-iter 200] [--seed 1] [--no-r] [--r-parallel]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { lowRank } from '../src/data/generate.js';
import { DEFAULT_OPTIONS, solverParams } from '../src/driver/options.js';
import { runSurvey, type SurveyOptions, type SurveyResult } from '../src/rank/survey.js';
import { createEngineNode } from '../src/wasm/node.js';
import { toCsv } from '../src/data/csv-write.js';
import { cpuMs } from './timing.js';

const M = 5000;
const N = 38;
const LOWEST = 2;
const HIGHEST = 6;
const R_SEED = 123456;

const { values: args } = parseArgs({
  options: {
    restarts: { type: 'string', default: '10' },
    'max-iter': { type: 'string', default: String(DEFAULT_OPTIONS.maxIter) },
    seed: { type: 'string', default: '1' },
    'no-r': { type: 'boolean', default: false },
    'r-parallel': { type: 'boolean', default: false },
  },
});
const restarts = Number(args.restarts);
const maxIter = Number(args['max-iter']);

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

interface Timed {
  wall: number;
  cpu: number;
  survey: SurveyResult;
}

async function ours(shuffled: boolean): Promise<Timed> {
  const engine = await createEngineNode();
  const data = lowRank({ rows: M, cols: N, rank: 3, noise: 0.1, seed: 1, noiseModel: 'multiplicative' });
  const o: SurveyOptions = {
    lowest: LOWEST,
    highest: HIGHEST,
    restarts,
    holdout: 0,
    shuffled,
    base: { ...DEFAULT_OPTIONS, algorithm: 'kl', params: solverParams('kl'), seed: Number(args.seed), maxIter },
  };
  const c0 = cpuMs();
  const t0 = performance.now();
  const survey = runSurvey(engine, data, o);
  return { wall: (performance.now() - t0) / 1000, cpu: (cpuMs() - c0) / 1000, survey };
}

/** Iterations of all restarts' fits of V (not of the shuffled copy), per rank. */
function iterations(s: SurveyResult): number[] {
  return s.ranks.map((p) => p.restarts.reduce((a, r) => a + r.iterations, 0));
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function fmt(xs: readonly (number | null)[]): string {
  return xs.map((x) => (x === null ? '—' : x.toFixed(4))).join(' ');
}

interface RResult {
  nmf: string;
  r: string;
  elapsed: number;
  cpu: number;
  iterations: number[];
  cophenetic: number[];
  parallel: boolean;
}

function runR(): RResult | string {
  const probe = spawnSync('Rscript', ['-e', 'suppressMessages(library(NMF)); cat("ok")'], { encoding: 'utf8' });
  if (probe.error) return `Rscript not found (${(probe.error as NodeJS.ErrnoException).code})`;
  if (probe.status !== 0 || !probe.stdout.includes('ok')) return `the R package NMF is not installed (apt-get install r-cran-nmf)`;
  const dir = mkdtempSync(join(tmpdir(), 'nmf-rank-bench-'));
  try {
    const data = lowRank({ rows: M, cols: N, rank: 3, noise: 0.1, seed: 1, noiseModel: 'multiplicative' });
    const file = join(dir, 'V.csv');
    writeFileSync(file, toCsv({ rows: M, cols: N, data: data.values }));
    const script = new URL('./rank_nmf.R', import.meta.url).pathname;
    const r = spawnSync(
      'Rscript',
      [script, file, String(LOWEST), String(HIGHEST), String(restarts), String(R_SEED), args['r-parallel'] ? '1' : '0'],
      { encoding: 'utf8', env: { ...process.env, OPENBLAS_NUM_THREADS: '1' } },
    );
    const line = r.stdout.trim().split('\n').at(-1) ?? '';
    if (r.status !== 0 || !line.startsWith('{')) return `Rscript failed: ${r.stderr.trim().split('\n').at(-1)}`;
    return JSON.parse(line) as RResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(
    `machine: ${cpus()[0]?.model ?? 'unknown CPU'} ×${cpus().length}, node ${process.version}, load ${load()}, ${new Date().toISOString()}`,
  );
  console.log(`V: ${M}×${N} generated (Golub's leukemia data is not available offline): planted rank 3, 10% multiplicative noise, seed 1`);
  console.log(`survey: k = ${LOWEST}..${HIGHEST}, ${restarts} restarts, kl, max ${maxIter} iterations, tol ${DEFAULT_OPTIONS.tol}`);
  const real = await ours(false);
  console.log(`\nours, real half:        ${real.wall.toFixed(2)} s wall, ${real.cpu.toFixed(2)} s CPU; load ${load()}`);
  const ourIterations = iterations(real.survey);
  const ourMs = (1000 * real.cpu) / sum(ourIterations);
  console.log(`  iterations of all ${restarts} fits, per rank: ${ourIterations.join(' ')}; ${ourMs.toFixed(2)} ms CPU per iteration`);
  console.log(`  cophenetic: ${fmt(real.survey.ranks.map((p) => p.cophenetic))}`);
  const both = await ours(true);
  console.log(`ours, with shuffled copy: ${both.wall.toFixed(2)} s wall, ${both.cpu.toFixed(2)} s CPU; load ${load()}`);
  console.log(`  shuffled cophenetic: ${fmt(both.survey.ranks.map((p) => p.shuffledCophenetic))}`);
  if (args['no-r']) {
    console.log('\nR: skipped (--no-r)');
    return;
  }
  const r = runR();
  if (typeof r === 'string') {
    console.log(`\nR: skipped (${r})`);
    return;
  }
  console.log(
    `\nR ${r.r}, NMF ${r.nmf}, nmf(V, ${LOWEST}:${HIGHEST}, nrun = ${restarts}, method = 'brunet', seed = ${R_SEED})${r.parallel ? ' (parallel)' : ', sequential'}:`,
  );
  console.log(`  ${r.elapsed.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU; load ${load()}`);
  const rMs = (1000 * r.cpu) / sum(r.iterations);
  console.log(`  iterations of all ${restarts} runs, per rank: ${r.iterations.join(' ')}; ${rMs.toFixed(2)} ms CPU per iteration`);
  console.log(`  cophenetic: ${fmt(r.cophenetic)}`);
  console.log(
    `\nreal half, R / ours: ${(r.elapsed / real.wall).toFixed(1)}× wall, ${(r.cpu / real.cpu).toFixed(1)}× CPU, ${(rMs / ourMs).toFixed(1)}× CPU per iteration` +
      (r.parallel ? ' (R on all cores: its CPU time counts only the main process)' : ''),
  );
}

main();
