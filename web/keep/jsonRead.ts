// Reading a parsed JSON value field by field, each check naming the field's path ("options.rank")
// and what it expects; the first problem stops the reading (FieldProblem). Pure.
import type { Field } from '../../src/share/field.js';

/** A value in a file that is not what its field needs; the message names the field's path. */
export class FieldProblem extends Error {
  constructor(
    readonly path: string,
    what: string,
  ) {
    super(`field ${path}: ${what}`);
    this.name = 'FieldProblem';
  }
}

/** A JSON value as quoted in a message (cut to 40 characters). */
function shown(v: unknown): string {
  const text = v === undefined ? 'missing' : JSON.stringify(v);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** `v` as an object (not null, not a list). */
export function objectAt(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new FieldProblem(path, `${shown(v)} (expected an object)`);
  return v as Record<string, unknown>;
}

/** A number of the link table's `field` (its range and its message). */
export function numberAt<T>(v: unknown, path: string, field: Field<T>): T {
  const value = typeof v === 'number' ? field.parse(String(v)) : undefined;
  if (value === undefined) throw new FieldProblem(path, `${shown(v)} (expected ${field.accepts})`);
  return value;
}

/** A string of the link table's `field`. */
export function stringAt<T>(v: unknown, path: string, field: Field<T>): T {
  const value = typeof v === 'string' ? field.parse(v) : undefined;
  if (value === undefined) throw new FieldProblem(path, `${shown(v)} (expected ${field.accepts})`);
  return value;
}

/** A JSON boolean. */
export function booleanAt(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw new FieldProblem(path, `${shown(v)} (expected true or false)`);
  return v;
}

/** Any string of at most `max` characters. */
export function textAt(v: unknown, path: string, max: number): string {
  if (typeof v !== 'string' || v.length > max) throw new FieldProblem(path, `${shown(v)} (expected text of at most ${max} characters)`);
  return v;
}

/** A whole number from `min` to `max`. */
export function integerAt(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new FieldProblem(path, `${shown(v)} (expected a whole number from ${min} to ${max})`);
  }
  return v;
}

/** The texts non-finite numbers are written as (JSON has no NaN or Infinity). */
const NON_FINITE: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};

/** A number as written in a file: itself, or "NaN", "Infinity", "-Infinity". */
export function floatAt(v: unknown, path: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && Object.hasOwn(NON_FINITE, v)) return NON_FINITE[v];
  throw new FieldProblem(path, `${shown(v)} (expected a number)`);
}

/** A list of `length` numbers as floatAt reads them. */
export function floatsAt(v: unknown, path: string, length: number): Float64Array {
  if (!Array.isArray(v)) throw new FieldProblem(path, `${shown(v)} (expected a list of ${length} numbers)`);
  if (v.length !== length) throw new FieldProblem(path, `a list of ${v.length} numbers (expected ${length})`);
  const out = new Float64Array(length);
  for (let t = 0; t < length; t++) out[t] = floatAt(v[t], `${path}[${t}]`);
  return out;
}

/** `x` as a file writes it: a JSON number, or its text when not finite. */
export function floatJson(x: number): number | string {
  return Number.isFinite(x) ? x : String(x);
}
