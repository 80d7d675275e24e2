// The worker's display extremes of WH and V − WH formed in wasm (web/worker/productRows.ts:
// WH's rows by the gemm, each cell's extremes by assembly/extremes.ts) against the plain-JS
// productExtremes, on data held as is and on data the driver scales by a power of two (1e200),
// with and without missing entries, over several panels of rows and blocks of 2×3 entries (the
// last ones partial).
import { describe, expect, it } from 'vitest';
import { loadProblem } from '../../src/core/problem.js';
import { lowRank } from '../../src/data/generate.js';
import { Factorization } from '../../src/driver/factorization.js';
import { DEFAULT_OPTIONS } from '../../src/driver/options.js';
import { createEngineNode } from '../../src/wasm/node.js';
import { displayFactors, PANEL_ROWS, productExtremes, rowsOfWH } from '../worker/display.js';
import { wasmProductExtremes } from '../worker/productRows.js';

describe('display extremes formed in wasm', () => {
  for (const factor of [1, 1e200]) {
    for (const missing of [false, true]) {
      it(`equal the plain-JS ones to rounding (data ×${factor}${missing ? ', 15% missing and one whole cell' : ''}, ${2 * PANEL_ROWS + 75}×500)`, async () => {
        const engine = await createEngineNode();
        const [m, n] = [2 * PANEL_ROWS + 75, 500];
        const d = lowRank({ rows: m, cols: n, rank: 3, noise: 0.1, seed: 2 });
        // cell (0, 0) is rows 0–1 × columns 0–2: all of it missing in the masked case
        const gone = (t: number) => missing && ((t * 7919) % 100 < 15 || (t < 2 * n && t % n < 3));
        const data = { ...d, values: d.values.map((x, t) => (gone(t) ? NaN : x * factor)) };
        const problem = loadProblem(engine, data);
        expect(problem.scale === 1).toBe(factor === 1);
        const f = new Factorization(engine, problem, { ...DEFAULT_OPTIONS, rank: 3 });
        f.step();
        const W = f.factorW().slice();
        const H = f.factorH().slice();
        const shown = displayFactors(W, H, m, 3, n);
        expect([shown.WH.blockRows, shown.WH.blockCols]).toEqual([2, 3]);
        const used = engine.used;
        const fast = wasmProductExtremes(f, shown.WH)!;
        expect(engine.used).toBe(used); // its scratch is freed
        const slow = productExtremes(data.values, rowsOfWH(W, H, 3, n), shown.WH)!;
        for (const key of ['WH', 'R'] as const) {
          for (const side of ['min', 'max'] as const) {
            const a = fast[key][side];
            const b = slow[key][side];
            expect(a.length).toBe(b.length);
            let worst = 0;
            let nanAgree = true;
            for (let t = 0; t < a.length; t++) {
              if (Number.isNaN(a[t]) || Number.isNaN(b[t])) nanAgree &&= Number.isNaN(a[t]) && Number.isNaN(b[t]);
              else worst = Math.max(worst, Math.abs(a[t] - b[t]) / (Math.abs(b[t]) + factor));
            }
            expect([key, side, worst < 1e-12, nanAgree]).toEqual([key, side, true, true]);
          }
        }
        // a cell with no observed entry has no residual, but WH is there
        expect([Number.isNaN(fast.R.min[0]), Number.isNaN(fast.R.max[0]), Number.isNaN(fast.WH.min[0])]).toEqual([missing, missing, false]);
        engine.close();
      });
    }
  }

  it('is null when V is shown as is', async () => {
    const engine = await createEngineNode();
    const d = lowRank({ rows: 30, cols: 20, rank: 2, noise: 0.1, seed: 1 });
    const f = new Factorization(engine, loadProblem(engine, d), { ...DEFAULT_OPTIONS, rank: 2 });
    expect(wasmProductExtremes(f, displayFactors(f.factorW(), f.factorH(), 30, 2, 20).WH)).toBeNull();
    engine.close();
  });
});
