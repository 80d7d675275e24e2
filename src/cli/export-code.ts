// `nmf export-code FILE [factor options] --lang python|r|pyspark`: the run as a scikit-learn, R or
// PySpark program (src/reproduce), printed on stdout. --data-out writes V in the exported CSV form
// the programs read; --init-out writes our initial W0.csv, H0.csv for the program to start from.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Dense } from '../core/matrix.js';
import { loadProblem, type DataMatrix } from '../core/problem.js';
import { toCsv } from '../data/csv-write.js';
import { Factorization } from '../driver/factorization.js';
import type { FactorOptions } from '../driver/options.js';
import { LANGS, reproduceProgram, type Lang, type ReproduceSpec } from '../reproduce/index.js';
import { createEngineNode } from '../wasm/node.js';
import { FACTOR_FLAGS, longFlag, parseFlags, strFlag } from './args.js';
import { UsageError } from './errors.js';
import { factorOptions } from './factor.js';
import { checkFileTarget, checkFolder, makeFolder, readMatrixFile } from './io.js';

export const EXPORT_CODE_USAGE = `usage: nmf export-code FILE.csv --rank K --lang python|r|pyspark [factor options]
       [--data-out FILE.csv] [--init-out DIR]`;

const { out: _out, json: _json, precision: _precision, ...FACTOR_RUN_FLAGS } = FACTOR_FLAGS;

/** The flags of `nmf export-code`: factor's run options, the language and the files it may write. */
export const EXPORT_CODE_FLAGS = {
  ...FACTOR_RUN_FLAGS,
  lang: { type: 'string' },
  'data-out': { type: 'string' },
  'init-out': { type: 'string' },
} as const;

/** Runs `export-code` with argv after the command name; prints the program; returns the exit code. */
export async function exportCodeCommand(argv: string[], print: (s: string) => void): Promise<number> {
  const { positionals, values } = parseFlags(argv, EXPORT_CODE_FLAGS);
  if (values.help) {
    print(EXPORT_CODE_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`export-code needs exactly one FILE, got ${positionals.length}\n${EXPORT_CODE_USAGE}`);
  if (values.rank === undefined) throw new UsageError(`export-code needs --rank K\n${EXPORT_CODE_USAGE}`);
  const lang = strFlag(values, 'lang');
  if (lang === undefined) throw new UsageError(`export-code needs --lang ${LANGS.join('|')}\n${EXPORT_CODE_USAGE}`);
  if (!(LANGS as readonly string[]).includes(lang)) throw new UsageError(`--lang: '${lang}' is not one of ${LANGS.join(', ')}`);
  const options = factorOptions(values);
  const initOut = strFlag(values, 'init-out');
  const dataOut = strFlag(values, 'data-out');
  if (initOut !== undefined && lang === 'pyspark') throw new UsageError("--init-out: Spark's ALS cannot start from given factors");
  if (options.init === 'given' && initOut === undefined && lang !== 'pyspark') {
    throw new UsageError('--init given: add --init-out DIR, which writes W0.csv and H0.csv for the program to start from');
  }
  if (initOut !== undefined) checkFolder('--init-out', initOut, 'W0.csv and H0.csv');
  if (dataOut !== undefined) checkFileTarget('--data-out', dataOut);
  const file = positionals[0];
  const data = readMatrixFile(file, longFlag(values));
  const exported = toCsv({ rows: data.rows, cols: data.cols, data: data.values }, { rows: data.rowLabels, cols: data.colLabels });
  if (dataOut === undefined && !inExportedForm(file, exported)) {
    throw new UsageError(
      `${file}: the programs read the CSV form the app and --out write (comma-separated, NA for missing, full precision); add --data-out FILE.csv to write the data that way`,
    );
  }
  const initFiles = initOut === undefined ? undefined : { W0: join(initOut, 'W0.csv'), H0: join(initOut, 'H0.csv') };
  const spec: ReproduceSpec = {
    options,
    data: {
      name: basename(file),
      rows: data.rows,
      cols: data.cols,
      observed: data.values.reduce((c, x) => (Number.isNaN(x) ? c : c + 1), 0),
      rowLabels: data.rowLabels !== undefined,
      colLabels: data.colLabels !== undefined,
    },
    dataFile: dataOut ?? file,
    initFiles,
  };
  const program = reproduceProgram(lang as Lang, spec);
  if (!program.ok) throw new UsageError(program.message);
  // files are written only once the program exists, so a refused export leaves nothing behind
  if (initOut !== undefined && initFiles) {
    const { W0, H0 } = await initialFactors(data, options);
    makeFolder('--init-out', initOut, 'W0.csv and H0.csv');
    writeFileSync(initFiles.W0, toCsv(W0));
    writeFileSync(initFiles.H0, toCsv(H0));
  }
  if (dataOut !== undefined) writeFileSync(dataOut, exported);
  print(program.text.replace(/\n$/, ''));
  return 0;
}

/** Whether the file's text is exactly `exported` (line endings aside): then the programs can read it as is. */
function inExportedForm(file: string, exported: string): boolean {
  return readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').replace(/\n*$/, '\n') === exported;
}

/** Our initial W0 (m×k) and H0 (k×n) for options.seed: the factors before the first iteration. */
async function initialFactors(data: DataMatrix, options: FactorOptions): Promise<{ W0: Dense; H0: Dense }> {
  const engine = await createEngineNode();
  const f = new Factorization(engine, loadProblem(engine, data), { ...options, restarts: 1 });
  return {
    W0: { rows: f.W.rows, cols: f.W.cols, data: engine.copyOut(f.W) },
    H0: { rows: f.H.rows, cols: f.H.cols, data: engine.copyOut(f.H) },
  };
}
