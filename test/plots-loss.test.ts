// The plotly loss plot's pure parts (web/plots/loss/lossTraces.ts, lossFigure.ts): the points of a series
// from iteration 0, when new points are appended and when the plot is drawn again, axis ranges that
// change in steps, and the figure plotly gets (traces, start dots, a fixed layout, one PNG button).
import { describe, expect, it } from 'vitest';
import {
  LOSS_AXES,
  LOSS_COLORS,
  LOSS_MARGIN,
  escapeText,
  lossConfig,
  lossLayout,
  lossTraces,
  rangeLayout,
} from '../web/plots/loss/lossFigure.js';
import type { LossSeries } from '../web/plots/loss/lossScale.js';
import { Y_STEP, drawnOf, lossRanges, planLossDraw, planLossUpdate, sameRanges, tracePoints } from '../web/plots/loss/lossTraces.js';

describe('loss trace points', () => {
  it('start at iteration 0 with the initial error, or at 1 without one', () => {
    expect(tracePoints({ name: 'a', initial: 0.6, relError: [0.3, 0.2] })).toEqual({ x: [0, 1, 2], y: [0.6, 0.3, 0.2] });
    expect(tracePoints({ name: 'a', relError: [0.3, 0.2] })).toEqual({ x: [1, 2], y: [0.3, 0.2] });
    expect(tracePoints({ name: 'a', initial: null, relError: [] })).toEqual({ x: [], y: [] });
  });

  it('give only the points from a given iteration on, null where a log axis cannot show a value', () => {
    expect(tracePoints({ name: 'a', initial: 0.6, relError: [0.3, 0, NaN, Infinity, 0.1] }, 2)).toEqual({
      x: [2, 3, 4, 5],
      y: [null, null, null, 0.1],
    });
    expect(tracePoints({ name: 'a', initial: 0.6, relError: [0.3] }, 2)).toEqual({ x: [], y: [] });
  });
});

describe('loss plot updates', () => {
  const a: LossSeries = { name: 'hals', initial: 0.6, relError: [0.3, 0.2] };
  const b: LossSeries = { name: 'mu', relError: [] };

  it('append what each series gained since it was drawn, from the next iteration', () => {
    const drawn = drawnOf([a, b]);
    expect(planLossUpdate(drawn, [{ ...a, relError: [0.3, 0.2, 0.15, 0.1] }, b])).toEqual({ kind: 'extend', traces: [0], from: [3] });
    expect(
      planLossUpdate(drawn, [
        { ...a, relError: [0.3, 0.2, 0.15] },
        { ...b, relError: [0.5] },
      ]),
    ).toEqual({ kind: 'extend', traces: [0, 1], from: [3, 1] });
  });

  it('do nothing when nothing changed, even for a new array with the same values', () => {
    expect(planLossUpdate(drawnOf([a, b]), [{ ...a, relError: Array.from(a.relError) }, b])).toEqual({ kind: 'none' });
  });

  it('read only the new points when appending to a long series, and give the ranges a full read gives', () => {
    const values = Float64Array.from({ length: 10_010 }, (_, i) => 1 / (i + 1));
    let reads = 0;
    /** The first `n` values, counting every element read. */
    const counted = (n: number): ArrayLike<number> =>
      new Proxy(values.subarray(0, n), {
        get(target, key) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, target);
        },
      });
    const first = planLossDraw(null, [{ name: 'hals', initial: 2, relError: counted(10_000) }], 226, 560);
    expect(first.update).toEqual({ kind: 'redraw' });
    expect(reads).toBeGreaterThanOrEqual(10_000);
    reads = 0;
    const longer: LossSeries = { name: 'hals', initial: 2, relError: counted(10_010) };
    const next = planLossDraw(first.drawn, [longer], 226, 560);
    expect(next.update).toEqual({ kind: 'extend', traces: [0], from: [10_001] });
    expect(reads).toBeLessThanOrEqual(10 + 6); // the 10 new points, and the first and last ones to compare
    expect(next.ranges).toEqual(lossRanges([{ name: 'hals', initial: 2, relError: values }], 226, 560));
    reads = 0;
    expect(planLossDraw(next.drawn, [longer], 226, 560).update).toEqual({ kind: 'none' });
    expect(reads).toBeLessThanOrEqual(4);
  });

  it('draw again when a series is added, renamed, restarted, shortened or replaced, or nothing was drawn', () => {
    const drawn = drawnOf([a]);
    const redraw = { kind: 'redraw' };
    expect(planLossUpdate(null, [a])).toEqual(redraw);
    expect(planLossUpdate(drawn, [a, b])).toEqual(redraw);
    expect(planLossUpdate(drawn, [{ ...a, name: 'als' }])).toEqual(redraw);
    expect(planLossUpdate(drawn, [{ ...a, initial: 0.7, relError: [0.3, 0.2, 0.1] }])).toEqual(redraw); // a new run
    expect(planLossUpdate(drawn, [{ ...a, initial: null }])).toEqual(redraw);
    expect(planLossUpdate(drawn, [{ ...a, relError: [0.3] }])).toEqual(redraw);
    expect(planLossUpdate(drawn, [{ ...a, relError: [0.3, 0.25, 0.1] }])).toEqual(redraw);
    expect(planLossUpdate(drawn, [{ ...a, relError: [0.35, 0.2, 0.1] }])).toEqual(redraw);
  });
});

