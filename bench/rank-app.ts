// Rank survey benchmark in the app (not a test): the survey bench/rank.ts times in Node (5000×38,
// planted rank 3, 10% multiplicative noise, seed 1; kl, ranks 2..6, 10 restarts, no held-out set),
// run by the Explore rank view in the app's worker in Chromium, with its shuffled copy (the view
// always fits one). Reports the view's own elapsed time and the wall time from the click.
//   npm run bench:rank-app [-- --restarts 10 --port 4186]
// Needs dist/ (the npm script builds it first) and /usr/bin/chromium.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { toCsv } from '../src/data/csv-write.js';
import { lowRank } from '../src/data/generate.js';
import { preview } from './preview.js';

const { values: args } = parseArgs({
  options: {
    restarts: { type: 'string', default: '10' },
    port: { type: 'string', default: '4186' },
  },
});

const data = lowRank({ rows: 5000, cols: 38, rank: 3, noise: 0.1, seed: 1, noiseModel: 'multiplicative' });
const csv = toCsv({ rows: data.rows, cols: data.cols, data: data.values });
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

const stop = await preview(Number(args.port), 'dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${args.port}/`);
  const status = page.getByRole('status').first();
  await status.filter({ hasText: /^Ready/ }).waitFor({ timeout: 60_000 });
  await page.getByLabel('Upload CSV/TSV file').setInputFiles({ name: 'survey.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByText('5000×38').first().waitFor({ timeout: 60_000 });
  await page.getByLabel('Algorithm').selectOption({ label: 'Multiplicative (KL)' });
  await page.getByRole('tab', { name: 'Explore rank' }).click();
  for (const [label, value] of [
    ['Lowest rank', '2'],
    ['Highest rank', '6'],
    ['Restarts per rank', args.restarts],
    ['Held-out fraction', '0'],
  ] as const) {
    await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByLabel(label, { exact: true }).press('Enter');
  }
  console.log(`load average before: ${load()}`);
  const t0 = performance.now();
  await page.getByRole('button', { name: 'Explore', exact: true }).click();
  const done = page.getByText(/^Done: ranks 2 to 6/);
  await done.waitFor({ timeout: 30 * 60_000 });
  const wall = (performance.now() - t0) / 1000;
  console.log(`app (Chromium worker): ${await done.textContent()} · wall from the click ${wall.toFixed(1)} s`);
  console.log(`load average after: ${load()}`);
} finally {
  await browser.close();
  stop();
}
