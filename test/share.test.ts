// The share link's hash: round trips of every field and dataset kind, one canonical text per
// state, and garbage of every kind giving defaults and a message naming it — never a throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import LZString from 'lz-string';
import { DEFAULT_OPTIONS, MAX_ITERATIONS, solverParams } from '../src/driver/options.js';
import { decodeShare, describeIgnored, encodeShare, defaultShareState, type ShareState } from '../src/share/index.js';
import type { DataSpec } from '../src/data/spec.js';
import { LINK_DATA_LIMIT, LINK_INITS } from '../src/share/table.js';
import { ALGORITHM_IDS } from '../src/solvers/registry.js';
import { VIEW_IDS } from '../src/share/section.js';
import { EXAMPLES } from '../src/data/examples.js';

const BASE = defaultShareState();

function roundTrip(s: ShareState): { state: ShareState; ignored: readonly string[] } {
  const { hash, tooLargeKB } = encodeShare(s);
  expect(tooLargeKB).toBeNull();
  const d = decodeShare(`#${hash}`);
  return { state: d.state, ignored: d.ignored };
}

/** A state with `patch` applied to its options. */
function withOptions(patch: Partial<ShareState['options']>): ShareState {
  return { ...BASE, options: { ...BASE.options, ...patch } };
}

