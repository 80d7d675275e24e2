// The PySpark program: pyspark.ml.recommendation.ALS(nonnegative=True) on the observed entries in
// long format (row, col, value), the engine ratings at scale move to.
//   Every Frobenius algorithm → ALS with regParam = 0 (same objective over the observed entries);
//   sgd → regParam = λ (its per-entry penalty is ALS-WR's scaling: same objective); gd → the
//   nearest regParam; gd/sgd without projection → nonnegative=False (the same unconstrained problem).
// Refused: kl (MLlib's ALS minimizes squared error only).
import {
  bullets,
  dataLine,
  describeFidelity,
  iterationPlan,
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

interface SparkMethod {
  readonly regParam: number;
  readonly nonnegative: boolean;
  readonly fidelity: Fidelity;
  readonly notes: readonly string[];
}

/** ALS's parameters for spec, or the reason there is none. */
function sparkMethod(spec: ReproduceSpec): SparkMethod | string {
  const o = spec.options;
  const { rows: m, cols: n, observed } = spec.data;
  if (o.algorithm === 'kl') {
    return "Spark MLlib's ALS minimizes the squared error only: there is no KL-divergence factorization to run kl with";
  }
  const scaling =
    "Spark's ALS minimizes sum over observed (i, j) of (V[i, j] - W[i, :] H[:, j])^2 + regParam (sum_i n_i ||W[i, :]||^2 + sum_j n_j ||H[:, j]||^2), n_i and n_j being the numbers of observed entries of row i and column j (ALS-WR scaling).";
  if (o.algorithm === 'gd' || o.algorithm === 'sgd') {
    const l2 = o.params.l2;
    const sgd = o.algorithm === 'sgd';
    const regParam = sgd ? l2 : (l2 * (m + n)) / (2 * observed);
    return {
      regParam,
      nonnegative: o.params.project,
      fidelity: sgd ? 'same-objective' : 'nearest',
      notes: [
        `Method: ours is ${sgd ? 'stochastic gradient descent, one observed entry at a time' : 'projected gradient descent'} with learning rate ${num(o.params.learningRate)}; ALS solves for whole rows and columns at a time, so the iterates differ.`,
        sgd
          ? `Regularization: ${scaling} Ours applies lambda = ${num(l2)} at every visit of an entry, which is that same scaling (Spark's objective is twice ours), so regParam = lambda = ${num(regParam)}.`
          : `Regularization: ${scaling} Ours penalizes (lambda/2)(||W||^2 + ||H||^2) with lambda = ${num(l2)}, the same for every row and column; regParam = lambda (m + n) / (2 * observed) = ${num(regParam)} matches it for rows and columns with the average number of observed entries: a nearby problem, not ours.`,
        ...(o.params.project ? [] : ['Constraints: ours ran without projection, so nonnegative=False: both leave W and H unconstrained.']),
      ],
    };
  }
  const same = o.algorithm === 'anls';
  return {
    regParam: 0,
    nonnegative: true,
    fidelity: 'same-objective',
    notes: [
      same
        ? 'Method: ALS with nonnegative=True solves each row of W and column of H by non-negative least squares over its observed entries, as our anls does; its NNLS is iterative, to a tolerance.'
        : `Method: ours is ${o.algorithm}; ALS with nonnegative=True solves each row of W and column of H by non-negative least squares over its observed entries (our anls): the same objective, another method.`,
      `Regularization: none (regParam = 0). ${scaling}`,
    ],
  };
}

/** The PySpark program for spec, or why there is none. */
export function pysparkProgram(spec: ReproduceSpec): ProgramResult {
  const method = sparkMethod(spec);
  if (typeof method === 'string') return { ok: false, lang: 'pyspark', message: method };
  const o = spec.options;
  const { rows: m, cols: n } = spec.data;
  const plan = iterationPlan(spec);
  const sparse = missingCount(spec) > 0;
  const restarts = restartsNote(spec, 'this program makes one start, from seed = the first seed.');
  const notes = [
    ...method.notes,
    'Update order: Spark solves for H (the item factors, one per column of V) first, then W (the user factors, one per row), as ours.',
    `Initialization: ${ourInit(spec)} Spark draws its own start (random non-negative vectors of unit length, from seed) and cannot start from given factors, so the numbers differ from ours; compare the final errors.`,
    `Stopping: ${ourStop(spec)}${plan.exact ? '' : ` Spark has no tolerance: this program runs all ${plan.iterations} iterations.`}`,
    'Precision: Spark keeps the factors in single precision (float32): agreement beyond about 6 digits is not to be expected.',
    ...(sparse ? [] : ['Data: every entry is observed; ALS takes them all as ratings (it is made for sparse ones).']),
    ...(restarts ? [restarts] : []),
  ];
  const call = `ALS(rank=${o.rank}, nonnegative=${method.nonnegative ? 'True' : 'False'}, regParam=${num(method.regParam)})`;
  const lines = [
    `# Reproduces an NMF Playground run with Spark MLlib: ${call}.`,
    `#   data: ${dataLine(spec)}`,
    `#   ours: ${ourRunLine(spec)}`,
    `#   here: ${call}, ${describeFidelity(method.fidelity)}`,
    '# Run with python3 and pyspark (pip install pyspark; it needs Java), or spark-submit.',
    '# Leaves the observed entries in V (a DataFrame of row, col, value: long format), the factors',
    '# in W (model.userFactors: id = row of V, features = that row of W) and H (model.itemFactors:',
    '# id = column of V, features = that column of H), and prints the relative error',
    '# ||M*(V - WH)||_F / ||M*V||_F over the observed entries.',
    '#',
    '# Where the semantics differ:',
    ...bullets(notes),
    'import csv',
    'import math',
    'import tempfile',
    '',
    'import numpy as np',
    'from pyspark.ml.recommendation import ALS',
    'from pyspark.sql import SparkSession',
    'from pyspark.sql import functions as F',
    '',
    `DATA_FILE = ${pyString(spec.dataFile)}`,
    `m, n, k = ${m}, ${n}, ${o.rank}`,
    '',
    ...pythonReader(),
    '',
    '',
    'spark = SparkSession.builder.master("local[*]").appName("nmf-playground").getOrCreate()',
    '# Long runs need checkpoints to keep the lineage short (ALS checkpoints every 10 iterations).',
    'spark.sparkContext.setCheckpointDir(tempfile.mkdtemp())',
    '',
    '# The exported matrix, turned into one (row, col, value) row per observed entry. At scale, keep',
    '# the ratings in a long file and read it with spark.read.csv(path, header=True, inferSchema=True).',
    `dense, row_labels, col_labels = read_matrix(DATA_FILE, ${spec.data.rowLabels ? 'True' : 'False'}, ${spec.data.colLabels ? 'True' : 'False'}, (m, n))`,
    'observed = zip(*np.nonzero(~np.isnan(dense)))',
    'V = spark.createDataFrame([(int(i), int(j), float(dense[i, j])) for i, j in observed], ["row", "col", "value"])',
    '',
    'als = ALS(',
    `    rank=k, maxIter=${plan.iterations}, regParam=${num(method.regParam)}, nonnegative=${method.nonnegative ? 'True' : 'False'},`,
    `    userCol="row", itemCol="col", ratingCol="value", seed=${o.seed},`,
    ')',
    'model = als.fit(V)',
    'W = model.userFactors  # m rows (fewer if a row of V has no observed entry): id, features (k)',
    'H = model.itemFactors  # n rows (fewer if a column has none): id, features (k)',
    '',
    'sums = model.transform(V).select(',
    '    F.sum((F.col("value") - F.col("prediction")) ** 2).alias("r2"), F.sum(F.col("value") ** 2).alias("v2")',
    ').first()',
    'rel_error = math.sqrt(sums["r2"] / sums["v2"])',
    `print(f"relative error {rel_error:.17g} after ${plan.iterations} iterations")`,
    'spark.stop()',
  ];
  return { ok: true, lang: 'pyspark', text: `${lines.join('\n')}\n`, method: call, fidelity: method.fidelity };
}
