// The keyboard reaches everything: on every view, with its folded panels open, Tab alone visits
// every visible, enabled control, except those a roving focus hands to the arrow keys (the view
// tabs not chosen, the radios of a group beside its checked one), which the arrow keys then reach.
import { VIEWS } from './appPage.js';
import { test, expect } from './fixtures.js';

/** In the page: numbers each visible, enabled control Tab should reach (data-tab-n) and returns how many. */
const NUMBER_CONTROLS = `(() => {
  const all = document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href], summary, [tabindex="0"]');
  const reached = [...all].filter((el) => {
    if (el.getClientRects().length === 0 || el.disabled || el.closest('[inert]')) return false;
    if (el.getAttribute('tabindex') === '-1') return false; // roving: the arrow keys' (checked below for the tabs)
    if (el.type === 'radio' && !el.checked && document.querySelector('input[type=radio][name="' + el.name + '"]:checked')) return false;
    return true;
  });
  document.querySelectorAll('[data-tab-n]').forEach((el) => el.removeAttribute('data-tab-n'));
  reached.forEach((el, i) => el.setAttribute('data-tab-n', String(i)));
  return reached.length;
})()`;

test('Tab alone reaches every control on every view, and the arrow keys the view tabs', async ({ app, page }) => {
  await app.open();
  for (const view of VIEWS) {
    await app.showViewUnfolded(view);
    const n = (await page.evaluate(NUMBER_CONTROLS)) as number;
    expect(n, view).toBeGreaterThan(20);
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    const seen = new Set<string>();
    // a full lap of the page's tab order, and some: every numbered control comes up at least once
    for (let i = 0; i < n + 20 && seen.size < n; i++) {
      await page.keyboard.press('Tab');
      const k = (await page.evaluate('document.activeElement && document.activeElement.getAttribute("data-tab-n")')) as string | null;
      if (k !== null) seen.add(k);
    }
    const missed = await page
      .locator('[data-tab-n]')
      .evaluateAll(
        (els, s) => els.filter((el) => !s.includes(el.getAttribute('data-tab-n')!)).map((el) => el.outerHTML.slice(0, 120)),
        [...seen],
      );
    expect(missed, view).toEqual([]);
  }
  // the chosen view's tab takes the focus with Tab; → and ← move between the views
  const tab = page.getByRole('tab', { name: 'Learn' });
  await tab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Factorize' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(tab).toBeFocused();
});
