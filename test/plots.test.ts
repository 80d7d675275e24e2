// The pure parts of the plots (web/plots): axis ticks, tick positions and hover names, colour ranges,
// the loss plot's axes and log ticks, text alternatives. Colour tables and the frame queue are in
// test/plots-draw.test.ts; the loss plot's plotly traces, updates and layout in test/plots-loss.test.ts.
import { describe, expect, it } from 'vitest';
import { cellAt, indexTicks, sourcePosition, spanName, tickStep, valueTicks } from '../web/plots/axes.js';
import { DIVERGING, niceRange, openRange, symmetricRange, unionRange, valueRange } from '../web/plots/heatmap/colors.js';
import { firstPoint, logLabel, logTicks, lossAxes, positiveRange, roundUp, valueAt, type LossSeries } from '../web/plots/loss/lossScale.js';
import { blockNote, fileName, lossSummary, matrixSummary, shortNumber } from '../web/plots/summary.js';

describe('axis ticks', () => {
  it('label every index when they fit, 1-based', () => {
    expect(indexTicks(6, 10)).toEqual({ tickvals: [1, 2, 3, 4, 5, 6], ticktext: ['1', '2', '3', '4', '5', '6'] });
  });

  it('thin out to 1 and multiples of a round step on long sides', () => {
    expect(tickStep(2000, 10)).toBe(200);
    expect(indexTicks(2000, 10).tickvals).toEqual([1, 200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000]);
    expect(indexTicks(9, 5).tickvals).toEqual([1, 3, 5, 7, 9]);
  });

  it('use the given labels as tick texts, as typed (the DOM shows them as text)', () => {
    const t = indexTicks(3, 10, ['a', '<b>', 'c&d']);
    expect(t.ticktext).toEqual(['a', '<b>', 'c&d']);
  });

  it('name single cells and blocks in hover, with labels when given', () => {
    expect(spanName('row', 2, 1, 5)).toBe('row 3');
    expect(spanName('row', 2, 1, 5, ['a', 'b', 'c', 'd', 'e'])).toBe('row 3 (c)');
    expect(spanName('row', 1, 10, 2000)).toBe('rows 11–20');
    expect(spanName('col', 1, 2, 3, ['x', 'y', 'z'])).toBe('col 3 (z)');
    expect(spanName('col', 0, 2, 3, ['x', 'y', '<z>'])).toBe('cols 1–2 (x … y)');
    expect(spanName('col', 1, 2, 3, ['x', 'y', '<z>'])).toBe('col 3 (<z>)');
    expect(spanName('row', 199, 10, 1995)).toBe('rows 1991–1995');
  });

  it('place a source index at the centre of its cell, shifted within its block', () => {
    expect(sourcePosition(1, 1, 4)).toBe(0.125);
    expect(sourcePosition(4, 1, 4)).toBe(0.875);
    // 2000 rows in blocks of 10 on 200 cells: row 1 near the top of cell 0, row 2000 near the bottom of cell 199.
    expect(sourcePosition(1, 10, 2000)).toBeCloseTo(0.05 / 200, 12);
    expect(sourcePosition(2000, 10, 2000)).toBeCloseTo((199 + 0.95) / 200, 12);
    // A clipped last block (5 rows: 11..15 in blocks of 10) spans its whole cell.
    expect(sourcePosition(15, 10, 15)).toBeCloseTo((1 + 4.5 / 5) / 2, 12);
  });

  it('find the cell under a point, clamped to the ends', () => {
    expect(cellAt(0, 200)).toBe(0);
    expect(cellAt(0.999, 200)).toBe(199);
    expect(cellAt(1, 200)).toBe(199);
    expect(cellAt(-0.01, 5)).toBe(0);
    expect(cellAt(0.5, 5)).toBe(2);
  });

  it('label a colour bar with round values inside the range, at their place in it', () => {
    const t = valueTicks(0, 2.4, 6);
    expect(t.map((x) => x.text)).toEqual(['0', '0.5', '1.0', '1.5', '2.0']);
    expect(t[2].at).toBeCloseTo(1 / 2.4, 12);
    expect(valueTicks(-0.043, 0.043, 5).map((x) => x.text)).toEqual(['-0.04', '-0.02', '0', '0.02', '0.04']);
    expect(valueTicks(0, 2.5e6, 4).map((x) => x.text)).toEqual(['0', '1.0e6', '2.0e6']);
    expect(valueTicks(1, 1, 5)).toEqual([]);
    expect(valueTicks(NaN, 1, 5)).toEqual([]);
    for (const [lo, hi, n] of [
      [0.0813, 2.32, 5],
      [-3.7, 12.1, 6],
      [1e-5, 3e-5, 4],
    ] as const) {
      const ticks = valueTicks(lo, hi, n);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(n);
      for (const x of ticks) expect(x.value >= lo && x.value <= hi).toBe(true);
    }
  });
});

