// UI benchmark (not a test): a 2000×1000 rank-20 run in the app's worker in Chromium against the
// same run in Node, and how long the page's main thread is blocked meanwhile.
//   npm run bench:ui [-- --algorithm hals --iterations 300 --threads 2 --port 4185 --dist dist --json --loads 3 --first-view-only
//                       --browser-preload]
// First, the first view: fresh page loads (--loads, default 3), each timed from navigation to the
// loss plot's first drawn curve, with the longest main-thread task while the page loads (up to
// one second after that curve). Each load is in a fresh browser, launched without Chromium's own
// start-up preloads (bench/preview.ts NO_BROWSER_UI_PRELOAD); --browser-preload keeps them.
// Needs dist/ (the script builds it first; --dist serves another build, e.g. of an older commit,
// to compare before and after) and /usr/bin/chromium. Also counts the plots' draws during the run
// (from window.plotDrawStats, which the frame queue installs) to give the update rate of each plot.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { loadProblem } from '../src/core/problem.js';
import { lowRank } from '../src/data/generate.js';
import { Factorization } from '../src/driver/factorization.js';
import { DEFAULT_OPTIONS } from '../src/driver/options.js';
import { ALGORITHM_IDS, solverInfo } from '../src/solvers/registry.js';
import type { AlgorithmId } from '../src/solvers/types.js';
import { createEngineNode } from '../src/wasm/node.js';
import { launchChromium, preview, setNumber } from './preview.js';

const { values: args } = parseArgs({
  options: {
    algorithm: { type: 'string', default: ALGORITHM_IDS.includes('hals') ? 'hals' : ALGORITHM_IDS[0] },
    iterations: { type: 'string', default: '300' },
    port: { type: 'string', default: '4185' },
    dist: { type: 'string', default: 'dist' },
    // A tall window (e.g. 2000) puts every plot on screen: the worst case, nothing skipped off screen.
    height: { type: 'string', default: '800' },
    json: { type: 'boolean', default: false },
    loads: { type: 'string', default: '3' },
    threads: { type: 'string', default: '2' },
    'first-view-only': { type: 'boolean', default: false },
    'browser-preload': { type: 'boolean', default: false },
  },
});
const algorithm = args.algorithm as AlgorithmId;
const iterations = Number(args.iterations);
const DATA = { rows: 2000, cols: 1000, rank: 20, noise: 0.05, seed: 1 };
const options = {
  ...DEFAULT_OPTIONS,
  algorithm,
  rank: DATA.rank,
  maxIter: iterations,
  tol: 0,
  seed: 1,
  params: { ...DEFAULT_OPTIONS.params, ...solverInfo(algorithm).defaults },
};

/** Iterations per second of the same run in Node on `threads` threads (initialization excluded). */
async function nodeRun(threads: number): Promise<{ itersPerSec: number; relError: number }> {
  const engine = await createEngineNode({ threads });
  try {
    const f = new Factorization(engine, loadProblem(engine, lowRank(DATA)), options);
    const t0 = performance.now();
    while (!f.stop) f.step();
    return { itersPerSec: (f.iteration * 1000) / (performance.now() - t0), relError: f.relError };
  } finally {
    engine.close();
  }
}

/**
 * Watches the main thread from the page: long tasks (>50 ms) and the largest gap between animation
 * frames; and, on the page's clock, when the Run button is pressed and when the status line first
 * reads Stopped after it (so the run's time does not include Playwright's round trips or polling).
 */
const MONITOR = `
  window.__bench = { longTasks: [], maxFrameGap: 0, watching: false, runAt: null, stoppedAt: null };
  document.addEventListener('click', (e) => {
    if (window.__bench.watching && e.target.closest('button')?.textContent.trim() === 'Run') window.__bench.runAt = performance.now();
  }, true);
  new MutationObserver(() => {
    const b = window.__bench;
    if (b.runAt !== null && b.stoppedAt === null && /^Stopped/.test(document.querySelector('[role=status]')?.textContent ?? '')) b.stoppedAt = performance.now();
  }).observe(document, { childList: true, subtree: true, characterData: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  let last = 0;
  const frame = (t) => { if (window.__bench.watching && last) window.__bench.maxFrameGap = Math.max(window.__bench.maxFrameGap, t - last); last = t; requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
`;

