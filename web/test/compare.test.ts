// The Compare algorithms race driven in Node with the real wasm engine and a virtual clock: same
// start for all, the same trajectories as solo runs, failures and divergence confined to their row.
import { beforeEach, describe, expect, it } from 'vitest';
import { loadProblem, type Problem } from '../../src/core/problem.js';
import { lowRank, ratings } from '../../src/data/generate.js';
import { Factorization } from '../../src/driver/factorization.js';
import { solverParams, type RunOptions } from '../../src/driver/options.js';
import type { Engine } from '../../src/wasm/engine.js';
import { createEngineNode } from '../../src/wasm/node.js';
import { defaultOptions } from '../state/options.js';
import { applyUpdate, finalErrorText, started, stopText } from '../views/compare/compareState.js';
import type { CompareEvent } from '../views/compare/protocol.js';
import { Race, raceOptions } from '../views/compare/race.js';
import { MAX_POINTS, rowPoints } from '../views/compare/compareFigure.js';

const options: RunOptions = { ...defaultOptions(), algorithm: 'hals', rank: 3, maxIter: 40, tol: 0, seed: 5 };

let engine: Engine;
let dense: Problem;
let clock: number;
const now = () => (clock += 0.5);

beforeEach(async () => {
  engine = await createEngineNode();
  dense = loadProblem(engine, lowRank({ rows: 30, cols: 20, rank: 3, noise: 0.01, seed: 2 }));
  clock = 0;
});

/** Runs the race to the end in slices, folding every update into the view's state. */
function raceToEnd(race: Race, algorithms: Parameters<typeof started>[0]) {
  let s = started(algorithms);
  const events: CompareEvent[] = [];
  const push = () => {
    const ev = { rows: race.takeUpdates(), done: race.done };
    events.push(ev);
    s = applyUpdate(s, ev);
  };
  push();
  for (let i = 0; i < 10_000 && !race.done; i++) {
    race.slice(5);
    push();
  }
  return { state: s, events };
}