describe('share link round trips', () => {
  const datasets: [string, DataSpec | null][] = [
    ...EXAMPLES.map((e): [string, DataSpec] => [`example ${e.id}`, { kind: 'example', id: e.id }]),
    ['lowrank', { kind: 'lowrank', rows: 120, cols: 30, rank: 7, noise: 0.125, seed: -42 }],
    ['uniform', { kind: 'uniform', rows: 1, cols: 9999, seed: 2 ** 40 }],
    ['ratings', { kind: 'ratings', rows: 50, cols: 40, rank: 3, density: 1, seed: 0 }],
    ['inline', { kind: 'inline', text: 'name,a,b\nr1,1,2\nr2,3,NA\n', fileName: 'good.csv' }],
    ['none (options only)', null],
  ];
  it.each(datasets)('keeps the dataset: %s', (_name, data) => {
    const s: ShareState = { ...BASE, data };
    expect(roundTrip(s)).toEqual({ state: s, ignored: [] });
  });

  const options: [string, Partial<ShareState['options']>][] = [
    ...ALGORITHM_IDS.map((algorithm): [string, Partial<ShareState['options']>] => [
      `algorithm ${algorithm}`,
      { algorithm, params: solverParams(algorithm) },
    ]),
    ...LINK_INITS.map((init): [string, Partial<ShareState['options']>] => [`init ${init}`, { init }]),
    ['rank', { rank: 17 }],
    ['seed (negative)', { seed: -123456789 }],
    ['seed (large)', { seed: Number.MAX_SAFE_INTEGER }],
    ['max iterations', { maxIter: 123456 }],
    ['tolerance', { tol: 0.30000000000000004 }],
    ['tolerance 0', { tol: 0 }],
    ['target', { target: 0.01 }],
    ['epsilon', { params: { ...BASE.options.params, epsilon: 1e-3 } }],
    ['epsilon subnormal', { params: { ...BASE.options.params, epsilon: 5e-324 } }],
    ['learning rate', { params: { ...BASE.options.params, learningRate: 2.5e-7 } }],
    ['L2 penalty', { params: { ...BASE.options.params, l2: 1e21 } }],
    ['projection off', { params: { ...BASE.options.params, project: false } }],
  ];
  it.each(options)('keeps the option: %s', (_name, patch) => {
    const s = withOptions(patch);
    expect(roundTrip(s)).toEqual({ state: s, ignored: [] });
  });

  it.each([[null], [300], [2], [0.5]])('keeps the speed %s', (speed) => {
    const s = { ...BASE, speed };
    expect(roundTrip(s).state).toEqual(s);
  });

  it.each([[0], [1], [37], [1_000_000]])('keeps the iteration %s', (iteration) => {
    const s = { ...BASE, iteration };
    expect(roundTrip(s).state).toEqual(s);
  });

  it('keeps inline text exactly, whatever its characters, and its file name', () => {
    const text = 'label\t"a,b"\tc\nÄ→ü 😀\t1e-300\tNA\r\n#hash&amp=%41+$\t\t3\n';
    const s: ShareState = { ...BASE, data: { kind: 'inline', text, fileName: 'my file & #1=%.tsv' } };
    expect(roundTrip(s).state).toEqual(s);
  });

  it('keeps any valid state (property)', () => {
    const num = (min: number) => fc.double({ min, max: 1e6, noNaN: true, noDefaultInfinity: true });
    const data: fc.Arbitrary<DataSpec | null> = fc.oneof(
      fc.constantFrom(...EXAMPLES.map((e): DataSpec => ({ kind: 'example', id: e.id }))),
      fc.record({
        kind: fc.constant('uniform' as const),
        rows: fc.integer({ min: 1, max: 3000 }),
        cols: fc.integer({ min: 1, max: 3000 }),
        seed: fc.integer(),
      }),
      fc.record({
        kind: fc.constant('lowrank' as const),
        rows: fc.integer({ min: 50, max: 3000 }),
        cols: fc.integer({ min: 50, max: 3000 }),
        rank: fc.integer({ min: 1, max: 50 }),
        noise: num(0),
        seed: fc.integer(),
      }),
      fc.record({
        kind: fc.constant('ratings' as const),
        rows: fc.integer({ min: 50, max: 3000 }),
        cols: fc.integer({ min: 50, max: 3000 }),
        rank: fc.integer({ min: 1, max: 50 }),
        density: fc.double({ min: 1e-9, max: 1, noNaN: true }),
        seed: fc.integer(),
      }),
      fc.record({
        kind: fc.constant('inline' as const),
        text: fc.string({ minLength: 1, maxLength: 300, unit: 'binary' }),
        fileName: fc.string({ maxLength: 50, unit: 'binary' }),
      }),
      fc.constant(null),
    );
    const state: fc.Arbitrary<ShareState> = fc.record({
      data,
      options: fc.record(
        {
          algorithm: fc.constantFrom(...ALGORITHM_IDS),
          rank: fc.integer({ min: 1, max: 500 }),
          init: fc.constantFrom(...LINK_INITS),
          seed: fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
          maxIter: fc.integer({ min: 1, max: MAX_ITERATIONS }),
          tol: num(0),
          target: num(0),
          params: fc.record({
            epsilon: num(0),
            learningRate: fc.double({ min: 1e-12, max: 10, noNaN: true }),
            l2: num(0),
            project: fc.boolean(),
            extrapolate: fc.boolean(),
          }),
          precision: fc.constantFrom('float32' as const),
        },
        { requiredKeys: ['algorithm', 'rank', 'init', 'seed', 'maxIter', 'tol', 'target', 'params'] },
      ),
      speed: fc.oneof(fc.constant(null), fc.double({ min: 0.01, max: 10_000, noNaN: true })),
      iteration: fc.integer({ min: 0, max: 1_000_000 }),
      view: fc.constantFrom(...VIEW_IDS),
      viewSettings: fc.constant(null),
      embed: fc.boolean(),
    });
    fc.assert(
      fc.property(state, (s) => {
        const first = encodeShare(s);
        const back = decodeShare(first.hash);
        expect(back.ignored).toEqual([]);
        expect(back.state).toEqual(s);
        expect(encodeShare(back.state).hash).toBe(first.hash);
      }),
      { numRuns: 300 },
    );
  });
});

