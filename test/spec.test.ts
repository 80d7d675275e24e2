// DataSpec → matrix (src/data/spec.ts): one function for the worker, the link and the CLI; the
// ratings spec and its generator share the field names rows/cols; specs that cannot be made.
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/data/errors.js';
import { exampleInfo } from '../src/data/examples.js';
import { lowRank, ratings, uniformRandom } from '../src/data/generate.js';
import { parseMatrixText } from '../src/data/parse.js';
import { makeData, SPEC_KINDS, specProblem, specShape, type DataSpec } from '../src/data/spec.js';
import { DATA_KINDS } from '../src/share/table.js';

describe('makeData', () => {
  it('makes each kind with the function that kind names, the same matrix every time', () => {
    const lr = { rows: 12, cols: 9, rank: 3, noise: 0.1, seed: 5 };
    const un = { rows: 4, cols: 7, seed: 2 };
    const ra = { rows: 20, cols: 15, rank: 2, density: 0.4, seed: 3 };
    const text = 'name,a,b\nr1,1,2\nr2,3,NA\n';
    const cases: [DataSpec, unknown][] = [
      [{ kind: 'example', id: 'tutorial' }, exampleInfo('tutorial').make()],
      [{ kind: 'lowrank', ...lr }, lowRank(lr)],
      [{ kind: 'uniform', ...un }, uniformRandom(un)],
      [{ kind: 'ratings', ...ra }, ratings(ra)],
      [{ kind: 'inline', text, fileName: 'good.csv' }, parseMatrixText(text, 'good.csv')],
    ];
    for (const [spec, expected] of cases) {
      expect(makeData(spec)).toEqual(expected);
      expect(makeData(spec)).toEqual(makeData(spec));
    }
    expect(makeData({ kind: 'ratings', ...ra }).rows).toBe(20);
    expect(makeData({ kind: 'ratings', ...ra }).cols).toBe(15);
  });

  it('names the field of the spec that is wrong (rows/cols for ratings, as for lowrank)', () => {
    const bad = (spec: DataSpec) => {
      try {
        makeData(spec);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return { message: (e as InputError).message, where: (e as InputError).where };
      }
      throw new Error('expected an InputError');
    };
    expect(bad({ kind: 'ratings', rows: 0, cols: 5, rank: 1, density: 0.5, seed: 1 })).toEqual({
      message: 'rows 0 must be an integer ≥ 1',
      where: { parameter: 'rows' },
    });
    expect(bad({ kind: 'ratings', rows: 5, cols: 2.5, rank: 1, density: 0.5, seed: 1 })).toEqual({
      message: 'columns 2.5 must be an integer ≥ 1',
      where: { parameter: 'columns' },
    });
    expect(bad({ kind: 'inline', text: 'a,b\n1,x\n', fileName: 'bad.csv' })).toEqual({
      message: "bad.csv: row 2, column 2: 'x' is not a number",
      where: { file: 'bad.csv', row: 2, column: 2 },
    });
  });

  it('has the kinds the share link writes (and the link adds none)', () => {
    expect([...SPEC_KINDS, 'none']).toEqual([...DATA_KINDS]);
  });
});

describe('specShape', () => {
  it('gives the shape makeData makes for a generator or an example, and null for text', () => {
    const specs: DataSpec[] = [
      { kind: 'example', id: 'swimmer' },
      { kind: 'example', id: 'topics' },
      { kind: 'lowrank', rows: 12, cols: 9, rank: 3, noise: 0.1, seed: 5 },
      { kind: 'uniform', rows: 4, cols: 7, seed: 2 },
      { kind: 'ratings', rows: 20, cols: 15, rank: 2, density: 0.4, seed: 3 },
    ];
    for (const spec of specs) {
      const d = makeData(spec);
      expect(specShape(spec)).toEqual({ rows: d.rows, cols: d.cols });
    }
    expect(specShape({ kind: 'inline', text: '1,2\n3,4', fileName: 'a.csv' })).toBeNull();
  });
});

describe('specProblem', () => {
  it('says why fields that are each in range do not fit together, without making anything', () => {
    expect(specProblem({ kind: 'lowrank', rows: 5000, cols: 5000, rank: 3, noise: 0, seed: 1 })).toBe(
      'the dataset 5000×5000 has more than 10,000,000 entries',
    );
    expect(specProblem({ kind: 'ratings', rows: 4, cols: 3, rank: 4, density: 0.5, seed: 1 })).toBe(
      'the planted rank 4 is more than min(rows, columns) = 3',
    );
    expect(specProblem({ kind: 'inline', text: '', fileName: 'x.csv' })).toBe('the inline data is empty');
    expect(specProblem({ kind: 'uniform', rows: 4, cols: 3, seed: 1 })).toBeNull();
    expect(specProblem({ kind: 'example', id: 'lowrank' })).toBeNull();
  });
});
