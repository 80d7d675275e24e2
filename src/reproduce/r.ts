// The R program: the NMF package's nmf().
//   mu → 'lee' (rescale = FALSE); kl → 'brunet'; anls → 'snmf/r' with eta = 0, beta ≈ 0 (same updates);
//   hals, als → 'snmf/r' (same objective); gd, sgd → 'snmf/r' with eta for our penalty on W (nearest);
//   missing entries: mu → 'ls-nmf' with 0/1 weights (same updates), other Frobenius algorithms → 'ls-nmf'.
// Refused: kl with missing entries (no weighted KL in the package), gd/sgd without projection.
import {
  bullets,
  dataLine,
  describeFidelity,
  EXTRAPOLATED,
  iterationPlan,
  librarySeed,
  missingCount,
  num,
  ourInit,
  ourRunLine,
  ourStop,
  restartsNote,
} from './common.js';
import { rString } from './quote.js';
import { rReader } from './readers.js';
import type { Fidelity, ProgramResult, ReproduceSpec } from './types.js';

interface RMethod {
  readonly method: 'lee' | 'brunet' | 'snmf/r' | 'ls-nmf';
  /** Extra arguments of nmf() for the method, as R source. */
  readonly args: readonly string[];
  readonly fidelity: Fidelity;
  readonly notes: readonly string[];
}

const ORDER = 'Update order: H first, then W, in every iteration, as ours.';

/** The NMF package's method for spec, or the reason there is none. */
function rMethod(spec: ReproduceSpec, iterations: number): RMethod | string {
  const o = spec.options;
  const eps = num(o.params.epsilon);
  const missing = missingCount(spec);
  if (!o.params.project && (o.algorithm === 'gd' || o.algorithm === 'sgd')) {
    return `${o.algorithm} without projection lets W and H go negative: the NMF package keeps them non-negative, so no program of it minimizes the same problem`;
  }
  if (missing > 0) {
    if (o.algorithm === 'kl') {
      return `the NMF package has no KL-divergence method for missing entries (this data has ${missing}; ls-nmf is least squares only)`;
    }
    const same = o.algorithm === 'mu';
    return {
      method: 'ls-nmf',
      args: ['weight = M'],
      fidelity: same ? 'same-updates' : o.algorithm === 'gd' || o.algorithm === 'sgd' ? 'nearest' : 'same-objective',
      notes: [
        `Missing entries: ls-nmf weights each entry of the squared error, here by M (1 observed, 0 missing), with missing entries of V set to 0 in V0, so it minimizes our masked 1/2 ||M*(V - WH)||^2 by ${same ? 'our masked multiplicative updates' : `masked multiplicative updates (ours is ${o.algorithm}: another method)`}.`,
        ...(same
          ? [
              `Denominators: ours is H*(W^T V)/(W^T (M*WH) + epsilon) with epsilon = ${eps}; ls-nmf's is max(H*(W^T V), eps)/(W^T (M*WH) + eps) with its fixed eps = 1e-9 (nmf() passes an eps argument on to the objective too, which rejects it): entries that ours keeps at 0 become small positive numbers in R.`,
            ]
          : []),
        ...(o.algorithm === 'gd' || o.algorithm === 'sgd'
          ? [`Regularization: ours has an L2 penalty lambda = ${num(o.params.l2)}; ls-nmf has none.`]
          : []),
        ORDER,
      ],
    };
  }
  const snmf = (eta: string) => [`eta = ${eta}`, 'beta = .Machine$double.xmin', `bi_conv = c(0, ${iterations + 1})`];
  const snmfNote =
    'snmf/r is alternating non-negative least squares (Kim & Park) with penalties eta^2 ||W||^2 + beta sum_j ||H[, j]||_1^2; beta must be > 0, and the smallest double makes that term vanish. It starts from W0 only (H is solved first, so H0 does not matter), rescales the columns of W0 to unit norm (WH is unchanged), and restarts from a random W if a row of H becomes 0. bi_conv = c(0, maxIter + 1) turns off its own stopping rule.';
  switch (o.algorithm) {
    case 'mu':
      return {
        method: 'lee',
        args: ['rescale = FALSE', `eps = ${eps}`],
        fidelity: 'same-updates',
        notes: [
          `Denominators: ours is H*(W^T V)/(W^T W H + epsilon); lee's is max(H*(W^T V), eps)/(W^T W H + eps) with eps = ${eps}: the same numbers to rounding, except that entries ours keeps at 0 (nndsvd) become small positive numbers in R.`,
          'Rescaling: lee normalizes the columns of W to sum 1 after every iteration by default, which changes WH; rescale = FALSE turns that off (ours never rescales).',
          ORDER,
        ],
      };
    case 'kl':
      return {
        method: 'brunet',
        args: [],
        fidelity: 'same-updates',
        notes: [
          `Denominators: ours adds epsilon = ${eps} to WH and to the sums of W and H; brunet divides as is and, every 10 iterations, raises entries below 2.2e-16 to that value.`,
          ORDER,
        ],
      };
    case 'anls':
      if (o.params.extrapolate) {
        return { method: 'snmf/r', args: snmf('0'), fidelity: 'same-objective', notes: [`Method: ${snmfNote}`, EXTRAPOLATED, ORDER] };
      }
      return { method: 'snmf/r', args: snmf('0'), fidelity: 'same-updates', notes: [`Method: ${snmfNote}`, ORDER] };
    case 'hals':
    case 'als':
      return {
        method: 'snmf/r',
        args: snmf('0'),
        fidelity: 'same-objective',
        notes: [
          `Method: the NMF package has no ${o.algorithm === 'hals' ? 'coordinate descent (HALS)' : 'clipped least squares'}; ${snmfNote} It minimizes the same objective as our ${o.algorithm}, block by block, so the iterates differ.`,
          ORDER,
        ],
      };
    case 'gd':
    case 'sgd': {
      const l2 = o.params.l2;
      const n = spec.data.cols;
      // snmf/r's W penalty is eta²‖W‖² against our ½λ‖W‖² (gd) or ½λ·n‖W‖² (sgd, fully observed), on twice our scale
      const eta = Math.sqrt(o.algorithm === 'gd' ? l2 : l2 * n);
      return {
        method: 'snmf/r',
        args: snmf(num(eta)),
        fidelity: 'nearest',
        notes: [
          `Method: ours is ${o.algorithm === 'gd' ? 'projected gradient descent' : 'stochastic gradient descent'} on 1/2 ||V - WH||^2 + (lambda/2)(${o.algorithm === 'gd' ? '||W||^2 + ||H||^2' : 'n ||W||^2 + m ||H||^2'}), lambda = ${num(l2)}. ${snmfNote}`,
          `Regularization: eta = ${num(eta)} gives W our penalty; the package has no L2 penalty on H, so H is not penalized here: a nearby problem, not ours.`,
          ORDER,
        ],
      };
    }
  }
}