describe('share link canonical text', () => {
  it('writes the default state as exactly this hash', () => {
    expect(encodeShare(BASE)).toEqual({
      hash: 'v=3&data=example&example=lowrank&alg=anls&rank=2&init=random&seed=1&maxIter=200&tol=0.000001&target=0&eps=1e-9&lr=0.001&l2=0.01&project=1&speed=max&iter=0',
      tooLargeKB: null,
    });
  });

  it('writes equal states as the same text, whatever the order their properties were built in', () => {
    const a: ShareState = {
      data: { kind: 'lowrank', rows: 10, cols: 8, rank: 2, noise: 0, seed: 3 },
      options: BASE.options,
      speed: 10,
      iteration: 5,
      view: 'main',
      viewSettings: null,
      embed: false,
    };
    const o = BASE.options;
    const b: ShareState = {
      embed: false,
      viewSettings: null,
      view: 'main',
      iteration: 5,
      speed: 10,
      options: {
        params: {
          extrapolate: o.params.extrapolate,
          project: o.params.project,
          l2: o.params.l2,
          learningRate: o.params.learningRate,
          epsilon: o.params.epsilon,
        },
        target: o.target,
        tol: o.tol,
        maxIter: o.maxIter,
        seed: o.seed,
        init: o.init,
        rank: o.rank,
        algorithm: o.algorithm,
      },
      data: { seed: 3, noise: 0, rank: 2, cols: 8, rows: 10, kind: 'lowrank' },
    };
    expect(encodeShare(b).hash).toBe(encodeShare(a).hash);
    expect(encodeShare(a).hash).toBe(
      'v=3&data=lowrank&rows=10&cols=8&prank=2&noise=0&dseed=3&alg=anls&rank=2&init=random&seed=1&maxIter=200&tol=0.000001&target=0&eps=1e-9&lr=0.001&l2=0.01&project=1&speed=10&iter=5',
    );
  });

  it('writes prec=float32 for a float32 run only, and reads it back', () => {
    const f32 = { ...BASE, options: { ...BASE.options, precision: 'float32' as const } };
    const hash = encodeShare(f32).hash;
    expect(hash).toContain('&prec=float32&');
    expect(decodeShare(hash).state.options).toEqual(f32.options);
    expect(encodeShare(BASE).hash).not.toContain('prec=');
    // a float64 state written with prec anyway reads as float64, without the field
    expect(decodeShare(`${encodeShare(BASE).hash}&prec=float64`).state.options).toEqual(BASE.options);
  });

  it('keeps the long-format choice of inline data (long=1), and drops it from a state that did not ask', () => {
    const long = { ...BASE, data: { kind: 'inline' as const, text: 'a,x,1\n', fileName: 'r.csv', long: true } };
    const hash = encodeShare(long).hash;
    expect(hash).toContain('&long=1&');
    expect(decodeShare(hash).state.data).toEqual(long.data);
    const table = decodeShare(encodeShare({ ...BASE, data: { kind: 'inline', text: '1,2\n', fileName: 'a.csv' } }).hash).state.data;
    expect(table).toEqual({ kind: 'inline', text: '1,2\n', fileName: 'a.csv' });
  });

  it('writes only the dataset fields of the dataset kind', () => {
    expect(encodeShare({ ...BASE, data: { kind: 'uniform', rows: 3, cols: 4, seed: 5 } }).hash).toMatch(
      /^v=3&data=uniform&rows=3&cols=4&dseed=5&alg=/,
    );
    expect(encodeShare({ ...BASE, data: null }).hash).toMatch(/^v=3&data=none&alg=/);
    expect(encodeShare({ ...BASE, data: { kind: 'inline', text: '1,2\n', fileName: 'a b.csv' } }).hash).toBe(
      `v=3&data=inline&name=a%20b.csv&csv=${LZString.compressToEncodedURIComponent('1,2\n')}&long=0&alg=anls&rank=2&init=random&seed=1&maxIter=200&tol=0.000001&target=0&eps=1e-9&lr=0.001&l2=0.01&project=1&speed=max&iter=0`,
    );
  });

  it('reads a hash that is not canonical (other order, defaults left out) and writes it canonically', () => {
    const d = decodeShare('#iter=3&rank=4&data=example&example=tutorial');
    expect(d.ignored).toEqual([]);
    expect(d.state).toEqual({ ...withOptions({ rank: 4 }), data: { kind: 'example', id: 'tutorial' }, iteration: 3 });
    expect(encodeShare(d.state).hash).toBe(
      'v=3&data=example&example=tutorial&alg=anls&rank=4&init=random&seed=1&maxIter=200&tol=0.000001&target=0&eps=1e-9&lr=0.001&l2=0.01&project=1&speed=max&iter=3',
    );
  });

  it('opens a version-1 link that names no algorithm with hals, the default when it was made, and writes it back naming hals', () => {
    const old = decodeShare('v=1&data=example&example=tutorial&rank=2&maxIter=50');
    expect(old.ignored).toEqual([]);
    expect(old.newer).toBeNull();
    expect(old.state.options.algorithm).toBe('hals');
    // its anls would not have extrapolated (version 3 made that the default): the switch stays off
    expect(old.state.options.params).toEqual(solverParams('hals', { extrapolate: false }));
    expect(encodeShare(old.state).hash).toMatch(/^v=3&data=example&example=tutorial&alg=hals&rank=2&init=random&/);
    // A refused value takes the link version's default too.
    const refused = decodeShare('v=1&alg=zzz');
    expect(refused.state.options.algorithm).toBe('hals');
    expect(refused.ignored).toEqual(['algorithm “zzz” (expected one of mu, kl, als, anls, hals, gd, sgd)']);
    // The algorithm a version-1 link names is kept; a version-2 link without one gets today's default.
    expect(decodeShare('v=1&alg=mu').state.options.algorithm).toBe('mu');
    expect(decodeShare('v=2&data=example&example=tutorial').state.options.algorithm).toBe(DEFAULT_OPTIONS.algorithm);
    expect(DEFAULT_OPTIONS.algorithm).toBe('anls');
  });

  it('a link before version 3 ran anls without extrapolation: it opens so and writes extrap=0; a version-3 link without the field extrapolates', () => {
    const old = decodeShare('v=2&data=example&example=tutorial&alg=anls');
    expect(old.ignored).toEqual([]);
    expect(old.state.options.params.extrapolate).toBe(false);
    expect(encodeShare(old.state).hash).toMatch(/&project=1&extrap=0&speed=/);
    expect(decodeShare('v=1&alg=anls').state.options.params.extrapolate).toBe(false);
    expect(decodeShare('v=3&data=example&example=tutorial&alg=anls').state.options.params.extrapolate).toBe(true);
    expect(decodeShare('v=3&alg=anls&extrap=0').state.options.params.extrapolate).toBe(false);
  });

  it('gives parameters left out the chosen algorithm’s own defaults', () => {
    const d = decodeShare('alg=sgd');
    expect(d.state.options.params).toEqual(solverParams('sgd'));
    expect(decodeShare('alg=sgd&lr=0.5').state.options.params).toEqual({ ...solverParams('sgd'), learningRate: 0.5 });
  });
});

