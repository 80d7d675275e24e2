// "Reproduce elsewhere": the run's options as a scikit-learn, R (NMF package) or PySpark (ALS)
// program that reads the exported data, leaves V, W and H, prints ‖V−WH‖_F/‖V‖_F and says in
// comments where the other library's semantics differ from ours. Pure functions of the spec:
// no DOM, no Node, so the app and the CLI print the same text.
import { specRefusal } from './common.js';
import { pysparkProgram } from './pyspark.js';
import { pythonProgram } from './python.js';
import { rProgram } from './r.js';
import type { Lang, ProgramResult, ReproduceSpec } from './types.js';

export { LANGS } from './types.js';
export type { DataDescription, Fidelity, Lang, ProgramResult, ReproduceOptions, ReproduceSpec } from './types.js';

/**
 * The program reproducing spec's run in `lang`, or { ok: false, message } saying why there is
 * none (options out of range for the data, missing entries where the library takes none, an
 * algorithm whose objective the library has no method for).
 */
export function reproduceProgram(lang: Lang, spec: ReproduceSpec): ProgramResult {
  const problem = specRefusal(spec);
  if (problem) return { ok: false, lang, message: problem };
  if (lang === 'python') return pythonProgram(spec);
  if (lang === 'r') return rProgram(spec);
  return pysparkProgram(spec);
}
