// Command-line flags → typed options, with one-line messages for every malformed value.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { isNumberCell } from '../data/cells.js';
import { PRECISIONS, type Precision } from '../driver/float32.js';
import { DEFAULT_OPTIONS, MAX_ITERATIONS, MAX_SEED } from '../driver/options.js';
import { UsageError } from './errors.js';

/** The flags of `nmf factor`, with the string each was given as (undefined when absent). */
export const FACTOR_FLAGS = {
  rank: { type: 'string' },
  algorithm: { type: 'string' },
  init: { type: 'string' },
  seed: { type: 'string' },
  'max-iter': { type: 'string' },
  tol: { type: 'string' },
  target: { type: 'string' },
  epsilon: { type: 'string' },
  'learning-rate': { type: 'string' },
  l2: { type: 'string' },
  'no-project': { type: 'boolean' },
  'no-extrapolate': { type: 'boolean' },
  restarts: { type: 'string' },
  w0: { type: 'string' },
  h0: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  threads: { type: 'string' },
  precision: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The flags of `nmf rank`. */
export const RANK_FLAGS = {
  ranks: { type: 'string' },
  algorithm: { type: 'string' },
  init: { type: 'string' },
  seed: { type: 'string' },
  'max-iter': { type: 'string' },
  tol: { type: 'string' },
  restarts: { type: 'string' },
  holdout: { type: 'string' },
  format: { type: 'string' },
  shuffled: { type: 'boolean' },
  progress: { type: 'boolean' },
  threads: { type: 'string' },
  precision: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type FlagSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/**
 * Splits argv into positionals and flag values, turning node's errors into UsageError. A negative
 * number after a flag that takes a value is that value (`--seed -5` is `--seed=-5`); any other
 * word starting with a dash there is refused in one line.
 */
export function parseFlags<T extends FlagSpec>(
  argv: string[],
  flags: T,
): { positionals: string[]; values: Record<string, string | boolean | undefined> } {
  try {
    const args = joinDashValues(argv, flags);
    const { positionals, values } = parseArgs({ args, options: flags, allowPositionals: true, strict: true });
    return { positionals, values: values as Record<string, string | boolean | undefined> };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

/** argv with `--name -1` as `--name=-1` for flags that take a value; UsageError for `--name -x` (parseArgs' three-line message). */
function joinDashValues(argv: string[], flags: FlagSpec): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return [...args, ...argv.slice(i)];
    const name = a.startsWith('--') ? a.slice(2) : '';
    const next = argv[i + 1];
    if (!Object.hasOwn(flags, name) || flags[name].type !== 'string' || next === undefined || !next.startsWith('-')) {
      args.push(a);
    } else if (/^-\.?\d/.test(next)) {
      args.push(`${a}=${next}`);
      i++;
    } else {
      throw new UsageError(`${a}: its value is missing ('${next}' after it starts with a dash; write ${a}=${next} if that is the value)`);
    }
  }
  return args;
}

/** The number `raw` spells by the rules of a file's cells (decimal: 3, -0.5, 1e-3; not 0x2, Infinity or ' 3'), or undefined. */
function decimal(raw: unknown): number | undefined {
  if (typeof raw !== 'string' || raw !== raw.trim() || !isNumberCell(raw)) return undefined;
  const x = Number(raw);
  return Number.isFinite(x) ? x : undefined;
}

/**
 * The whole-number value of --name, or `fallback` when absent; UsageError when it is not a decimal
 * whole number (the rules of a file's cells), is below `min` ("must be ≥ min") or above `max`
 * (`range` says why, e.g. "the cap is 1000000 iterations"; without it the message gives min and max).
 */
export function intFlag(
  values: Record<string, unknown>,
  name: string,
  fallback: number,
  min = -Number.MAX_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
  range?: string,
): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const x = decimal(raw);
  if (x === undefined || !Number.isInteger(x))
    throw new UsageError(`--${name}: '${raw}' is not a whole number written in decimal (e.g. 3)`);
  const fromTo = `it must be a whole number from ${min} to ${max}`;
  if (x < min && (range !== undefined || max === Number.MAX_SAFE_INTEGER)) throw new UsageError(`--${name}: ${raw} must be ≥ ${min}`);
  if (x < min || x > max) throw new UsageError(`--${name}: ${raw} is out of range: ${x > max ? (range ?? fromTo) : fromTo}`);
  return x;
}

/** The number value of --name, or `fallback` when absent; UsageError when it is not a decimal number (the rules of a file's cells) or is below `min`. */
export function numFlag(values: Record<string, unknown>, name: string, fallback: number, min = -Infinity): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const x = decimal(raw);
  if (x === undefined) throw new UsageError(`--${name}: '${raw}' is not a number written in decimal (e.g. 0.5 or 1e-6)`);
  if (x < min) throw new UsageError(`--${name}: ${raw} must be ≥ ${min}`);
  return x;
}

/** --seed: a whole number from -MAX_SEED to MAX_SEED. */
export function seedFlag(values: Record<string, unknown>): number {
  return intFlag(values, 'seed', DEFAULT_OPTIONS.seed, -MAX_SEED, MAX_SEED, `seeds are whole numbers from -${MAX_SEED} to ${MAX_SEED}`);
}

/** --max-iter: a whole number from 1 to MAX_ITERATIONS. */
export function maxIterFlag(values: Record<string, unknown>): number {
  return intFlag(values, 'max-iter', DEFAULT_OPTIONS.maxIter, 1, MAX_ITERATIONS, `the cap is ${MAX_ITERATIONS} iterations`);
}

/** The string value of --name, or `fallback`. */
export function strFlag(values: Record<string, unknown>, name: string, fallback?: string): string | undefined {
  const raw = values[name];
  return typeof raw === 'string' ? raw : fallback;
}

/** --threads N (≥ 1): the threads the products run on; by default the cores Node reports. */
export function threadsFlag(values: Record<string, unknown>): number {
  return intFlag(values, 'threads', availableParallelism(), 1);
}

/** --precision float64|float32 (default float64): the precision of V's products (src/driver/float32.ts). */
export function precisionFlag(values: Record<string, unknown>): Precision {
  const p = strFlag(values, 'precision', 'float64')!;
  if (!(PRECISIONS as readonly string[]).includes(p)) throw new UsageError(`--precision ${p}: must be one of ${PRECISIONS.join(', ')}`);
  return p as Precision;
}

/** Text formats of an input file: `table` (CSV/TSV, long when its header says row, column, value) or `long`. */
export const FORMATS = ['table', 'long'] as const;

/** Whether --format asks for long format; UsageError for a value other than table or long. */
export function longFlag(values: Record<string, unknown>): boolean {
  const raw = values.format;
  if (raw === undefined) return false;
  if (raw !== 'table' && raw !== 'long') throw new UsageError(`--format: '${raw}' is not one of ${FORMATS.join(', ')}`);
  return raw === 'long';
}
