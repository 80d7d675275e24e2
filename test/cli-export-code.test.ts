// `nmf export-code`: the program it prints is src/reproduce's for the file's description, the
// files it writes (--data-out, --init-out) are what the programs need, and bad usage or a refused
// export gives one line on stderr, exit code 2 and no file written.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCodeCommand } from '../src/cli/export-code.js';
import { factorCommand } from '../src/cli/factor.js';
import { toCsv } from '../src/data/csv-write.js';
import { lowRank } from '../src/data/generate.js';
import { DEFAULT_OPTIONS, solverParams } from '../src/driver/options.js';
import { reproduceProgram } from '../src/reproduce/index.js';

const ROOT = new URL('..', import.meta.url).pathname;
let dir = '';
let data = '';
let holes = '';

/** `nmf ARGS` as a separate process. */
function nmf(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/main.ts'), ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What a command prints (its code in this process). */
async function output(command: typeof factorCommand, argv: string[]): Promise<string> {
  let out = '';
  expect(await command(argv, (s) => (out += `${s}\n`))).toBe(0);
  return out;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nmf-export-code-'));
  const d = lowRank({ rows: 12, cols: 9, rank: 2, noise: 0.1, seed: 1 });
  const rows = Array.from({ length: 12 }, (_, i) => `gene "${i}"`);
  data = join(dir, 'V.csv');
  writeFileSync(data, toCsv({ rows: 12, cols: 9, data: d.values }, { rows }));
  holes = join(dir, 'holes.csv');
  writeFileSync(holes, toCsv({ rows: 12, cols: 9, data: Float64Array.from(d.values, (x, t) => (t % 5 ? x : NaN)) }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('nmf export-code', () => {
  it("prints src/reproduce's program for the file: its shape, labels, observed count and the flags' options", async () => {
    const r = nmf(
      'export-code',
      data,
      '--rank',
      '2',
      '--algorithm',
      'mu',
      '--init',
      'nndsvd',
      '--max-iter',
      '70',
      '--tol',
      '0',
      '--lang',
      'r',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const expected = reproduceProgram('r', {
      options: { ...DEFAULT_OPTIONS, algorithm: 'mu', rank: 2, init: 'nndsvd', maxIter: 70, tol: 0, params: solverParams('mu') },
      data: { name: 'V.csv', rows: 12, cols: 9, observed: 108, rowLabels: true, colLabels: false },
      dataFile: data,
    });
    expect(expected.ok && r.stdout).toBe(expected.ok && expected.text);
  });

  it('--init-out writes our initial W0, H0: factor --init given from them repeats the run bit for bit', async () => {
    for (const init of [
      ['--init', 'nndsvda'],
      ['--init', 'random', '--seed', '5'],
    ]) {
      const start = join(dir, `start-${init[1]}`);
      const text = await output(exportCodeCommand, [data, '--rank', '2', ...init, '--lang', 'python', '--init-out', start]);
      expect(text).toContain(`W0_FILE = ${JSON.stringify(join(start, 'W0.csv'))}`);
      const run = ['--rank', '2', '--algorithm', 'hals', '--max-iter', '30', '--tol', '0', '--json'];
      const ours = JSON.parse(await output(factorCommand, [data, ...run, ...init]));
      const given = JSON.parse(
        await output(factorCommand, [data, ...run, '--init', 'given', '--w0', join(start, 'W0.csv'), '--h0', join(start, 'H0.csv')]),
      );
      expect(given.history).toEqual(ours.history);
      expect(readFileSync(join(start, 'W0.csv'), 'utf8').split('\n')[0].split(',')).toHaveLength(2);
    }
  });

  it('--data-out writes the data in the exported form and the program reads that file', async () => {
    const plain = join(dir, 'plain.tsv');
    writeFileSync(plain, 'x\ty\n1.50\t2\n3\tNA\n');
    const out = join(dir, 'plain as csv.csv');
    const text = await output(exportCodeCommand, [plain, '--rank', '1', '--lang', 'pyspark', '--data-out', out]);
    expect(readFileSync(out, 'utf8')).toBe('x,y\n1.5,2\n3,NA\n');
    expect(text).toContain(`DATA_FILE = ${JSON.stringify(out)}`);
    expect(text).toContain('#   data: plain.tsv: 2x2, 1 of 4 entries missing');
  });

  it('bad usage: one line, exit 2', () => {
    const cases: [string[], string][] = [
      [['--lang', 'java'], "nmf: --lang: 'java' is not one of python, r, pyspark\n"],
      [['--lang', 'pyspark', '--init-out', join(dir, 'never')], "nmf: --init-out: Spark's ALS cannot start from given factors\n"],
      [['--lang', 'python', '--bogus'], "nmf: Unknown option '--bogus'\n"],
    ];
    for (const [flags, message] of cases) {
      const r = nmf('export-code', data, '--rank', '2', ...flags);
      expect(r.stderr).toBe(message);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    }
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('a file not in the exported form, or a refused export: one line, exit 2, nothing written', async () => {
    const plain = join(dir, 'spaced.csv');
    writeFileSync(plain, '1.0, 2\n3, 4\n');
    await expect(exportCodeCommand([plain, '--rank', '1', '--lang', 'r'], () => {})).rejects.toThrow(
      `${plain}: the programs read the CSV form the app and --out write (comma-separated, NA for missing, full precision); add --data-out FILE.csv to write the data that way`,
    );
    const out = join(dir, 'not written.csv');
    const start = join(dir, 'not written');
    const r = nmf('export-code', holes, '--rank', '2', '--lang', 'python', '--data-out', out, '--init-out', start);
    expect(r.stderr).toBe(
      "nmf: scikit-learn's NMF cannot take missing entries (this data has 22): use the R program (ls-nmf) or the PySpark program (ALS)\n",
    );
    expect(r.code).toBe(2);
    expect([existsSync(out), existsSync(start)]).toEqual([false, false]);
    const W0 = join(dir, 'W0 given.csv');
    const H0 = join(dir, 'H0 given.csv');
    writeFileSync(W0, toCsv({ rows: 12, cols: 2, data: new Float64Array(24).fill(0.5) }));
    writeFileSync(H0, toCsv({ rows: 2, cols: 9, data: new Float64Array(18).fill(0.5) }));
    await expect(exportCodeCommand([data, '--rank', '2', '--w0', W0, '--h0', H0, '--lang', 'r'], () => {})).rejects.toThrow(
      '--init given: add --init-out DIR, which writes W0.csv and H0.csv for the program to start from',
    );
  });
});
