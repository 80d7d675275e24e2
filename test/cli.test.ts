// The `nmf` CLI end to end, as a separate process: JSON fields, --out files, exit codes, messages.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../src/data/csv-write.js';
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
});

describe('nmf factor', () => {
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
    [['V.csv', '--rank', 'two'], "nmf: --rank: 'two' is not an integer"],
    [['V.csv', '--rank', '2', '--algorithm', 'magic'], "nmf: unknown algorithm 'magic': expected one of "],
    [['V.csv', '--rank', '2', '--init', 'magic'], "nmf: unknown init 'magic': expected one of random, "],
    [['V.csv', '--rank', '2', '--frobnicate'], "nmf: Unknown option '--frobnicate'"],
    [['missing.csv', '--rank', '2'], 'missing.csv: cannot read the file (no such file)'],
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

describe('nmf rank', () => {
  it('--json prints one point per rank with fit, held-out and stability measures', () => {
    const r = nmf('rank', join(dir, 'V.csv'), '--ranks', '1..3', '--restarts', '2', '--holdout', '0.2', '--algorithm', 'mu', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.ranks.map((p: { rank: number }) => p.rank)).toEqual([1, 2, 3]);
    for (const p of j.ranks) {
      expect(p.relError).toBeGreaterThan(0);
      expect(p.heldOutRelError).toBeGreaterThan(0);
      expect(p.cophenetic).toBeLessThanOrEqual(1);
    }
  });

  it('a bad range exits 2 with its message', () => {
    const r = nmf('rank', join(dir, 'V.csv'), '--ranks', '4..2');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("nmf: --ranks: '4..2' is not a range A..B with 1 ≤ A ≤ B\n");
  });
});
