// The CLI's flags and folders: negative numbers after a flag, which bound a value breaks, and
// --out paths that cannot be folders, each with its one-line message and exit code 2.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FACTOR_FLAGS, intFlag, maxIterFlag, numFlag, parseFlags, RANK_FLAGS, seedFlag } from '../src/cli/args.js';
import { UsageError } from '../src/cli/errors.js';
import { checkFolder, makeFolder } from '../src/cli/io.js';

const ROOT = new URL('..', import.meta.url).pathname;
let dir = '';

/** `nmf ARGS` as a separate process, killed after 30 s (a hang fails the test instead of stalling it). */
function nmf(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/main.ts'), ...args], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, timedOut: r.error !== undefined };
}

/** The message of the UsageError `f` throws. */
function usage(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('expected a UsageError');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nmf-cli-args-'));
  writeFileSync(join(dir, 'V.csv'), 'a,b,c\n1,2,3\n4,5,6\n7,8,9.5\n');
  writeFileSync(join(dir, 'plain.txt'), 'a file\n');
  writeFileSync(join(dir, 'label-tab.csv'), 'name,a,b\n"x\ty",1,2\nz,3,4\n');
  writeFileSync(join(dir, 'huge.csv'), 'a,b\n1,2\n3,1e400\n');
});

describe('parseFlags: a value starting with a dash', () => {
  it('a negative number after a flag is its value, as with --flag=-N', () => {
    const { values, positionals } = parseFlags(['V.csv', '--seed', '-5', '--tol', '-.5', '--rank', '2'], FACTOR_FLAGS);
    expect(positionals).toEqual(['V.csv']);
    expect(values).toMatchObject({ seed: '-5', tol: '-.5', rank: '2' });
    expect(seedFlag(values)).toBe(-5);
    expect(parseFlags(['--ranks', '-1..3'], RANK_FLAGS).values.ranks).toBe('-1..3');
  });

  it('after --, a flag and a negative number are positionals', () => {
    expect(parseFlags(['--', '--seed', '-5'], FACTOR_FLAGS).positionals).toEqual(['--seed', '-5']);
  });

  it('any other dash word after a flag that takes a value: one line saying the value is missing', () => {
    expect(usage(() => parseFlags(['--rank', '--json'], FACTOR_FLAGS))).toBe(
      "--rank: its value is missing ('--json' after it starts with a dash; write --rank=--json if that is the value)",
    );
    expect(usage(() => parseFlags(['--algorithm', '-x'], FACTOR_FLAGS))).toBe(
      "--algorithm: its value is missing ('-x' after it starts with a dash; write --algorithm=-x if that is the value)",
    );
  });
});

describe('numeric flags: the bound that is broken', () => {
  it('below the lower bound says "must be ≥", above the cap gives the cap', () => {
    expect(usage(() => maxIterFlag({ 'max-iter': '-1' }))).toBe('--max-iter: -1 must be ≥ 1');
    expect(usage(() => maxIterFlag({ 'max-iter': '0' }))).toBe('--max-iter: 0 must be ≥ 1');
    expect(usage(() => maxIterFlag({ 'max-iter': '1000001' }))).toBe('--max-iter: 1000001 is out of range: the cap is 1000000 iterations');
    expect(usage(() => seedFlag({ seed: '-1e300' }))).toBe('--seed: -1e300 must be ≥ -9007199254740991');
  });

  it('without a named range: min and max when both are set; above an unset max, not "must be ≥ min"', () => {
    expect(usage(() => intFlag({ n: '9' }, 'n', 1, 1, 5))).toBe('--n: 9 is out of range: it must be a whole number from 1 to 5');
    expect(usage(() => intFlag({ n: '0' }, 'n', 1, 1, 5))).toBe('--n: 0 is out of range: it must be a whole number from 1 to 5');
    expect(usage(() => intFlag({ threads: '1e300' }, 'threads', 1, 1))).toBe(
      '--threads: 1e300 is out of range: it must be a whole number from 1 to 9007199254740991',
    );
  });

  it('a number below its bound is quoted as written', () => {
    expect(usage(() => numFlag({ tol: '-1e-3' }, 'tol', 0, 0))).toBe('--tol: -1e-3 must be ≥ 0');
  });
});

