// The run the thread tests compare: a 300×200 rank-5 matrix, HALS at rank 10 (large enough for the
// pool to split its products: 300·10·200 multiply-adds, above 2^18), seed 5, 20 iterations, at a
// precision; its status line, W, H and history as downloaded.
import { download, readCsv, readHistory } from './downloads.js';
import { expect } from './fixtures.js';
import type { AppPage } from './appPage.js';

/** Opens `query` (e.g. "?threads=2"), runs the HALS case at `precision` to Stopped and downloads its results. */
export async function hals20(app: AppPage, query: string, precision: 'float64' | 'float32' = 'float64') {
  // the page may bring back the session kept from the run before (Stopped, not Ready): any phase will do, the data is replaced
  await app.page.goto(`./${query}`);
  await expect(app.status).toContainText(/^(Ready|Paused|Stopped)/, { timeout: 15_000 });
  await app.setSpeed('As fast as possible');
  await app.randomizeLowRank(300, 200, 5);
  await app.waitFor('Ready');
  await app.chooseAlgorithm('HALS (coordinate descent)');
  await app.field('Precision').selectOption(precision);
  await app.setNumber(app.rankBox(), 10);
  await app.setNumber('Seed', 5);
  await app.setNumber('Max iterations', 20);
  await app.setNumber('Tolerance', 0);
  await app.waitFor('Ready');
  await app.button('Run').click();
  const stopped = await app.waitFor('Stopped', 30_000);
  return {
    status: stopped.text,
    W: readCsv((await download(app.page, 'W.csv')).text).values,
    H: readCsv((await download(app.page, 'H.csv')).text).values,
    history: readHistory((await download(app.page, 'history.csv')).text),
  };
}
