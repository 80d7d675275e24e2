// "What Step changed": after each Step, the rows of H that moved most, the error before and
// after, and for gradient descent the step taken and the gradient size it implies.
import { useEffect, useRef, useState } from 'react';
import { useAppState } from '../../app/context.js';
import { shortNumber } from '../../plots/summary.js';
import { type ShownFactors, type StepChange, stepChange } from './stepDiagnostics.js';

/** Rows of H listed. */
const TOP_ROWS = 3;

/** The Step diagnostics of the main run (shown once a Step has been taken after the panel opened). */
export function StepChanges() {
  const snapshot = useAppState((s) => s.snapshot);
  const run = useAppState((s) => s.run);
  const options = useAppState((s) => s.options);
  const last = useRef<ShownFactors | null>(null);
  const [change, setChange] = useState<StepChange | null>(null);

  useEffect(() => {
    if (!snapshot) return;
    const prev = last.current;
    last.current = snapshot;
    if (prev) {
      const c = stepChange(prev, snapshot);
      if (c) setChange(c);
    }
  }, [snapshot]);

  const error = (it: number) => (it === 0 ? run.initialRelError : (run.history[it - 1] ?? null));
  const shown = change && run.phase !== 'running' && change.iteration <= run.history.length ? change : null;
  const before = shown ? error(shown.iteration - 1) : null;
  const after = shown ? error(shown.iteration) : null;
  const gd = options.algorithm === 'gd' || options.algorithm === 'sgd';
  const eta = options.params.learningRate;
  return (
    <section className="learn-block" aria-labelledby="learn-step-heading">
      <h3 id="learn-step-heading">What Step changed</h3>
      {!shown ? (
        <p className="hint">Press Step (with the run paused) to see what one iteration changes.</p>
      ) : (
        <div aria-live="polite">
          <p>
            Iteration {shown.iteration}: relative error {before === null ? '—' : shortNumber(before)} →{' '}
            {after === null ? '—' : shortNumber(after)}
            {before !== null && after !== null && ` (${after <= before ? 'down' : 'up'} by ${shortNumber(Math.abs(before - after))})`}.
          </p>
          <p>
            Rows of H that moved most:{' '}
            {shown.rows
              .slice(0, TOP_ROWS)
              .map(
                (r) =>
                  `row ${r.row + 1} by ${shortNumber(r.change)}${Number.isFinite(r.relative) ? ` (${shortNumber(100 * r.relative)}%)` : ''}`,
              )
              .join(', ')}
            .
          </p>
          <p>
            Step taken: ‖ΔH‖_F = {shortNumber(shown.stepH)}, ‖ΔW‖_F = {shortNumber(shown.stepW)}.
            {gd &&
              ` With η = ${eta}, where nothing was clipped to 0 the step is η times the gradient, so the gradient's size is about ‖ΔH‖_F/η = ${shortNumber(shown.stepH / eta)} (H) and ${shortNumber(shown.stepW / eta)} (W).`}
          </p>
          {shown.averaged && <p className="hint">W or H is shown as block means here, so these are the changes of the block means.</p>}
        </div>
      )}
    </section>
  );
}
