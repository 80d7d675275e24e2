// The Explore rank view's settings: one typed object, the label, bounds and default of each field
// (what the form, the store, a link or a stored session accept), its link fields, and how they fit a matrix.
// Pure: no DOM, no worker.
import { MAX_HOLDOUT, MAX_RESTARTS } from '../../../src/rank/survey.js';
import { intField, numberField } from '../../../src/share/field.js';
import type { LinkSection } from '../../../src/share/section.js';

/** What the sweep covers: ranks lowest..highest, each with `restarts` restarts and its own held-out sets. */
export interface ExploreSettings {
  readonly lowest: number;
  readonly highest: number;
  /** Restarts per rank (restart r uses seed + r and held-out set r). */
  readonly restarts: number;
  /** Fraction of the observed entries held out per restart; 0 = none (then there is no suggestion). */
  readonly holdout: number;
}

/** Largest rank a setting may name (the data bounds it further by min(m, n)). */
export const MAX_EXPLORE_RANK = 1000;

/** One setting: its field's visible label, whether it is a whole number, its bounds and its default. */
export interface SettingInfo {
  readonly label: string;
  readonly integer: boolean;
  readonly min: number;
  readonly max: number;
  readonly fallback: number;
}

/** Every setting, in the order the form shows them. */
export const EXPLORE_SETTINGS: { readonly [K in keyof ExploreSettings]: SettingInfo } = {
  lowest: { label: 'Lowest rank', integer: true, min: 1, max: MAX_EXPLORE_RANK, fallback: 1 },
  highest: { label: 'Highest rank', integer: true, min: 1, max: MAX_EXPLORE_RANK, fallback: 6 },
  restarts: { label: 'Restarts per rank', integer: true, min: 1, max: MAX_RESTARTS, fallback: 3 },
  holdout: { label: 'Held-out fraction', integer: false, min: 0, max: MAX_HOLDOUT, fallback: 0.1 },
};

const S = EXPLORE_SETTINGS;

/** The settings as link fields (`x.lo=2&x.hi=6&x.r=3&x.ho=0.1`), with the bounds and defaults of the form. */
export const EXPLORE_SECTION: LinkSection<ExploreSettings> = {
  view: 'explore',
  prefix: 'x',
  label: 'Explore rank',
  fields: {
    lowest: intField('lo', 'lowest rank', S.lowest.min, S.lowest.max, S.lowest.fallback),
    highest: intField('hi', 'highest rank', S.highest.min, S.highest.max, S.highest.fallback),
    restarts: intField('r', 'restarts per rank', S.restarts.min, S.restarts.max, S.restarts.fallback),
    holdout: numberField('ho', 'held-out fraction', { min: S.holdout.min, max: S.holdout.max }, S.holdout.fallback),
  },
};

/** The names of the settings, in form order. */
export const EXPLORE_KEYS = Object.keys(EXPLORE_SETTINGS) as (keyof ExploreSettings)[];

/** Every setting at its default. */
export function defaultExploreSettings(): ExploreSettings {
  return { lowest: 1, highest: 6, restarts: 3, holdout: 0.1 };
}

/** A setting that cannot be used: which one, and a sentence naming it and what it accepts. */
export interface SettingProblem {
  readonly key: keyof ExploreSettings;
  readonly message: string;
}

/** Why `value` is not acceptable for setting `key` on an m×n matrix (m, n omitted: its static bounds only), or null. */
export function settingProblem(key: keyof ExploreSettings, value: number, m?: number, n?: number): string | null {
  const f = EXPLORE_SETTINGS[key];
  const max = (key === 'lowest' || key === 'highest') && m !== undefined && n !== undefined ? Math.min(f.max, m, n) : f.max;
  const what = f.integer ? `a whole number from ${f.min} to ${max}` : `a number from ${f.min} to ${max}`;
  const ok = Number.isFinite(value) && (!f.integer || Number.isInteger(value)) && value >= f.min && value <= max;
  if (ok) return null;
  const where = max < f.max ? ` for a ${m}×${n} matrix` : '';
  return `${f.label} ${value} is out of range: it must be ${what}${where}.`;
}

/** The first setting of `s` that cannot be used on an m×n matrix (each in range, and lowest ≤ highest), or null. */
export function exploreProblem(s: ExploreSettings, m: number, n: number): SettingProblem | null {
  for (const key of EXPLORE_KEYS) {
    const message = settingProblem(key, s[key], m, n);
    if (message) return { key, message };
  }
  if (s.highest < s.lowest) return { key: 'highest', message: `Highest rank ${s.highest} is below the lowest rank ${s.lowest}.` };
  return null;
}

/**
 * The settings a sweep of an m×n matrix uses: ranks lowered to min(m, n) (the lowest no higher
 * than the highest), with a note for each change; settings that fit are returned as they are.
 * The stored settings stay (a bigger matrix gets them back).
 */
export function fitExploreSettings(s: ExploreSettings, m: number, n: number): { settings: ExploreSettings; notes: string[] } {
  const top = Math.max(1, Math.min(m, n));
  const notes: string[] = [];
  let { lowest, highest } = s;
  if (highest > top) {
    notes.push(`Highest rank ${highest} is more than a ${m}×${n} matrix allows: the sweep goes up to ${top}.`);
    highest = top;
  }
  if (lowest > highest) {
    notes.push(`Lowest rank ${lowest} is above that: the sweep starts at ${highest}.`);
    lowest = highest;
  }
  return { settings: notes.length ? { ...s, lowest, highest } : s, notes };
}