/**
 * Marks when the loss plot first shows a curve (a plotly scatter trace path in the Results panel),
 * in ms since navigation, and keeps every long task (> 50 ms) from the start of the page.
 * window.__firstViewSeen settles 1 s after both marks: the bench awaits it in one call rather
 * than polling (Playwright's waitForFunction polls every animation frame, making the loading
 * page render frames it would not otherwise).
 */
const FIRST_VIEW = `
  window.__firstView = { lossAt: null, readyAt: null, longTasks: [] };
  let seen = () => {};
  window.__firstViewSeen = new Promise((resolve, reject) => {
    seen = resolve;
    setTimeout(() => reject(new Error('no Ready and loss curve within 60 s of navigation')), 60000);
  });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__firstView.longTasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  const look = () => {
    const v = window.__firstView;
    if (v.lossAt === null && document.querySelector('.loss .scatterlayer .trace path.js-line')) v.lossAt = performance.now();
    if (v.readyAt === null && /^Ready/.test(document.querySelector('[role=status]')?.textContent ?? '')) v.readyAt = performance.now();
    if (v.lossAt !== null && v.readyAt !== null && seen) {
      setTimeout(seen, Math.max(v.lossAt, v.readyAt) + 1000 - performance.now());
      seen = null;
    }
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true, characterData: true });
`;

/** One fresh load of the app: ms from navigation to Ready and to the first loss curve; the longest task until 1 s after it. */
async function firstView(port: number): Promise<{ readyMs: number; lossPlotMs: number; longestTaskMs: number }> {
  const browser = await launchChromium(args['browser-preload']);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(FIRST_VIEW);
    await page.goto(`http://127.0.0.1:${port}/`);
    type FirstView = { lossAt: number | null; readyAt: number | null; longTasks: { start: number; duration: number }[] };
    await page.evaluate(() => (globalThis as unknown as { __firstViewSeen: Promise<void> }).__firstViewSeen);
    return await page.evaluate(() => {
      const v = (globalThis as unknown as { __firstView: FirstView }).__firstView;
      const during = v.longTasks.filter((t) => t.start <= v.lossAt! + 1000);
      return { readyMs: v.readyAt!, lossPlotMs: v.lossAt!, longestTaskMs: Math.max(0, ...during.map((t) => t.duration)) };
    });
  } finally {
    await browser.close();
  }
}

/** Draw counts and times per plot name, as window.plotDrawStats gives them. */
type DrawCounts = Record<string, { count: number; mean: number; max: number }>;

