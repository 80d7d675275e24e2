// The scikit-learn program: sklearn.decomposition.NMF on Vᵀ, so that it updates our H before our W.
//   hals → solver='cd'; mu → solver='mu'; kl → solver='mu', beta_loss='kullback-leibler' (same updates);
//   anls, als → 'cd' (same objective); gd, sgd → 'cd' with alpha_W/alpha_H giving our L2 penalty.
// Refused: missing entries (sklearn's NMF takes none), gd/sgd without projection (not an NMF).
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
import { pyString } from './quote.js';
import { pythonReader } from './readers.js';
import type { Fidelity, ProgramResult, ReproduceSpec } from './types.js';

/** sklearn's NMF arguments for our algorithm, with what differs; or the reason there is none. */
interface SklearnMethod {
  readonly solver: 'cd' | 'mu';
  readonly betaLoss: 'frobenius' | 'kullback-leibler';
  /** Penalties on sklearn's W (our Hᵀ) and H (our Wᵀ), l1_ratio = 0. */
  readonly alphaW: number;
  readonly alphaH: number;
  readonly fidelity: Fidelity;
  readonly notes: readonly string[];
}

const ON_VT =
  'Update order: scikit-learn updates its W before its H. This program factorizes V^T ~ H^T W^T, so its W is our H^T and its H our W^T: it updates our H first, then our W, as we do.';
/** ON_VT for a solver with our update rules. */
const ON_VT_SAME = `${ON_VT} From the same start its error history follows ours iteration by iteration.`;

/** The method for spec (fully observed V) or a refusal message. */
function sklearnMethod(spec: ReproduceSpec): SklearnMethod | string {
  const o = spec.options;
  const { rows: m, cols: n } = spec.data;
  const missing = missingCount(spec);
  if (missing > 0) {
    return `scikit-learn's NMF cannot take missing entries (this data has ${missing}): use the R program (ls-nmf) or the PySpark program (ALS)`;
  }
  const none = { alphaW: 0, alphaH: 0 };
  const cdSame =
    'scikit-learn has no such solver, so this uses solver="cd" (coordinate descent, our hals), which minimizes the same objective';
  switch (o.algorithm) {
    case 'hals':
      return { solver: 'cd', betaLoss: 'frobenius', ...none, fidelity: 'same-updates', notes: [ON_VT_SAME] };
    case 'mu':
      return {
        solver: 'mu',
        betaLoss: 'frobenius',
        ...none,
        fidelity: 'same-updates',
        notes: [
          ON_VT_SAME,
          `Denominators: ours adds epsilon = ${num(o.params.epsilon)} to every denominator; scikit-learn adds nothing and replaces a zero denominator by 1.2e-7 (float32 eps). With factors bounded away from 0 the errors stay within about 1e-10 of ours (our tests, 60 iterations).`,
        ],
      };
    case 'kl':
      return {
        solver: 'mu',
        betaLoss: 'kullback-leibler',
        ...none,
        fidelity: 'same-updates',
        notes: [
          ON_VT_SAME,
          `Denominators: ours adds epsilon = ${num(o.params.epsilon)} to WH and to the sums of W and H; scikit-learn raises entries of WH below 1.2e-7 (float32 eps) to that value.`,
        ],
      };
    case 'anls':
      return {
        solver: 'cd',
        betaLoss: 'frobenius',
        ...none,
        fidelity: 'same-objective',
        notes: [
          `Method: ours is alternating exact non-negative least squares (active set). ${cdSame}, one coordinate at a time, so the iterates and the iteration counts differ; both decrease the error monotonically.`,
          ...(o.params.extrapolate ? [EXTRAPOLATED] : []),
          ON_VT,
        ],
      };
    case 'als':
      return {
        solver: 'cd',
        betaLoss: 'frobenius',
        ...none,
        fidelity: 'same-objective',
        notes: [
          `Method: ours is alternating unconstrained least squares with negatives clipped to 0 (not monotone). ${cdSame} with the non-negativity kept exactly, so the iterates differ and its error is usually lower.`,
          ON_VT,
        ],
      };
    case 'gd':
    case 'sgd': {
      if (!o.params.project) {
        return `${o.algorithm} without projection lets W and H go negative: scikit-learn's NMF keeps them non-negative, so no program of it minimizes the same problem`;
      }
      const l2 = o.params.l2;
      // sklearn's L2 terms on X = Vᵀ (n_samples = n, n_features = m): ½·alpha_W·m·‖Hᵀ‖² + ½·alpha_H·n·‖Wᵀ‖²
      const gd = o.algorithm === 'gd';
      const alphaW = gd ? l2 / m : l2;
      const alphaH = gd ? l2 / n : l2;
      const ours = gd
        ? `ours minimizes 1/2 ||V - WH||^2 + (lambda/2)(||W||^2 + ||H||^2) with lambda = ${num(l2)}`
        : `ours applies lambda = ${num(l2)} at every visit of an entry, so it minimizes 1/2 ||V - WH||^2 + (lambda/2)(n ||W||^2 + m ||H||^2) (each row of W is visited n times, each column of H m times)`;
      return {
        solver: 'cd',
        betaLoss: 'frobenius',
        alphaW,
        alphaH,
        fidelity: 'same-objective',
        notes: [
          `Method: ours is ${gd ? 'projected gradient descent' : 'stochastic gradient descent, one entry at a time'} with learning rate ${num(o.params.learningRate)}; ${cdSame} with the same penalty, so the iterates and the iteration counts differ.`,
          `Regularization: scikit-learn scales its L2 penalties by the data's shape, 1/2 alpha_W n_features ||W_s||^2 + 1/2 alpha_H n_samples ||H_s||^2 for X = V^T (n_samples = n = ${n}, n_features = m = ${m}); ${ours}, hence alpha_W = ${num(alphaW)} (on our H) and alpha_H = ${num(alphaH)} (on our W), l1_ratio = 0.`,
          ON_VT,
        ],
      };
    }
  }
}

