// `nmf rank FILE --ranks A..B [--restarts N] [--holdout P] [--json]`: which rank fits.
import { DEFAULT_OPTIONS, solverParams, type FactorOptions } from '../driver/options.js';
import { parseRankRange, rankSweep } from '../rank/sweep.js';
import { solverInfo } from '../solvers/registry.js';
import { createEngineNode } from '../wasm/node.js';
import { intFlag, maxIterFlag, numFlag, parseFlags, RANK_FLAGS, seedFlag, strFlag } from './args.js';
import { UsageError } from './errors.js';
import { readMatrixFile } from './io.js';

export const RANK_USAGE = `usage: nmf rank FILE.csv --ranks A..B [--restarts N] [--holdout P] [--algorithm ID]
       [--seed N] [--max-iter N] [--tol X] [--json]`;

/** Runs `rank` with argv after the command name; prints to stdout; returns the exit code. */
export async function rankCommand(argv: string[], print: (s: string) => void): Promise<number> {
  const { positionals, values } = parseFlags(argv, RANK_FLAGS);
  if (values.help) {
    print(RANK_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`rank needs exactly one FILE, got ${positionals.length}\n${RANK_USAGE}`);
  const rangeText = strFlag(values, 'ranks');
  if (rangeText === undefined) throw new UsageError(`rank needs --ranks A..B\n${RANK_USAGE}`);
  const ranks = parseRankRange(rangeText);
  if (!ranks) throw new UsageError(`--ranks: '${rangeText}' is not a range A..B with 1 ≤ A ≤ B`);
  const holdout = numFlag(values, 'holdout', 0, 0);
  if (holdout >= 1) throw new UsageError(`--holdout: ${holdout} must be a fraction below 1`);
  const info = solverInfo(strFlag(values, 'algorithm', DEFAULT_OPTIONS.algorithm)!);
  const base: FactorOptions = {
    ...DEFAULT_OPTIONS,
    algorithm: info.id,
    seed: seedFlag(values),
    maxIter: maxIterFlag(values),
    tol: numFlag(values, 'tol', DEFAULT_OPTIONS.tol, 0),
    params: solverParams(info.id),
  };
  const restarts = intFlag(values, 'restarts', 3, 1);
  const file = positionals[0];
  const data = readMatrixFile(file);
  const engine = await createEngineNode();
  const t0 = performance.now();
  const points = rankSweep(engine, data, { ranks, restarts, holdout, base });
  const seconds = (performance.now() - t0) / 1000;
  if (values.json) {
    print(
      JSON.stringify({ file, m: data.rows, n: data.cols, algorithm: info.id, seed: base.seed, restarts, holdout, seconds, ranks: points }),
    );
    return 0;
  }
  const f = (x: number | null) => (x === null ? '—' : x.toPrecision(4));
  print(
    `${file}: ${data.rows}×${data.cols}, ${info.id}, ${restarts} restarts per rank${holdout ? `, ${(holdout * 100).toFixed(0)}% held out` : ''}`,
  );
  print('rank  relError  (worst)   heldOut   cophenetic');
  for (const p of points) {
    print(
      `${String(p.rank).padStart(4)}  ${f(p.relError).padEnd(9)} ${f(p.relErrorMax).padEnd(9)} ${f(p.heldOutRelError).padEnd(9)} ${f(p.cophenetic)}`,
    );
  }
  print(`in ${seconds.toFixed(2)} s`);
  return 0;
}
