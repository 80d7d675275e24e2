// One worker and the watch over it: an error event, or a ping left unanswered for too long,
// means it is dead; the owner is told once and starts another.
import type { FromWorker, ToWorker } from '../shared/protocol.js';

/** Ping the worker after this long without hearing from it. */
const QUIET_MS = 1000;
/** How often the watchdog looks. */
const CHECK_MS = 250;

/** What a link reports to its owner. */
export interface LinkEvents {
  message(msg: FromWorker): void;
  /** The worker is gone (crashed or silent); `reason` is a sentence for the user. */
  died(reason: string): void;
}

/** A worker with a liveness watchdog: dead after an error or `timeoutMs` without answering a ping. */
export class WorkerLink {
  private readonly worker: Worker;
  private lastHeard = performance.now();
  private pingSent: number | null = null;
  private readonly watch: ReturnType<typeof setInterval>;
  private dead = false;

  constructor(
    spawn: () => Worker,
    private readonly events: LinkEvents,
    /** How long a ping may go unanswered before the worker counts as dead. */
    public timeoutMs: number,
  ) {
    this.worker = spawn();
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => {
      if (this.dead) return;
      this.lastHeard = performance.now();
      this.pingSent = null;
      events.message(e.data);
    };
    this.worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.die(`the worker crashed (${e.message || 'error'})`);
    };
    this.worker.onmessageerror = () => this.die('the worker sent a message that could not be read');
    this.watch = setInterval(() => this.check(), CHECK_MS);
  }

  /** Sends a message (with buffers to transfer). */
  send(msg: ToWorker, transfer: Transferable[] = []): void {
    if (!this.dead) this.worker.postMessage(msg, transfer);
  }

  /** Stops the worker for good (no `died` event). */
  terminate(): void {
    this.dead = true;
    clearInterval(this.watch);
    this.worker.terminate();
  }

  private check(): void {
    const now = performance.now();
    if (this.pingSent !== null) {
      if (now - this.pingSent > this.timeoutMs) this.die(`the worker stopped answering for ${(this.timeoutMs / 1000).toFixed(1)} s`);
    } else if (now - this.lastHeard > QUIET_MS) {
      this.pingSent = now;
      this.send({ type: 'ping', runId: 0 });
    }
  }

  private die(reason: string): void {
    if (this.dead) return;
    this.terminate();
    this.events.died(reason);
  }
}
