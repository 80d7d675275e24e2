// Run, Pause, Step, Reset and the Speed control. Buttons answer at once (the click is shown as
// an intent) while the worker confirms between two of its time slices.
import { useAppState, useController } from '../../app/context.js';
import type { Speed } from '../../shared/protocol.js';

/** Speeds offered, from as fast as possible down to a pace a class can watch. */
export const SPEEDS: readonly { speed: Speed; label: string }[] = [
  { speed: null, label: 'As fast as possible' },
  { speed: 300, label: '300 iterations/s' },
  { speed: 100, label: '100 iterations/s' },
  { speed: 30, label: '30 iterations/s' },
  { speed: 10, label: '10 iterations/s' },
  { speed: 5, label: '5 iterations/s' },
  { speed: 2, label: '2 iterations/s' },
];

/** The Run controls group: Run, Pause, Step, Reset and the Speed menu, each enabled only when it can act. */
export function RunControls() {
  const controller = useController();
  const run = useAppState((s) => s.run);
  const speed = useAppState((s) => s.speed);
  const hasData = useAppState((s) => s.data !== null);
  const { phase, intent } = run;
  const usable = hasData && phase !== 'starting' && phase !== 'invalid';
  const running = (phase === 'running' && intent !== 'pause') || intent === 'run';
  return (
    // biome-ignore lint/a11y/useSemanticElements: a toolbar of buttons, not form fields
    <div className="run-controls" role="group" aria-label="Run controls">
      <button type="button" className="primary" disabled={!usable || running || phase === 'stopped'} onClick={() => controller.run()}>
        Run
      </button>
      <button type="button" disabled={!running} onClick={() => controller.pause()}>
        Pause
      </button>
      <button type="button" disabled={!usable} onClick={() => controller.step()}>
        Step
      </button>
      <button type="button" disabled={!hasData || phase === 'starting'} onClick={() => controller.reset()}>
        Reset
      </button>
      <div className="speed">
        <label htmlFor="speed">Speed</label>
        <select
          id="speed"
          value={speed === null ? 'max' : String(speed)}
          onChange={(e) => controller.setSpeed(e.target.value === 'max' ? null : Number(e.target.value))}
        >
          {SPEEDS.map((s) => (
            <option key={s.label} value={s.speed === null ? 'max' : String(s.speed)}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
