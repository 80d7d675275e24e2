// Pacing of a run: one iteration per 1/speed seconds without bursts; rate measured over ~1 s; snapshots within their share of the time.
import { describe, expect, it } from 'vitest';
import { Pacer, RateMeter, SNAPSHOT_SHARE, SnapshotBudget } from '../worker/pace.js';

describe('Pacer', () => {
  it('at full speed owes unboundedly many iterations and never waits', () => {
    const p = new Pacer(null, 0);
    expect(p.due(5)).toBe(Infinity);
    expect(p.wait(5)).toBe(0);
  });

  it('at 10/s owes one iteration now, then one every 100 ms', () => {
    const p = new Pacer(10, 0);
    expect(p.due(0)).toBe(1);
    p.record(1);
    expect(p.due(50)).toBe(0);
    expect(p.wait(50)).toBe(50);
    expect(p.due(100)).toBe(1);
    p.record(1);
    expect(p.wait(150)).toBe(50);
  });

  it('after falling behind it does one iteration and starts the schedule again, no burst', () => {
    const p = new Pacer(2, 0);
    p.record(p.due(0));
    expect(p.due(5000)).toBe(1);
    p.record(1);
    expect(p.due(5100)).toBe(0);
    expect(p.wait(5100)).toBe(400);
  });

  it("at a high speed it does up to a frame's worth of iterations at once", () => {
    const p = new Pacer(300, 0);
    p.record(p.due(0));
    expect(p.due(10)).toBe(3);
    expect(p.due(1000)).toBe(5);
  });
});

describe('RateMeter', () => {
  it('measures iterations per second since the sample about a second old', () => {
    const r = new RateMeter();
    r.restart(0, 0);
    expect(r.sample(500, 50)).toBe(100);
    r.sample(1000, 100);
    expect(r.sample(2000, 300)).toBe(200);
  });
});

describe('SnapshotBudget', () => {
  it('lets snapshots take at most SNAPSHOT_SHARE of the time: after one of 40 ms, the next waits 120 ms', () => {
    const b = new SnapshotBudget();
    expect(b.due(0)).toBe(true);
    b.record(100, 140);
    expect(SNAPSHOT_SHARE).toBe(0.25);
    expect(b.due(259)).toBe(false);
    expect(b.due(260)).toBe(true);
    b.record(260, 262); // a cheap one: the next may follow 6 ms later
    expect(b.due(267)).toBe(false);
    expect(b.due(268)).toBe(true);
  });
});