describe('loss plot ranges', () => {
  it('round the log axis outward to steps of a quarter decade, x from 0 to a round number', () => {
    const r = lossRanges([{ name: 'a', initial: 0.6, relError: [0.3, 0.2, 0.1, 0.05] }], 230, 500);
    expect(Y_STEP).toBe(0.25);
    expect(r.x).toEqual([0, 10]);
    for (const end of r.y) expect(Math.abs(end / Y_STEP - Math.round(end / Y_STEP))).toBeLessThan(1e-9);
    expect(10 ** r.y[0]).toBeLessThan(0.05);
    expect(10 ** r.y[1]).toBeGreaterThan(0.6);
    expect(r.ticktext).toEqual(['0.05', '0.1', '0.2', '0.5', '1']);
    expect(r.tickvals).toEqual([0.05, 0.1, 0.2, 0.5, 1]);
  });

  it('let hover look half an iteration to each side (at least a pixel)', () => {
    const s = (n: number) => [{ name: 'a', initial: 1, relError: new Array(n).fill(0.5) }];
    expect(lossRanges(s(5), 230, 500).hoverdistance).toBe(25); // 10 iterations on 500 px
    expect(lossRanges(s(237), 230, 500).hoverdistance).toBe(1); // 250 iterations: 2 px each
    expect(lossRanges(s(5000), 230, 500).hoverdistance).toBe(1);
  });

  it('stay the same while a falling curve moves within a step, and change when it leaves it', () => {
    const run = (n: number): LossSeries => ({ name: 'a', initial: 1, relError: Array.from({ length: n }, (_, i) => 0.5 * 0.99 ** i) });
    const changes = [];
    let last = lossRanges([run(1)], 230, 500);
    for (let n = 2; n <= 300; n++) {
      const r = lossRanges([run(n)], 230, 500);
      if (!sameRanges(last, r)) changes.push(n);
      last = r;
    }
    // 300 updates (the unrounded ends move on each); the y axis spans 2 decades at the end, the x axis passes 10, 12, 15, …, 300.
    expect(changes.length).toBeGreaterThan(5);
    expect(changes.length).toBeLessThan(25);
    expect(sameRanges(null, last)).toBe(false);
  });

  it('put fewer ticks on a short plot', () => {
    const s = [{ name: 'a', initial: 1, relError: [1e-6] }];
    expect(lossRanges(s, 300, 500).ticktext.length).toBeGreaterThan(lossRanges(s, 60, 500).ticktext.length);
  });
});

describe('loss figure', () => {
  const series: LossSeries[] = [
    { name: 'hals', initial: 0.6, relError: [0.3, 0.2] },
    { name: 'a<b> & c', relError: [NaN, 0.4] },
    { name: 'empty', relError: [] },
  ];

  it('has a line per series in its colour, then one trace of the start dots', () => {
    const traces = lossTraces(series) as Record<string, any>[];
    expect(traces).toHaveLength(4);
    expect(traces.slice(0, 3).map((t) => [t.mode, t.line.color])).toEqual([
      ['lines', LOSS_COLORS[0]],
      ['lines', LOSS_COLORS[1]],
      ['lines', LOSS_COLORS[2]],
    ]);
    expect(traces[0]).toMatchObject({ x: [0, 1, 2], y: [0.6, 0.3, 0.2], name: 'hals' });
    expect(traces[1].name).toBe('a&lt;b&gt; &amp; c');
    expect(traces[1].hovertemplate).toBe('%{y:.4~g}<extra>a&lt;b&gt; &amp; c</extra>');
    expect(traces[3]).toMatchObject({
      mode: 'markers',
      x: [0, 2],
      y: [0.6, 0.4],
      marker: { color: [LOSS_COLORS[0], LOSS_COLORS[1]] },
      hoverinfo: 'skip',
      showlegend: false,
    });
    expect(escapeText('<&>')).toBe('&lt;&amp;&gt;');
  });

  it('has a fixed size, fixed margins and explicit ranges: nothing for plotly to autosize, automargin or autorange', () => {
    const r = lossRanges(series, 226, 560);
    const layout = lossLayout(640, 300, r, true) as Record<string, any>;
    expect(layout).toMatchObject({
      width: 640,
      height: 300,
      autosize: false,
      hoverdistance: r.hoverdistance,
      margin: LOSS_MARGIN,
      showlegend: true,
      hovermode: 'x unified',
      dragmode: false,
    });
    for (const axis of [layout.xaxis, layout.yaxis])
      expect(axis).toMatchObject({ autorange: false, automargin: false, fixedrange: true, ticklabeloverflow: 'allow' });
    expect(layout.xaxis.range).toEqual(r.x);
    expect(layout.yaxis).toMatchObject({ type: 'log', range: r.y, tickmode: 'array', tickvals: r.tickvals, ticktext: r.ticktext });
    expect([layout.xaxis.title.text, layout.yaxis.title.text]).toEqual([LOSS_AXES.x, LOSS_AXES.y]);
    expect(layout.xaxis.unifiedhovertitle.text).toBe('iteration %{x}');
    expect(lossLayout(640, 300, r, false).showlegend).toBe(false);
    expect(rangeLayout(r)).toEqual({
      hoverdistance: r.hoverdistance,
      xaxis: { range: r.x, autorange: false },
      yaxis: { range: r.y, autorange: false, tickmode: 'array', tickvals: r.tickvals, ticktext: r.ticktext },
    });
  });

  it('has a config with no resize handling and the given button as the only modebar button', () => {
    const png = { name: 'png', title: 'Download x as PNG', icon: 'camera', click: () => {} };
    expect(lossConfig(png)).toMatchObject({
      responsive: false,
      displayModeBar: true,
      displaylogo: false,
      modeBarButtons: [[png]],
      scrollZoom: false,
    });
  });
});
