// `nmf rank FILE --ranks A..B [--restarts N] [--holdout P] [--shuffled] [--json]`: which rank
// the data supports. The survey is src/rank/survey.ts (the app's worker runs the same one).
// Progress: one line per finished rank on stderr when stderr is a terminal or with --progress;
// stdout holds only the result (the table, or the one JSON object with --json).
import { DEFAULT_OPTIONS, solverParams, type FactorOptions } from '../driver/options.js';
import type { InitId } from '../init/types.js';
import { initInfo } from '../init/registry.js';
import { parseRankRange, runSurvey, type RankSurvey, type SurveyResult, type SurveyStep } from '../rank/survey.js';
import { solverInfo } from '../solvers/registry.js';
import { createEngineNode } from '../wasm/node.js';
import { intFlag, longFlag, maxIterFlag, numFlag, parseFlags, precisionFlag, RANK_FLAGS, seedFlag, strFlag, threadsFlag } from './args.js';
import { UsageError } from './errors.js';
import { readMatrixFile } from './io.js';

export const RANK_USAGE = `usage: nmf rank FILE.csv --ranks A..B [--restarts N] [--holdout P] [--shuffled] [--algorithm ID]
       [--init ID] [--seed N] [--max-iter N] [--tol X] [--format table|long] [--progress] [--threads N]
       [--precision float64|float32] [--json]`;

/** Where progress lines go: process.stderr in the CLI. */
export interface ProgressSink {
  readonly isTTY?: boolean;
  write(s: string): unknown;
}

