// One field of the share-link table: its key in the URL hash, its name in notices, what it
// accepts, its default, and how its value is read from text (total: anything else is refused)
// and written to text (canonical: one value, one text).
import { isNumberCell } from '../data/cells.js';

/** A field of the link: `parse` returns undefined for any text it does not accept. */
export interface Field<T> {
  /** Its key in the hash (`rank=4`). */
  readonly key: string;
  /** Its name in a notice ("rank", "max iterations"). */
  readonly label: string;
  /** What it accepts, for a notice: "a whole number from 1 to 1000000". */
  readonly accepts: string;
  /** The value used when the field is absent or refused. */
  readonly fallback: T;
  /** The value of `text`, or undefined when the text is not an acceptable value. */
  parse(text: string): T | undefined;
  /** The canonical text of `value` (parse(format(v)) gives v back). */
  format(value: T): string;
}

/** A number written as a plain decimal (3, -0.5, 1e-9; not hex, Infinity or NaN), or undefined. */
function readNumber(text: string): number | undefined {
  if (text !== text.trim() || !isNumberCell(text)) return undefined;
  const x = Number(text);
  return Number.isFinite(x) ? x + 0 : undefined; // + 0 turns -0 into 0
}

/** A whole number in [min, max]. */
export function intField(key: string, label: string, min: number, max: number, fallback: number): Field<number> {
  return {
    key,
    label,
    fallback,
    accepts: min === max ? `${min}` : `a whole number from ${min} to ${max}`,
    parse: (text) => {
      const x = readNumber(text);
      return x !== undefined && Number.isInteger(x) && x >= min && x <= max ? x : undefined;
    },
    format: String,
  };
}

/** Bounds of a number field: `min` inclusive, or `above` exclusive; `max` inclusive. */
export interface NumberRange {
  readonly min?: number;
  readonly above?: number;
  readonly max?: number;
}

/** A finite number within `range`. */
export function numberField(key: string, label: string, range: NumberRange, fallback: number): Field<number> {
  const parts: string[] = [];
  if (range.min !== undefined) parts.push(`≥ ${range.min}`);
  if (range.above !== undefined) parts.push(`> ${range.above}`);
  if (range.max !== undefined) parts.push(`≤ ${range.max}`);
  return {
    key,
    label,
    fallback,
    accepts: parts.length ? `a number ${parts.join(' and ')}` : 'a number',
    parse: (text) => {
      const x = readNumber(text);
      if (x === undefined) return undefined;
      if (range.min !== undefined && !(x >= range.min)) return undefined;
      if (range.above !== undefined && !(x > range.above)) return undefined;
      if (range.max !== undefined && !(x <= range.max)) return undefined;
      return x;
    },
    format: String,
  };
}

/** One of a list of values, each written as its own text (`texts[i]` for `values[i]`). */
export function choiceField<T>(key: string, label: string, values: readonly T[], texts: readonly string[], fallback: T): Field<T> {
  return {
    key,
    label,
    fallback,
    accepts: `one of ${texts.join(', ')}`,
    parse: (text) => {
      const i = texts.indexOf(text);
      return i >= 0 ? values[i] : undefined;
    },
    format: (value) => {
      const i = values.indexOf(value);
      if (i < 0) throw new Error(`${label}: ${String(value)} is not one of ${texts.join(', ')}`);
      return texts[i];
    },
  };
}

/** One of a list of strings, written as itself. */
export function enumField<T extends string>(key: string, label: string, values: readonly T[], fallback: T): Field<T> {
  return choiceField(key, label, values, values, fallback);
}

/** A switch, written 1 (on) or 0 (off). */
export function flagField(key: string, label: string, fallback: boolean): Field<boolean> {
  return choiceField(key, label, [true, false], ['1', '0'], fallback);
}

/** Any text of at most `maxLength` characters. */
export function textField(key: string, label: string, maxLength: number, fallback: string): Field<string> {
  return {
    key,
    label,
    fallback,
    accepts: `text of at most ${maxLength} characters`,
    parse: (text) => (text.length <= maxLength ? text : undefined),
    format: (value) => value,
  };
}
