// A small window API for the browser tests (only with ?test in the URL): cause worker faults
// and read what the screen alone cannot tell.
import { historyCopies } from '../../src/core/history.js';
import type { Controller } from '../client/controller.js';
import type { Action, AppState } from '../state/app.js';
import type { Store } from '../state/store.js';
import type { Fault } from '../shared/protocol.js';

/** What `window.nmfTest` offers. */
export interface TestApi {
  /** Makes the worker throw (an error event) or hang (silence). */
  fault(kind: Fault): void;
  /** The current run: id, phase, iteration and history length. */
  run(): { runId: number; phase: string; iteration: number; historyLength: number };
  /** History points the page has copied so far (growing or rebuilding its buffers): linear in the iterations, never quadratic. */
  historyCopies(): number;
}

/** Installs window.nmfTest. */
export function installTestApi(store: Store<AppState, Action>, controller: Controller): void {
  const api: TestApi = {
    fault: (kind) => controller.fault(kind),
    run: () => {
      const r = store.getState().run;
      return { runId: r.runId, phase: r.phase, iteration: r.iteration, historyLength: r.history.length };
    },
    historyCopies,
  };
  (window as unknown as { nmfTest: TestApi }).nmfTest = api;
}