describe('share link with data too large for it', () => {
  it('leaves the data out, says how large it was, and keeps every other field', () => {
    // Pseudo-random digits barely compress: about 2 characters of text per character of link.
    let x = 1;
    const cells = Array.from({ length: 20_000 }, () => ((x = (x * 48271) % 2147483647) / 2147483647).toString());
    const text = cells.join(',');
    const s: ShareState = { ...withOptions({ rank: 3, seed: 9 }), data: { kind: 'inline', text, fileName: 'big.csv' }, iteration: 12 };
    const e = encodeShare(s);
    const compressed = LZString.compressToEncodedURIComponent(text).length;
    expect(compressed).toBeGreaterThan(LINK_DATA_LIMIT);
    expect(e.tooLargeKB).toBe(Math.ceil(compressed / 1000));
    expect(e.hash).toMatch(/^v=3&data=none&alg=anls&rank=3&init=random&seed=9&/);
    expect(decodeShare(e.hash)).toEqual({ state: { ...s, data: null }, ignored: [], empty: false, newer: null });
  });

  it('does not even compress text over 400 kB, and gives its own size', () => {
    const text = '1,'.repeat(250_000);
    expect(encodeShare({ ...BASE, data: { kind: 'inline', text, fileName: 'huge.csv' } }).tooLargeKB).toBe(500);
  });

  it('keeps data that fits even when the text itself is longer than the limit', () => {
    const text = '0,0,0,0,0,0,0,0\n'.repeat(5000); // 80 kB that compresses to well under the limit
    const s: ShareState = { ...BASE, data: { kind: 'inline', text, fileName: 'zeros.csv' } };
    expect(roundTrip(s).state).toEqual(s);
  });
});

