// The Reproduce elsewhere programs of the page's run (no DOM): the spec src/reproduce writes them
// from, with the files the page offers for download beside them.
import { LANGS, type Lang, type ProgramResult, reproduceProgram, type ReproduceSpec } from '../../../src/reproduce/index.js';
import type { AppState } from '../../state/app.js';

/** The file names the programs read; the page's downloads have these names. */
export const PROGRAM_FILES = { data: 'V.csv', W0: 'W0.csv', H0: 'H0.csv' } as const;

/** Each language's name as the panel shows it. */
export const LANG_LABELS: Readonly<Record<Lang, string>> = {
  python: 'Python (scikit-learn)',
  r: 'R (NMF package)',
  pyspark: 'PySpark (Spark MLlib ALS)',
};

/**
 * The spec of the page's run: its options, the data's shape and labels, V.csv as the data file,
 * our W0.csv and H0.csv when `fromOurs`, and the run's iterations when it has made any.
 */
export function pageSpec(s: Pick<AppState, 'data' | 'options'>, iteration: number, fromOurs: boolean): ReproduceSpec | null {
  if (!s.data) return null;
  const { info } = s.data;
  return {
    options: s.options,
    data: {
      name: info.name,
      rows: info.summary.rows,
      cols: info.summary.cols,
      observed: info.summary.observed,
      rowLabels: info.labelled.rows,
      colLabels: info.labelled.cols,
    },
    dataFile: PROGRAM_FILES.data,
    ...(fromOurs ? { initFiles: { W0: PROGRAM_FILES.W0, H0: PROGRAM_FILES.H0 } } : {}),
    ...(iteration >= 1 ? { iterations: iteration } : {}),
  };
}

/** The three programs for `spec`, in menu order. */
export function pagePrograms(spec: ReproduceSpec): ProgramResult[] {
  return LANGS.map((lang) => reproduceProgram(lang, spec));
}
