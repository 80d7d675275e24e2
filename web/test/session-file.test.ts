// The session file: a record written and read back is the same record (NaN and Infinity
// included), and every kind of bad file gets one message naming the file and the field.
import { describe, expect, it } from 'vitest';
import { MAX_SESSION_BYTES, readSessionFile, SESSION_FILE_VERSION, sessionFileText, sessionSizeProblem } from '../keep/file.js';
import { APP_VERSION, type SessionRecord } from '../keep/record.js';
import { defaultOptions } from '../state/options.js';

const RECORD: SessionRecord = {
  app: APP_VERSION,
  savedAt: Date.UTC(2026, 11, 3, 14, 3, 5, 250),
  hash: '',
  name: 'pasted text',
  data: { kind: 'inline', text: 'name,a,b\nr1,1,2\nr2,3,NA\n', fileName: 'pasted text' },
  options: { ...defaultOptions(), algorithm: 'mu', rank: 2, seed: -7, tol: 0, params: { ...defaultOptions().params, epsilon: 5e-324 } },
  speed: 30,
  view: 'main',
  views: { explore: { lo: '2', hi: '6' } },
  run: {
    m: 2,
    k: 2,
    n: 2,
    W: Float64Array.from([0.1, 0.30000000000000004, 1e-300, 2]),
    H: Float64Array.from([0, 1.5, Number.NaN, 7]),
    iteration: 3,
    history: [0.5, Number.POSITIVE_INFINITY, Number.NaN],
    initialRelError: 0.9,
    objective: 1.25,
    stop: { reason: 'diverged', iteration: 3, message: 'diverged at iteration 3: the error became NaN or infinite.' },
  },
};

/** The file text of RECORD with `change` made to its parsed JSON. */
function edited(change: (json: Record<string, any>) => void): string {
  const json = JSON.parse(sessionFileText(RECORD));
  change(json);
  return JSON.stringify(json);
}

function problem(text: string): string {
  const read = readSessionFile(text, 'session.json');
  if (read.ok) throw new Error('expected a problem');
  return read.message;
}

