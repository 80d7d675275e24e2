// The mask's index lists (src/solvers/als-mask.ts): which rows build each column's Gram and
// which columns build each row's, summed (mode 0) or subtracted from the full Gram (mode 1).
import { expect, it } from 'vitest';
import { columnLists, rowLists, type MaskLists } from '../src/solvers/als-mask.js';
import { createEngineNode } from '../src/wasm/node.js';
import type { Engine } from '../src/wasm/engine.js';

function read(engine: Engine, l: MaskLists) {
  const ptr = Array.from(engine.viewI32(l.ptr, l.count + 1));
  const idx = Array.from(engine.viewI32(l.idx, l.total));
  return {
    mode: Array.from(engine.viewI32(l.mode, l.count)),
    lists: Array.from({ length: l.count }, (_, j) => idx.slice(ptr[j], ptr[j + 1])),
  };
}

it('lists the fewer of the observed and the missing entries of each column and row', async () => {
  const engine = await createEngineNode();
  // 4×3 mask: column 0 fully observed, column 1 has one missing row (2), column 2 observes only row 3.
  const M = engine.matFrom(4, 3, [
    1, 1, 0,
    1, 1, 0,
    1, 0, 0,
    1, 1, 1,
  ]);
  const cols = columnLists(engine, M);
  expect(read(engine, cols)).toEqual({ mode: [1, 1, 0], lists: [[], [2], [3]] });
  expect(cols.total).toBe(2);
  const rows = rowLists(engine, M);
  // Rows 0, 1 observe 2 of 3 (subtract the missing column 2); row 2 observes 1 (sum it); row 3 all.
  expect(read(engine, rows)).toEqual({ mode: [1, 1, 0, 1], lists: [[2], [2], [0], []] });
});
