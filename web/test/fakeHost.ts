// A SessionHost on a virtual clock: every now() call advances time by `tick` ms, scheduled
// callbacks run when the test says, and posted messages are kept in order.
import type { SessionHost } from '../worker/session.js';
import type { FromWorker } from '../shared/protocol.js';

export class FakeHost implements SessionHost {
  t = 0;
  posted: FromWorker[] = [];
  transfers: ArrayBuffer[][] = [];
  private queue: { at: number; fn: () => void }[] = [];

  constructor(readonly tick = 1) {}

  now(): number {
    this.t += this.tick;
    return this.t;
  }

  schedule(ms: number, fn: () => void): void {
    this.queue.push({ at: this.t + ms, fn });
  }

  post(msg: FromWorker, transfer: ArrayBuffer[] = []): void {
    this.posted.push(msg);
    this.transfers.push(transfer);
  }

  /** Number of callbacks waiting. */
  get pending(): number {
    return this.queue.length;
  }

  /** Runs the earliest scheduled callback (advancing the clock to it); false if none. */
  runNext(): boolean {
    if (!this.queue.length) return false;
    let best = 0;
    for (let i = 1; i < this.queue.length; i++) if (this.queue[i].at < this.queue[best].at) best = i;
    const [{ at, fn }] = this.queue.splice(best, 1);
    this.t = Math.max(this.t, at);
    fn();
    return true;
  }

  /** Runs callbacks until none is left or `limit` ran. */
  drain(limit = 100_000): void {
    for (let i = 0; i < limit && this.runNext(); i++);
  }

  /** Messages of one type posted so far, and clears the log if asked. */
  of<T extends FromWorker['type']>(type: T): Extract<FromWorker, { type: T }>[] {
    return this.posted.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  }

  last<T extends FromWorker['type']>(type: T): Extract<FromWorker, { type: T }> | undefined {
    return this.of(type).at(-1);
  }
}
