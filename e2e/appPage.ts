// A page object for the app: what a person does, through visible labels and roles only.
import { expect, type Locator, type Page } from '@playwright/test';

/** The parts of the status line. */
export interface StatusInfo {
  phase: string;
  iteration: number;
  relError: number;
  text: string;
}

export class AppPage {
  readonly status: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByRole('status');
    this.summary = page.getByText(/^Matrix:/);
  }

  /**
   * Opens the app (optionally with query parameters) and waits until the example is ready; then
   * picks `speed` in the Speed menu ("As fast as possible" unless told: a new page runs at a pace
   * a class can watch, which would only slow the tests down), or leaves the page's own with null.
   */
  async open(query = '', { speed = 'As fast as possible' as string | null } = {}): Promise<void> {
    await this.page.goto(`./${query}`);
    await expect(this.status).toContainText('Ready', { timeout: 15_000 });
    if (speed !== null) await this.setSpeed(speed);
  }

  /** How far the page scrolls sideways (scrollWidth − clientWidth of the document, in CSS px; 0 when it fits). */
  sideScroll(): Promise<number> {
    return this.page.evaluate(() => {
      const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
      return d.documentElement.scrollWidth - d.documentElement.clientWidth;
    });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** Phase, iteration and relative error as the status line shows them. */
  async read(): Promise<StatusInfo> {
    return parseStatus((await this.status.textContent()) ?? '');
  }

  /** Waits until the status line is in `phase` (Ready, Running, Paused, Stopped). */
  async waitFor(phase: string, timeout = 15_000): Promise<StatusInfo> {
    // the text that matched is the one returned (the line may change right after, e.g. to
    // "Initializing W and H…" when an option change restarts the run); a line still being
    // updated (aria-busy: Run or Pause said at once, the worker not yet confirmed) does not count
    let s = await this.read();
    const settled = async () => {
      const [text, busy] = await this.status.evaluate((el) => [el.textContent ?? '', el.getAttribute('aria-busy')]);
      s = parseStatus(text);
      return busy !== 'true' && text.startsWith(phase);
    };
    await expect.poll(settled, { timeout }).toBe(true);
    return s;
  }

  /**
   * Clicks Pause and waits one animation frame, in the page, with nothing between: the status
   * line as it was just before the click and as it is by the next frame.
   */
  async pauseWithinFrame(): Promise<{ shown: string; next: string }> {
    return this.page.evaluate(async () => {
      const g = globalThis as unknown as PauseRealm;
      const status = g.document.querySelector('[role="status"]')!;
      const pause = Array.from(g.document.querySelectorAll('button')).find((b) => b.textContent === 'Pause')!;
      const shown = status.textContent ?? '';
      pause.click();
      await new Promise((resolve) => g.requestAnimationFrame(() => resolve(null)));
      return { shown, next: status.textContent ?? '' };
    });
  }

  /** Types a value into a labelled number field and commits it (Enter). */
  async setNumber(label: string | Locator, value: number | string): Promise<void> {
    const f = typeof label === 'string' ? this.field(label) : label;
    await f.fill(String(value));
    await f.press('Enter');
  }

  /** Types into a labelled field without committing (e.g. the Randomize form, where Enter submits). */
  async fill(label: string, value: number | string): Promise<void> {
    await this.field(label).fill(String(value));
  }

  /** Randomizes a low-rank matrix of this size and planted rank and waits for its summary. */
  async randomizeLowRank(rows: number, cols: number, rank: number): Promise<void> {
    await this.fill('Rows', rows);
    await this.fill('Columns', cols);
    await this.fill('Planted rank', rank);
    await this.button('Randomize').click();
    await expect(this.summary).toContainText(`${rows}×${cols}, ${rows * cols} observed`, { timeout: 30_000 });
  }

  /** Sets the speed (e.g. '10 iterations/s' or 'As fast as possible'). */
  async setSpeed(label: string): Promise<void> {
    await this.field('Speed').selectOption({ label });
  }

  rankBox(): Locator {
    return this.page.getByRole('spinbutton', { name: 'Rank', exact: true });
  }

  /** Chooses an algorithm by its menu label. */
  async chooseAlgorithm(label: string): Promise<void> {
    await this.field('Algorithm').selectOption({ label });
  }

  /** Shows the view whose tab is `name` with every folded panel of the page open (Reproduce elsewhere, Export, …). */
  async showViewUnfolded(name: string): Promise<void> {
    const tab = this.page.getByRole('tab', { name });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    for (const summary of await this.page.locator('details:not([open]) > summary').all()) await summary.click();
    await expect(this.page.locator('details:not([open])')).toHaveCount(0);
  }

  /** Steps `n` times, waiting for each step to be shown. */
  async steps(n: number): Promise<StatusInfo> {
    // a run that is being (re)started shows no iteration for a moment ("Initializing W and H…"):
    // read until the status line names one
    let s = await this.read();
    await expect.poll(async () => (s = await this.read()).iteration).not.toBeNaN();
    for (let i = 0; i < n; i++) {
      const before = s.iteration;
      await this.button('Step').click();
      await expect(this.status).toContainText(`iteration ${before + 1} `);
      s = await this.read();
    }
    return s;
  }

  /** Saves the viewport and the whole page (scrolled to the top) to e2e/screenshots/NAME{,-full}.png. */
  async screenshot(name: string): Promise<void> {
    await expect(this.page.getByText('loading plot…')).toHaveCount(0, { timeout: 15_000 });
    await this.page.waitForTimeout(300); // let the frame queue finish its draws
    await this.page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await this.page.screenshot({ path: `e2e/screenshots/${name}.png` });
    await this.page.screenshot({ path: `e2e/screenshots/${name}-full.png`, fullPage: true });
  }
}

/** The labels of the view tabs, in their order. */
export const VIEWS = ['Factorize', 'Explore rank', 'Compare restarts', 'Compare algorithms', 'Learn'];

/** Phase, iteration and relative error of a status line's text. */
function parseStatus(text: string): StatusInfo {
  const it = /iteration (\d+)/.exec(text);
  const err = /relative error ([0-9.eE+-]+|NaN|Infinity)/.exec(text);
  return { phase: text.split(' ')[0], iteration: it ? Number(it[1]) : NaN, relError: err ? Number(err[1]) : NaN, text };
}

/** What pauseWithinFrame uses of the page's realm (e2e has no DOM types). */
interface PauseRealm {
  document: {
    querySelector(s: string): { textContent: string | null } | null;
    querySelectorAll(s: string): ArrayLike<{ textContent: string | null; click(): void }>;
  };
  requestAnimationFrame(f: () => void): void;
}