/** The same run in the app, driven through its controls. */
async function browserRun(port: number, threads: number) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: Number(args.height) } });
    await page.addInitScript(MONITOR);
    await page.goto(`http://127.0.0.1:${port}/?threads=${threads}`);
    const status = page.getByRole('status');
    await status.filter({ hasText: /^Ready/ }).waitFor({ timeout: 30_000 });
    // The Randomize form submits on Enter, so its fields are only filled.
    for (const [label, value] of [
      ['Rows', DATA.rows],
      ['Columns', DATA.cols],
      ['Planted rank', DATA.rank],
      ['Noise', DATA.noise],
      ['Data seed', DATA.seed],
    ] as const) {
      await page.getByLabel(label, { exact: true }).fill(String(value));
    }
    await page.getByRole('button', { name: 'Randomize', exact: true }).click();
    await page.getByText(/^Matrix: .*2000×1000/).waitFor({ timeout: 60_000 });
    await page.getByLabel('Algorithm', { exact: true }).selectOption(algorithm);
    await page.getByLabel('Speed', { exact: true }).selectOption({ label: 'As fast as possible' }); // a new page is paced
    const rank = page.getByRole('spinbutton', { name: 'Rank', exact: true }); // (a slider has the name too)
    await rank.fill(String(DATA.rank));
    await rank.press('Enter');
    await setNumber(page, 'Max iterations', iterations);
    await setNumber(page, 'Tolerance', 0);
    await setNumber(page, 'Seed', 1);
    await status.filter({ hasText: /^Ready/ }).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1000); // let the plots of iteration 0 settle
    const t0 = await page.evaluate(() => {
      const w = globalThis as unknown as { __bench: { watching: boolean; draws0?: DrawCounts }; plotDrawStats?: () => DrawCounts };
      w.__bench.watching = true;
      w.__bench.draws0 = w.plotDrawStats?.();
      return performance.now();
    });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const shown: number[] = [];
    for (;;) {
      const text = (await status.textContent()) ?? '';
      const m = /(\d+) iterations\/s/.exec(text);
      if (m && text.startsWith('Running')) shown.push(Number(m[1]));
      if (text.startsWith('Stopped')) break;
      await page.waitForTimeout(250);
    }
    await page.waitForFunction(() => (globalThis as unknown as { __bench: { stoppedAt: number | null } }).__bench.stoppedAt !== null);
    const r = await page.evaluate((start) => {
      const w = globalThis as unknown as {
        __bench: {
          longTasks: { start: number; duration: number }[];
          maxFrameGap: number;
          draws0?: DrawCounts;
          runAt: number;
          stoppedAt: number;
        };
        plotDrawStats?: () => DrawCounts;
      };
      const during = w.__bench.longTasks.filter((t) => t.start >= start && t.start <= w.__bench.stoppedAt);
      const now = w.plotDrawStats?.() ?? null;
      const draws: Record<string, { count: number; max: number; ms: number }> = {};
      if (now)
        for (const [name, s] of Object.entries(now)) {
          const s0 = w.__bench.draws0?.[name] ?? { count: 0, mean: 0 };
          draws[name] = { count: s.count - s0.count, max: s.max, ms: s.count * s.mean - s0.count * s0.mean };
        }
      return {
        draws: now ? draws : null,
        seconds: (w.__bench.stoppedAt - w.__bench.runAt) / 1000,
        longTasks: during.length,
        longTaskMs: during.reduce((a, t) => a + t.duration, 0),
        longest: Math.max(0, ...during.map((t) => t.duration)),
        maxFrameGap: w.__bench.maxFrameGap,
      };
    }, t0);
    const text = (await status.textContent()) ?? '';
    const relError = Number(/relative error ([0-9.e+-]+)/.exec(text)?.[1]);
    return { ...r, itersPerSecWall: iterations / r.seconds, itersPerSecShown: shown.length ? Math.max(...shown) : NaN, relError };
  } finally {
    await browser.close();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const port = Number(args.port);
const stop = await preview(port, args.dist);
try {
  const loads: Awaited<ReturnType<typeof firstView>>[] = [];
  for (let i = 0; i < Number(args.loads); i++) loads.push(await firstView(port));
  const fmtLoads = (key: keyof (typeof loads)[number]) => loads.map((l) => `${Math.round(l[key])}`).join(', ');
  const firstViewResult = {
    loads,
    lossPlotMs: median(loads.map((l) => l.lossPlotMs)),
    longestTaskMs: median(loads.map((l) => l.longestTaskMs)),
  };
  const firstViewLine = () =>
    `first view (${loads.length} fresh loads${args['browser-preload'] ? ', Chromium’s start-up preloads kept' : ''}, medians): loss plot drawn ${Math.round(firstViewResult.lossPlotMs)} ms after navigation (${fmtLoads('lossPlotMs')}; goal ≤ 1500), longest main-thread task at load ${Math.round(firstViewResult.longestTaskMs)} ms (${fmtLoads('longestTaskMs')}; goal ≤ 500); status Ready at ${fmtLoads('readyMs')} ms`;
  if (args['first-view-only']) {
    if (args.json) console.log(JSON.stringify({ firstView: firstViewResult, loadAverage: loadavg()[0] }));
    else console.log(`${firstViewLine()}\n  machine load average (1 min): ${loadavg()[0].toFixed(2)}`);
  } else await runBench(firstViewResult, firstViewLine());
} finally {
  stop();
}

/** The 2000×1000 run in the app's worker against Node, printed with the first view's figures. */
async function runBench(firstView: unknown, firstViewLine: string): Promise<void> {
  // Node before and after the browser run, to bracket changes in machine load, on as many
  // threads as the app's worker is given (?threads=N; the preview is cross-origin isolated)
  const threads = Number(args.threads);
  const before = await nodeRun(threads);
  const ui = await browserRun(port, threads);
  const after = await nodeRun(threads);
  const node = {
    itersPerSec: (before.itersPerSec + after.itersPerSec) / 2,
    relError: after.relError,
    runs: [before.itersPerSec, after.itersPerSec],
  };
  const result = {
    algorithm,
    iterations,
    data: `${DATA.rows}×${DATA.cols} rank ${DATA.rank}`,
    node,
    browser: ui,
    ratio: ui.itersPerSecWall / node.itersPerSec,
    firstView,
    loadAverage: loadavg()[0],
  };
  if (args.json) console.log(JSON.stringify(result));
  else {
    const f = (x: number) => x.toFixed(2);
    console.log(`  ${firstViewLine}`);
    console.log(
      `${algorithm}, ${iterations} iterations of a ${result.data} run on ${threads} threads, page 1280×${args.height}, build ${args.dist}`,
    );
    console.log(
      `  Node (same engine):     ${f(node.itersPerSec)} it/s (before ${f(node.runs[0])}, after ${f(node.runs[1])})   final relative error ${node.relError.toPrecision(6)}`,
    );
    console.log(
      `  app worker (Chromium): ${f(ui.itersPerSecWall)} it/s from the click on Run to the status line reading Stopped, on the page's clock (status line showed up to ${ui.itersPerSecShown} it/s)   final ${ui.relError}`,
    );
    console.log(`  ratio browser/Node:    ${f(result.ratio)}`);
    console.log(
      `  main thread during the run (${f(ui.seconds)} s): ${ui.longTasks} tasks over 50 ms (${f(ui.longTaskMs)} ms in all), longest ${f(ui.longest)} ms; largest gap between frames ${f(ui.maxFrameGap)} ms`,
    );
    if (ui.draws) {
      const rate = (name: string) => (ui.draws![name] ? `${f(ui.draws![name].count / ui.seconds)}/s` : 'none');
      const loss = Object.keys(ui.draws).find((n) => /error/i.test(n));
      console.log(
        `  plot updates during the run: loss curve ${loss ? rate(loss) : 'none'}; ` +
          Object.keys(ui.draws)
            .filter((n) => n !== loss)
            .map((n) => `${n} ${rate(n)}`)
            .join(', '),
      );
      const drawMs = Object.values(ui.draws).reduce((a, d) => a + d.ms, 0);
      console.log(
        `  drawing on the main thread during the run (plotly and canvas calls, before the browser's own layout and paint): ${f(drawMs)} ms in all, ${f((100 * drawMs) / (1000 * ui.seconds))}% of the run; per draw ${Object.entries(
          ui.draws,
        )
          .filter(([, d]) => d.count > 0)
          .map(([n, d]) => `${n} ${f(d.ms / d.count)} ms`)
          .join(', ')}`,
      );
      console.log(
        `  longest single draw (since page load): ${Object.entries(ui.draws)
          .map(([n, d]) => `${n} ${f(d.max)} ms`)
          .join(', ')}`,
      );
    } else console.log('  plot updates: not counted (this build has no window.plotDrawStats)');
    console.log(`  machine load average (1 min): ${f(result.loadAverage)} — other work on the machine skews all of these`);
  }
}