describe('colour ranges', () => {
  it('are symmetric about 0 for residuals, from the largest finite magnitude', () => {
    expect(symmetricRange([0.5, -2, NaN, 1])).toEqual([-2, 2]);
    expect(symmetricRange([NaN, 0])).toEqual([-1, 1]);
    expect(symmetricRange([Infinity, -3])).toEqual([-3, 3]);
  });

  it('join the ranges of V and WH into one, skipping NaN ends', () => {
    expect(unionRange([0.1, 2], [-0.05, 1.5])).toEqual([-0.05, 2]);
    expect(unionRange([NaN, NaN], [0, 1])).toEqual([0, 1]);
    expect(unionRange([NaN, NaN])).toBeUndefined();
  });

  it('find the range of the observed entries and count the missing ones', () => {
    expect(valueRange([1, 5, NaN, 2, -1], [1, 0, 1, 1, 1])).toEqual({ min: -1, max: 2, missing: 2 });
    expect(valueRange([NaN])).toEqual({ min: NaN, max: NaN, missing: 1 });
  });

  it('round a shared range outward to a round step of 1/100 to 1/10 of its span', () => {
    expect(niceRange([0.0453, 4.53])).toEqual([0, 4.6]);
    expect(niceRange([0.0453, 4.58])).toEqual([0, 4.6]);
    expect(niceRange([1.234, 1.2871])).toEqual([1.234, 1.288]);
    expect(niceRange([-37, 512])).toEqual([-40, 520]);
    expect(niceRange([2, 2])).toEqual([2, 2]);
  });

  it('open up the empty range of a constant matrix so the colour bar has a span', () => {
    expect(openRange([0.5, 2])).toEqual([0.5, 2]);
    expect(openRange([2, 2])).toEqual([1.9, 2.1]);
    expect(openRange([0, 0])).toEqual([-0.5, 0.5]);
  });

  it('put white at the centre of the diverging scale, blue below and red above', () => {
    expect(DIVERGING.find(([p]) => p === 0.5)?.[1]).toBe('#f7f7f7');
    expect(DIVERGING[0][1]).toBe('#2166ac');
    expect(DIVERGING[DIVERGING.length - 1][1]).toBe('#b2182b');
  });
});

