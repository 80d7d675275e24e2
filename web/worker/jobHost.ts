// The worker side of a view's job worker: loads the engine once, runs one job at a time with the
// handler a worker entry gives, and hands it control messages (e.g. pause) between its slices.
// Entries are thin: `serveJobs(runMyJob)` is all a *.worker.ts file does.
import type { Engine } from '../../src/wasm/engine.js';
import type { FromJob, ToJob } from '../shared/jobs.js';
import { loadEngine } from './engine.js';

/** What a running job can do. */
export interface JobContext<Ctl, Ev> {
  readonly engine: Engine;
  readonly jobId: number;
  /** Sends an event to the page (buffers in `transfer` are moved, not copied). */
  post(event: Ev, transfer?: Transferable[]): void;
  /** Lets pending messages (controls) be handled; await it between slices of work. */
  yield(): Promise<void>;
  /** Control messages received since the last call, oldest first. */
  takeControls(): Ctl[];
  now(): number;
}

/** The job a worker entry runs: resolves when done, throws to fail with its message. */
export type JobHandler<Req, Ctl, Ev> = (request: Req, ctx: JobContext<Ctl, Ev>) => Promise<void>;

/** Serves jobs in this worker with `run`; call once from a worker entry. */
export function serveJobs<Req, Ctl, Ev>(run: JobHandler<Req, Ctl, Ev>): void {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const send = (msg: FromJob<Ev>, transfer: Transferable[] = []) => scope.postMessage(msg, transfer);
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  const yieldNow = () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });

  let engine: Engine | null = null;
  const queue: ToJob<Req, Ctl>[] = [];
  let controls: Ctl[] = [];
  let current = -1;
  let busy = false;

  const next = async () => {
    if (busy || !engine) return;
    const msg = queue.shift();
    if (!msg) return;
    if (msg.type === 'control') {
      if (msg.jobId === current) controls.push(msg.control);
      return next();
    }
    busy = true;
    current = msg.jobId;
    controls = [];
    const jobId = msg.jobId;
    const e = engine;
    const mark = e.mark();
    try {
      await run(msg.request, {
        engine: e,
        jobId,
        post: (event, transfer) => send({ type: 'event', jobId, event }, transfer),
        yield: yieldNow,
        takeControls: () => controls.splice(0),
        now: () => performance.now(),
      });
      send({ type: 'done', jobId });
    } catch (err) {
      send({ type: 'failed', jobId, message: err instanceof Error ? err.message : String(err) });
    } finally {
      e.release(mark);
      busy = false;
    }
    return next();
  };

  scope.onmessage = (ev: MessageEvent<ToJob<Req, Ctl>>) => {
    const msg = ev.data;
    // controls for the running job go straight to it, so it sees them at its next yield
    if (msg.type === 'control' && busy && msg.jobId === current) controls.push(msg.control);
    else queue.push(msg);
    void next();
  };
  loadEngine().then(
    (e) => {
      engine = e;
      send({ type: 'hello' });
      void next();
    },
    // a failed start must reach the page as an error event
    (err: unknown) =>
      setTimeout(() => {
        throw err;
      }),
  );
}