/** The seed argument of nmf() and the note on the start. */
function seedPlan(spec: ReproduceSpec): { seed: string; nrun: number; note: string } {
  const o = spec.options;
  if (spec.initFiles) {
    return {
      seed: 'nmfModel(W = W0, H = H0)',
      nrun: 1,
      note: `Initialization: w0_file and h0_file hold our initial W (m x k) and H (k x n) for seed ${o.seed} (init ${o.init}), so both sides start from the same numbers.`,
    };
  }
  const missing = missingCount(spec) > 0 ? ' R takes the SVD of V0 (missing entries as 0), ours fills them with the mean.' : '';
  if (o.init === 'random') {
    const seed = librarySeed(o.seed, 'R', -(2 ** 31 - 1), 2 ** 31 - 1);
    return {
      seed: `${seed.seed}L`,
      nrun: o.restarts ?? 1,
      note: `Initialization: ${ourInit(spec)} R's seed = ${seed.seed} sets R's generator and draws W and H uniform in [0, max(V)], so the start and the numbers differ from ours; export our W0/H0 (nmf export-code --init-out DIR) to start from ours.${seed.note ? ` ${seed.note}` : ''}`,
    };
  }
  return {
    seed: o.init === 'nndsvd' ? '"nndsvd"' : 'list("nndsvd", densify = "average")',
    nrun: 1,
    note: `Initialization: ${ourInit(spec)} The package's nndsvd${o.init === 'nndsvda' ? ' with densify = "average"' : ''} is the same construction from an exact SVD: the start agrees with ours to rounding.${missing}`,
  };
}

