// Sessions that survive: the session is kept in IndexedDB and restored on reload (with Start
// fresh), a link opened over it keeps it (Go back), Save session → Open session brings back the
// same screen, and a corrupt or foreign file gets its message and changes nothing.
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from './fixtures.js';

function banner(page: Page) {
  return page.getByRole('region', { name: 'Kept session' });
}

/** What the test reads of IndexedDB in the page (the e2e code is typed without the DOM). */
interface Req<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}
interface IDBFactoryLike {
  open(name: string): Req<{
    objectStoreNames: { contains(name: string): boolean };
    transaction(store: string): { objectStore(store: string): { get(key: string): Req<unknown> } };
  }>;
}

/** The iteration of the session IndexedDB keeps now (0 before any run, null when none is kept). */

function keptIteration(page: Page): Promise<number | null> {
  return page.evaluate(
    () =>
      new Promise<number | null>((resolve, reject) => {
        const idb = (globalThis as unknown as { indexedDB: IDBFactoryLike }).indexedDB;
        const open = idb.open('nmf-playground');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('sessions')) return resolve(null);
          const get = db.transaction('sessions').objectStore('sessions').get('current');
          get.onsuccess = () => {
            const r = get.result as { run: { iteration: number } | null } | undefined;
            resolve(r ? (r.run?.iteration ?? 0) : null);
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

test('a reload restores the session with its numbers; Start fresh clears it', async ({ app, page }) => {
  await app.open();
  await app.setNumber('Seed', 42);
  await app.setNumber(app.rankBox(), 3);
  await app.waitFor('Ready');
  const before = await app.steps(5);
  await expect.poll(() => keptIteration(page)).toBe(5);

  await page.reload();
  await expect(banner(page)).toContainText('Your session was restored (low-rank');
  await expect(banner(page)).toContainText('iteration 5, kept at');
  await expect.poll(async () => (await app.read()).text).toBe(before.text.replace(/^\S+/, 'Paused'));
  await expect(app.field('Seed')).toHaveValue('42');
  await expect(app.rankBox()).toHaveValue('3');
  // the restored run goes on from its iteration
  const next = await app.steps(1);
  expect(next.iteration).toBe(6);
  await app.screenshot('session-restored-1280');

  await banner(page).getByRole('button', { name: 'Start fresh' }).click();
  await expect(banner(page)).toHaveCount(0);
  await app.waitFor('Ready');
  await expect(app.field('Seed')).toHaveValue('1');
  await expect.poll(() => keptIteration(page)).not.toBe(6);
  await page.reload();
  await app.waitFor('Ready');
  await expect(banner(page)).toHaveCount(0);
  await expect(app.field('Seed')).toHaveValue('1');
});

test('a link opened over a kept session keeps it, and Go back reopens it', async ({ app, page }) => {
  await app.open();
  await app.setNumber('Seed', 7);
  await app.waitFor('Ready');
  const mine = await app.steps(3);
  await expect.poll(() => keptIteration(page)).toBe(3);

  await page.goto('about:blank');
  await page.goto(
    './#v=1&data=example&example=lowrank&alg=mu&rank=3&init=random&seed=5&maxIter=500&tol=0&target=0&eps=1e-9&lr=0.001&l2=0.01&project=1&speed=30&iter=2',
  );
  await app.waitFor('Paused');
  await expect(app.field('Seed')).toHaveValue('5');
  await expect(banner(page)).toContainText('Your previous session was kept (low-rank');
  await expect(banner(page)).toContainText('iteration 3');
  await banner(page).getByRole('button', { name: 'Go back' }).click();
  await expect(app.field('Seed')).toHaveValue('7');
  await expect.poll(async () => (await app.read()).text).toBe(mine.text.replace(/^\S+/, 'Paused'));
});

test('Save session then Open session restores the same screen; a corrupt file gives its message and changes nothing', async ({
  app,
  page,
}) => {
  await app.open();
  await app.chooseAlgorithm('Multiplicative (Frobenius)');
  await app.setNumber(app.rankBox(), 3);
  await app.setNumber('Seed', 11);
  await app.waitFor('Ready');
  const before = await app.steps(4);
  const session = page.getByRole('region', { name: 'Session', exact: true });

  const [file] = await Promise.all([page.waitForEvent('download'), session.getByRole('button', { name: 'Save session' }).click()]);
  expect(file.suggestedFilename()).toBe('session.json');
  const text = readFileSync(await file.path(), 'utf8');
  const json = JSON.parse(text);
  expect(json.format).toBe('nmf-playground-session');
  expect(json.options).toMatchObject({ algorithm: 'mu', rank: 3, seed: 11 });
  expect(json.run.iteration).toBe(4);
  await expect(session).toContainText('Saved session.json (');

  await session.getByRole('button', { name: 'Start fresh' }).click();
  await app.waitFor('Ready');
  await expect(app.field('Seed')).toHaveValue('1');

  const open = session.getByLabel('Open session', { exact: true });
  await open.setInputFiles({ name: 'session.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(session).toContainText('Opened session.json.');
  await expect.poll(async () => (await app.read()).text).toBe(before.text.replace(/^\S+/, 'Paused'));
  await expect(app.field('Algorithm')).toHaveValue('mu');
  await expect(app.rankBox()).toHaveValue('3');
  await expect(app.field('Seed')).toHaveValue('11');

  // a field out of range: its path in the message, the screen as it was
  const broken = JSON.stringify({ ...json, options: { ...json.options, rank: 0 } });
  await open.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  await expect(session.getByRole('alert')).toContainText('broken.json: field options.rank: 0 (expected');
  // not JSON at all
  await open.setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(text.slice(0, 200)) });
  await expect(session.getByRole('alert')).toContainText('cut.json: not a session file: it is not valid JSON');
  // another program's JSON
  await open.setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"name": "x"}') });
  await expect(session.getByRole('alert')).toHaveText(
    'other.json: not an NMF Playground session file (its "format" is not "nmf-playground-session").',
  );
  expect((await app.read()).text).toBe(before.text.replace(/^\S+/, 'Paused'));
  await expect(app.rankBox()).toHaveValue('3');
  await expect(app.field('Seed')).toHaveValue('11');

  // a file of a newer version says so; the next session opened replaces that notice
  const notices = page.getByRole('region', { name: 'Notices' });
  const later = JSON.stringify({ ...json, version: json.version + 1 });
  await open.setInputFiles({ name: 'later.json', mimeType: 'application/json', buffer: Buffer.from(later) });
  await expect(notices).toContainText('later.json was saved by a newer version of NMF Playground');
  await open.setInputFiles({ name: 'session.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(session).toContainText('Opened session.json.');
  await expect(page.getByText(/was saved by a newer version/)).toHaveCount(0);
});
