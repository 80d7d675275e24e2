// src/reproduce without running the programs: which method each (language, algorithm, data)
// gets, the arguments that carry our options, the refusals and their messages, quoting of
// names, and (where python3 / Rscript exist) that every program parses.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, solverParams } from '../src/driver/options.js';
import { commentText, pyString, rString } from '../src/reproduce/quote.js';
import { LANGS, type Lang, type ProgramResult, type ReproduceSpec, reproduceProgram } from '../src/reproduce/index.js';
import { ALGORITHM_IDS } from '../src/solvers/registry.js';
import type { AlgorithmId } from '../src/solvers/types.js';

const PYTHON = '/usr/bin/python3';
const hasPython = spawnSync(PYTHON, ['-c', 'import ast'], { stdio: 'ignore' }).status === 0;
const hasR = spawnSync('Rscript', ['-e', 'invisible(1)'], { stdio: 'ignore' }).status === 0;

/** A spec for a 40×30 matrix, hals / nndsvda / 200 iterations / tol 0, changed by `over`. */
function spec(over: { algorithm?: AlgorithmId; observed?: number; options?: object } & Partial<Omit<ReproduceSpec, 'options'>> = {}) {
  const algorithm = over.algorithm ?? 'hals';
  const s: ReproduceSpec = {
    options: {
      ...DEFAULT_OPTIONS,
      algorithm,
      rank: 3,
      init: 'nndsvda',
      maxIter: 200,
      tol: 0,
      params: solverParams(algorithm),
      ...over.options,
    },
    data: { name: 'planted.csv', rows: 40, cols: 30, observed: over.observed ?? 1200, rowLabels: true, colLabels: true, ...over.data },
    dataFile: over.dataFile ?? 'data.csv',
    initFiles: over.initFiles,
    iterations: over.iterations,
  };
  return s;
}

function ok(r: ProgramResult): Extract<ProgramResult, { ok: true }> {
  if (!r.ok) throw new Error(`expected a program, got: ${r.message}`);
  return r;
}

function refused(r: ProgramResult): string {
  if (r.ok) throw new Error(`expected a refusal, got a ${r.lang} program`);
  return r.message;
}

