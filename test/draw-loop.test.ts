// One plot's draw loop (web/plots/frame/drawLoop.ts) on a fake frame queue and clock: draws on the
// next frame while on screen, never two at once, and a draw missed off screen is made once the
// data has settled, also when the plot left the screen after its draw was queued or while a
// draw was still busy (before, such a plot kept its old picture until scrolled back).
import { describe, expect, it } from 'vitest';
import { DrawLoop, SETTLE_MS } from '../web/plots/frame/drawLoop.js';

/** A fake host: one pending frame job, timers on a manual clock. */
function fakeHost() {
  let pending: (() => void) | null = null;
  let now = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  return {
    host: {
      request: (job: () => void) => {
        pending = job;
      },
      cancel: () => {
        pending = null;
      },
      setTimer: (fn: () => void, ms: number) => {
        timers.set(next, { at: now + ms, fn });
        return next++;
      },
      clearTimer: (h: unknown) => {
        timers.delete(h as number);
      },
    },
    /** Runs the pending frame job, if any. */
    frame() {
      const job = pending;
      pending = null;
      job?.();
    },
    /** Moves the clock on by ms, firing the timers due. */
    advance(ms: number) {
      now += ms;
      for (const [h, t] of [...timers]) {
        if (t.at <= now) {
          timers.delete(h);
          t.fn();
        }
      }
    },
    get pending() {
      return pending !== null;
    },
  };
}

describe('DrawLoop', () => {
  it('on screen: draws on the next frame', () => {
    const f = fakeHost();
    let draws = 0;
    const loop = new DrawLoop(
      () => draws++,
      f.host,
      () => {},
    );
    loop.schedule();
    expect(draws).toBe(0);
    f.frame();
    expect(draws).toBe(1);
  });

  it('off screen: nothing while the data changes, one draw once it has settled, and none after dispose', () => {
    const f = fakeHost();
    let draws = 0;
    const loop = new DrawLoop(
      () => draws++,
      f.host,
      () => {},
      undefined,
      false,
    );
    loop.schedule();
    f.advance(SETTLE_MS - 50);
    loop.schedule(); // the data changed again
    f.advance(SETTLE_MS - 50);
    f.frame();
    expect(draws).toBe(0);
    f.advance(100);
    f.frame();
    expect(draws).toBe(1);
    loop.schedule();
    loop.dispose();
    f.advance(SETTLE_MS);
    f.frame();
    expect(draws).toBe(1);
  });

  it('a plot that leaves the screen after its draw was queued still draws once settled', () => {
    const f = fakeHost();
    let draws = 0;
    const loop = new DrawLoop(
      () => draws++,
      f.host,
      () => {},
    );
    loop.schedule(); // queued while on screen
    loop.setVisible(false); // a layout shift moves it away before the frame
    f.frame();
    expect(draws).toBe(0);
    f.advance(SETTLE_MS);
    f.frame();
    expect(draws).toBe(1);
  });

  it('a draw asked for while one is busy, the plot then off screen: drawn once settled', async () => {
    const f = fakeHost();
    let draws = 0;
    let finish: () => void = () => {};
    const loop = new DrawLoop(
      () => {
        draws++;
        return new Promise<void>((r) => {
          finish = r;
        });
      },
      f.host,
      () => {},
    );
    loop.schedule();
    f.frame(); // draw 1 starts, busy
    loop.schedule(); // new data while busy
    loop.setVisible(false);
    finish();
    await new Promise((r) => setTimeout(r, 0)); // the promise settles
    f.frame();
    expect(draws).toBe(1);
    f.advance(SETTLE_MS);
    f.frame();
    expect(draws).toBe(2);
  });

  it('coming back on screen draws what was missed at once', () => {
    const f = fakeHost();
    let draws = 0;
    const loop = new DrawLoop(
      () => draws++,
      f.host,
      () => {},
      undefined,
      false,
    );
    loop.schedule();
    loop.setVisible(true);
    f.frame();
    expect(draws).toBe(1);
    f.advance(SETTLE_MS); // the settle timer finds nothing left to draw
    f.frame();
    expect(draws).toBe(1);
  });
});