describe('Race (Compare algorithms)', () => {
  it('starts every algorithm from the same W0, H0 and gives each the trajectory of its solo run', () => {
    const algorithms = ['mu', 'hals', 'anls'] as const;
    const { state } = raceToEnd(new Race(engine, dense, options, algorithms, now), algorithms);
    expect(state.phase).toBe('done');
    const initial = state.rows[0].initial;
    expect(initial).toBeGreaterThan(0);
    for (const row of state.rows) {
      expect(row.initial).toBe(initial);
      expect(row.iteration).toBe(40);
      expect(row.stop?.reason).toBe('max-iter');
      const mark = engine.mark();
      const solo = new Factorization(engine, dense, { ...raceOptions(options, row.algorithm), restarts: 1 });
      while (!solo.stop) solo.step();
      expect(row.history).toEqual(Array.from(solo.history));
      engine.release(mark);
      // its own clock: one time per iteration, never going back
      expect(row.seconds).toHaveLength(row.history.length);
      for (let i = 1; i < row.seconds.length; i++) expect(row.seconds[i]).toBeGreaterThanOrEqual(row.seconds[i - 1]);
    }
    // HALS and ANLS end far below MU after the same 40 iterations
    const final = (id: string) => state.rows.find((r) => r.algorithm === id)!.history.at(-1)!;
    expect(final('hals')).toBeLessThan(final('mu'));
    expect(final('anls')).toBeLessThan(final('mu'));
  });

  it('uses the current parameters for the current algorithm and each other algorithm’s defaults', () => {
    const o = { ...options, algorithm: 'gd' as const, params: { ...solverParams('gd'), learningRate: 0.5 } };
    expect(raceOptions(o, 'gd').params.learningRate).toBe(0.5);
    expect(raceOptions(o, 'sgd').params).toEqual(solverParams('sgd'));
    expect(raceOptions(o, 'mu').algorithm).toBe('mu');
  });

  it('shows why an algorithm cannot take the data in its row', () => {
    const algorithms = ['kl', 'als'] as const;
    const { state } = raceToEnd(new Race(engine, dense, { ...options, rank: 25 }, algorithms, now), algorithms);
    expect(state.phase).toBe('done');
    for (const row of state.rows) {
      expect(row.failure).toBe('cannot run: rank 25 is out of range: it must be an integer from 1 to min(m, n) = 20 for a 30×20 matrix');
      expect(stopText(row)).toBe(row.failure);
      expect(finalErrorText(row)).toBe('—');
      expect(row.iteration).toBe(0);
    }
  });

  it('runs every algorithm on data with missing entries', () => {
    const missing = loadProblem(engine, ratings({ rows: 30, cols: 20, rank: 3, density: 0.4, seed: 3 }));
    const algorithms = ['kl', 'als', 'sgd'] as const;
    const { state } = raceToEnd(new Race(engine, missing, options, algorithms, now), algorithms);
    for (const row of state.rows) {
      expect(row.failure).toBeNull();
      expect(row.stop).not.toBeNull();
      expect(row.history.length).toBe(row.iteration);
    }
  });

  it('stops a diverging gradient descent with its reason and lets the others go on', () => {
    const o = { ...options, algorithm: 'gd' as const, params: { ...solverParams('gd'), learningRate: 5 } };
    const algorithms = ['gd', 'hals'] as const;
    const { state } = raceToEnd(new Race(engine, dense, o, algorithms, now), algorithms);
    const [gd, hals] = state.rows;
    expect(gd.stop?.reason).toBe('diverged');
    expect(stopText(gd)).toMatch(/^diverged at iteration \d+/);
    expect(gd.iteration).toBeLessThan(40);
    expect(hals.stop?.reason).toBe('max-iter');
    expect(hals.iteration).toBe(40);
  });

  it('sends each point once: updates append where the last one ended', () => {
    const algorithms = ['mu', 'hals'] as const;
    const { state, events } = raceToEnd(new Race(engine, dense, options, algorithms, now), algorithms);
    for (const id of algorithms) {
      let sent = 0;
      for (const ev of events) {
        const u = ev.rows.find((r) => r.algorithm === id);
        if (!u) continue;
        expect(u.from).toBe(sent);
        sent += u.history.length;
      }
      expect(sent).toBe(state.rows.find((r) => r.algorithm === id)!.history.length);
    }
    expect(events.at(-1)!.done).toBe(true);
  });
});

describe('compare plot points', () => {
  const row = (n: number) => ({
    ...started(['mu']).rows[0],
    initial: 0.9,
    history: Array.from({ length: n }, (_, i) => 1 / (i + 2)),
    seconds: Array.from({ length: n }, (_, i) => (i + 1) / 1000),
  });

  it('starts each curve at the shared initial error, at iteration 0 or 0 s', () => {
    const r = row(3);
    expect(rowPoints(r, 'iteration')).toEqual({ x: [0, 1, 2, 3], y: [0.9, 1 / 2, 1 / 3, 1 / 4] });
    expect(rowPoints(r, 'seconds').x).toEqual([0, 0.001, 0.002, 0.003]);
  });

  it('draws at most MAX_POINTS of a long history, always its last iteration', () => {
    const n = 4 * MAX_POINTS + 7;
    const p = rowPoints(row(n), 'iteration');
    expect(p.x.length).toBeLessThanOrEqual(MAX_POINTS + 2);
    expect(p.x.at(-1)).toBe(n);
    expect(p.y.at(-1)).toBe(1 / (n + 1));
    for (let i = 1; i < p.x.length; i++) expect(p.x[i]).toBeGreaterThan(p.x[i - 1]);
  });

  it('leaves out what a log axis cannot show', () => {
    const r = { ...row(2), history: [0, Number.NaN] };
    expect(rowPoints(r, 'iteration').y).toEqual([0.9, null, null]);
  });
});