describe('the method each algorithm gets', () => {
  const table: [AlgorithmId, string, string, string][] = [
    // algorithm, python method / fidelity, R method / fidelity, pyspark fidelity
    ['hals', 'NMF(solver="cd") same-updates', 'nmf(method = "snmf/r") same-objective', 'same-objective'],
    ['mu', 'NMF(solver="mu") same-updates', 'nmf(method = "lee") same-updates', 'same-objective'],
    ['kl', 'NMF(solver="mu", beta_loss="kullback-leibler") same-updates', 'nmf(method = "brunet") same-updates', 'refused'],
    ['anls', 'NMF(solver="cd") same-objective', 'nmf(method = "snmf/r") same-objective', 'same-objective'], // extrapolated
    ['als', 'NMF(solver="cd") same-objective', 'nmf(method = "snmf/r") same-objective', 'same-objective'],
    ['gd', 'NMF(solver="cd") same-objective', 'nmf(method = "snmf/r") nearest', 'nearest'],
    ['sgd', 'NMF(solver="cd") same-objective', 'nmf(method = "snmf/r") nearest', 'same-objective'],
  ];
  it('covers every registered algorithm', () => {
    expect(table.map((t) => t[0]).sort()).toEqual([...ALGORITHM_IDS].sort());
  });
  it.each(table)('%s: python %s, r %s, pyspark %s', (algorithm, py, r, spark) => {
    const s = spec({ algorithm });
    const got = (lang: Lang) => {
      const p = reproduceProgram(lang, s);
      return p.ok ? `${p.method} ${p.fidelity}` : 'refused';
    };
    expect(got('python')).toBe(py);
    expect(got('r')).toBe(r);
    const sparkGot = reproduceProgram('pyspark', s);
    expect(sparkGot.ok ? sparkGot.fidelity : 'refused').toBe(spark);
  });

  it('missing entries: no scikit-learn program; R uses ls-nmf with the 0/1 weights (same updates for mu); Spark ALS', () => {
    const s = spec({ algorithm: 'mu', observed: 1000 });
    expect(refused(reproduceProgram('python', s))).toBe(
      "scikit-learn's NMF cannot take missing entries (this data has 200): use the R program (ls-nmf) or the PySpark program (ALS)",
    );
    const r = ok(reproduceProgram('r', s));
    expect([r.method, r.fidelity]).toEqual(['nmf(method = "ls-nmf")', 'same-updates']);
    expect(r.text).toContain('fit <- nmf(V0, k, method = "ls-nmf",');
    expect(r.text).toContain('weight = M');
    expect(r.text).toContain('V0[is.na(V0)] <- 0');
    expect(r.text).toContain('rel_error <- sqrt(sum(((V - W %*% H)[M == 1])^2) / sum(V[M == 1]^2))');
    expect(ok(reproduceProgram('r', spec({ algorithm: 'hals', observed: 1000 }))).fidelity).toBe('same-objective');
    expect(refused(reproduceProgram('r', spec({ algorithm: 'kl', observed: 1000 })))).toBe(
      'the NMF package has no KL-divergence method for missing entries (this data has 200; ls-nmf is least squares only)',
    );
    expect(ok(reproduceProgram('pyspark', s)).text).toContain('#   data: planted.csv: 40x30, 200 of 1200 entries missing');
  });

  it('kl has no Spark program; gd/sgd without projection have no scikit-learn or R program but an unconstrained ALS', () => {
    expect(refused(reproduceProgram('pyspark', spec({ algorithm: 'kl' })))).toBe(
      "Spark MLlib's ALS minimizes the squared error only: there is no KL-divergence factorization to run kl with",
    );
    const free = spec({ algorithm: 'gd', options: { params: { ...solverParams('gd'), project: false } } });
    expect(refused(reproduceProgram('python', free))).toBe(
      "gd without projection lets W and H go negative: scikit-learn's NMF keeps them non-negative, so no program of it minimizes the same problem",
    );
    expect(refused(reproduceProgram('r', free))).toMatch(/^gd without projection lets W and H go negative: the NMF package keeps them/);
    expect(ok(reproduceProgram('pyspark', free)).method).toBe(
      `ALS(rank=3, nonnegative=False, regParam=${(solverParams('gd').l2 * 70) / 2400})`,
    );
  });
});

describe('anls with extrapolation', () => {
  it('R keeps snmf/r but as the same objective only; both programs say ours extrapolated', () => {
    const fast = spec({ algorithm: 'anls' }); // extrapolated by default
    const plain = spec({ algorithm: 'anls', options: { params: solverParams('anls', { extrapolate: false }) } });
    const r = ok(reproduceProgram('r', fast));
    expect([r.method, r.fidelity]).toEqual([ok(reproduceProgram('r', plain)).method, 'same-objective']);
    expect(ok(reproduceProgram('r', plain)).fidelity).toBe('same-updates');
    for (const lang of ['r', 'python'] as const) {
      expect(ok(reproduceProgram(lang, fast)).text).toContain('Extrapolation: ours pushed W and H on along their last step');
      expect(ok(reproduceProgram(lang, plain)).text).not.toContain('Extrapolation:');
    }
  });
});

