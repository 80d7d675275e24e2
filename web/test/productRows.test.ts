// The worker's display extremes of WH and V − WH with WH's rows from the wasm kernels
// (web/worker/productRows.ts) against the plain-JS rows, on data held as is and on data the
// driver scales by a power of two (1e200), over several panels of rows.
import { describe, expect, it } from 'vitest';
import { loadProblem } from '../../src/core/problem.js';
import { lowRank } from '../../src/data/generate.js';
import { Factorization } from '../../src/driver/factorization.js';
import { DEFAULT_OPTIONS } from '../../src/driver/options.js';
import { createEngineNode } from '../../src/wasm/node.js';
import { displayFactors, PANEL_ROWS, productExtremes, rowsOfWH } from '../worker/display.js';
import { withWasmProduct } from '../worker/productRows.js';

describe('display extremes with WH formed in wasm', () => {
  for (const factor of [1, 1e200]) {
    it(`equal the plain-JS ones to rounding (data ×${factor}, ${3 * PANEL_ROWS + 5} rows)`, async () => {
      const engine = await createEngineNode();
      const d = lowRank({ rows: 3 * PANEL_ROWS + 5, cols: 700, rank: 3, noise: 0.1, seed: 2 });
      const data = { ...d, values: d.values.map((x) => x * factor) };
      const problem = loadProblem(engine, data);
      expect(problem.scale === 1).toBe(factor === 1);
      const f = new Factorization(engine, problem, { ...DEFAULT_OPTIONS, rank: 3 });
      f.step();
      const { m, n } = problem;
      const W = f.factorW().slice();
      const H = f.factorH().slice();
      const shown = displayFactors(W, H, m, 3, n);
      const used = engine.used;
      const fast = withWasmProduct(f, (p) => productExtremes(data.values, p, shown.WH))!;
      expect(engine.used).toBe(used); // the panel is freed
      const slow = productExtremes(data.values, rowsOfWH(W, H, 3, n), shown.WH)!;
      for (const key of ['WH', 'R'] as const) {
        for (const side of ['min', 'max'] as const) {
          const a = fast[key][side];
          const b = slow[key][side];
          expect(a.length).toBe(b.length);
          let worst = 0;
          for (let t = 0; t < a.length; t++) worst = Math.max(worst, Math.abs(a[t] - b[t]) / (Math.abs(b[t]) + factor));
          expect([key, side, worst < 1e-12]).toEqual([key, side, true]);
        }
      }
    });
  }
});
