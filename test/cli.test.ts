// The `nmf` CLI end to end, as a separate process: JSON fields, --out files, exit codes, messages.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../src/data/csv-write.js';
import { lowRank } from '../src/data/generate.js';
import { parseMatrixText } from '../src/data/parse.js';
import { gemm_nn } from '../src/kernels-ts/products.js';
import { loadReference } from './helpers/reference.js';

const ROOT = new URL('..', import.meta.url).pathname;
let dir = '';

function nmf(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/main.ts'), ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function readCsv(path: string) {
  return parseMatrixText(readFileSync(path, 'utf8'), path);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nmf-cli-'));
  const c = loadReference('seed5x6_mu_k3');
  writeFileSync(join(dir, 'V.csv'), toCsv({ rows: c.V.rows, cols: c.V.cols, data: c.V.values }));
  writeFileSync(join(dir, 'W0.csv'), toCsv(c.W0));
  writeFileSync(join(dir, 'H0.csv'), toCsv(c.H0));
  writeFileSync(join(dir, 'bad.csv'), '1,2,3\n4,oops,6\n');
  writeFileSync(join(dir, 'neg.csv'), 'a,b\nx,1,2\ny,3,-4\n');
  writeFileSync(join(dir, 'header.csv'), 'a,b,c\n');
  writeFileSync(join(dir, 'long.csv'), 'user,item,rating\nu1,i1,3.5\nu1,i2,4\nu2,i1,1\n');
  writeFileSync(join(dir, 'taken.csv'), 'not a folder\n');
  writeFileSync(join(dir, 'long-plain.csv'), 'u1,m1,5\nu1,m2,3\nu2,m1,4\nu3,m2,1\nu3,m3,2\n');
  writeFileSync(join(dir, 'long-bad.csv'), 'user,item,rating\nu1,m1,5\nu2,m1,five\n');
  const p = lowRank({ rows: 60, cols: 40, rank: 2, noise: 0.1, seed: 3, noiseModel: 'multiplicative' });
  writeFileSync(join(dir, 'planted.csv'), toCsv({ rows: p.rows, cols: p.cols, data: p.values }));
});