describe('the arguments that carry our options', () => {
  it('python: V^T, init, max_iter, tol=0 where we ran exactly N, random_state = seed, no penalty', () => {
    const p = ok(reproduceProgram('python', spec({ options: { seed: 7 } })));
    expect(p.text).toContain('n_components=k, solver="cd", beta_loss="frobenius", init="nndsvda",');
    expect(p.text).toContain('max_iter=200, tol=0, random_state=7,');
    expect(p.text).toContain('alpha_W=0, alpha_H=0, l1_ratio=0.0,');
    expect(p.text).toContain('Ht = model.fit_transform(V.T)\nW = model.components_.T  # m x k\nH = Ht.T  # k x n');
    expect(p.text).toContain('m, n, k = 40, 30, 3');
    expect(p.text).toContain('V, row_labels, col_labels = read_matrix(DATA_FILE, True, True, (m, n))');
    expect(p.text).toContain('print(f"relative error {rel_error:.17g} after {model.n_iter_} iterations")');
  });

  it('python: with W0/H0 files init="custom" from them, transposed; with a tolerance it is passed on; known iterations run exactly', () => {
    const files = ok(reproduceProgram('python', spec({ initFiles: { W0: 'out/W0.csv', H0: 'out/H0.csv' } })));
    expect(files.text).toContain('init="custom"');
    expect(files.text).toContain('W0_FILE = "out/W0.csv"  # our initial W, 40 x 3\nH0_FILE = "out/H0.csv"  # our initial H, 3 x 30');
    expect(files.text).toContain('Ht = model.fit_transform(V.T, W=H0.T.copy(), H=W0.T.copy())');
    const tol = ok(reproduceProgram('python', spec({ options: { tol: 1e-5, maxIter: 500 } })));
    expect(tol.text).toContain('max_iter=500, tol=0.00001,');
    expect(tol.text).toMatch(
      /# - Stopping: Ours stops at the first iteration where the objective changes by less than tol =\n# {3}0\.00001/,
    );
    const known = ok(reproduceProgram('python', spec({ options: { tol: 1e-5, maxIter: 500 }, iterations: 37 })));
    expect(known.text).toContain('max_iter=37, tol=0,');
    expect(known.text).toContain('Our run stopped after 37 iterations; this program runs exactly as many.');
  });

  it("python: gd's penalty becomes alpha_W = lambda/m, alpha_H = lambda/n on V^T; sgd's per-entry penalty alpha = lambda", () => {
    const gd = ok(reproduceProgram('python', spec({ algorithm: 'gd', options: { params: { ...solverParams('gd'), l2: 0.6 } } })));
    expect(gd.text).toContain(`alpha_W=${0.6 / 40}, alpha_H=${0.6 / 30}, l1_ratio=0.0,`);
    const sgd = ok(reproduceProgram('python', spec({ algorithm: 'sgd', options: { params: { ...solverParams('sgd'), l2: 0.6 } } })));
    expect(sgd.text).toContain('alpha_W=0.6, alpha_H=0.6, l1_ratio=0.0,');
  });

  it('R: lee without rescaling and with our epsilon, exactly N iterations, the seed for nndsvd/nndsvda/random/files', () => {
    const lee = ok(reproduceProgram('r', spec({ algorithm: 'mu', options: { params: { ...solverParams('mu'), epsilon: 1e-7 } } })));
    expect(lee.text).toContain(
      'fit <- nmf(V, k, method = "lee",\n           seed = list("nndsvd", densify = "average"),\n           .stop = 200L,\n           maxIter = 200L,\n           rescale = FALSE,\n           eps = 1e-7)',
    );
    expect(ok(reproduceProgram('r', spec({ algorithm: 'mu', options: { init: 'nndsvd' } }))).text).toContain('seed = "nndsvd",');
    const random = ok(reproduceProgram('r', spec({ algorithm: 'mu', options: { init: 'random', seed: 5, restarts: 4 } })));
    expect(random.text).toContain('seed = 5L,\n           nrun = 4,');
    const files = ok(reproduceProgram('r', spec({ algorithm: 'kl', initFiles: { W0: 'W0.csv', H0: 'H0.csv' } })));
    expect(files.text).toContain('seed = nmfModel(W = W0, H = H0),');
    expect(files.text).toContain('W0 <- read_matrix(w0_file, FALSE, FALSE, c(m, k))\nH0 <- read_matrix(h0_file, FALSE, FALSE, c(k, n))');
    const snmf = ok(reproduceProgram('r', spec({ algorithm: 'anls' })));
    expect(snmf.text).toContain(
      'maxIter = 200L,\n           eta = 0,\n           beta = .Machine$double.xmin,\n           bi_conv = c(0, 201))',
    );
    expect(snmf.text).not.toContain('.stop');
  });

  it("seeds outside the library's range are reduced modulo its range, and the program says so", () => {
    const py = ok(reproduceProgram('python', spec({ options: { seed: -3 } })));
    expect(py.text).toContain('random_state=4294967293,');
    const unwrapped = (text: string) => text.replace(/\n# {3}/g, ' ');
    expect(unwrapped(py.text)).toContain(
      "Seed: numpy's RandomState takes seeds from 0 to 4294967295; ours, -3, becomes -3 mod 4294967296 = 4294967293.",
    );
    const r = ok(reproduceProgram('r', spec({ algorithm: 'mu', options: { init: 'random', seed: 2 ** 40 + 5 } })));
    expect(r.text).toContain(`seed = ${(2 ** 40 + 5) % 2 ** 31}L,`);
    expect(unwrapped(r.text)).toContain(`Seed: R takes seeds from -2147483647 to 2147483647; ours, ${2 ** 40 + 5}, becomes`);
  });

  it('R: gd and sgd get eta giving W our penalty (sqrt(lambda), sqrt(lambda n))', () => {
    const gd = ok(reproduceProgram('r', spec({ algorithm: 'gd', options: { params: { ...solverParams('gd'), l2: 0.25 } } })));
    expect(gd.text).toContain('eta = 0.5,');
    const sgd = ok(reproduceProgram('r', spec({ algorithm: 'sgd', options: { params: { ...solverParams('sgd'), l2: 0.3 } } })));
    expect(sgd.text).toContain(`eta = ${Math.sqrt(0.3 * 30)},`);
  });

  it('pyspark: ALS(rank, maxIter, regParam, nonnegative, seed) on the long frame; sgd regParam = lambda, gd scaled', () => {
    const s = spec({ algorithm: 'anls', observed: 600, options: { seed: 11, maxIter: 25 } });
    const p = ok(reproduceProgram('pyspark', s));
    expect(p.method).toBe('ALS(rank=3, nonnegative=True, regParam=0)');
    expect(p.text).toContain(
      '    rank=k, maxIter=25, regParam=0, nonnegative=True,\n    userCol="row", itemCol="col", ratingCol="value", seed=11,',
    );
    expect(p.text).toContain(
      'V = spark.createDataFrame([(int(i), int(j), float(dense[i, j])) for i, j in observed], ["row", "col", "value"])',
    );
    expect(p.text).toContain('W = model.userFactors');
    expect(p.text).toContain('H = model.itemFactors');
    const sgd = ok(
      reproduceProgram('pyspark', spec({ algorithm: 'sgd', observed: 600, options: { params: { ...solverParams('sgd'), l2: 0.03 } } })),
    );
    expect(sgd.method).toBe('ALS(rank=3, nonnegative=True, regParam=0.03)');
    const gd = ok(
      reproduceProgram('pyspark', spec({ algorithm: 'gd', observed: 600, options: { params: { ...solverParams('gd'), l2: 0.03 } } })),
    );
    expect(gd.method).toBe(`ALS(rank=3, nonnegative=True, regParam=${(0.03 * 70) / 1200})`);
  });

  it('every program comments on update order, initialization, stopping and (except R lee/brunet) regularization', () => {
    for (const algorithm of ALGORITHM_IDS) {
      for (const lang of LANGS) {
        const p = reproduceProgram(lang, spec({ algorithm }));
        if (!p.ok) continue;
        for (const topic of ['Update order:', 'Initialization:', 'Stopping:'])
          expect(p.text, `${lang} ${algorithm}`).toContain(`# - ${topic}`);
        if (lang !== 'r') expect(p.text, `${lang} ${algorithm}`).toContain('# - Regularization:');
      }
    }
  });
});

describe('refusals that hold for every language', () => {
  it.each(LANGS)('%s: options out of range, init given without files, bad file names, bad iterations', (lang) => {
    expect(refused(reproduceProgram(lang, spec({ options: { rank: 31 } })))).toBe(
      'rank 31 is out of range: it must be an integer from 1 to min(m, n) = 30 for a 40×30 matrix',
    );
    expect(refused(reproduceProgram(lang, spec({ options: { init: 'given' } })))).toBe(
      "init 'given' starts from W0 and H0: the program needs them as files (initFiles W0, H0)",
    );
    expect(refused(reproduceProgram(lang, spec({ dataFile: 'a\0b.csv' })))).toBe(
      'the data file name "a\\u0000b.csv" cannot be a file name',
    );
    expect(refused(reproduceProgram(lang, spec({ initFiles: { W0: '', H0: 'H0.csv' } })))).toBe('the W0 name "" cannot be a file name');
    expect(refused(reproduceProgram(lang, spec({ iterations: 0 })))).toBe('iterations 0 must be an integer ≥ 1');
    expect(refused(reproduceProgram(lang, spec({ observed: 0 })))).toBe("the data's observed count 0 must be an integer from 1 to 1200");
  });
});

describe('names from outside stay data', () => {
  const nasty = 'it\'s "q" \\ back\\slash\nimport os; os.system("x")\r\u2028é日本\u{1F600}\x07';

  it('pyString and rString escape to ASCII; commentText keeps a comment on its line', () => {
    expect(pyString('a"b\\c\nd\u00e9\u65e5\u{1F600}')).toBe('"a\\"b\\\\c\\x0ad\\xe9\\u65e5\\U0001f600"');
    expect(rString('a"b\\c\nd\u00e9\u65e5\u{1F600}')).toBe('"a\\"b\\\\c\\u{000a}d\\u{00e9}\\u{65e5}\\U{0001f600}"');
    expect(pyString('\ud800')).toBe('"\\ufffd"');
    expect(commentText('a\nb\r\u2028c\u00e9')).toBe('a?b??c?');
    expect(commentText('x'.repeat(100), 10)).toBe('xxxxxxx...');
  });

  it.each(LANGS)(
    '%s: a data name and file names with quotes, backslashes, line breaks and non-ASCII give ASCII text, no injected line',
    (lang) => {
      const s = spec({
        algorithm: 'mu',
        data: { name: nasty, rows: 40, cols: 30, observed: 1200, rowLabels: false, colLabels: false },
        dataFile: nasty,
      });
      const p = ok(reproduceProgram(lang, lang === 'pyspark' ? s : { ...s, initFiles: { W0: `${nasty}W0`, H0: `${nasty}H0` } }));
      expect(p.text).toMatch(/^[\x20-\x7e\n]*$/);
      expect(p.text.split('\n').filter((l) => l.startsWith('import os'))).toEqual([]);
    },
  );

  it.skipIf(!hasPython)('python, pyspark: every program parses, and DATA_FILE (W0_FILE) holds the very name given', () => {
    const programs: { text: string; names: string[] }[] = [];
    for (const lang of ['python', 'pyspark'] as const) {
      for (const algorithm of ALGORITHM_IDS) {
        for (const files of [false, true]) {
          const s = spec({ algorithm, dataFile: nasty, initFiles: files ? { W0: `${nasty}W0`, H0: 'H0' } : undefined });
          const p = reproduceProgram(lang, s);
          if (p.ok) programs.push({ text: p.text, names: files && lang === 'python' ? [nasty, `${nasty}W0`] : [nasty] });
        }
      }
    }
    expect(programs.length).toBe(26);
    const check = [
      'import ast, json, sys',
      'out = []',
      'for text in json.load(sys.stdin):',
      '    tree = ast.parse(text)',
      '    out.append([n.value.value for n in tree.body if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") in ("DATA_FILE", "W0_FILE")])',
      'print(json.dumps(out))',
    ].join('\n');
    const r = spawnSync(PYTHON, ['-c', check], { input: JSON.stringify(programs.map((p) => p.text)), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(programs.map((p) => p.names));
  });

  it.skipIf(!hasR)('R: every program parses, and data_file holds the very name given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nmf-reproduce-r-'));
    const paths: string[] = [];
    for (const algorithm of ALGORITHM_IDS) {
      for (const observed of [1200, 1000]) {
        const p = reproduceProgram('r', spec({ algorithm, observed, dataFile: nasty, initFiles: { W0: 'W0.csv', H0: 'H0.csv' } }));
        if (!p.ok) continue;
        paths.push(join(dir, `${algorithm}-${observed}.R`));
        writeFileSync(paths.at(-1)!, p.text);
      }
    }
    expect(paths.length).toBe(13);
    const check =
      'for (path in commandArgs(TRUE)) for (e in parse(path)) if (is.call(e) && identical(e[[2]], as.name("data_file"))) writeLines(eval(e[[3]]), useBytes = TRUE)';
    const r = spawnSync('Rscript', ['-e', check, ...paths], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    rmSync(dir, { recursive: true, force: true });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${nasty}\n`.repeat(13));
  });
});
