// The Learn panel's content and Step diagnostics: every algorithm's formulas parse in KaTeX, and
// the changes of one step are measured on the factors shown before and after it.
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { ALGORITHM_IDS } from '../../src/solvers/registry.js';
import { asDisplay } from '../shared/blocks.js';
import { LESSONS, NOTATION } from '../views/learn/lessons.js';
import { stepChange } from '../views/learn/stepDiagnostics.js';

describe('Learn lessons', () => {
  it('has an objective, update rules and a non-negativity sentence for every registered algorithm, all valid TeX', () => {
    for (const id of ALGORITHM_IDS) {
      const l = LESSONS[id];
      expect(l, id).toBeDefined();
      expect(l.updates.length).toBeGreaterThan(0);
      expect(l.nonNegative.length).toBeGreaterThan(20);
      for (const f of [l.objective, ...l.updates]) {
        const html = katex.renderToString(f.tex, { throwOnError: true, displayMode: true });
        expect(html).toContain('class="katex-display"');
      }
    }
    for (const n of NOTATION) expect(() => katex.renderToString(n.tex, { throwOnError: true })).not.toThrow();
  });
});

describe('stepChange', () => {
  const shown = (iteration: number, W: number[][], H: number[][]) => {
    const dense = (rows: number[][]) => ({ rows: rows.length, cols: rows[0].length, data: Float64Array.from(rows.flat()) });
    return { iteration, W: asDisplay(dense(W)), H: asDisplay(dense(H)) };
  };

  it('ranks the rows of H by how far they moved and measures both steps', () => {
    const before = shown(
      3,
      [[1, 0]],
      [
        [1, 1],
        [2, 0],
      ],
    );
    const after = shown(
      4,
      [[1, 3]],
      [
        [1, 2],
        [2, 3],
      ],
    );
    const c = stepChange(before, after)!;
    expect(c.iteration).toBe(4);
    expect(c.rows.map((r) => r.row)).toEqual([1, 0]);
    expect(c.rows[0].change).toBe(3);
    expect(c.rows[0].relative).toBe(1.5);
    expect(c.rows[1].change).toBe(1);
    expect(c.rows[1].relative).toBeCloseTo(1 / Math.SQRT2, 15);
    expect(c.stepH).toBeCloseTo(Math.sqrt(10), 15);
    expect(c.stepW).toBe(3);
    expect(c.averaged).toBe(false);
  });

  it('compares only consecutive iterations of factors of one shape', () => {
    const a = shown(1, [[1]], [[1]]);
    expect(stepChange(a, shown(3, [[1]], [[2]]))).toBeNull();
    expect(stepChange(a, shown(2, [[1, 2]], [[1], [2]]))).toBeNull();
    expect(stepChange(a, shown(2, [[1]], [[1]]))!.stepH).toBe(0);
  });

  it('says a zero row that moved moved infinitely far relative to its size', () => {
    const c = stepChange(shown(0, [[1]], [[0, 0]]), shown(1, [[1]], [[0, 1]]))!;
    expect(c.rows[0].relative).toBe(Infinity);
  });
});
