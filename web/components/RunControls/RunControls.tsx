// Run, Pause, Step, Reset and the Speed control. Buttons answer at once (the click is shown as
// an intent) while the worker confirms between two of its time slices.
import { useEffect, useRef } from 'react';
import { useAppState, useController } from '../../app/context.js';
import { fieldBlock, type AppState } from '../../state/app.js';
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

/** Why Run cannot be pressed now, in words a user can act on, or null when it can (or the run is going). */
export function runBlocked(s: AppState): string | null {
  const r = s.run;
  const field = fieldBlock(s);
  if (field) return `fix ${field} (the run would use the previous value)`;
  if (!s.data) return 'no matrix is loaded yet';
  if (r.phase === 'starting') return 'W and H are being initialized';
  if (r.phase === 'invalid') return `the options do not fit this matrix: ${s.optionError?.message ?? 'see Options'}`;
  if (r.phase === 'stopped')
    return r.stop?.reason === 'diverged'
      ? 'the run diverged: Reset, or change the options'
      : 'the run stopped: raise Max iterations (or lower the Tolerance or Target) to go on from here, or Reset';
  return null;
}

/** The run bar: the Run controls group (Run, Pause, Step, Reset, each enabled only when it can act; the slim row that stays on screen at phone width), then the Speed menu, the keys and why Run cannot be pressed. */
export function RunControls() {
  const controller = useController();
  const run = useAppState((s) => s.run);
  const speed = useAppState((s) => s.speed);
  const hasData = useAppState((s) => s.data !== null);
  const blocked = useAppState(runBlocked);
  const fieldBlocked = useAppState((s) => fieldBlock(s) !== null);
  const { phase, intent } = run;
  const usable = hasData && phase !== 'starting' && phase !== 'invalid' && !fieldBlocked;
  const running = (phase === 'running' && intent !== 'pause') || intent === 'run';
  const runButton = useRef<HTMLButtonElement>(null);
  const pauseButton = useRef<HTMLButtonElement>(null);
  const stepButton = useRef<HTMLButtonElement>(null);
  // The button pressed disables itself: focus moves to the one that takes over (Pause, then Run or Step), never to the page,
  // and without scrolling to it: a run paused or stopped while the user watches the plots leaves the page where it is.
  useEffect(() => {
    const active = document.activeElement;
    const lost = active === document.body || active === null;
    if (running && (lost || active === runButton.current)) pauseButton.current?.focus({ preventScroll: true });
    if (!running && (lost || active === pauseButton.current)) {
      const next = runButton.current && !runButton.current.disabled ? runButton.current : stepButton.current;
      if (next && !next.disabled) next.focus({ preventScroll: true });
    }
  }, [running]);
  // Keys: Space runs or pauses, → steps, R resets, when focus is not in a field or on a control that takes the key itself.
  const keys = useRef({ running, usable, runnable: usable && phase !== 'stopped', resettable: hasData && phase !== 'starting' });
  keys.current = { running, usable, runnable: usable && phase !== 'stopped', resettable: hasData && phase !== 'starting' };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || takesKeys(e.target, e.key)) return;
      const k = keys.current;
      if (e.key === ' ' && (k.running || k.runnable)) {
        e.preventDefault();
        if (k.running) controller.pause();
        else controller.run();
      } else if (e.key === 'ArrowRight' && k.usable) {
        e.preventDefault();
        controller.step();
      } else if ((e.key === 'r' || e.key === 'R') && k.resettable) {
        e.preventDefault();
        controller.reset();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller]);
  return (
    <div className="run-bar">
      {/* biome-ignore lint/a11y/useSemanticElements: a toolbar of buttons, not form fields */}
      <div className="run-controls" role="group" aria-label="Run controls">
        <button
          ref={runButton}
          type="button"
          className="primary"
          disabled={!usable || running || phase === 'stopped'}
          aria-describedby={blocked && !running ? 'run-blocked' : undefined}
          onClick={() => controller.run()}
        >
          Run
        </button>
        <button ref={pauseButton} type="button" disabled={!running} onClick={() => controller.pause()}>
          Pause
        </button>
        <button ref={stepButton} type="button" disabled={!usable} onClick={() => controller.step()}>
          Step
        </button>
        <button type="button" disabled={!hasData || phase === 'starting'} onClick={() => controller.reset()}>
          Reset
        </button>
      </div>
      <div className="run-extras">
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
        <p className="hint run-keys">Keys: Space runs or pauses, → steps, R resets (outside text fields).</p>
        {blocked && !running && (
          <p id="run-blocked" className="run-blocked hint">
            Run is off: {blocked}.
          </p>
        )}
      </div>
    </div>
  );
}

/** Whether `t` handles keys itself (a text field, a menu, a button, a link), so the page shortcuts leave them alone. */
function takesKeys(t: EventTarget | null, key: string): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable) return true;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName)) return true;
  // a wide table's box (ScrollRegion) scrolls with the arrow keys while it has the focus
  if (t.dataset.scrollsX !== undefined && key.startsWith('Arrow')) return true;
  // a button, link or summary takes Space (and Enter) itself; → and R stay the page's
  return ['BUTTON', 'A', 'SUMMARY'].includes(t.tagName) && (key === ' ' || key === 'Enter');
}
