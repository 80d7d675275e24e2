// Downloads for the export, share and determinism specs: click a labelled button, take the file
// the page saves (its name describes it: data, algorithm, rank, iteration), split off its '#'
// comment line, and read a CSV back into numbers.
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { parseMatrixText } from '../src/data/parse.js';

/** A saved file: its name, its whole text, its leading '#' comment line (null when none) and the rest (the CSV proper). */
export interface Downloaded {
  fileName: string;
  text: string;
  comment: string | null;
  body: string;
}

/** Clicks the button named `Download NAME` and returns the saved file (see Downloaded). */
export async function download(page: Page, name: string): Promise<Downloaded> {
  const button = page.getByRole('button', { name: `Download ${name}`, exact: true });
  await expect(button).toBeEnabled();
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  const text = readFileSync(path, 'utf8');
  const commented = text.startsWith('#');
  const end = commented ? text.indexOf('\n') + 1 : 0;
  return { fileName: file.suggestedFilename(), text, comment: commented ? text.slice(0, end - 1) : null, body: text.slice(end) };
}

/** The name the app gives a result file: "low-rank-60x40_hals_k4_it3_W.csv". */
export function resultName(data: string, algorithm: string, rank: number, iteration: number, what: string): string {
  return `${data}_${algorithm}_k${rank}_it${iteration}_${what}.csv`;
}

/** A CSV as the app reads one: values (rows×cols, NaN = NA) and labels. */
export function readCsv(text: string, name = 'download.csv') {
  return parseMatrixText(text, name);
}

/** A history.csv: the initial error (iteration 0), then the relative error and the seconds spent up to each iteration 1, 2, …. */
export function readHistoryFile(text: string): { initial: number; relErrors: number[]; seconds: number[] } {
  const lines = text
    .trimEnd()
    .split('\n')
    .filter((l) => !l.startsWith('#'));
  expect(lines[0]).toBe('iteration,relError,seconds');
  const rows = lines.slice(1).map((l, t) => {
    const [it, e, sec] = l.split(',');
    expect(Number(it)).toBe(t);
    return { e: Number(e), sec: sec === 'NA' ? Number.NaN : Number(sec) };
  });
  expect(rows[0].sec).toBe(0);
  return { initial: rows[0].e, relErrors: rows.slice(1).map((r) => r.e), seconds: rows.slice(1).map((r) => r.sec) };
}

/** The relative errors of a history.csv after iterations 1, 2, … (its iteration 0 checked and left out). */
export function readHistory(text: string): number[] {
  return readHistoryFile(text).relErrors;
}