/** Runs `rank` with argv after the command name; prints to stdout, progress to `stderr`; returns the exit code. */
export async function rankCommand(argv: string[], print: (s: string) => void, stderr: ProgressSink = process.stderr): Promise<number> {
  const { positionals, values } = parseFlags(argv, RANK_FLAGS);
  if (values.help) {
    print(RANK_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`rank needs exactly one FILE, got ${positionals.length}\n${RANK_USAGE}`);
  const rangeText = strFlag(values, 'ranks');
  if (rangeText === undefined) throw new UsageError(`rank needs --ranks A..B\n${RANK_USAGE}`);
  const range = parseRankRange(rangeText);
  if (!range) throw new UsageError(`--ranks: '${rangeText}' is not a range A..B with 1 ≤ A ≤ B`);
  const holdout = numFlag(values, 'holdout', 0, 0);
  const info = solverInfo(strFlag(values, 'algorithm', DEFAULT_OPTIONS.algorithm)!);
  const init = initInfo(strFlag(values, 'init', DEFAULT_OPTIONS.init)!).id as InitId;
  const base: FactorOptions = {
    ...DEFAULT_OPTIONS,
    algorithm: info.id,
    init,
    seed: seedFlag(values),
    maxIter: maxIterFlag(values),
    tol: numFlag(values, 'tol', DEFAULT_OPTIONS.tol, 0),
    params: solverParams(info.id),
    precision: precisionFlag(values),
  };
  const restarts = intFlag(values, 'restarts', 3, 1);
  const shuffled = values.shuffled === true;
  const threads = threadsFlag(values);
  const file = positionals[0];
  const data = readMatrixFile(file, longFlag(values));
  const engine = await createEngineNode({ threads });
  const showProgress = values.progress === true || stderr.isTTY === true;
  const t0 = performance.now();
  const onStep = (s: SurveyStep) => {
    if (showProgress && s.finishedRank) stderr.write(`${progressLine(s, s.finishedRank, (performance.now() - t0) / 1000)}\n`);
  };
  let survey: ReturnType<typeof runSurvey>;
  try {
    survey = runSurvey(engine, data, { ...range, restarts, holdout, shuffled, base }, onStep);
  } finally {
    engine.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  if (values.json) {
    print(
      JSON.stringify({
        file,
        m: data.rows,
        n: data.cols,
        algorithm: info.id,
        init,
        seed: base.seed,
        restarts,
        holdout,
        shuffled,
        seconds,
        threads: engine.threads,
        precision: base.precision,
        ranks: survey.ranks.map((p) => rankJson(p, shuffled)),
        suggestedRank: survey.suggestion.suggestedRank,
        reason: survey.suggestion.reason,
      }),
    );
    return 0;
  }
  print(table(file, data.rows, data.cols, info.id, restarts, holdout, shuffled, survey));
  print(`in ${seconds.toFixed(2)} s`);
  return 0;
}

/** The fields of one rank in --json (consensus matrices and factors stay out). */
function rankJson(p: RankSurvey, shuffled: boolean) {
  const o = {
    rank: p.rank,
    fitError: p.fitError,
    fitErrors: p.fitErrors,
    heldOutError: p.heldOutError,
    heldOutErrors: p.heldOutErrors,
    heldOutStdErr: p.heldOutStdErr,
    cophenetic: p.cophenetic,
  };
  return shuffled ? { ...o, shuffledFitError: p.shuffledFitError, shuffledCophenetic: p.shuffledCophenetic } : o;
}

/** "k = 3 (2 of 6 ranks, 1.2 s): fit 0.102, held-out 0.103 ± 0.0009, cophenetic 0.960" */
export function progressLine(s: SurveyStep, p: RankSurvey, seconds: number): string {
  const perRank = p.restarts.length;
  const parts = [`fit ${fmt(p.fitError)}`];
  if (p.heldOutError !== null)
    parts.push(`held-out ${fmt(p.heldOutError)}${p.heldOutStdErr !== null ? ` ± ${p.heldOutStdErr.toPrecision(2)}` : ''}`);
  parts.push(`cophenetic ${fmt(p.cophenetic)}`);
  if (p.shuffledFitError !== null) parts.push(`shuffled fit ${fmt(p.shuffledFitError)}, cophenetic ${fmt(p.shuffledCophenetic)}`);
  return `k = ${p.rank} (${s.restartsDone / perRank} of ${s.restartsTotal / perRank} ranks, ${seconds.toFixed(1)} s): ${parts.join(', ')}`;
}

function table(
  file: string,
  m: number,
  n: number,
  algorithm: string,
  restarts: number,
  holdout: number,
  shuffled: boolean,
  survey: SurveyResult,
): string {
  const held = holdout ? `, ${+(holdout * 100).toFixed(1)}% held out per restart` : '';
  const lines = [`${file}: ${m}×${n}, ${algorithm}, ${restarts} restarts per rank${held}${shuffled ? ', with a shuffled baseline' : ''}`];
  const head = ['rank', 'fit      ', 'worst fit', 'held-out ± se      ', 'cophenetic'];
  if (shuffled) head.push('shuffled fit', 'shuffled cophenetic');
  lines.push(head.join('  '));
  for (const p of survey.ranks) {
    const finite = p.fitErrors.filter(Number.isFinite);
    const row = [
      String(p.rank).padStart(4),
      fmt(p.fitError).padEnd(9),
      fmt(finite.length ? Math.max(...finite) : null).padEnd(9),
      (p.heldOutError === null
        ? '—'
        : `${fmt(p.heldOutError)}${p.heldOutStdErr === null ? '' : ` ± ${p.heldOutStdErr.toPrecision(2)}`}`
      ).padEnd(19),
      fmt(p.cophenetic).padEnd(10),
    ];
    if (shuffled) row.push(fmt(p.shuffledFitError).padEnd(12), fmt(p.shuffledCophenetic));
    lines.push(row.join('  ').trimEnd());
  }
  const s = survey.suggestion;
  lines.push(`Suggested rank: ${s.suggestedRank ?? 'none'} (${s.reason})`);
  return lines.join('\n');
}

function fmt(x: number | null): string {
  return x === null || !Number.isFinite(x) ? '—' : x.toPrecision(4);
}