describe('share link garbage', () => {
  it('treats an empty hash as no link', () => {
    for (const h of ['', '#', '#&&', '&']) expect(decodeShare(h)).toEqual({ state: BASE, ignored: [], empty: true, newer: null });
  });

  const cases: [string, string, string][] = [
    ['not a number', 'rank=abc', 'rank “abc” (expected a whole number from 1 to 10000000)'],
    ['not a whole number', 'rank=2.5', 'rank “2.5” (expected a whole number from 1 to 10000000)'],
    ['below the range', 'rank=0', 'rank “0” (expected a whole number from 1 to 10000000)'],
    ['above the range', 'iter=1000001', 'iteration “1000001” (expected a whole number from 0 to 1000000)'],
    ['a negative iteration', 'iter=-1', 'iteration “-1” (expected a whole number from 0 to 1000000)'],
    ['a negative tolerance', 'tol=-1', 'tolerance “-1” (expected a number ≥ 0)'],
    ['NaN', 'tol=NaN', 'tolerance “NaN” (expected a number ≥ 0)'],
    ['Infinity', 'target=Infinity', 'target error “Infinity” (expected a number ≥ 0)'],
    ['hexadecimal', 'eps=0x10', 'epsilon “0x10” (expected a number ≥ 0)'],
    ['an empty value', 'seed=', `seed “” (expected a whole number from -${Number.MAX_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER})`],
    ['spaces around a number', 'maxIter=%2050', 'max iterations “ 50” (expected a whole number from 1 to 1000000)'],
    ['iterations over the cap', 'maxIter=1000000000000', 'max iterations “1000000000000” (expected a whole number from 1 to 1000000)'],
    [
      'a seed beyond exact integers',
      'seed=1e300',
      `seed “1e300” (expected a whole number from -${Number.MAX_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER})`,
    ],
    ['a zero learning rate', 'lr=0', 'learning rate “0” (expected a number > 0)'],
    ['an unknown algorithm', 'alg=magic', 'algorithm “magic” (expected one of mu, kl, als, anls, hals, gd, sgd)'],
    ['an initialization the app cannot use', 'init=given', 'initialization “given” (expected one of random, nndsvd, nndsvda)'],
    ['an unknown switch value', 'project=yes', 'projection “yes” (expected one of 1, 0)'],
    ['an unknown precision', 'prec=float16', 'precision “float16” (expected one of float64, float32)'],
    ['an unknown speed', 'speed=fast', 'speed “fast” (expected max or a number > 0 and ≤ 10000)'],
    ['a zero speed', 'speed=0', 'speed “0” (expected max or a number > 0 and ≤ 10000)'],
    ['a link version below 1', 'v=0', `link version “0” (expected a whole number from 1 to ${Number.MAX_SAFE_INTEGER})`],
    ['an unknown view', 'view=gallery', 'view “gallery” (expected one of main, explore, restarts, compare, learn)'],
    ['an unknown embed value', 'embed=yes', 'embed “yes” (expected one of 1, 0)'],
    ['an unknown field', 'colour=red', 'unknown field “colour”'],
    ['a field without a value', 'seed', 'seed (no value)'],
    ['a field given twice', 'rank=3&rank=5', 'rank given twice (the first was used)'],
    ['bad percent-encoding in a value', 'name=%E0%A4%A&data=inline', 'file name (not valid percent-encoding)'],
    ['bad percent-encoding in a key', '%ZZ=1', 'unknown field “%ZZ”'],
    ['an object key', '__proto__=1', 'unknown field “__proto__”'],
    ['a long value', `alg=${'x'.repeat(100)}`, `algorithm “${'x'.repeat(40)}…” (expected one of mu, kl, als, anls, hals, gd, sgd)`],
  ];
  it.each(cases)('ignores %s, naming it', (_what, hash, message) => {
    const d = decodeShare(`#${hash}`);
    expect(d.ignored).toContain(message);
    expect(d.empty).toBe(false);
  });

  it('keeps the good fields beside the bad ones and uses defaults for the bad', () => {
    const d = decodeShare('#rank=abc&alg=mu&seed=7&tol=-3&iter=12&data=example&example=tutorial');
    expect(d.state).toEqual({
      ...withOptions({ algorithm: 'mu', seed: 7, params: solverParams('mu') }),
      data: { kind: 'example', id: 'tutorial' },
      iteration: 12,
    });
    expect(d.ignored).toEqual(['rank “abc” (expected a whole number from 1 to 10000000)', 'tolerance “-3” (expected a number ≥ 0)']);
    expect(describeIgnored(d.ignored)).toBe(
      'Ignored in the link (defaults used instead): rank “abc” (expected a whole number from 1 to 10000000); tolerance “-3” (expected a number ≥ 0).',
    );
  });

  it('names at most five ignored fields in its notice and counts the rest', () => {
    const hash = Array.from({ length: 2000 }, (_, i) => `junk${i}=1`).join('&');
    const d = decodeShare(`${hash}&rank=3`);
    expect(d.state.options.rank).toBe(3);
    expect(d.ignored).toHaveLength(2000);
    expect(describeIgnored(d.ignored)).toBe(
      'Ignored in the link (defaults used instead): unknown field “junk0”; unknown field “junk1”; unknown field “junk2”; unknown field “junk3”; unknown field “junk4”; and 1995 more.',
    );
  });

  it('uses the default dataset for a dataset kind it does not know, or a spec whose fields do not fit together', () => {
    const example = { kind: 'example', id: 'lowrank' };
    expect(decodeShare('data=image&rows=3').state.data).toEqual(example);
    const a = decodeShare('data=lowrank&rows=3&cols=4&prank=5');
    expect(a.state.data).toEqual(example);
    expect(a.ignored).toEqual(['the planted rank 5 is more than min(rows, columns) = 3']);
    const b = decodeShare('data=uniform&rows=10000&cols=10000');
    expect(b.state.data).toEqual(example);
    expect(b.ignored).toEqual(['the dataset 10000×10000 has more than 10,000,000 entries']);
    expect(decodeShare('data=ratings&density=0').ignored).toEqual(['observed fraction “0” (expected a number > 0 and ≤ 1)']);
  });

  it('names dataset fields that the dataset kind does not use', () => {
    expect(decodeShare('data=example&example=tutorial&rows=5&csv=abc').ignored).toEqual([
      'rows (not used by dataset kind example)',
      'inline data (not used by dataset kind example)',
    ]);
  });

  it('ignores inline data that is not compressed text, and data=inline without any', () => {
    const example = { kind: 'example', id: 'lowrank' };
    for (const csv of ['!!!', 'zzzzzzzz', 'abc', 'AAAA', '']) {
      const d = decodeShare(`data=inline&csv=${csv}&rank=3`);
      expect(d.state.data).toEqual(example);
      expect(d.state.options.rank).toBe(3);
      expect(d.ignored).toEqual(['inline data (could not be decompressed)']);
    }
    expect(decodeShare('data=inline').ignored).toEqual(['the inline data is empty']);
    const long = decodeShare(`data=inline&csv=${'A'.repeat(LINK_DATA_LIMIT + 1)}`);
    expect(long.ignored[0]).toMatch(/^inline data “A{40}…” \(expected text of at most 16000 characters\)$/);
  });

  it('never throws, and always gives a state that can be written again (property)', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc
        .tuple(
          fc.constantFrom(
            'v',
            'data',
            'example',
            'rows',
            'cols',
            'prank',
            'noise',
            'density',
            'dseed',
            'name',
            'csv',
            'alg',
            'rank',
            'init',
            'seed',
            'maxIter',
            'tol',
            'target',
            'eps',
            'lr',
            'l2',
            'project',
            'speed',
            'iter',
            'view',
            'embed',
          ),
          fc.string({ unit: 'binary' }),
        )
        .map(([k, v]) => `${k}=${v}`),
      fc
        .tuple(
          fc.constantFrom('data', 'alg', 'init', 'example'),
          fc.constantFrom('inline', 'lowrank', 'ratings', 'uniform', 'none', 'mu', 'nndsvd', 'swimmer'),
        )
        .map(([k, v]) => `${k}=${v}`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const d = decodeShare(`#${pieces.join('&')}`);
        const again = decodeShare(encodeShare(d.state).hash);
        expect(again.state).toEqual(d.state);
      }),
      { numRuns: 500 },
    );
  });

  it('copes with a very long hash', () => {
    const d = decodeShare(`#rank=4&${'x'.repeat(1_000_000)}`);
    expect(d.state.options.rank).toBe(4);
    expect(d.ignored).toEqual([`unknown field “${'x'.repeat(40)}…”`]);
  });
});
