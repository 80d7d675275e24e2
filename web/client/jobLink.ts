// The page side of a view's job worker: starts jobs, routes their events, drops those of any job
// but the current one, and cancels by terminating the worker (the next job gets a fresh one).
import type { FromJob, ToJob } from '../shared/jobs.js';

/** What the owner of a JobLink hears about the current job. */
export interface JobEvents<Ev> {
  event(ev: Ev, jobId: number): void;
  done(jobId: number): void;
  /** The job threw, or the worker crashed: `message` is a sentence for the user. */
  failed(message: string, jobId: number): void;
}

/** One job worker at a time for one view. */
export class JobLink<Req, Ctl, Ev> {
  private worker: Worker | null = null;
  private nextJob = 1;
  private current = 0;

  constructor(
    private readonly spawn: () => Worker,
    private readonly events: JobEvents<Ev>,
  ) {}

  /** Id of the job whose events are passed on (0: none). */
  get jobId(): number {
    return this.current;
  }

  /** Starts a job (cancelling the one running, if any); returns its id. */
  start(request: Req, transfer: Transferable[] = []): number {
    if (this.current) this.cancel();
    const jobId = this.nextJob++;
    this.current = jobId;
    this.post({ type: 'start', jobId, request }, transfer);
    return jobId;
  }

  /** Sends a control message (e.g. pause) to the running job. */
  control(control: Ctl): void {
    if (this.current) this.post({ type: 'control', jobId: this.current, control });
  }

  /** Stops the running job at once: its worker is terminated and no more of its events arrive. */
  cancel(): void {
    this.current = 0;
    this.worker?.terminate();
    this.worker = null;
  }

  private post(msg: ToJob<Req, Ctl>, transfer: Transferable[] = []): void {
    this.ensureWorker().postMessage(msg, transfer);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = this.spawn();
    w.onmessage = (e: MessageEvent<FromJob<Ev>>) => {
      if (w !== this.worker) return;
      const m = e.data;
      if (m.type === 'hello' || m.jobId !== this.current) return;
      if (m.type === 'event') this.events.event(m.event, m.jobId);
      else {
        this.current = 0;
        if (m.type === 'done') this.events.done(m.jobId);
        else this.events.failed(m.message, m.jobId);
      }
    };
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      if (w !== this.worker) return;
      const jobId = this.current;
      this.cancel();
      if (jobId) this.events.failed(`the worker crashed (${e.message || 'error'})`, jobId);
    };
    this.worker = w;
    return w;
  }
}
