// The messages between the page and a view's job worker (Explore rank, Compare algorithms, …),
// both ways. Realm-neutral: web/client/jobLink.ts and web/worker/jobHost.ts import it.
//
// A job worker runs one job at a time. Every message carries the job id the page chose; the
// page drops events of any other id, so nothing from a cancelled job reaches the screen.
// Cancelling terminates the worker (a new one is started for the next job).

/** Page → job worker: start job `jobId` with `request`, or a control message for the job running. */
export type ToJob<Req, Ctl> =
  | { readonly type: 'start'; readonly jobId: number; readonly request: Req }
  | { readonly type: 'control'; readonly jobId: number; readonly control: Ctl };

/** Job worker → page. */
export type FromJob<Ev> =
  /** The wasm is compiled; jobs sent before this wait in the worker, in order. */
  | { readonly type: 'hello' }
  /** Something the job has to show (a rank done, a point of a curve, …). */
  | { readonly type: 'event'; readonly jobId: number; readonly event: Ev }
  /** The job ended normally. */
  | { readonly type: 'done'; readonly jobId: number }
  /** The job threw: `message` is for the user. */
  | { readonly type: 'failed'; readonly jobId: number; readonly message: string };
