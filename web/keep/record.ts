// A kept session: what the page shows, as one record (the data spec, options, speed, the open view
// and every view's settings, the run's W, H and history), kept in IndexedDB and saved as a file.
// Pure: no DOM, no worker.
import { version } from '../../package.json';
import type { DataSpec } from '../../src/data/spec.js';
import type { Stop } from '../../src/driver/factorization.js';
import type { RunOptions } from '../../src/driver/options.js';
import type { AnySection, SectionValues } from '../../src/share/section.js';
import type { AppState } from '../state/app.js';
import type { ViewId } from '../state/view.js';
import type { Factors, Speed } from '../shared/protocol.js';

/** The app's version, written into every record and file. */
export const APP_VERSION: string = version;

/** A run as kept: W (m×k) and H (k×n) full, row-major, at `iteration`, with its history. */
export interface KeptRun {
  readonly m: number;
  readonly k: number;
  readonly n: number;
  readonly W: Float64Array;
  readonly H: Float64Array;
  readonly iteration: number;
  /** Relative error after each iteration (length `iteration`). */
  readonly history: readonly number[];
  readonly initialRelError: number;
  readonly objective: number;
  readonly stop: Stop | null;
  /** The solver's own state beyond W and H (anls extrapolated), when it has one: RunStart.solverState. */
  readonly solverState?: Float64Array;
}

/** One session. */
export interface SessionRecord {
  /** The app version that kept it. */
  readonly app: string;
  /** When it was kept (ms since 1970). */
  readonly savedAt: number;
  /** The page's URL hash then (without '#'): a reload of that same address restores the session. */
  readonly hash: string;
  /** The data's name as the page showed it ("low-rank 60×40"). */
  readonly name: string;
  readonly data: DataSpec;
  readonly options: RunOptions;
  readonly speed: Speed;
  readonly view: ViewId;
  /** Each view's settings as its link writes them (view id → field name → text). */
  readonly views: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The run at its iteration, or null before the first iteration (the options alone restore iteration 0). */
  readonly run: KeptRun | null;
}

/** What the banner under the status says of a kept session: restored at start-up, or kept when something was opened over it. */
export type KeepBanner =
  | { readonly kind: 'restored'; readonly name: string; readonly iteration: number; readonly savedAt: number }
  | { readonly kind: 'kept'; readonly name: string; readonly iteration: number; readonly savedAt: number };

/** Each section's values as the texts its fields write (what a record keeps). */
export function settingsTexts(sections: readonly AnySection[], read: (view: ViewId) => SectionValues | null): SessionRecord['views'] {
  const out: Record<string, Record<string, string>> = {};
  for (const section of sections) {
    const values = read(section.view);
    if (!values) continue;
    const texts: Record<string, string> = {};
    for (const [name, f] of Object.entries(section.fields)) texts[name] = (f.format as (v: unknown) => string)(values[name]);
    out[section.view] = texts;
  }
  return out;
}

/**
 * The settings of `section` read back from a record's texts: each field's value, its default where
 * the text is missing or not acceptable (named in `problems` as `views.<view>.<name>: …`).
 */
export function settingsValues(
  section: AnySection,
  texts: Readonly<Record<string, string>> | undefined,
  problems: string[],
): SectionValues {
  const out: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(section.fields)) {
    const text = texts?.[name];
    const value = text === undefined ? undefined : f.parse(text);
    if (text !== undefined && value === undefined) problems.push(`views.${section.view}.${name}: “${text}” (expected ${f.accepts})`);
    out[name] = value ?? f.fallback;
  }
  return out;
}

/** The record of the page's state `s` (null before any data), with the run's factors when it has iterated. */
export function recordOf(
  s: AppState,
  factors: Factors | null,
  views: SessionRecord['views'],
  hash: string,
  now = Date.now(),
): SessionRecord | null {
  if (!s.data) return null;
  const f = factors && factors.runId === s.run.runId && factors.iteration > 0 ? factors : null;
  return {
    app: APP_VERSION,
    savedAt: now,
    hash,
    name: s.data.info.name,
    data: s.data.spec,
    options: s.options,
    speed: s.speed,
    view: s.view,
    views,
    run: f && {
      m: f.m,
      k: f.k,
      n: f.n,
      W: f.W,
      H: f.H,
      iteration: f.iteration,
      history: Array.from(f.history),
      initialRelError: f.initialRelError,
      objective: f.objective,
      stop: f.stop,
      ...(f.solverState ? { solverState: f.solverState } : {}),
    },
  };
}

/** Whether two records describe the same session (same data, options, view and run), whenever they were kept. */
export function sameSession(a: SessionRecord, b: SessionRecord): boolean {
  const strip = (r: SessionRecord) =>
    JSON.stringify([r.data, r.options, r.view, r.views, r.run && [r.run.iteration, r.run.history.length, r.run.history.at(-1)]]);
  return strip(a) === strip(b);
}
