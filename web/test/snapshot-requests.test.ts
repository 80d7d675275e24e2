// When the page asks for snapshots (web/client/snapshotRequests.ts): one in flight at a time,
// only when the iteration moved, after the idle wait, and the one before a Step ahead of it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SnapshotRequests } from '../client/snapshotRequests.js';
import { type AppState, initialState } from '../state/app.js';

let state: AppState;
let sent: number;
let requests: SnapshotRequests;

/** The state with the run at `iteration`, paused. */
function at(iteration: number): AppState {
  const s = initialState();
  return { ...s, run: { ...s.run, phase: 'paused', iteration } };
}

beforeEach(() => {
  vi.useFakeTimers();
  state = at(0);
  sent = 0;
  requests = new SnapshotRequests(
    () => state,
    () => sent++,
  );
});
afterEach(() => vi.useRealTimers());

describe('SnapshotRequests', () => {
  it('asks once the main thread is idle, never twice in flight, and again when the iteration moved', () => {
    requests.maybe();
    expect(sent).toBe(0); // waiting for idle
    vi.advanceTimersByTime(0);
    expect(sent).toBe(1);
    requests.maybe();
    vi.advanceTimersByTime(2000);
    expect(sent).toBe(1); // in flight
    requests.received(0);
    vi.advanceTimersByTime(2000);
    expect(sent).toBe(1); // the iteration has not moved
    state = at(1);
    requests.maybe();
    vi.advanceTimersByTime(2000);
    expect(sent).toBe(2);
  });

  it('a Step sends a request still waiting for idle at once, and the idle wait then sends nothing more', () => {
    requests.maybe();
    requests.beforeStep();
    expect(sent).toBe(1);
    vi.advanceTimersByTime(2000);
    expect(sent).toBe(1);
  });

  it('a Step asks for the iteration before it when no request was made, and not when it was received', () => {
    requests.beforeStep();
    expect(sent).toBe(1);
    requests.received(0);
    requests.beforeStep();
    expect(sent).toBe(1);
  });
});
