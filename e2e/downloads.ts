// Downloads for the export, share and determinism specs: click a labelled button, take the file
// the page saves, and read a CSV back into numbers.
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { parseMatrixText } from '../src/data/parse.js';

/** Clicks the button named `Download NAME` and returns the saved file's name and text. */
export async function download(page: Page, name: string): Promise<{ fileName: string; text: string }> {
  const button = page.getByRole('button', { name: `Download ${name}`, exact: true });
  await expect(button).toBeEnabled();
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { fileName: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** A CSV as the app reads one: values (rows×cols, NaN = NA) and labels. */
export function readCsv(text: string, name = 'download.csv') {
  return parseMatrixText(text, name);
}

/** The relative errors of a history.csv, in order of iteration. */
export function readHistory(text: string): number[] {
  const lines = text.trimEnd().split('\n');
  expect(lines[0]).toBe('iteration,relError');
  return lines.slice(1).map((l, t) => {
    const [it, e] = l.split(',');
    expect(Number(it)).toBe(t + 1);
    return Number(e);
  });
}
