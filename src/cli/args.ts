// Command-line flags → typed options, with one-line messages for every malformed value.
import { parseArgs } from 'node:util';
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
  restarts: { type: 'string' },
  w0: { type: 'string' },
  h0: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
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
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type FlagSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** Splits argv into positionals and flag values, turning node's errors into UsageError. */
export function parseFlags<T extends FlagSpec>(
  argv: string[],
  flags: T,
): { positionals: string[]; values: Record<string, string | boolean | undefined> } {
  try {
    const { positionals, values } = parseArgs({ args: argv, options: flags, allowPositionals: true, strict: true });
    return { positionals, values: values as Record<string, string | boolean | undefined> };
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

/** The integer value of --name, or `fallback` when absent; UsageError when malformed or below `min`. */
export function intFlag(values: Record<string, unknown>, name: string, fallback: number, min = -Infinity): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const x = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isInteger(x)) throw new UsageError(`--${name}: '${raw}' is not an integer`);
  if (x < min) throw new UsageError(`--${name}: ${x} must be ≥ ${min}`);
  return x;
}

/** The number value of --name, or `fallback` when absent; UsageError when malformed or below `min`. */
export function numFlag(values: Record<string, unknown>, name: string, fallback: number, min = -Infinity): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const x = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(x)) throw new UsageError(`--${name}: '${raw}' is not a number`);
  if (x < min) throw new UsageError(`--${name}: ${x} must be ≥ ${min}`);
  return x;
}

/** The string value of --name, or `fallback`. */
export function strFlag(values: Record<string, unknown>, name: string, fallback?: string): string | undefined {
  const raw = values[name];
  return typeof raw === 'string' ? raw : fallback;
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
