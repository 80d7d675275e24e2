// The Compare algorithms view: choose algorithms, Compare races them in a job worker on the
// current data from the same initial W, H (the current initialization and seed); their curves
// overlaid (per iteration or per second) and a table of how each ended.
import { useEffect, useRef, useState } from 'react';
import { SOLVERS } from '../../../src/solvers/registry.js';
import type { AlgorithmId } from '../../../src/solvers/types.js';
import { useAppState, useAppStore } from '../../app/context.js';
import { JobLink } from '../../client/jobLink.js';
import { CompareChart } from './CompareChart.js';
import type { CompareAxis } from './compareFigure.js';
import { applyUpdate, finalErrorText, IDLE, started, stopText, timeText, type CompareState } from './compareState.js';
import type { CompareControl, CompareEvent, CompareRequest } from './protocol.js';
import './compare.css';

/** Most times a second the view takes in the worker's updates (each may redraw the plot). */
const UPDATES_PER_SEC = 8;

const spawn = () => new Worker(new URL('./compare.worker.ts', import.meta.url), { type: 'module' });

/** The view (see the file comment above for what it does). */
export function CompareView() {
  const store = useAppStore();
  const hasData = useAppState((s) => s.data !== null);
  const current = useAppState((s) => s.options.algorithm);
  const [chosen, setChosen] = useState<ReadonlySet<AlgorithmId>>(() => new Set<AlgorithmId>([current, current === 'mu' ? 'hals' : 'mu']));
  const [axis, setAxis] = useState<CompareAxis>('iteration');
  const [state, setState] = useState<CompareState>(IDLE);
  const [about, setAbout] = useState('');
  const link = useRef<JobLink<CompareRequest, CompareControl, CompareEvent> | null>(null);
  const dropPending = useRef<() => void>(() => {});

  useEffect(() => {
    // Updates arrive every few milliseconds; the page takes them in at most UPDATES_PER_SEC times a second.
    let pending: CompareEvent[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      const evs = pending;
      pending = [];
      if (evs.length) setState((s) => evs.reduce(applyUpdate, s));
    };
    const l = new JobLink<CompareRequest, CompareControl, CompareEvent>(spawn, {
      event: (ev) => {
        pending.push(ev);
        timer ??= setTimeout(flush, 1000 / UPDATES_PER_SEC);
      },
      done: () => {
        flush();
        setState((s) => ({ ...s, phase: 'done' }));
      },
      failed: (message) => {
        flush();
        setState((s) => ({ ...s, phase: 'done', error: message }));
      },
    });
    link.current = l;
    dropPending.current = () => {
      clearTimeout(timer);
      timer = undefined;
      pending = [];
    };
    return () => {
      dropPending.current();
      l.cancel();
    };
  }, []);

  const toggle = (id: AlgorithmId, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  const algorithms = SOLVERS.map((s) => s.id).filter((id) => chosen.has(id));
  const compare = () => {
    const s = store.getState();
    if (!s.data || algorithms.length === 0) return;
    const o = s.options;
    setAbout(`${s.data.info.name}, rank ${o.rank}, initialization ${o.init}, seed ${o.seed}, at most ${o.maxIter} iterations`);
    dropPending.current();
    setState(started(algorithms));
    link.current?.start({ spec: s.data.spec, options: o, algorithms });
  };
  const pause = () => {
    const to = state.phase === 'paused' ? 'running' : 'paused';
    link.current?.control(to === 'paused' ? 'pause' : 'resume');
    setState((s) => (s.phase === 'running' || s.phase === 'paused' ? { ...s, phase: to } : s));
  };
  const reset = () => {
    link.current?.cancel();
    dropPending.current();
    setState(IDLE);
    setAbout('');
  };
  const racing = state.phase === 'running' || state.phase === 'paused';

  return (
    <section className="compare panel" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare algorithms</h2>
      <p className="hint">
        Each chosen algorithm starts from the same W and H (the current initialization and seed) on the current data and runs with the
        current stopping rules.
      </p>
      <fieldset className="compare-choices">
        <legend>Algorithms</legend>
        {SOLVERS.map((s) => (
          <label key={s.id} className="check" title={s.description}>
            <input type="checkbox" checked={chosen.has(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} />
            {s.label}
          </label>
        ))}
      </fieldset>
      <div className="compare-actions">
        <button type="button" className="primary" disabled={!hasData || algorithms.length === 0} onClick={compare}>
          Compare
        </button>
        <button type="button" disabled={!racing} onClick={pause}>
          {state.phase === 'paused' ? 'Resume comparison' : 'Pause comparison'}
        </button>
        <button type="button" disabled={state.phase === 'idle'} onClick={reset}>
          Reset comparison
        </button>
        <fieldset className="compare-axis">
          <legend>x axis</legend>
          <label className="check">
            <input type="radio" name="compare-axis" checked={axis === 'iteration'} onChange={() => setAxis('iteration')} />
            per iteration
          </label>
          <label className="check">
            <input type="radio" name="compare-axis" checked={axis === 'seconds'} onChange={() => setAxis('seconds')} />
            per second
          </label>
        </fieldset>
      </div>
      <p className="compare-status" aria-live="polite">
        {statusLine(state, algorithms.length, about)}
      </p>
      {state.error && (
        <p className="field-error" role="alert">
          The comparison failed: {state.error}
        </p>
      )}
      {state.rows.length > 0 && (
        <>
          <CompareChart rows={state.rows} axis={axis} />
          <div className="table-scroll">
            <table className="compare-table">
              <caption className="visually-hidden">How each algorithm ended</caption>
              <thead>
                <tr>
                  <th scope="col">Algorithm</th>
                  <th scope="col">Final error</th>
                  <th scope="col">Iterations</th>
                  <th scope="col">Time</th>
                  <th scope="col">Stop reason</th>
                </tr>
              </thead>
              <tbody>
                {state.rows.map((r) => (
                  <tr key={r.algorithm} className={r.failure || r.stop?.reason === 'diverged' ? 'failed' : undefined}>
                    <th scope="row">{r.label}</th>
                    <td>{finalErrorText(r)}</td>
                    <td>{r.iteration}</td>
                    <td>{timeText(r)}</td>
                    <td>{stopText(r)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function statusLine(s: CompareState, chosen: number, about: string): string {
  switch (s.phase) {
    case 'idle':
      return chosen === 0 ? 'Choose at least one algorithm.' : `Compare runs the ${chosen} chosen algorithms side by side.`;
    case 'running':
      return `Comparing on ${about}…`;
    case 'paused':
      return `Comparison paused (${about}).`;
    case 'done':
      return `Comparison finished on ${about}.`;
  }
}
