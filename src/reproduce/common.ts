// What every program says the same way: the checks that refuse a spec, our run in one line, our
// initialization and stopping rule in words, how many iterations to run, and comment layout.
import { checkOptions, OptionError } from '../driver/options.js';
import { initInfo } from '../init/registry.js';
import { solverInfo } from '../solvers/registry.js';
import { commentText, hasNul } from './quote.js';
import type { Fidelity, ReproduceSpec } from './types.js';

/** The iterations a program runs and whether that is exactly what our run did. */
export interface IterationPlan {
  /** max_iter / maxIter of the program. */
  readonly iterations: number;
  /** True when our run did exactly `iterations` (no tolerance or target could have stopped it earlier). */
  readonly exact: boolean;
}

/** Why no program can be written for spec in any language (a one-line message), or null. */
export function specRefusal(spec: ReproduceSpec): string | null {
  const { options, data } = spec;
  const { rows: m, cols: n, observed } = data;
  if (!(Number.isInteger(m) && m >= 1 && Number.isInteger(n) && n >= 1)) return `the data's shape ${m}×${n} is not a matrix`;
  if (!(Number.isInteger(observed) && observed >= 1 && observed <= m * n)) {
    return `the data's observed count ${observed} must be an integer from 1 to ${m * n}`;
  }
  try {
    checkOptions({ ...options, restarts: options.restarts ?? 1 }, m, n);
  } catch (e) {
    if (e instanceof OptionError) return e.message;
    throw e;
  }
  for (const [what, name] of [['data file', spec.dataFile], ...Object.entries(spec.initFiles ?? {})] as const) {
    if (name === '' || hasNul(name)) return `the ${what} name ${JSON.stringify(name)} cannot be a file name`;
  }
  if (options.init === 'given' && !spec.initFiles) {
    return "init 'given' starts from W0 and H0: the program needs them as files (initFiles W0, H0)";
  }
  if (spec.iterations !== undefined && !(Number.isInteger(spec.iterations) && spec.iterations >= 1)) {
    return `iterations ${spec.iterations} must be an integer ≥ 1`;
  }
  return null;
}

/** How many iterations the program runs (the ones our run took when known, else maxIter). */
export function iterationPlan(spec: ReproduceSpec): IterationPlan {
  const o = spec.options;
  if (spec.iterations !== undefined) return { iterations: spec.iterations, exact: true };
  return { iterations: o.maxIter, exact: o.tol === 0 && o.target === 0 };
}

/** Number of missing entries of V. */
export function missingCount(spec: ReproduceSpec): number {
  return spec.data.rows * spec.data.cols - spec.data.observed;
}

/** "hals = HALS (coordinate descent), rank 3, init nndsvda, seed 1, exactly 200 iterations (tol 0)". */
export function ourRunLine(spec: ReproduceSpec): string {
  const o = spec.options;
  const plan = iterationPlan(spec);
  const info = solverInfo(o.algorithm);
  const stop =
    spec.iterations !== undefined
      ? `stopped after ${spec.iterations} iterations`
      : plan.exact
        ? `exactly ${o.maxIter} iterations (tol 0)`
        : `at most ${o.maxIter} iterations, tol ${o.tol}${o.target > 0 ? `, target ${o.target}` : ''}`;
  const params = info.params.map((p) => `${p} ${o.params[p]}`).join(', ');
  const restarts = (o.restarts ?? 1) > 1 ? `, ${o.restarts} restarts` : '';
  return `${o.algorithm} = ${info.label}, rank ${o.rank}, init ${o.init}, seed ${o.seed}, ${stop}${params ? `, ${params}` : ''}${restarts}`;
}

/** "swimmer.csv: 256x1024, every entry observed" (for a comment). */
export function dataLine(spec: ReproduceSpec): string {
  const { name, rows, cols } = spec.data;
  const missing = missingCount(spec);
  const what = missing ? `${missing} of ${rows * cols} entries missing` : 'every entry observed';
  return `${commentText(name, 60)}: ${rows}x${cols}, ${what}`;
}