describe('nmf factor', () => {
  it('anls extrapolates unless --no-extrapolate: another trajectory, its error never rising', () => {
    const args = ['factor', join(dir, 'planted.csv'), '--rank', '3', '--algorithm', 'anls', '--max-iter', '25', '--tol', '0', '--json'];
    const plain = nmf(...args, '--no-extrapolate');
    const fast = nmf(...args);
    expect([plain.stderr, fast.stderr]).toEqual(['', '']);
    const [h0, h1] = [JSON.parse(plain.stdout).history, JSON.parse(fast.stdout).history] as number[][];
    expect(h1).toHaveLength(25);
    expect(h1).not.toEqual(h0);
    for (let t = 1; t < h1.length; t++) expect(h1[t]).toBeLessThanOrEqual(h1[t - 1]);
  });

  it('--json prints one object whose fields agree with the --out files', () => {
    const out = join(dir, 'out');
    const r = nmf(
      'factor',
      join(dir, 'V.csv'),
      '--rank',
      '2',
      '--algorithm',
      'mu',
      '--seed',
      '3',
      '--max-iter',
      '40',
      '--tol',
      '0',
      '--json',
      '--out',
      out,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    for (const key of ['algorithm', 'rank', 'init', 'seed', 'iterations', 'stopReason', 'relError', 'error', 'seconds', 'history']) {
      expect(j).toHaveProperty(key);
    }
    expect(j).toMatchObject({ algorithm: 'mu', rank: 2, init: 'random', seed: 3, iterations: 40, stopReason: 'max-iter' });
    expect(j.history).toHaveLength(40);
    expect(j.history.at(-1)).toBe(j.relError);
    expect(j.seconds).toBeGreaterThanOrEqual(0);

    const V = readCsv(join(dir, 'V.csv'));
    const W = readCsv(join(out, 'W.csv'));
    const H = readCsv(join(out, 'H.csv'));
    const WH = readCsv(join(out, 'WH.csv'));
    expect([W.rows, W.cols, H.rows, H.cols, WH.rows, WH.cols]).toEqual([5, 2, 2, 6, 5, 6]);
    const product = new Float64Array(30);
    gemm_nn(W.values, H.values, product, 5, 2, 6);
    expect(Array.from(WH.values)).toEqual(Array.from(product)); // every digit: the same sums in the same order
    let r2 = 0;
    let v2 = 0;
    for (let t = 0; t < 30; t++) {
      r2 += (V.values[t] - product[t]) ** 2;
      v2 += V.values[t] ** 2;
    }
    expect(Math.sqrt(r2 / v2)).toBeCloseTo(j.relError, 12);
    expect(Math.sqrt(r2)).toBeCloseTo(j.error, 12);
    const hist = readFileSync(join(out, 'history.csv'), 'utf8').trim().split('\n');
    expect(hist[0]).toBe('iteration,relError');
    expect(hist.slice(1).map((l) => Number(l.split(',')[1]))).toEqual(j.history);
  });

  it('--init given with --w0/--h0 follows the reference trajectory', () => {
    const c = loadReference('seed5x6_mu_k3');
    const r = nmf(
      'factor',
      join(dir, 'V.csv'),
      '--rank',
      '3',
      '--algorithm',
      'mu',
      '--w0',
      join(dir, 'W0.csv'),
      '--h0',
      join(dir, 'H0.csv'),
      '--max-iter',
      String(c.iterations),
      '--tol',
      '0',
      '--epsilon',
      '1e-9',
      '--json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.init).toBe('given');
    expect(j.iterations).toBe(c.iterations);
    expect(Math.abs(j.relError - c.relErrorHistory.at(-1)!) / c.relErrorHistory.at(-1)!).toBeLessThan(1e-8);
  });

  it('--out neutralizes labels a spreadsheet would run as formulas; negative numbers stay numbers', () => {
    writeFileSync(join(dir, 'crafted.csv'), 'id,"=HYPERLINK(""http://x"")",+cmd,plain\n@SUM(A1),1,2,3\n-x,4,5,6\n=1+2,7,8,9\nok,1,1,2\n');
    const out = join(dir, 'crafted-out');
    const r = nmf(
      'factor',
      join(dir, 'crafted.csv'),
      '--rank',
      '2',
      '--algorithm',
      'gd',
      '--no-project',
      '--init',
      'nndsvd',
      '--max-iter',
      '3',
      '--out',
      out,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const W = readFileSync(join(out, 'W.csv'), 'utf8').split('\n');
    expect(W.slice(1, 5).map((l) => l.split(',')[0])).toEqual(["'@SUM(A1)", "'-x", "'=1+2", 'ok']);
    const header = `,"'=HYPERLINK(""http://x"")",'+cmd,plain`;
    expect(readFileSync(join(out, 'H.csv'), 'utf8').split('\n')[0]).toBe(header);
    expect(readFileSync(join(out, 'WH.csv'), 'utf8').split('\n').slice(0, 2)).toEqual([header, expect.stringMatching(/^'@SUM\(A1\),/)]);
    const numbers = W.slice(1, 5).flatMap((l) => l.split(',').slice(1));
    expect(numbers.every((c) => /^-?\d/.test(c) && Number.isFinite(Number(c)))).toBe(true);
    expect(numbers.some((c) => c.startsWith('-'))).toBe(true); // this run leaves a negative entry in W
  });

  it('prints a readable summary without --json', () => {
    const r = nmf('factor', join(dir, 'V.csv'), '--rank', '2', '--algorithm', 'mu', '--max-iter', '5', '--tol', '0');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('V.csv: 5×6, 30 observed');
    expect(r.stdout).toContain('mu, rank 2, init random, seed 1: reached the maximum of 5 iterations');
  });

  it.each([
    [['bad.csv', '--rank', '1'], "nmf: bad.csv: row 2, column 2: 'oops' is not a number"],
    [['neg.csv', '--rank', '1'], 'nmf: neg.csv: row 3, column 3: negative value -4 (NMF needs every entry ≥ 0)'],
    [['V.csv', '--rank', '7'], 'nmf: rank 7 is out of range: it must be an integer from 1 to min(m, n) = 5 for a 5×6 matrix'],
    [['V.csv', '--rank', 'two'], "nmf: --rank: 'two' is not a whole number written in decimal (e.g. 3)"],
    [['V.csv', '--rank', '0x2'], "nmf: --rank: '0x2' is not a whole number written in decimal (e.g. 3)"],
    [['V.csv', '--rank', '2', '--tol', 'Infinity'], "nmf: --tol: 'Infinity' is not a number written in decimal (e.g. 0.5 or 1e-6)"],
    [
      ['V.csv', '--rank', '2', '--seed', '1e300'],
      'nmf: --seed: 1e300 is out of range: seeds are whole numbers from -9007199254740991 to 9007199254740991',
    ],
    [
      ['V.csv', '--rank', '2', '--max-iter', '1000000000000', '--tol', '0'],
      'nmf: --max-iter: 1000000000000 is out of range: the cap is 1000000 iterations',
    ],
    [['header.csv', '--rank', '1'], 'nmf: header.csv: the file has only a header row (a, b, c) and no data rows'],
    [
      ['long-plain.csv', '--rank', '1'],
      "nmf: long-plain.csv: row 1, column 2: 'm1' is not a number. The file looks like long format (row, column, value on each line): read it as such (nmf --format long",
    ],
    [['V.csv', '--rank', '2', '--algorithm', 'magic'], "nmf: unknown algorithm 'magic': expected one of "],
    [['V.csv', '--rank', '2', '--init', 'magic'], "nmf: unknown init 'magic': expected one of random, "],
    [['V.csv', '--rank', '2', '--frobnicate'], "nmf: Unknown option '--frobnicate'"],
    [['missing.csv', '--rank', '2'], 'missing.csv: cannot read the file (no such file)'],
    [['V.csv', '--rank', '2', '--threads', '0'], 'nmf: --threads: 0 must be ≥ 1'],
    [['V.csv', '--rank', '2', '--threads', 'many'], "nmf: --threads: 'many' is not a whole number written in decimal (e.g. 3)"],
    [['long-bad.csv', '--rank', '1'], "nmf: long-bad.csv: line 3, field 3: 'five' is not a number"],
    [['long.csv', '--rank', '1', '--format', 'wide'], "nmf: --format: 'wide' is not one of table, long"],
    [['V.csv', '--rank', '2', '--precision', 'float16'], 'nmf: --precision float16: must be one of float64, float32'],
  ])('bad input %j exits 2 with one line and no stack trace', (args, message) => {
    const [file, ...rest] = args;
    const r = nmf('factor', join(dir, file), ...(rest.includes('--algorithm') ? rest : [...rest, '--algorithm', 'mu']));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('nmf factor checks its files before the run', () => {
  it('--w0/--h0 of the wrong shape exit 2 naming both shapes', () => {
    // W0.csv and H0.csv are 5×3 and 3×6: right for rank 3, wrong for rank 2
    const w0 = join(dir, 'W0.csv');
    const r = nmf('factor', join(dir, 'V.csv'), '--rank', '2', '--w0', w0, '--h0', join(dir, 'H0.csv'), '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`nmf: --w0 ${w0}: the matrix is 5×3, but it must be 5×2 (the rows of ${join(dir, 'V.csv')} × the rank)\n`);
  });

  it('--out onto an existing file exits 2 with the path, and nothing is computed', () => {
    const taken = join(dir, 'taken.csv');
    const r = nmf('factor', join(dir, 'V.csv'), '--rank', '2', '--out', taken, '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `nmf: --out ${taken}: that path is an existing file, not a folder (W.csv, H.csv, WH.csv and history.csv go in a folder)\n`,
    );
    expect(readFileSync(taken, 'utf8')).toBe('not a folder\n');
  });
});

describe('nmf factor --threads', () => {
  it('on 1 and 2 threads: the same W, H and errors to the last digit, and the mode in --json and the summary', () => {
    const args = ['factor', join(dir, 'planted.csv'), '--rank', '2', '--algorithm', 'hals', '--max-iter', '25', '--tol', '0'];
    const runs = ['1', '2'].map((threads) => {
      const out = join(dir, `threads-${threads}`);
      const r = nmf(...args, '--threads', threads, '--json', '--out', out);
      expect(r.stderr).toBe('');
      return { j: JSON.parse(r.stdout), W: readFileSync(join(out, 'W.csv'), 'utf8'), H: readFileSync(join(out, 'H.csv'), 'utf8') };
    });
    expect([runs[0].j.threads, runs[1].j.threads]).toEqual([1, 2]);
    expect(runs[1].j.history).toEqual(runs[0].j.history);
    expect(runs[1].W).toBe(runs[0].W);
    expect(runs[1].H).toBe(runs[0].H);
    expect(nmf(...args, '--threads', '2').stdout).toMatch(/after 25 iterations in [0-9.]+ s on 2 threads/);
  });
});

describe('nmf factor --precision float32', () => {
  it('hals: its products in float32, the mode in --json and the summary, the errors within 1e-4 of float64', () => {
    const args = ['factor', join(dir, 'planted.csv'), '--rank', '2', '--algorithm', 'hals', '--max-iter', '25', '--tol', '0', '--json'];
    const f64 = JSON.parse(nmf(...args).stdout);
    const f32 = JSON.parse(nmf(...args, '--precision', 'float32').stdout);
    expect([f64.precision, f32.precision]).toEqual(['float64', 'float32']);
    expect(f32.history).toHaveLength(25);
    expect(f32.history).not.toEqual(f64.history);
    for (let i = 0; i < 25; i++) expect(Math.abs(f32.history[i] - f64.history[i]) / f64.history[i]).toBeLessThan(1e-4);
    const text = nmf(...args.slice(0, -1), '--precision', 'float32').stdout;
    expect(text).toMatch(/after 25 iterations in [0-9.]+ s on \d+ threads?, products in float32/);
  });

  it('kl has no products with V: it runs in float64 and says so', () => {
    const r = nmf(
      'factor',
      join(dir, 'planted.csv'),
      '--rank',
      '2',
      '--algorithm',
      'kl',
      '--max-iter',
      '5',
      '--precision',
      'float32',
      '--json',
    );
    expect(JSON.parse(r.stdout).precision).toBe('float64');
  });
});

describe('nmf factor --format long', () => {
  it('reads row, column, value lines: the shape and the observed count are those of the entries', () => {
    const r = nmf(
      'factor',
      join(dir, 'long-plain.csv'),
      '--format',
      'long',
      '--rank',
      '2',
      '--algorithm',
      'als',
      '--max-iter',
      '3',
      '--json',
    );
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect([j.m, j.n, j.observed, j.iterations]).toEqual([3, 3, 5, 3]);
    // without --format long (and no header saying so) it is a table, whose second column is not numbers
    expect(nmf('factor', join(dir, 'long-plain.csv'), '--rank', '1').stderr).toContain(
      "long-plain.csv: row 1, column 2: 'm1' is not a number",
    );
  });
});

describe('nmf rank', () => {
  const RANK_KEYS = ['rank', 'fitError', 'fitErrors', 'heldOutError', 'heldOutErrors', 'heldOutStdErr', 'cophenetic'];
  const planted = () => join(dir, 'planted.csv');

  it('--json prints one object: per rank the fit, held-out and stability measures, the suggestion and its reason', () => {
    const r = nmf('rank', planted(), '--ranks', '1..4', '--restarts', '3', '--holdout', '0.1', '--seed', '2', '--json');
    expect(r.stderr).toBe(''); // piped stderr: no progress lines
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ m: 60, n: 40, algorithm: 'anls', init: 'random', seed: 2, restarts: 3, holdout: 0.1, shuffled: false });
    expect(j.ranks.map((p: { rank: number }) => p.rank)).toEqual([1, 2, 3, 4]);
    for (const p of j.ranks) {
      expect(Object.keys(p)).toEqual(RANK_KEYS);
      expect(p.fitErrors).toHaveLength(3);
      expect(p.heldOutErrors).toHaveLength(3);
      expect(p.fitError).toBe(Math.min(...p.fitErrors));
      expect(p.heldOutError).toBeCloseTo(p.heldOutErrors.reduce((a: number, b: number) => a + b, 0) / 3, 14);
      expect(p.heldOutStdErr).toBeGreaterThan(0);
    }
    expect(j.ranks[0].cophenetic).toBeNull();
    expect(j.ranks[1].cophenetic).toBeGreaterThan(0.9);
    expect(j.suggestedRank).toBe(2);
    expect(j.reason).toBe('held-out error is lowest at k = 2, and no smaller rank is within one standard error of it');
  });

  it('--precision float32: the fits in float32, the same suggestion, fit errors within 1e-4 of float64', () => {
    const args = ['rank', planted(), '--ranks', '1..3', '--restarts', '2', '--seed', '2', '--json'];
    const f64 = JSON.parse(nmf(...args).stdout);
    const f32 = JSON.parse(nmf(...args, '--precision', 'float32').stdout);
    expect([f64.precision, f32.precision]).toEqual(['float64', 'float32']);
    expect(f32.suggestedRank).toBe(f64.suggestedRank);
    for (let i = 0; i < 3; i++) {
      expect(f32.ranks[i].fitError).not.toBe(f64.ranks[i].fitError);
      expect(Math.abs(f32.ranks[i].fitError - f64.ranks[i].fitError) / f64.ranks[i].fitError).toBeLessThan(1e-4);
    }
  });

  it('--shuffled adds the baseline: a worse fit of the column-shuffled copy', () => {
    const r = nmf('rank', planted(), '--ranks', '2..3', '--restarts', '2', '--shuffled', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    for (const p of j.ranks) {
      expect(Object.keys(p)).toEqual([...RANK_KEYS, 'shuffledFitError', 'shuffledCophenetic']);
      expect(p.shuffledFitError).toBeGreaterThan(2 * p.fitError);
      expect(p.shuffledCophenetic).toBeGreaterThan(0);
    }
    expect(j.ranks[0].heldOutError).toBeNull();
    expect(j.ranks[0].heldOutErrors).toEqual([]);
    expect(j.suggestedRank).toBeNull();
    expect(j.reason).toBe('the suggestion needs a held-out set (a held-out fraction above 0)');
  });

  it('--progress writes one line per rank to stderr, stdout keeps only the JSON', () => {
    const r = nmf('rank', planted(), '--ranks', '1..3', '--restarts', '2', '--holdout', '0.1', '--shuffled', '--progress', '--json');
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    lines.forEach((line, i) => {
      expect(line).toMatch(
        new RegExp(
          `^k = ${i + 1} \\(${i + 1} of 3 ranks, \\d+\\.\\d s\\): fit [0-9.]+, held-out [0-9.]+ ± [0-9.e-]+, cophenetic (—|[0-9.]+), shuffled fit [0-9.]+, cophenetic (—|[0-9.]+)$`,
        ),
      );
    });
    expect(JSON.parse(r.stdout).ranks).toHaveLength(3);
  });

  it.runIf(spawnSync('script', ['--version']).status === 0)('on a terminal the progress lines come without --progress', () => {
    const cmd = [
      process.execPath,
      join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      join(ROOT, 'src/cli/main.ts'),
      'rank',
      planted(),
      '--ranks',
      '1..2',
      '--restarts',
      '2',
      '--json',
    ];
    const r = spawnSync('script', ['-qec', cmd.map((a) => `'${a}'`).join(' '), '/dev/null'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/k = 1 \(1 of 2 ranks, [0-9.]+ s\): fit /);
    expect(r.stdout).toMatch(/k = 2 \(2 of 2 ranks, [0-9.]+ s\): fit /);
  });

  it('prints a table and the suggestion without --json', () => {
    const r = nmf('rank', planted(), '--ranks', '1..3', '--restarts', '2', '--holdout', '0.1', '--shuffled');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(`${planted()}: 60×40, anls, 2 restarts per rank, 10% held out per restart, with a shuffled baseline`);
    expect(lines[1]).toMatch(/^rank +fit +worst fit +held-out ± se +cophenetic +shuffled fit +shuffled cophenetic$/);
    expect(lines.slice(2, 5).map((l) => l.trim().split(/\s+/)[0])).toEqual(['1', '2', '3']);
    expect(lines[5]).toMatch(/^Suggested rank: 2 \(held-out error is lowest at k = [23][;,]/);
    expect(lines[6]).toMatch(/^in [0-9.]+ s$/);
  });

  it.each([
    [['--ranks', '4..2'], "nmf: --ranks: '4..2' is not a range A..B with 1 ≤ A ≤ B"],
    [['--ranks', '2..9'], 'nmf: highest rank 9 is out of range: it must be an integer from 1 to min(m, n) = 5 for a 5×6 matrix'],
    [['--ranks', '1..2', '--restarts', '0'], 'nmf: --restarts: 0 must be ≥ 1'],
    [['--ranks', '1..2', '--restarts', '101'], 'nmf: restarts per rank 101 must be an integer from 1 to 100'],
    [['--ranks', '1..2', '--holdout', '0.7'], 'nmf: held-out fraction 0.7 must be from 0 to 0.5'],
    [['--ranks', '1..2', '--init', 'given'], 'nmf: the survey needs an initialization that works at every rank, not given W0, H0'],
    [['--ranks', '1..2', '--init', 'magic'], "nmf: unknown init 'magic': expected one of "],
    [[], 'nmf: rank needs --ranks A..B'],
  ])('bad flags %j exit 2 with one line', (flags, message) => {
    const r = nmf('rank', join(dir, 'V.csv'), ...flags);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toContain(message);
    if (flags.length) expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