describe('session file', () => {
  it('reads back exactly what it wrote, non-finite numbers and every digit included', () => {
    const read = readSessionFile(sessionFileText(RECORD), 'session.json');
    expect(read).toEqual({ ok: true, record: RECORD, notes: [] });
  });

  it('is one JSON object with a format, a version and the app version, one top-level field per line', () => {
    const text = sessionFileText(RECORD);
    expect(text.split('\n').slice(0, 4)).toEqual([
      '{',
      '  "format": "nmf-playground-session",',
      `  "version": ${SESSION_FILE_VERSION},`,
      `  "app": "${APP_VERSION}",`,
    ]);
    expect(text).toContain('"H":{"rows":2,"cols":2,"data":[0,1.5,"NaN",7]}');
  });

  it('a float32 run round trips with its precision; a file without one reads as float64', () => {
    const f32: SessionRecord = { ...RECORD, options: { ...RECORD.options, precision: 'float32' } };
    expect(readSessionFile(sessionFileText(f32), 'x.json')).toEqual({ ok: true, record: f32, notes: [] });
    const read = readSessionFile(sessionFileText(RECORD), 'x.json');
    expect(read.ok && read.record.options.precision).toBe(undefined);
  });

  it('anls extrapolated round trips with its switch; a file written before the switch reads with it off', () => {
    const fast: SessionRecord = { ...RECORD, options: { ...RECORD.options, params: { ...RECORD.options.params, extrapolate: true } } };
    expect(readSessionFile(sessionFileText(fast), 'x.json')).toEqual({ ok: true, record: fast, notes: [] });
    const old = JSON.parse(sessionFileText(fast));
    delete old.options.params.extrapolate;
    const read = readSessionFile(JSON.stringify(old), 'x.json');
    expect(read.ok && read.record.options.params.extrapolate).toBe(false);
    // its state beyond W and H (4 counters, Wy, the plain H) goes with the run
    const run = RECORD.run!;
    const solverState = Float64Array.from({ length: 4 + run.m * run.k + run.k * run.n }, (_, t) => t / 7);
    const withState: SessionRecord = { ...fast, run: { ...run, solverState } };
    expect(readSessionFile(sessionFileText(withState), 'x.json')).toEqual({ ok: true, record: withState, notes: [] });
    const short = JSON.parse(sessionFileText(withState));
    short.run.solverState.pop();
    expect(readSessionFile(JSON.stringify(short), 'x.json')).toMatchObject({ ok: false });
  });

  it('a generator spec and a run not yet started round trip too', () => {
    const r: SessionRecord = {
      ...RECORD,
      data: { kind: 'ratings', rows: 50, cols: 40, rank: 3, density: 0.25, seed: 3 },
      run: null,
      speed: null,
    };
    expect(readSessionFile(sessionFileText(r), 'x.json')).toEqual({ ok: true, record: r, notes: [] });
  });

  const cases: [string, string, string][] = [
    ['not JSON', '{"format": "nmf-playground-session", ', 'session.json: not a session file: it is not valid JSON ('],
    [
      'another JSON file',
      '{"name": "my-package", "version": "1.0.0"}',
      'session.json: not an NMF Playground session file (its "format" is not "nmf-playground-session").',
    ],
    ['a JSON list', '[1, 2, 3]', 'session.json: not an NMF Playground session file'],
    [
      'a rank out of range',
      edited((j) => (j.options.rank = 0)),
      'session.json: field options.rank: 0 (expected a whole number from 1 to 10000000).',
    ],
    [
      'a rank as text',
      edited((j) => (j.options.rank = '3')),
      'session.json: field options.rank: "3" (expected a whole number from 1 to 10000000).',
    ],
    ['no options', edited((j) => delete j.options), 'session.json: field options: missing (expected an object).'],
    [
      'an unknown algorithm',
      edited((j) => (j.options.algorithm = 'magic')),
      'session.json: field options.algorithm: "magic" (expected one of mu, kl, als, anls, hals, gd, sgd).',
    ],
    [
      'a switch that is not true or false',
      edited((j) => (j.options.params.project = 1)),
      'session.json: field options.params.project: 1 (expected true or false).',
    ],
    [
      'an extrapolation switch that is not true or false',
      edited((j) => (j.options.params.extrapolate = 'yes')),
      'session.json: field options.params.extrapolate: "yes" (expected true or false).',
    ],
    [
      'an unknown precision',
      edited((j) => (j.options.precision = 'float16')),
      'session.json: field options.precision: "float16" (expected one of float64, float32).',
    ],
    [
      'an unknown data kind',
      edited((j) => (j.data = { kind: 'image' })),
      'session.json: field data.kind: "image" (expected one of example, lowrank, uniform, ratings, inline).',
    ],
    [
      'data whose fields do not fit',
      edited((j) => (j.data = { kind: 'lowrank', rows: 3, cols: 4, rank: 5, noise: 0, seed: 1 })),
      'session.json: field data: the planted rank 5 is more than min(rows, columns) = 3.',
    ],
    ['empty inline data', edited((j) => (j.data.text = '')), 'session.json: field data: the inline data is empty.'],
    // the rank is checked against the run's matrix first: a rank too large is blamed, not W
    [
      'a rank larger than the run’s matrix allows',
      edited((j) => (j.options.rank = 1000)),
      'session.json: field options.rank: 1000 (expected a whole number from 1 to 2, the most a 2×2 matrix allows).',
    ],
    [
      'a rank larger than the run’s matrix allows, with a W of that many columns',
      edited((j) => {
        j.options.rank = 3;
        j.run.W = { rows: 2, cols: 3, data: [1, 1, 1, 1, 1, 1] };
        j.run.H = { rows: 3, cols: 2, data: [1, 1, 1, 1, 1, 1] };
      }),
      'session.json: field options.rank: 3 (expected a whole number from 1 to 2, the most a 2×2 matrix allows).',
    ],
    // a generated matrix's shape is in the file: W and H of another shape are refused on opening
    [
      'W with other rows than the generated matrix',
      edited((j) => (j.data = { kind: 'uniform', rows: 3, cols: 2, seed: 1 })),
      'session.json: field run.W.rows: 2 (expected 3, the rows in data.rows).',
    ],
    [
      'H with other columns than the generated matrix',
      edited((j) => (j.data = { kind: 'lowrank', rows: 2, cols: 5, rank: 1, noise: 0, seed: 1 })),
      'session.json: field run.H.cols: 2 (expected 5, the columns in data.cols).',
    ],
    // so is an example's
    [
      'W with other rows than the example',
      edited((j) => (j.data = { kind: 'example', id: 'tutorial' })),
      'session.json: field run.W.rows: 2 (expected 5, the rows in the example tutorial).',
    ],
    [
      'H with other columns than the example',
      edited((j) => {
        j.data = { kind: 'example', id: 'tutorial' };
        j.run.W = { rows: 5, cols: 1, data: [1, 1, 1, 1, 1] };
      }),
      'session.json: field run.H.cols: 2 (expected 6, the columns in the example tutorial).',
    ],
    ['W of the wrong rank', edited((j) => (j.run.W.cols = 3)), 'session.json: field run.W.cols: 3 (expected 2, the rank in options.rank).'],
    ['H of the wrong rank', edited((j) => (j.run.H.rows = 1)), 'session.json: field run.H.rows: 1 (expected 2, the rank in options.rank).'],
    [
      'a negative entry of W',
      edited((j) => (j.run.W.data[3] = -0.5)),
      'session.json: field run.W.data[3]: -0.5 at row 2, column 2 (expected a number ≥ 0: mu keeps W and H non-negative).',
    ],
    [
      'a negative entry of H',
      edited((j) => (j.run.H.data[1] = -1e-9)),
      'session.json: field run.H.data[1]: -1e-9 at row 1, column 2 (expected a number ≥ 0: mu keeps W and H non-negative).',
    ],
    [
      'an entry of W of minus infinity',
      edited((j) => (j.run.W.data[0] = '-Infinity')),
      'session.json: field run.W.data[0]: -Infinity at row 1, column 1 (expected a number ≥ 0: mu keeps W and H non-negative).',
    ],
    [
      'a negative entry of gd’s W when it projects onto W, H ≥ 0',
      edited((j) => {
        j.options.algorithm = 'gd';
        j.run.W.data[2] = -3;
      }),
      'session.json: field run.W.data[2]: -3 at row 2, column 1 (expected a number ≥ 0: gd keeps W and H non-negative while it projects).',
    ],
    ['an empty entry of W', edited((j) => (j.run.W.data[3] = null)), 'session.json: field run.W.data[3]: null (expected a number).'],
    ['an empty entry of H', edited((j) => (j.run.H.data[0] = null)), 'session.json: field run.H.data[0]: null (expected a number).'],
    ['W with too few numbers', edited((j) => j.run.W.data.pop()), 'session.json: field run.W.data: a list of 3 numbers (expected 4).'],
    ['a word among the numbers', edited((j) => (j.run.H.data[1] = 'x')), 'session.json: field run.H.data[1]: "x" (expected a number).'],
    [
      'a history of another length',
      edited((j) => (j.run.iteration = 4)),
      'session.json: field run.history: a list of 3 numbers (expected 4).',
    ],
    [
      'an unknown stop reason',
      edited((j) => (j.run.stop.reason = 'bored')),
      'session.json: field run.stop.reason: "bored" (expected one of max-iter, tolerance, target, diverged).',
    ],
    ['a bad date', edited((j) => (j.savedAt = 'yesterday')), 'session.json: field savedAt: "yesterday" (expected a date and time).'],
    [
      'an unknown view',
      edited((j) => (j.view = 'gallery')),
      'session.json: field view: "gallery" (expected one of main, explore, restarts, compare, learn).',
    ],
    [
      'a view setting that is not text',
      edited((j) => (j.views.explore.lo = 2)),
      'session.json: field views.explore.lo: 2 (expected text of at most 10000 characters).',
    ],
  ];
  it.each(cases)('refuses %s, naming the file and the field', (_what, text, message) => {
    expect(problem(text)).toContain(message);
  });

  it('negative entries are kept where the run makes them: gd and sgd with projection off', () => {
    for (const algorithm of ['gd', 'sgd'] as const) {
      const r: SessionRecord = {
        ...RECORD,
        options: { ...RECORD.options, algorithm, params: { ...RECORD.options.params, project: false } },
        run: { ...RECORD.run!, W: Float64Array.from([-0.5, 1, -1e300, 2]), H: Float64Array.from([0, -1.5, 3, Number.NEGATIVE_INFINITY]) },
      };
      expect(readSessionFile(sessionFileText(r), 'x.json')).toEqual({ ok: true, record: r, notes: [] });
    }
  });

  it('a file of a newer version: read as far as it can, with a note naming both versions', () => {
    const read = readSessionFile(
      edited((j) => (j.version = SESSION_FILE_VERSION + 1)),
      'later.json',
    );
    expect(read.ok && read.notes).toEqual([
      `later.json was saved by a newer version of NMF Playground (session version ${SESSION_FILE_VERSION + 1}; this app reads up to ${SESSION_FILE_VERSION}): what this version knows of it was opened.`,
    ]);
  });

  it('a file over the size limit is refused before it is read', () => {
    expect(sessionSizeProblem('big.json', MAX_SESSION_BYTES)).toBeNull();
    expect(sessionSizeProblem('big.json', 312_500_000)).toBe('big.json is 312.5 MB: a session file may be at most 100.0 MB.');
  });
});
