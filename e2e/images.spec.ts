// Upload image: one picture becomes V and its reconstruction WH is drawn beside it; a set of
// same-size pictures becomes one column each, and W's columns are drawn as images.
import { PNG } from 'pngjs';
import { test, expect } from './fixtures.js';

/** A width×height PNG: a dark background with a light rectangle, shifted by `shift` pixels. */
function png(width: number, height: number, shift = 0): Buffer {
  const p = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const on = x >= 2 + shift && x < width / 2 + shift && y >= 2 && y < height - 2;
      const g = on ? 220 : 30 + ((x * 3) % 40);
      const t = 4 * (y * width + x);
      p.data[t] = p.data[t + 1] = p.data[t + 2] = g;
      p.data[t + 3] = 255;
    }
  }
  return PNG.sync.write(p);
}

test('an uploaded image is V; WH is shown as an image beside it with the storage ratio', async ({ app, page }) => {
  await app.open();
  await app.field('Upload image').setInputFiles({ name: 'blocks.png', mimeType: 'image/png', buffer: png(40, 30) });
  await expect(app.summary).toContainText('30×40');
  await app.waitFor('Ready');
  await app.button('Run').click();
  await app.waitFor('Stopped', 30_000);
  await expect(page.getByRole('img', { name: 'Original V (40×30 pixels)' })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Reconstruction WH, rank \d+ \(iteration \d+\)$/ })).toBeVisible();
  const k = Number(await app.rankBox().inputValue());
  const ratio = ((30 + 40) * k) / (30 * 40);
  await expect(page.getByText(/^Storage: W and H hold/)).toContainText(`ratio (m+n)k/mn = ${ratio.toPrecision(3)}`);
  await app.screenshot('image-upload');
});

test('several same-size images become one column each, and the columns of W are drawn as images', async ({ app, page }) => {
  await app.open();
  const files = [0, 1, 2, 3].map((s) => ({ name: `frame${s}.png`, mimeType: 'image/png', buffer: png(12, 10, s) }));
  await app.field('Upload image').setInputFiles(files);
  await expect(app.summary).toContainText('120×4');
  await app.waitFor('Ready');
  await app.steps(1);
  await expect(page.getByRole('img', { name: 'component 1', exact: true })).toBeVisible();
});

test('a file that is not an image is named in the message and the matrix stays', async ({ app, page }) => {
  await app.open();
  await app.field('Upload image').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a png') });
  await expect(page.getByRole('alert')).toHaveText('notes.png: not a PNG or JPEG image the browser can decode');
  await expect(app.summary).toContainText('60×40');
});
