// Sparse ratings in the app (not a test): 20,000×5,000 long-format ratings at 1% observed
// (1,000,000 entries, held by its entries in the worker), rank 20, in Chromium: the upload's time
// to Ready, iterations per second while running, and how long Pause takes: until the controls
// show it (Run enabled again, the page's own intent) and until the worker confirms (status "Paused").
//   npm run bench:sparse-app [-- --algorithms mu,als --threads 2 --port 4187 --pauses 5 --dist dist]
import { writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { ratingsLongText } from '../src/data/long.js';
import { launchChromium, preview, setNumber } from './preview.js';

const { values: args } = parseArgs({
  options: {
    algorithms: { type: 'string', default: 'mu,als' },
    threads: { type: 'string', default: '2' },
    port: { type: 'string', default: '4187' },
    dist: { type: 'string', default: 'dist' },
    pauses: { type: 'string', default: '5' },
  },
});
const [m, n, perRow, rank] = [20_000, 5_000, 50, 20];

/** The ratings file (ratingsLongText, seed 2024) in the temp dir. */
function ratingsFile(): string {
  const path = join(tmpdir(), 'nmf-sparse-app-20000x5000.csv');
  writeFileSync(path, ratingsLongText(m, n, perRow, 2024));
  return path;
}

/**
 * Clicks Pause inside the page and times (ms) the first frame whose controls show it and the
 * status line's "Paused". (A string: tsx's helpers do not exist in the page.)
 */
const TIME_PAUSE = `new Promise((resolve) => {
  const buttons = [...document.querySelectorAll('button')];
  const pause = buttons.find((b) => b.textContent === 'Pause');
  const run = buttons.find((b) => b.textContent === 'Run');
  const status = document.querySelector('[role="status"]');
  let controls = NaN;
  const t0 = performance.now();
  const frame = () => {
    if (!run.disabled) controls = performance.now() - t0;
    else requestAnimationFrame(frame);
  };
  const obs = new MutationObserver(() => {
    if (!status.textContent.startsWith('Paused')) return;
    obs.disconnect();
    resolve({ controls, paused: performance.now() - t0 });
  });
  obs.observe(status, { subtree: true, childList: true, characterData: true });
  pause.click();
  requestAnimationFrame(frame);
})`;

function timePause(page: Page): Promise<{ controls: number; paused: number }> {
  return page.evaluate(TIME_PAUSE) as Promise<{ controls: number; paused: number }>;
}

const file = ratingsFile();
const stop = await preview(Number(args.port), args.dist);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://127.0.0.1:${args.port}/?threads=${args.threads}`);
  const status = page.getByRole('status');
  await status.filter({ hasText: /^Ready/ }).waitFor({ timeout: 30_000 });
  await page.getByLabel('Speed', { exact: true }).selectOption({ label: 'As fast as possible' });
  const t0 = performance.now();
  await page.getByLabel('Upload CSV/TSV file', { exact: true }).setInputFiles(file);
  await page.getByText(`Matrix: ${file.split('/').pop()} — ${m}×${n}, ${m * perRow} observed`).waitFor({ timeout: 120_000 });
  await status.filter({ hasText: /^Ready/ }).waitFor({ timeout: 120_000 });
  console.log(`upload to Ready: ${((performance.now() - t0) / 1000).toFixed(1)} s (load ${loadavg()[0].toFixed(2)})`);
  for (const algorithm of args.algorithms.split(',')) {
    await page.getByLabel('Algorithm', { exact: true }).selectOption(algorithm);
    const rankBox = page.getByRole('spinbutton', { name: 'Rank', exact: true });
    await rankBox.fill(String(rank));
    await rankBox.press('Enter');
    await setNumber(page, 'Max iterations', 100000);
    await setNumber(page, 'Tolerance', 0);
    await status.filter({ hasText: /^Ready · iteration 0/ }).waitFor({ timeout: 60_000 });
    const controls: number[] = [];
    const paused: number[] = [];
    let rate = '';
    for (let p = 0; p < Number(args.pauses); p++) {
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      // let it run for a few iterations, until the status reports a rate
      await status.filter({ hasText: /^Running · iteration \d+ .* [1-9]\d* iterations\/s/ }).waitFor({ timeout: 60_000 });
      rate = (await status.textContent()) ?? '';
      const t = await timePause(page);
      controls.push(t.controls);
      paused.push(t.paused);
    }
    const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');
    console.log(`${algorithm} k=${rank}, ${args.threads} threads: ${rate.replace(/^Running · /, '')}`);
    console.log(
      `  Pause -> controls show it: ${fmt(controls)} ms; -> worker confirms "Paused": ${fmt(paused)} ms (load ${loadavg()[0].toFixed(2)})`,
    );
  }
} finally {
  await browser.close();
  stop();
}
