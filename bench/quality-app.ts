// Time to quality in the app (not a test): the 2000×1000 rank-20 matrix (numpy
// default_rng(42), as in bench/quality.ts), uploaded to the app as a CSV, run with the app's
// defaults (anls + random, seed 42) for the iterations Node needs to reach RcppML's error,
// timed on the page's clock from the click on Run to the status line reading Stopped; against
// the same run in Node on the same values (the CSV's, parsed by the app's own parser); and the
// worker's own ms of iterating (history.csv's seconds column), so the rest is the page's.
//   npm run bench:quality-app [-- --threads 2 --port 4188 --dist dist --target 0.010253 --runs 3]
// The target defaults to RcppML's relative error with its defaults on this matrix (README,
// bench/quality.ts); the CSV holds 7 significant digits, which moves the errors by ~1e-8.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { loadProblem, type DataMatrix } from '../src/core/problem.js';
import { parseMatrixText } from '../src/data/parse.js';
import { Factorization } from '../src/driver/factorization.js';
import { DEFAULT_OPTIONS } from '../src/driver/options.js';
import { createEngineNode } from '../src/wasm/node.js';
import { launchChromium, preview, setNumber } from './preview.js';
import { DEFAULT_PYTHON } from './sklearn-python.js';

const { values: args } = parseArgs({
  options: {
    threads: { type: 'string', default: '2' },
    port: { type: 'string', default: '4188' },
    dist: { type: 'string', default: 'dist' },
    target: { type: 'string', default: '0.010253' },
    runs: { type: 'string', default: '3' },
  },
});
const [m, n, k, seed] = [2000, 1000, 20, 42];
const threads = Number(args.threads);
const target = Number(args.target);

/** The matrix as CSV text with 7 significant digits (under the app's 20 MB upload limit), and its path. */
function matrixFile(): { path: string; text: string } {
  const path = join(tmpdir(), `nmf-quality-app-${m}x${n}.csv`);
  const py = `import numpy as np, sys
rng = np.random.default_rng(42)
W0 = rng.random((${m}, ${k})); H0 = rng.random((${k}, ${n}))
V = W0 @ H0 + 0.01 * np.abs(rng.standard_normal((${m}, ${n})))
np.savetxt(sys.argv[1], V, fmt='%.7g', delimiter=',')`;
  const r = spawnSync(DEFAULT_PYTHON, ['-c', py, path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`numpy: ${r.stderr || r.error}`);
  return { path, text: readFileSync(path, 'utf8') };
}

/** The app's defaults on `data` in Node: wall ms with and without initialization to the target, iterations, final error. */
async function nodeRun(data: DataMatrix) {
  const engine = await createEngineNode({ threads });
  try {
    const problem = loadProblem(engine, data);
    const t0 = performance.now();
    const f = new Factorization(engine, problem, { ...DEFAULT_OPTIONS, rank: k, seed, tol: 0, maxIter: 2000 });
    const t1 = performance.now();
    while (!f.stop && f.step() > target);
    const t2 = performance.now();
    return { withInit: t2 - t0, iterating: t2 - t1, iterations: f.iteration, relError: f.relError, reached: f.relError <= target };
  } finally {
    engine.close();
  }
}

/**
 * On the page's clock: when Run is clicked and when the status line next reads Stopped, and a
 * promise of the latter. The bench awaits that promise in one call rather than polling the page
 * (Playwright's waitForFunction polls every animation frame, which makes the page render frames
 * throughout the run, on cores the worker's threads need).
 */
const RUN_CLOCK = `
  window.__run = { runAt: null, stoppedAt: null };
  window.__stopped = null;
  let settle = () => {};
  document.addEventListener('click', (e) => {
    if (e.target.closest('button')?.textContent.trim() !== 'Run') return;
    window.__run = { runAt: performance.now(), stoppedAt: null };
    window.__stopped = new Promise((resolve, reject) => {
      settle = resolve;
      setTimeout(() => reject(new Error('the status line did not read Stopped within 120 s of Run')), 120000);
    });
  }, true);
  new MutationObserver(() => {
    const r = window.__run;
    if (r.runAt !== null && r.stoppedAt === null && /^Stopped/.test(document.querySelector('[role=status]')?.textContent ?? '')) {
      r.stoppedAt = performance.now();
      settle(r);
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
`;

type RunClock = { runAt: number | null; stoppedAt: number | null };

/** Milliseconds the worker spent inside its iterations, from the seconds column of the page's history.csv. */
async function workerIterating(page: Page): Promise<number> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download history.csv', exact: true }).click(),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8')
    .trim()
    .split('\n');
  return Number(csv[csv.length - 1].split(',')[2]) * 1000;
}