describe('loss plot', () => {
  const run: LossSeries = { name: 'hals', initial: 0.6, relError: [0.3, 0.2] };

  it('starts a series at iteration 0 with its initial error', () => {
    expect([0, 1, 2, 3].map((it) => valueAt(run, it))).toEqual([0.6, 0.3, 0.2, undefined]);
    expect(firstPoint({ name: 'hals', initial: 0.6, relError: [] })).toEqual({ x: 0, y: 0.6 });
    expect(firstPoint({ name: 'hals', relError: [NaN, 0.4] })).toEqual({ x: 2, y: 0.4 });
    expect(firstPoint({ name: 'hals', initial: null, relError: [] })).toBeNull();
    expect(positiveRange([run, { name: 'mu', relError: [0, NaN, Infinity, 0.05] }])).toEqual([0.05, 0.6]);
  });

  it('shows a single point on a meaningful axis: 0 to 10 iterations, a decade or so around the value', () => {
    const a = lossAxes([{ name: 'hals', initial: 0.6, relError: [] }]);
    expect(a.xMax).toBe(10);
    expect(10 ** a.yLo).toBeLessThan(0.6);
    expect(10 ** a.yHi).toBeGreaterThan(0.6);
    expect(a.yHi - a.yLo).toBeCloseTo(1.1, 12);
    expect(logTicks(a.yLo, a.yHi, 8).map((t) => t.text)).toEqual(['0.2', '0.5', '1', '2']);
    expect(lossAxes([{ name: 'x', relError: [] }])).toEqual({ xMax: 10, yLo: -1, yHi: 0 });
  });

  it('grows the iteration axis to the next round number past the longest series', () => {
    expect(lossAxes([{ name: 'a', relError: new Array(237).fill(0.5) }]).xMax).toBe(250);
    expect([roundUp(10), roundUp(11), roundUp(201), roundUp(100000), roundUp(3)]).toEqual([10, 12, 250, 100000, 3]);
  });

  it('labels 1, 2, 5 per decade on a short log axis and powers of ten on a long one', () => {
    expect(logTicks(Math.log10(0.04), Math.log10(0.9), 10).map((t) => t.text)).toEqual(['0.05', '0.1', '0.2', '0.5']);
    expect(logTicks(-8, 0, 10).map((t) => t.text)).toEqual(['1e-8', '1e-7', '1e-6', '1e-5', '1e-4', '0.001', '0.01', '0.1', '1']);
    expect(logTicks(-16, 0, 6).map((t) => t.text)).toEqual(['1e-16', '1e-12', '1e-8', '1e-4', '1']);
    const t = logTicks(-2, 0, 10);
    expect(t[0]).toMatchObject({ value: 0.01, at: 0 });
    expect(t[t.length - 1]).toMatchObject({ value: 1, at: 1 });
    expect(logLabel(2e-5)).toBe('2e-5');
  });
});

describe('text alternatives', () => {
  it('describe a matrix by shape, range, missing entries and block averaging', () => {
    const asIs = (m: number, n: number) => ({ rows: m, cols: n, sourceRows: m, sourceCols: n, blockRows: 1, blockCols: 1 });
    expect(matrixSummary('V', asIs(60, 40), 0.01, 2.3, 0)).toBe('V: 60×40, values 0.01–2.3.');
    const big = { rows: 200, cols: 200, sourceRows: 2000, sourceCols: 1000, blockRows: 10, blockCols: 5 };
    expect(matrixSummary('V', big, 0, 1.23456, 12)).toBe(
      'V: 2000×1000, values 0–1.23, 12 missing; each cell: mean of a 10×5 block (2000×1000 shown as 200×200).',
    );
    expect(matrixSummary('R', asIs(2, 2), NaN, NaN, 4)).toBe('R: 2×2, no observed values, 4 missing.');
    expect(blockNote({ rows: 200, cols: 20, sourceRows: 2000, sourceCols: 20, blockRows: 10, blockCols: 1 })).toBe(
      'each cell: mean of a 10×1 block (2000×20 shown as 200×20)',
    );
  });

  it('describe the loss curves by their length and last value', () => {
    expect(lossSummary([])).toBe('No iterations yet.');
    expect(
      lossSummary([
        { name: 'mu', relError: [0.5, 0.0123] },
        { name: 'hals', relError: [0.2] },
      ]),
    ).toBe('mu: 2 iterations, last 0.0123; hals: 1 iteration, last 0.2.');
  });

  it('write numbers short', () => {
    expect([shortNumber(0), shortNumber(2.3456), shortNumber(0.012345), shortNumber(1.5e-7), shortNumber(-4e7)]).toEqual([
      '0',
      '2.35',
      '0.0123',
      '1.5e-7',
      '-4.0e7',
    ]);
  });

  it('name PNG downloads after the plot title', () => {
    expect(fileName('V − WH (residual)')).toBe('V-WH-residual');
    expect(fileName('‖‖')).toBe('plot');
  });
});
