// Every control on every view, at desktop and phone width, has a name a person can see: a visible
// <label> (or aria-labelledby text), its own visible text, or an aria-label that contains its own
// visible text (a "Copy" button named "Copy R (NMF package) program") or the text of the field it
// sits in. A placeholder or a title alone is no label. A wide table's scrolling box (a tab stop on a
// phone) needs a name, not a visible one. The plots' own toolbar (plotly's modebar) is plotly's,
// and is left out.
import { VIEWS } from './appPage.js';
import { test, expect } from './fixtures.js';

/** In the page: each visible control whose name a person cannot see, with why (a script as text: the e2e code is typed without the DOM's types). */
const UNLABELLED = `(() => {
  const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const text = (el) => (el?.innerText ?? el?.textContent ?? '').replace(/\\s+/g, ' ').trim();
  const controls = 'input:not([type=hidden]), select, textarea, button, a[href], summary, [role=tab], [role=slider], [role=checkbox], [role=radio], [tabindex="0"]';
  const out = [];
  for (const el of document.querySelectorAll(controls)) {
    if (!visible(el) || el.closest('.modebar')) continue;
    const what = el.tagName.toLowerCase() + (el.type ? '[' + el.type + ']' : '') + ' ' + el.outerHTML.slice(0, 100);
    const byIds = el.getAttribute('aria-labelledby');
    const own = ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) ? '' : text(el);
    // a wide table's or formula's scrolling box is a region (named after its content), not a field
    if (el.classList.contains('scroll-region')) {
      if (!el.getAttribute('aria-label')) out.push('scrolling region without a name: ' + what);
    } else if (byIds) {
      const refs = byIds.split(/\\s+/).map((id) => document.getElementById(id));
      if (!refs.every(visible) || !refs.map(text).join('')) out.push('labelled by hidden or empty text: ' + what);
    } else if (el.getAttribute('aria-label')) {
      const name = el.getAttribute('aria-label');
      const field = text(el.closest('.field, fieldset, label, figure, li, tr, section, div'));
      if (own ? !name.includes(own) : !field.includes(name)) out.push('aria-label "' + name + '" not on screen: ' + what);
    } else if (el.labels && el.labels.length) {
      if (![...el.labels].some((l) => visible(l) && text(l))) out.push('label hidden or empty: ' + what);
    } else if (!own) out.push('no visible label: ' + what);
  }
  return out;
})()`;

for (const [width, height] of [
  [1280, 800],
  [390, 844],
]) {
  test(`at ${width} px every control on every view has a visible label that names it`, async ({ app, page }) => {
    await page.setViewportSize({ width, height });
    await app.open();
    for (const view of VIEWS) {
      await app.showViewUnfolded(view);
      expect(await page.evaluate(UNLABELLED), view).toEqual([]);
    }
  });
}
