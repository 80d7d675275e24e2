// What the canvas heatmaps draw and when: the colour lookup table, cells painted through it (missing
// grey, clamped ends, the diverging scale white at 0), the colour range of a grid, and the frame queue
// (latest draw wins, one heavy draw per frame, a time budget).
import { describe, expect, it } from 'vitest';
import { colorLut, cssGradient, hexRgb, LUT_SIZE, paintCells } from '../web/plots/heatmap/colormap.js';
import { colorRange, DIVERGING, MISSING_COLOR, SEQUENTIAL } from '../web/plots/heatmap/colors.js';
import { createFrameQueue } from '../web/plots/frame/frameQueue.js';

const rgbaAt = (lut: Uint8ClampedArray, t: number) => Array.from(lut.slice(4 * t, 4 * t + 4));

describe('colour lookup table', () => {
  it('starts and ends at the end stops and passes through every stop', () => {
    const lut = colorLut(SEQUENTIAL);
    expect(lut.length).toBe(LUT_SIZE * 4);
    expect(rgbaAt(lut, 0)).toEqual([...hexRgb('#440154'), 255]);
    expect(rgbaAt(lut, LUT_SIZE - 1)).toEqual([...hexRgb('#fde725'), 255]);
    const small = colorLut(SEQUENTIAL, 9); // entries exactly at the 9 stops
    SEQUENTIAL.forEach(([, c], t) => expect(rgbaAt(small, t)).toEqual([...hexRgb(c), 255]));
  });

  it('interpolates linearly between two stops', () => {
    const lut = colorLut(
      [
        [0, '#000000'],
        [1, '#ff8040'],
      ],
      5,
    );
    expect(rgbaAt(lut, 2)).toEqual([128, 64, 32, 255]);
    expect(rgbaAt(lut, 1)).toEqual([64, 32, 16, 255]);
  });

  it('rejects colours it cannot read and tables too small to interpolate', () => {
    expect(() => hexRgb('red')).toThrow("hexRgb: 'red' is not a #rrggbb colour");
    expect(() => colorLut([[0, '#000000']])).toThrow('colorLut: need at least two stops and two entries');
  });

  it('matches the colour bar gradient stop for stop, low at the bottom', () => {
    expect(
      cssGradient([
        [0, '#000000'],
        [0.5, '#808080'],
        [1, '#ffffff'],
      ]),
    ).toBe('linear-gradient(to top, #000000 0%, #808080 50%, #ffffff 100%)');
  });
});

describe('painting cells', () => {
  const grey = hexRgb(MISSING_COLOR);

  it('maps lo and hi to the ends, clamps values outside, and paints NaN grey', () => {
    const lut = colorLut(SEQUENTIAL);
    const out = new Uint8ClampedArray(5 * 4);
    paintCells([0, 2, -1, 5, NaN], 0, 2, lut, grey, out);
    const px = (i: number) => Array.from(out.slice(4 * i, 4 * i + 4));
    expect(px(0)).toEqual(rgbaAt(lut, 0));
    expect(px(1)).toEqual(rgbaAt(lut, LUT_SIZE - 1));
    expect(px(2)).toEqual(rgbaAt(lut, 0));
    expect(px(3)).toEqual(rgbaAt(lut, LUT_SIZE - 1));
    expect(px(4)).toEqual([...grey, 255]);
  });

  it('paints 0 near-white on the diverging scale of a symmetric range, negatives blue and positives red', () => {
    const lut = colorLut(DIVERGING);
    const out = new Uint8ClampedArray(3 * 4);
    paintCells([0, -1, 1], -1, 1, lut, grey, out);
    const [r0, g0, b0] = out.slice(0, 3);
    for (const c of [r0, g0, b0]) expect(c).toBeGreaterThan(240);
    expect(Array.from(out.slice(4, 7))).toEqual(hexRgb('#2166ac'));
    expect(Array.from(out.slice(8, 11))).toEqual(hexRgb('#b2182b'));
  });

  it('paints every value of an empty range with the middle colour', () => {
    const lut = colorLut(SEQUENTIAL);
    const out = new Uint8ClampedArray(2 * 4);
    paintCells([3, 3], 3, 3, lut, grey, out);
    expect(Array.from(out.slice(0, 4))).toEqual(rgbaAt(lut, Math.round((LUT_SIZE - 1) / 2)));
  });

  it('rejects an output of the wrong size with the sizes in the message', () => {
    expect(() => paintCells([1, 2], 0, 1, colorLut(SEQUENTIAL), grey, new Uint8ClampedArray(4))).toThrow('paintCells: 4 bytes for 2 cells');
  });
});

