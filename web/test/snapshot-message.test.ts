// The worker's display snapshot (web/worker/runMessages.ts) counts the negative entries of W and H
// even when forming its extremes grows wasm memory (which detaches the views W and H were read through).
import { describe, expect, it } from 'vitest';
import { loadProblem } from '../../src/core/problem.js';
import { lowRank } from '../../src/data/generate.js';
import { Factorization } from '../../src/driver/factorization.js';
import { DEFAULT_OPTIONS, solverParams } from '../../src/driver/options.js';
import { createEngineNode } from '../../src/wasm/node.js';
import { negativeCounts } from '../worker/display.js';
import { snapshotMessage } from '../worker/runMessages.js';

describe('snapshotMessage', () => {
  it('counts negatives of W and H although its scratch grows the memory', async () => {
    const engine = await createEngineNode();
    // gd without projection leaves negative entries; a 400×300 V is shown in 2×2 blocks, so the extremes are formed
    const data = lowRank({ rows: 400, cols: 300, rank: 3, noise: 0.3, seed: 4 });
    const f = new Factorization(engine, loadProblem(engine, data), {
      ...DEFAULT_OPTIONS,
      algorithm: 'gd',
      rank: 6,
      params: { ...solverParams('gd'), project: false, learningRate: 0.05 },
    });
    for (let i = 0; i < 3; i++) f.step();
    const expected = negativeCounts(f.factorW().slice(), f.factorH().slice());
    expect(expected.W + expected.H).toBeGreaterThan(0);
    // fill the memory up to its end: the snapshot's scratch must grow it
    const memory = engine.kernels.memory;
    engine.block(memory.buffer.byteLength - engine.mark() - 64);
    const pages = memory.buffer.byteLength;
    const { msg } = snapshotMessage(f, data, 1);
    expect(memory.buffer.byteLength).toBeGreaterThan(pages);
    expect(msg.type === 'snapshot' && msg.negatives).toEqual(expected);
    engine.close();
  });
});
