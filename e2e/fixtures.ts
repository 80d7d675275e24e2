// The app's Playwright fixtures: every test fails on a console error, an uncaught page error, a
// Content-Security-Policy violation (a securitypolicyviolation event in the page) or a request that
// leaves the page's origin; `app` is a page object that acts through labels and roles.
import { test as base, expect, type Page } from '@playwright/test';
import { AppPage } from './appPage.js';

interface Watch {
  /** Console errors (text) and uncaught errors seen so far. */
  errors: string[];
  /** Requests to any other origin than the app's. */
  foreign: string[];
  /** Console errors and CSP violations matching one of these are expected by the test (e.g. an injected fault). */
  allow: RegExp[];
}

/** Reports every CSP violation in the page (documents and frames) to the test through a binding. */
const REPORT_CSP = `
  document.addEventListener('securitypolicyviolation', (e) =>
    globalThis.__cspViolation?.(\`CSP violation: \${e.effectiveDirective} blocked \${e.blockedURI || 'inline'} (\${e.sourceFile || 'page'}:\${e.lineNumber})\`));
`;

export const test = base.extend<{ watch: Watch; app: AppPage }>({
  watch: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const w: Watch = { errors: [], foreign: [], allow: [] };
      page.on('console', (m) => {
        if (m.type() === 'error') w.errors.push(m.text());
      });
      page.on('pageerror', (e) => w.errors.push(`pageerror: ${e.message}`));
      await page.exposeFunction('__cspViolation', (text: string) => w.errors.push(text));
      await page.addInitScript(REPORT_CSP);
      page.on('request', (r) => {
        const url = r.url();
        if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) w.foreign.push(url);
      });
      await use(w);
      expect(w.foreign, 'requests outside the page origin').toEqual([]);
      expect(
        w.errors.filter((e) => !w.allow.some((r) => r.test(e))),
        'console errors',
      ).toEqual([]);
    },
    { auto: true },
  ],
  app: async ({ page }, use) => {
    await use(new AppPage(page));
  },
});

export { expect, type Page };