/** Our initialization in words (what the other library cannot draw the same way). */
export function ourInit(spec: ReproduceSpec): string {
  const init = spec.options.init;
  const filled = missingCount(spec) ? ' (missing entries filled with the mean of the observed ones for the SVD)' : '';
  switch (init) {
    case 'random':
      return 'Our random init draws W, then H, uniform in [0, 2s) with s = sqrt(mean(V)/k), from our own seeded generator.';
    case 'nndsvd':
      return `Our nndsvd is NNDSVD (Boutsidis & Gallopoulos) from the k leading singular triples of V${filled}, entries below 1e-6 set to 0, as scikit-learn 1.2 computes it.`;
    case 'nndsvda':
      return `Our nndsvda is NNDSVD (Boutsidis & Gallopoulos) from the k leading singular triples of V${filled}, with its zeros filled by mean(V), as scikit-learn 1.2 computes it.`;
    case 'given':
      return 'Our run started from given factors W0, H0.';
  }
  return `Our init is ${initInfo(init).label}.`;
}

/** Our stopping rule in words. */
export function ourStop(spec: ReproduceSpec): string {
  const o = spec.options;
  if (spec.iterations !== undefined) return `Our run stopped after ${spec.iterations} iterations; this program runs exactly as many.`;
  if (o.tol === 0 && o.target === 0) return `We ran exactly ${o.maxIter} iterations (tol 0, no target); so does this program.`;
  const rules = [
    ...(o.tol > 0 ? [`the objective changes by less than tol = ${o.tol} relative to its previous value`] : []),
    ...(o.target > 0 ? [`||M*(V - WH)||_F <= ${o.target}`] : []),
  ];
  return `Ours stops at the first iteration where ${rules.join(', or where ')}, checked after every iteration, else after ${o.maxIter}.`;
}

/** The restart note, or null for one start. */
export function restartsNote(spec: ReproduceSpec, theirs: string): string | null {
  const r = spec.options.restarts ?? 1;
  if (r <= 1) return null;
  const s = spec.options.seed;
  return `Restarts: ours ran seeds ${s}..${s + r - 1} and kept the lowest objective; ${theirs}`;
}

/**
 * Comment lines: a "# - " bullet per paragraph, wrapped at `width` columns, continuation lines
 * indented under the text. Every paragraph goes through commentText, so it stays on its lines.
 */
export function bullets(paragraphs: readonly string[], width = 96): string[] {
  const lines: string[] = [];
  for (const p of paragraphs) {
    let line = '# -';
    for (const word of commentText(p, 4000).split(' ')) {
      if (line.length + 1 + word.length > width && line.length > 4) {
        lines.push(line);
        line = '#  ';
      }
      line += ` ${word}`;
    }
    lines.push(line);
  }
  return lines;
}

/** A number as a literal both Python and R read as the same double (no Infinity or NaN reach here). */
export function num(x: number): string {
  return String(x);
}

/** The fidelity in words for the header. */
export function describeFidelity(f: Fidelity): string {
  if (f === 'same-updates') return 'the same updates as ours';
  if (f === 'same-objective') return 'the same objective, another method';
  return 'the nearest method (another objective)';
}

/**
 * Our seed for a library whose seeds run from lo to hi (numpy: 0..2^32−1, R: ±(2^31−1)): the
 * seed itself when it fits, else seed mod (hi + 1), with a note saying so (null when it fits).
 */
export function librarySeed(seed: number, library: string, lo: number, hi: number): { seed: number; note: string | null } {
  if (seed >= lo && seed <= hi) return { seed, note: null };
  const span = hi + 1;
  const s = ((seed % span) + span) % span;
  return { seed: s, note: `Seed: ${library} takes seeds from ${lo} to ${hi}; ours, ${seed}, becomes ${seed} mod ${span} = ${s}.` };
}

/** The note on a run of anls with extrapolation, which neither peer has. */
export const EXTRAPOLATED =
  'Extrapolation: ours pushed W and H on along their last step between iterations (Ang & Gillis, 2019); this program does not, so its iterates and iteration counts differ.';
