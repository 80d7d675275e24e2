// What a "Reproduce elsewhere" program is made from and what comes back.
import type { FactorOptions } from '../driver/options.js';

/** The languages programs are written in: scikit-learn, R's NMF package, Spark MLlib's ALS. */
export type Lang = 'python' | 'r' | 'pyspark';

/** Every language, in menu order. */
export const LANGS: readonly Lang[] = ['python', 'r', 'pyspark'];

/** What the program needs to know about V (m×n) and the file it is exported to. */
export interface DataDescription {
  /** Where the data came from (example id, file name): shown in a comment only. */
  readonly name: string;
  /** m. */
  readonly rows: number;
  /** n. */
  readonly cols: number;
  /** Number of observed entries (rows·cols when nothing is missing). */
  readonly observed: number;
  /** Whether the exported file has a first column of row labels. */
  readonly rowLabels: boolean;
  /** Whether the exported file has a header row of column labels. */
  readonly colLabels: boolean;
}

/** The run's options: the app's run options (no restarts, no given factors) or the CLI's. */
export type ReproduceOptions = Omit<FactorOptions, 'given' | 'restarts'> & { readonly restarts?: number };

/** Everything a program is written from. */
export interface ReproduceSpec {
  readonly options: ReproduceOptions;
  readonly data: DataDescription;
  /**
   * The exported data file the program reads (src/data/csv-write.ts's CSV: comma-separated, full
   * precision, NA for a missing entry, a header row and a label column as `data` says), as the
   * program should open it (relative to where it runs, or absolute).
   */
  readonly dataFile: string;
  /**
   * Our initial W0 (m×k) and H0 (k×n) for options.seed, exported as CSV without labels: when given,
   * the Python and R programs start from them (sklearn init='custom', R seed=nmfModel(W0, H0)).
   * Required for init 'given'. Spark's ALS cannot start from given factors and ignores them.
   */
  readonly initFiles?: { readonly W0: string; readonly H0: string };
  /** Iterations our run took, when known: the program then runs exactly that many. */
  readonly iterations?: number;
}

/**
 * How close the program's method is to ours:
 * - 'same-updates': the same update rules in our order (H, then W); from our W0/H0 the errors agree to rounding;
 * - 'same-objective': another method that minimizes the same objective under the same constraints;
 * - 'nearest': the closest method the library has; its objective differs as the program's comments say.
 */
export type Fidelity = 'same-updates' | 'same-objective' | 'nearest';

/** A program, or why there is none for this run in this language. */
export type ProgramResult =
  | {
      readonly ok: true;
      readonly lang: Lang;
      /** The program's source text (ASCII, ends with a newline). */
      readonly text: string;
      /** The library call it makes, e.g. `NMF(solver="cd")`. */
      readonly method: string;
      readonly fidelity: Fidelity;
    }
  | { readonly ok: false; readonly lang: Lang; readonly message: string };