/** sklearn's init argument and the note on how it relates to ours. */
function initPlan(spec: ReproduceSpec): { init: string; note: string } {
  const o = spec.options;
  if (spec.initFiles) {
    return {
      init: 'custom',
      note: `Initialization: W0_FILE and H0_FILE hold our initial W (m x k) and H (k x n) for seed ${o.seed} (init ${o.init}), so both sides start from the same numbers (init="custom").`,
    };
  }
  if (o.init === 'random') {
    return {
      init: 'random',
      note: `Initialization: ${ourInit(spec)} scikit-learn's init="random" draws |N(0, 1)| * sqrt(mean(V)/k) from numpy's RandomState(random_state), so the start and the numbers differ from ours; export our W0/H0 (nmf export-code --init-out DIR) to start from ours.`,
    };
  }
  return {
    init: o.init,
    note: `Initialization: ${ourInit(spec)} scikit-learn's init="${o.init}" is the same construction on V^T (the same factors transposed), from a randomized SVD fixed by random_state: the start agrees closely with ours when the k leading singular values of V stand well apart, less when they do not. Export our W0/H0 (nmf export-code --init-out DIR) to start from the same numbers.`,
  };
}

/** The stopping note and sklearn's tol. */
function stopPlan(spec: ReproduceSpec, solver: 'cd' | 'mu'): { tol: number; note: string } {
  const plan = iterationPlan(spec);
  const theirs =
    solver === 'cd'
      ? 'scikit-learn\'s solver="cd" stops when its projected-gradient violation falls below tol times its first value'
      : 'scikit-learn\'s solver="mu" stops when, checked every 10 iterations, the error fell by less than tol times its initial value';
  if (plan.exact)
    return { tol: 0, note: `Stopping: ${ourStop(spec)} With tol=0 ${theirs.replace(/ stops when.*/, '')} never stops early.` };
  return {
    tol: spec.options.tol,
    note: `Stopping: ${ourStop(spec)} ${theirs}; tol = ${num(spec.options.tol)} is passed on, so the iteration counts may differ. Pass the iterations our run took, or run ours with tol 0, to compare equal numbers of iterations.`,
  };
}