/** The R program for spec, or why there is none. */
export function rProgram(spec: ReproduceSpec): ProgramResult {
  const plan = iterationPlan(spec);
  const method = rMethod(spec, plan.iterations);
  if (typeof method === 'string') return { ok: false, lang: 'r', message: method };
  const o = spec.options;
  const { rows: m, cols: n } = spec.data;
  const k = o.rank;
  const masked = method.method === 'ls-nmf';
  const seed = seedPlan(spec);
  const iterative = method.method !== 'snmf/r';
  const stopNote = plan.exact
    ? `Stopping: ${ourStop(spec)}`
    : `Stopping: ${ourStop(spec)} The package's stopping rules do not match ours, so this program runs all ${plan.iterations} iterations: its error is then ours or a little lower. Pass the iterations our run took, or run ours with tol 0, to compare equal numbers of iterations.`;
  const restarts = restartsNote(
    spec,
    seed.nrun > 1 ? `nrun = ${seed.nrun} makes R keep the best of as many random starts.` : 'this program makes one start.',
  );
  const notes = [...method.notes, seed.note, stopNote, ...(restarts ? [restarts] : [])];
  const call = `nmf(method = "${method.method}")`;
  const files = spec.initFiles ? [`w0_file <- ${rString(spec.initFiles.W0)}`, `h0_file <- ${rString(spec.initFiles.H0)}`] : [];
  const init = spec.initFiles
    ? ['W0 <- read_matrix(w0_file, FALSE, FALSE, c(m, k))', 'H0 <- read_matrix(h0_file, FALSE, FALSE, c(k, n))']
    : [];
  const data = masked ? 'V0' : 'V';
  const args = [
    `seed = ${seed.seed}`,
    ...(seed.nrun > 1 ? [`nrun = ${seed.nrun}`] : []),
    ...(iterative ? [`.stop = ${plan.iterations}L`] : []),
    `maxIter = ${plan.iterations}L`,
    ...method.args,
  ];
  const lines = [
    `# Reproduces an NMF Playground run with R's NMF package: ${call}.`,
    `#   data: ${dataLine(spec)}`,
    `#   ours: ${ourRunLine(spec)}`,
    `#   here: ${call}, ${describeFidelity(method.fidelity)}`,
    '# Run with Rscript (the NMF package; Debian: apt-get install r-cran-nmf).',
    '# Leaves the data in V (m x n), the factors in W (m x k) and H (k x n), and prints',
    `# the relative error ${masked ? '||M*(V - WH)||_F / ||M*V||_F over the observed entries' : '||V - WH||_F / ||V||_F'}.`,
    '#',
    '# Where the semantics differ:',
    ...bullets(notes),
    'suppressPackageStartupMessages(library(NMF))',
    '',
    `data_file <- ${rString(spec.dataFile)}`,
    ...files,
    `m <- ${m}L; n <- ${n}L; k <- ${k}L`,
    '',
    ...rReader(),
    '',
    `V <- read_matrix(data_file, ${r(spec.data.rowLabels)}, ${r(spec.data.colLabels)}, c(m, n))`,
    ...(masked ? ['M <- 1 * !is.na(V)  # 1 where observed, 0 where missing', 'V0 <- V', 'V0[is.na(V0)] <- 0'] : []),
    ...init,
    '',
    `fit <- nmf(${data}, k, method = "${method.method}",`,
    ...args.map((a, i) => `           ${a}${i < args.length - 1 ? ',' : ')'}`),
    'W <- basis(fit)  # m x k',
    'H <- coef(fit)  # k x n',
    '',
    masked ? 'rel_error <- sqrt(sum(((V - W %*% H)[M == 1])^2) / sum(V[M == 1]^2))' : 'rel_error <- norm(V - W %*% H, "F") / norm(V, "F")',
    'cat(sprintf("relative error %.17g after %d iterations\\n", rel_error, niter(fit)))',
  ];
  return { ok: true, lang: 'r', text: `${lines.join('\n')}\n`, method: call, fidelity: method.fidelity };
}

function r(b: boolean): string {
  return b ? 'TRUE' : 'FALSE';
}