describe('colour range of a heatmap', () => {
  const grid = (means: number[]) => means;

  it('is the given shared range, or the range of the block means, opened up when it is empty', () => {
    expect(colorRange('sequential', [0, 4.6], grid([1, 2]))).toEqual([0, 4.6]);
    expect(colorRange('sequential', undefined, grid([1, 2]))).toEqual([1, 2]);
    expect(colorRange('sequential', undefined, grid([2, 2]))).toEqual([1.9, 2.1]);
    expect(colorRange('sequential', undefined, grid([NaN, 1.5, 0.5]))).toEqual([0.5, 1.5]);
    expect(colorRange('sequential', undefined, grid([NaN]))).toEqual([0, 1]);
  });

  it('is symmetric about 0 for the diverging scale, from the largest magnitude', () => {
    expect(colorRange('diverging', undefined, grid([-0.5, 2, NaN]))).toEqual([-2, 2]);
    expect(colorRange('diverging', [-3, 1], grid([0]))).toEqual([-3, 3]);
    expect(colorRange('diverging', undefined, grid([0, 0]))).toEqual([-1, 1]);
  });
});

describe('frame queue', () => {
  /** A queue on a fake clock: each job advances it by its cost; frames run when `frame()` is called. */
  function fake(budget = 12) {
    let t = 0;
    const frames: (() => void)[] = [];
    const q = createFrameQueue(
      (fn) => frames.push(fn),
      () => t,
      budget,
    );
    const ran: string[] = [];
    const job = (name: string, cost: number) => () => {
      ran.push(name);
      t += cost;
    };
    const frame = () => {
      const f = frames.splice(0);
      f.forEach((fn) => fn());
      return f.length;
    };
    return { q, ran, job, frame };
  }

  it('runs only the latest draw of a plot, in the place of its first request', () => {
    const { q, ran, job, frame } = fake();
    const a = { name: 'a' };
    const b = { name: 'b' };
    q.request(a, job('a1', 1), 'light');
    q.request(b, job('b1', 1), 'light');
    q.request(a, job('a2', 1), 'light');
    expect(frame()).toBe(1);
    expect(ran).toEqual(['a2', 'b1']);
    expect(q.stats()).toMatchObject({ a: { count: 1 }, b: { count: 1 } });
  });

  it('runs at most one heavy draw per frame, and light draws beside it', () => {
    const { q, ran, job, frame } = fake();
    q.request({ name: 'loss' }, job('loss', 2), 'heavy');
    q.request({ name: 'other' }, job('other', 2), 'heavy');
    q.request({ name: 'V' }, job('V', 1), 'light');
    frame();
    expect(ran).toEqual(['loss', 'V']);
    frame();
    expect(ran).toEqual(['loss', 'V', 'other']);
    expect(frame()).toBe(0); // nothing left, no frame asked for
  });

  it('leaves the rest to the next frame once the budget is spent, but always runs one draw', () => {
    const { q, ran, job, frame } = fake(10);
    q.request({ name: 'slow' }, job('slow', 30), 'light');
    q.request({ name: 'x' }, job('x', 1), 'light');
    frame();
    expect(ran).toEqual(['slow']);
    frame();
    expect(ran).toEqual(['slow', 'x']);
    expect(q.stats().slow).toEqual({ count: 1, mean: 30, max: 30 });
  });

  it('drops a cancelled draw and keeps going after a draw that throws', () => {
    const { q, ran, job, frame } = fake();
    const a = { name: 'a' };
    q.request(a, job('a', 1), 'light');
    q.cancel(a);
    q.request(
      { name: 'bad' },
      () => {
        throw new Error('boom');
      },
      'light',
    );
    q.request({ name: 'c' }, job('c', 1), 'light');
    const log = console.error;
    console.error = () => {};
    try {
      frame();
    } finally {
      console.error = log;
    }
    expect(ran).toEqual(['c']);
  });
});
