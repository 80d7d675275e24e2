// The Compare algorithms view: choose algorithms, Compare races them in a job worker on the
// current data from the same initial W, H (the current initialization and seed); their curves
// overlaid (per iteration or per second) and a table of how each ended.
import { useMemo } from 'react';
import { SOLVERS } from '../../../src/solvers/registry.js';
import { useAppState, useAppStore } from '../../app/context.js';
import { useStore } from '../../state/store.js';
import { ScrollRegion } from '../../components/fields/ScrollRegion.js';
import { CompareChart } from './CompareChart.js';
import { finalErrorText, stopText, timeText, type CompareState } from './compareState.js';
import { comparisonOf } from './comparison.js';
import './compare.css';

/** The view (see the file comment above for what it does); its state lives in the app's Comparison, so it stays when the tab is left. */
export function CompareView() {
  const comparison = comparisonOf(useAppStore());
  const hasData = useAppState((s) => s.data !== null);
  const { chosen, axis, race: state, about } = useStore(comparison.store, (s) => s);
  const checked = useMemo(() => new Set(chosen), [chosen]);
  const dispatch = comparison.store.dispatch;
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
            <input
              type="checkbox"
              checked={checked.has(s.id)}
              onChange={(e) => dispatch({ type: 'choose', algorithm: s.id, on: e.target.checked })}
            />
            {s.label}
          </label>
        ))}
      </fieldset>
      <div className="compare-actions">
        <button type="button" className="primary" disabled={!hasData || chosen.length === 0} onClick={() => comparison.compare()}>
          Compare
        </button>
        <button type="button" disabled={!racing} onClick={() => comparison.togglePause()}>
          {state.phase === 'paused' ? 'Resume comparison' : 'Pause comparison'}
        </button>
        <button type="button" disabled={state.phase === 'idle'} onClick={() => comparison.reset()}>
          Reset comparison
        </button>
        <fieldset className="compare-axis">
          <legend>x axis</legend>
          <label className="check">
            <input
              type="radio"
              name="compare-axis"
              checked={axis === 'iteration'}
              onChange={() => dispatch({ type: 'axis', axis: 'iteration' })}
            />
            per iteration
          </label>
          <label className="check">
            <input
              type="radio"
              name="compare-axis"
              checked={axis === 'seconds'}
              onChange={() => dispatch({ type: 'axis', axis: 'seconds' })}
            />
            per second
          </label>
        </fieldset>
      </div>
      <p className="compare-status" aria-live="polite">
        {statusLine(state, chosen.length, about)}
      </p>
      {state.error && (
        <p className="field-error" role="alert">
          The comparison failed: {state.error}
        </p>
      )}
      {state.rows.length > 0 && (
        <>
          <CompareChart rows={state.rows} axis={axis} />
          <ScrollRegion label="How each algorithm ended">
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
          </ScrollRegion>
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