/** The scikit-learn program for spec, or why there is none. */
export function pythonProgram(spec: ReproduceSpec): ProgramResult {
  const method = sklearnMethod(spec);
  if (typeof method === 'string') return { ok: false, lang: 'python', message: method };
  const o = spec.options;
  const { rows: m, cols: n } = spec.data;
  const k = o.rank;
  const init = initPlan(spec);
  const stop = stopPlan(spec, method.solver);
  const plan = iterationPlan(spec);
  const restarts = restartsNote(spec, 'this program makes one start, from random_state = the first seed.');
  const seed = librarySeed(o.seed, "numpy's RandomState", 0, 2 ** 32 - 1);
  const notes = [
    ...method.notes,
    init.note,
    stop.note,
    ...(method.alphaW === 0 && method.alphaH === 0 ? ['Regularization: none on either side (alpha_W = alpha_H = 0).'] : []),
    ...(restarts ? [restarts] : []),
    ...(seed.note ? [seed.note] : []),
  ];
  const call = `NMF(solver="${method.solver}"${method.betaLoss === 'frobenius' ? '' : `, beta_loss="${method.betaLoss}"`})`;
  const files = spec.initFiles
    ? [
        `W0_FILE = ${pyString(spec.initFiles.W0)}  # our initial W, ${m} x ${k}`,
        `H0_FILE = ${pyString(spec.initFiles.H0)}  # our initial H, ${k} x ${n}`,
      ]
    : [];
  const fit = spec.initFiles
    ? [
        'W0 = read_matrix(W0_FILE, False, False, (m, k))[0]',
        'H0 = read_matrix(H0_FILE, False, False, (k, n))[0]',
        'Ht = model.fit_transform(V.T, W=H0.T.copy(), H=W0.T.copy())',
      ]
    : ['Ht = model.fit_transform(V.T)'];
  const lines = [
    `# Reproduces an NMF Playground run with scikit-learn: ${call}.`,
    `#   data: ${dataLine(spec)}`,
    `#   ours: ${ourRunLine(spec)}`,
    `#   here: ${call}, ${describeFidelity(method.fidelity)}`,
    '# Run with python3 (numpy and scikit-learn; Debian: apt-get install python3-sklearn).',
    '# Leaves the data in V (m x n), the factors in W (m x k) and H (k x n), and prints',
    '# the relative error ||V - WH||_F / ||V||_F.',
    '#',
    '# Where the semantics differ:',
    ...bullets(notes),
    'import csv',
    'import warnings',
    '',
    'import numpy as np',
    'from sklearn.decomposition import NMF',
    'from sklearn.exceptions import ConvergenceWarning',
    '',
    `DATA_FILE = ${pyString(spec.dataFile)}`,
    ...files,
    `m, n, k = ${m}, ${n}, ${k}`,
    '',
    ...pythonReader(),
    '',
    '',
    `V, row_labels, col_labels = read_matrix(DATA_FILE, ${py(spec.data.rowLabels)}, ${py(spec.data.colLabels)}, (m, n))`,
    '',
    'model = NMF(',
    `    n_components=k, solver="${method.solver}", beta_loss="${method.betaLoss}", init="${init.init}",`,
    `    max_iter=${plan.iterations}, tol=${num(stop.tol)}, random_state=${seed.seed},`,
    `    alpha_W=${num(method.alphaW)}, alpha_H=${num(method.alphaH)}, l1_ratio=0.0,`,
    ')',
    '# Reaching max_iter is the plan here, not a failure: silence that warning.',
    'warnings.filterwarnings("ignore", category=ConvergenceWarning)',
    '# On V^T: scikit-learn then updates our H before our W, as we do (see above).',
    ...fit,
    'W = model.components_.T  # m x k',
    'H = Ht.T  # k x n',
    '',
    'rel_error = np.linalg.norm(V - W @ H) / np.linalg.norm(V)',
    'print(f"relative error {rel_error:.17g} after {model.n_iter_} iterations")',
  ];
  return { ok: true, lang: 'python', text: `${lines.join('\n')}\n`, method: call, fidelity: method.fidelity };
}

function py(b: boolean): string {
  return b ? 'True' : 'False';
}