describe('checkFolder and makeFolder', () => {
  it('a path under a file: names the file', () => {
    const p = join(dir, 'plain.txt', 'x', 'y');
    const message = `--out ${p}: ${join(dir, 'plain.txt')} is a file, not a folder, so no folder can be made in it`;
    expect(usage(() => checkFolder('--out', p))).toBe(message);
    expect(usage(() => makeFolder('--out', p))).toBe(message);
  });

  it('an existing file: says what goes in a folder', () => {
    const p = join(dir, 'plain.txt');
    expect(usage(() => checkFolder('--out', p, 'W.csv'))).toBe(
      `--out ${p}: that path is an existing file, not a folder (W.csv go in a folder)`,
    );
  });

  it('makeFolder makes the missing levels; checkFolder makes nothing', () => {
    const p = join(dir, 'made', 'a', 'b');
    checkFolder('--out', p);
    expect(existsSync(join(dir, 'made'))).toBe(false);
    makeFolder('--out', p);
    makeFolder('--out', p);
    expect(readdirSync(join(dir, 'made', 'a'))).toEqual(['b']);
  });
});

describe('nmf factor: bad flags and folders exit 2 with one line', () => {
  it.each([
    [['--max-iter', '-1'], 'nmf: --max-iter: -1 must be ≥ 1'],
    [['--max-iter=-1'], 'nmf: --max-iter: -1 must be ≥ 1'],
    [['--tol', '-1'], 'nmf: --tol: -1 must be ≥ 0'],
    [['--rank', '-2'], 'nmf: --rank: -2 must be ≥ 1'],
  ])('%j', (flags, message) => {
    const r = nmf('factor', join(dir, 'V.csv'), '--rank', '2', ...flags);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `${message}\n`]);
  });

  it('--seed -5 runs with seed -5', () => {
    const r = nmf('factor', join(dir, 'V.csv'), '--rank', '1', '--seed', '-5', '--max-iter', '3', '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout).seed).toBe(-5);
  });

  it('--out under a file names the file', () => {
    const out = join(dir, 'plain.txt', 'x');
    const r = nmf('factor', join(dir, 'V.csv'), '--rank', '1', '--out', out);
    expect([r.code, r.stdout, r.stderr]).toEqual([
      2,
      '',
      `nmf: --out ${out}: ${join(dir, 'plain.txt')} is a file, not a folder, so no folder can be made in it\n`,
    ]);
  });

  it('export-code --data-out under a file or in a missing folder: one line, exit 2, nothing written', () => {
    const under = join(dir, 'plain.txt', 'V.csv');
    const r = nmf('export-code', join(dir, 'V.csv'), '--rank', '1', '--lang', 'python', '--data-out', under);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `nmf: --data-out ${under}: ${join(dir, 'plain.txt')} is a file, not a folder\n`]);
    const missing = join(dir, 'no-such-folder', 'V.csv');
    const m = nmf('export-code', join(dir, 'V.csv'), '--rank', '1', '--lang', 'python', '--data-out', missing);
    expect([m.code, m.stderr]).toEqual([2, `nmf: --data-out ${missing}: the folder ${join(dir, 'no-such-folder')} does not exist\n`]);
  });

  it.skipIf(!existsSync('/proc/self'))('--out under /proc returns at once, naming the folder that cannot be made', () => {
    const r = nmf('factor', join(dir, 'V.csv'), '--rank', '1', '--out', '/proc/nmf-nope/x');
    expect(r.timedOut).toBe(false);
    const asRoot = 'nmf: --out /proc/nmf-nope/x: cannot make the folder /proc/nmf-nope: /proc does not accept new folders (ENOENT)\n';
    const asUser = 'nmf: --out /proc/nmf-nope/x: no permission to write in /proc\n';
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', process.getuid?.() === 0 ? asRoot : asUser]);
  });

  it('a cell too large to hold is quoted as written', () => {
    const r = nmf('factor', join(dir, 'huge.csv'), '--rank', '1');
    expect([r.code, r.stderr]).toEqual([
      2,
      "nmf: huge.csv: row 3, column 2: '1e400' is not a finite number (numbers go up to about ±1.8e308)\n",
    ]);
  });

  it('a tab inside a quoted label of a comma-separated file is read as a label', () => {
    const r = nmf('factor', join(dir, 'label-tab.csv'), '--rank', '1', '--max-iter', '2', '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout)).toMatchObject({ m: 2, n: 2 });
  });
});