/**
 * The same run in the app: `runs` times Run (each after a Reset), ms from the click to Stopped,
 * ms the worker spent iterating (its history.csv), and the last status line.
 */
async function appRuns(file: string, iterations: number): Promise<{ ms: number[]; iterating: number[]; status: string }> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(RUN_CLOCK);
    await page.goto(`http://127.0.0.1:${args.port}/?threads=${threads}`);
    const status = page.getByRole('status');
    await status.filter({ hasText: /^Ready/ }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Speed', { exact: true }).selectOption({ label: 'As fast as possible' });
    await page.getByLabel('Upload CSV/TSV file', { exact: true }).setInputFiles(file);
    await page.getByText(`Matrix: ${file.split('/').pop()} — ${m}×${n}`).waitFor({ timeout: 120_000 });
    const rank = page.getByRole('spinbutton', { name: 'Rank', exact: true });
    await rank.fill(String(k));
    await rank.press('Enter');
    await setNumber(page, 'Max iterations', iterations);
    await setNumber(page, 'Tolerance', 0);
    await setNumber(page, 'Seed', seed);
    const ms: number[] = [];
    const iterating: number[] = [];
    let last = '';
    for (let r = 0; r < Number(args.runs); r++) {
      if (r > 0) await page.getByRole('button', { name: 'Reset', exact: true }).click();
      await status.filter({ hasText: /^Ready · iteration 0/ }).waitFor({ timeout: 60_000 });
      await page.waitForTimeout(500); // let the plots of iteration 0 settle
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      const clock = await page.evaluate(() => (globalThis as unknown as { __stopped: Promise<RunClock> }).__stopped);
      ms.push(clock.stoppedAt! - clock.runAt!);
      last = (await status.textContent()) ?? '';
      iterating.push(await workerIterating(page));
    }
    return { ms, iterating, status: last };
  } finally {
    await browser.close();
  }
}

const { path, text } = matrixFile();
const data = parseMatrixText(text, path.split('/').pop()!);
console.log(
  `V ${m}×${n} (numpy default_rng(42), 7 significant digits, ${(text.length / 2 ** 20).toFixed(1)} MB), k = ${k}, target ${target}`,
);
const node = [];
for (let r = 0; r < Number(args.runs); r++) node.push(await nodeRun(data));
const first = node[0];
if (!first.reached) throw new Error(`Node did not reach ${target} in ${first.iterations} iterations (${first.relError})`);
const stop = await preview(Number(args.port), args.dist);
try {
  const app = await appRuns(path, first.iterations);
  const f = (x: number) => x.toFixed(0);
  const best = (xs: number[]) => Math.min(...xs);
  console.log(`Node, ${threads} threads, the app's defaults (${DEFAULT_OPTIONS.algorithm} + ${DEFAULT_OPTIONS.init}, seed ${seed}):`);
  console.log(`  ${first.iterations} iterations to ${first.relError.toPrecision(8)}`);
  console.log(
    `  ms with initialization: ${node.map((r) => f(r.withInit)).join(', ')}; iterating only: ${node.map((r) => f(r.iterating)).join(', ')}`,
  );
  console.log(`app's worker in Chromium, ${threads} threads, the same ${first.iterations} iterations:`);
  console.log(`  ms from Run to Stopped (initialization done before Run): ${app.ms.map(f).join(', ')}`);
  console.log(`  ms the worker spent iterating (history.csv): ${app.iterating.map(f).join(', ')}`);
  const shown = Number(/relative error ([\d.e-]+)/.exec(app.status)?.[1]);
  console.log(`  status: ${app.status} (${shown <= target ? 'at or below' : 'ABOVE'} the target)`);
  const ratio = best(app.ms) / best(node.map((r) => r.iterating));
  const firstRatio = app.ms[0] / first.iterating;
  console.log(
    `app / Node: ${ratio.toFixed(2)}× best of each, ${firstRatio.toFixed(2)}× first runs (a fresh page, a fresh process; goal ≤ 1.2×); load ${loadavg()[0].toFixed(2)}`,
  );
  const engineRatio = best(app.iterating) / best(node.map((r) => r.iterating));
  console.log(
    `  of which the worker's iterating / Node's: ${engineRatio.toFixed(2)}× best of each (the rest is the page and the messages)`,
  );
} finally {
  stop();
}
