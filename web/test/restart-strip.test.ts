// The strip plot's data: one dot per finished restart at its final error, the best marked, close
// dots stacked, diverged ones at the end, the text alternative.
import { describe, expect, it } from 'vitest';
import { stripData } from '../plots/restarts/stripData.js';
import type { RestartFinal, RestartsProgress } from '../shared/protocol.js';

const fin = (seed: number, relError: number, stopReason: RestartFinal['stopReason'] = 'tolerance'): RestartFinal => ({
  seed,
  relError,
  objective: relError ** 2,
  iterations: 50,
  stopReason,
});

function progress(finished: RestartFinal[], best: number, total = finished.length): RestartsProgress {
  return { total, current: best, seed: finished[best]?.seed ?? 1, done: finished.length === total, finished, best };
}

describe('stripData', () => {
  it('is null before any restart finished', () => {
    expect(stripData({ total: 3, current: 0, seed: 1, done: false, finished: [], best: -1 })).toBeNull();
  });

  it('places each restart by its final error on a padded axis, in order, the best marked', () => {
    const d = stripData(progress([fin(1, 0.2), fin(2, 0.1), fin(3, 0.3)], 1))!;
    expect(d.points.map((p) => p.seed)).toEqual([1, 2, 3]);
    expect(d.lo).toBeCloseTo(0.1 - 0.012, 12);
    expect(d.hi).toBeCloseTo(0.3 + 0.012, 12);
    for (const p of d.points) expect(p.at).toBeCloseTo((p.relError - d.lo) / (d.hi - d.lo), 12);
    expect(d.points[1].at).toBeLessThan(d.points[0].at);
    expect(d.points.map((p) => p.best)).toEqual([false, true, false]);
    expect(d.points[1].label).toBe('seed 2: 0.1000 (best)');
    expect(d.rows).toBe(1);
    expect(d.ticks.length).toBeGreaterThanOrEqual(2);
    expect(d.ticks.every((t) => t.at >= 0 && t.at <= 1)).toBe(true);
    expect(d.summary).toBe('Final relative error of 3 of 3 restarts: 0.1000 to 0.3000; best 0.1000 (seed 2).');
  });

  it('stacks dots that would overlap; equal errors get a small range around them', () => {
    const d = stripData(progress([fin(1, 0.05), fin(2, 0.05), fin(3, 0.05)], 0, 5))!;
    expect(d.points.map((p) => p.row)).toEqual([0, 1, 2]);
    expect(d.rows).toBe(3);
    expect(d.lo).toBeLessThan(0.05);
    expect(d.hi).toBeGreaterThan(0.05);
    expect(d.points[0].at).toBeCloseTo(0.5, 12);
    expect(d.summary).toMatch(/^Final relative error of 3 of 5 restarts: 0.05000 to 0.05000; best/);
  });

  it('a diverged restart sits at the right end, named, out of the range', () => {
    const d = stripData(progress([fin(1, 0.2), fin(2, Number.NaN, 'diverged'), fin(3, 0.1)], 2))!;
    expect(d.points[1]).toMatchObject({ at: 1, diverged: true, label: 'seed 2: diverged' });
    expect(d.hi).toBeLessThan(0.3);
    expect(d.summary).toBe('Final relative error of 3 of 3 restarts: 0.1000 to 0.2000, 1 diverged; best 0.1000 (seed 3).');
  });
});
