// The `nmf` CLI end to end, as a separate process: JSON fields, --out files, exit codes, messages.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../src/data/csv-write.js';
import { parseMatrixText } from '../src/data/parse.js';
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
    let r2 = 0;
    let v2 = 0;
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 6; j++) {
        let wh = 0;
        for (let a = 0; a < 2; a++) wh += W.values[i * 2 + a] * H.values[a * 6 + j];
        expect(WH.values[i * 6 + j]).toBeCloseTo(wh, 12);
        r2 += (V.values[i * 6 + j] - wh) ** 2;
        v2 += V.values[i * 6 + j] ** 2;
      }
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
      ['long.csv', '--rank', '1'],
      "nmf: long.csv: row 2, column 2: 'i1' is not a number. The file looks like long format (row, column, value on each line), which is not supported yet",
    ],
    [['V.csv', '--rank', '2', '--algorithm', 'magic'], "nmf: unknown algorithm 'magic': expected one of "],
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
