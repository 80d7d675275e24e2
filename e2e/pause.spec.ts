// Pause within a frame on the large ratings matrix (20,000×5,000, 1% observed = 1,000,000
// entries, held sparse): by the next animation frame the status line says Paused at the iteration
// it showed when Pause was pressed, and the worker confirms that very iteration (it takes back the
// steps it took after it), so one Step then goes exactly one further.
import { writeFileSync } from 'node:fs';
import { ratingsLongText } from '../src/data/long.js';
import { test, expect } from './fixtures.js';

test('Pause on a 20,000×5,000 ratings run holds at the iteration shown, by the next frame', async ({ app }, testInfo) => {
  test.setTimeout(240_000);
  await app.open();
  const file = testInfo.outputPath('ratings-20000x5000.csv');
  writeFileSync(file, ratingsLongText(20000, 5000, 50, 7));
  await app.field('Upload CSV/TSV file').setInputFiles(file);
  await expect(app.summary).toContainText('ratings-20000x5000.csv — 20000×5000, 1000000 observed', { timeout: 120_000 });
  await app.chooseAlgorithm('Alternating least squares');
  await app.setNumber('Max iterations', 100000);
  await app.setNumber('Tolerance', 0);
  await expect(app.field('Tolerance')).toHaveValue('0');
  await app.waitFor('Ready', 60_000);

  for (let round = 0; round < 2; round++) {
    await app.button('Run').click();
    const running = await app.waitFor('Running', 60_000);
    // a few iterations in, so the worker is busy with the next when Pause comes
    await expect(app.status).toHaveText(new RegExp(`^Running · iteration (?!${running.iteration} )\\d+ `), { timeout: 60_000 });
    const { shown, next } = await app.pauseWithinFrame();
    const at = Number(/^Running · iteration (\d+) /.exec(shown)?.[1]);
    expect(next).toMatch(new RegExp(`^Paused · iteration ${at} `));
    const paused = await app.waitFor('Paused', 30_000);
    expect(paused.iteration).toBe(at);
    await app.button('Step').click();
    await expect(app.status).toHaveText(new RegExp(`^Paused · iteration ${at + 1} `), { timeout: 30_000 });
  }
});
