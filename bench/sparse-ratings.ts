// The sparse-ratings figure of issue 10: a 20,000×5,000 long-format file at 1% observed (planted
// rank 20 plus 5% noise, seeded), then `nmf factor --format long` on it for masked als and mu,
// k = 20, a fixed number of iterations: iterations per second and the peak resident memory of
// the CLI process (GNU time's maximum resident set size), with the load average; then the same
// iterations in this process on one thread timed by CPU time (what the machine's other users do
// not inflate) and on two threads by wall time.
// Run: npx tsx bench/sparse-ratings.ts [--rows 20000] [--cols 5000] [--density 0.01] [--iterations 20]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Rng } from '../src/core/rng.js';
import { loadSparseProblem } from '../src/core/sparse-problem.js';
import { parseLongText } from '../src/data/long.js';
import { Factorization } from '../src/driver/factorization.js';
import { DEFAULT_OPTIONS, solverParams } from '../src/driver/options.js';
import { solverInfo } from '../src/solvers/registry.js';
import { createEngineNode } from '../src/wasm/node.js';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '20000' },
    cols: { type: 'string', default: '5000' },
    density: { type: 'string', default: '0.01' },
    iterations: { type: 'string', default: '20' },
    algorithms: { type: 'string', default: 'als,mu' },
  },
});
const m = Number(args.rows);
const n = Number(args.cols);
const density = Number(args.density);
const K = 20;

/** The long-format text: each row's observed columns drawn by the seed, value = (WH)_ij·(1 + 0.05|z|). */
function ratingsText(): { text: string; nnz: number } {
  const rng = new Rng(42, 0);
  const W = Float64Array.from({ length: m * K }, () => rng.next());
  const H = Float64Array.from({ length: K * n }, () => rng.next());
  const lines: string[] = ['user,item,rating'];
  const per = Math.max(1, Math.round(density * n));
  for (let i = 0; i < m; i++) {
    const cols = new Set<number>();
    while (cols.size < per) cols.add(rng.int(n));
    for (const j of cols) {
      let x = 0;
      for (let a = 0; a < K; a++) x += W[i * K + a] * H[a * n + j];
      lines.push(`u${i},i${j},${(x * (1 + 0.05 * Math.abs(rng.next() - 0.5))).toFixed(4)}`);
    }
  }
  return { text: lines.join('\n'), nnz: lines.length - 1 };
}

const dir = mkdtempSync(join(tmpdir(), 'nmf-sparse-'));
try {
  const { text, nnz } = ratingsText();
  const file = join(dir, 'ratings.csv');
  writeFileSync(file, text);
  console.log(
    `${m}×${n}, ${nnz.toLocaleString('en-US')} observed (${((100 * nnz) / (m * n)).toFixed(2)}%), k = ${K}, ${args.iterations} iterations`,
  );
  for (const algorithm of String(args.algorithms).split(',')) {
    const load = loadavg()[0];
    const cli = ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts', 'factor', file, '--format', 'long', '--rank', String(K)];
    const flags = ['--algorithm', algorithm, '--max-iter', String(args.iterations), '--tol', '0', '--json'];
    const r = spawnSync('/usr/bin/time', ['-f', '%M %e', process.execPath, ...cli, ...flags], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) {
      console.log(`${algorithm}: failed: ${r.stderr.trim().split('\n').at(-1)}`);
      continue;
    }
    const j = JSON.parse(r.stdout);
    const [rssKB, wall] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
    console.log(
      `${algorithm}: ${(j.iterations / j.seconds).toFixed(1)} it/s (${j.iterations} iterations in ${j.seconds.toFixed(2)} s, init included), ` +
        `relative error ${j.relError.toFixed(4)}, peak RSS ${(rssKB / 1024).toFixed(0)} MB, process wall ${wall.toFixed(1)} s, load ${load.toFixed(2)}`,
    );
  }
  const data = parseLongText(text, 'ratings.csv');
  for (const threads of [1, 2]) {
    for (const algorithm of String(args.algorithms).split(',')) {
      const engine = await createEngineNode({ threads });
      const problem = loadSparseProblem(engine, data);
      const id = solverInfo(algorithm).id;
      const f = new Factorization(engine, problem, { ...DEFAULT_OPTIONS, algorithm: id, rank: K, tol: 0, params: solverParams(id) });
      const iterations = Number(args.iterations);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (let t = 0; t < iterations; t++) f.step();
      const c = process.cpuUsage(c0);
      const cpu = (c.user + c.system) / 1e6;
      const wall = (performance.now() - t0) / 1000;
      // one thread: CPU time (what other users of the machine inflate least); two: wall time (CPU time adds both threads up)
      const rate =
        threads === 1 ? `${(iterations / cpu).toFixed(1)} it/s by CPU time` : `${(iterations / wall).toFixed(1)} it/s by wall time`;
      console.log(
        `${algorithm} in-process, ${threads} thread${threads > 1 ? 's' : ''}: ${rate} (${((1000 * cpu) / iterations).toFixed(0)} ms CPU, ` +
          `${((1000 * wall) / iterations).toFixed(0)} ms wall per iteration, error included), load ${loadavg()[0].toFixed(2)}`,
      );
      engine.close();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
