// Where a run starts and when it stops: initialization, seed, restarts, maximum iterations,
// tolerance and target error (the Options panel has the algorithm, the rank and its parameters).
import { useCallback } from 'react';
import { Rng } from '../../../src/core/rng.js';
import { INITS } from '../../../src/init/registry.js';
import type { InitId } from '../../../src/init/types.js';
import { useAppState, useController } from '../../app/context.js';
import { initBlocked } from '../../state/options.js';
import { MAX_RESTARTS } from '../../../src/rank/survey.js';
import { MAX_SEED, type RunOptions } from '../../../src/driver/options.js';
import { NumberField } from '../fields/NumberField.js';
import { SelectField } from '../fields/SelectField.js';

/** The Start and stop panel: Initialization, Seed (New seed), Restarts, Max iterations, Tolerance, Target error. */
export function StartStopPanel() {
  const controller = useController();
  const options = useAppState((s) => s.options);
  const restarts = useAppState((s) => s.restarts);
  const optionError = useAppState((s) => s.optionError);
  const init = INITS.find((i) => i.id === options.init);
  const errorFor = (option: string) => (optionError?.option === option ? optionError.message : null);
  const set = (patch: Partial<RunOptions>) => controller.setOptions({ ...options, ...patch });
  const onProblem = useCallback((field: string, problem: string | null) => controller.fieldProblem(field, problem), [controller]);

  return (
    <section className="panel" aria-labelledby="start-stop-heading">
      <h2 id="start-stop-heading">Start and stop</h2>
      <SelectField
        label="Initialization"
        value={options.init}
        choices={INITS.map((i) => ({ value: i.id, label: i.label, blocked: initBlocked(i), description: i.description }))}
        onChange={(id) => set({ init: id as InitId })}
        hint={init ? `${init.description}${init.seeded ? '' : ' The seed does not change it.'}` : undefined}
        error={errorFor('init')}
      />
      <NumberField
        onProblem={onProblem}
        label="Seed"
        integer
        min={-MAX_SEED}
        max={MAX_SEED - (restarts - 1)}
        value={options.seed}
        onCommit={(seed) => set({ seed })}
        error={errorFor('seed')}
        after={
          <button type="button" onClick={() => set({ seed: nextSeed(options.seed) })}>
            New seed
          </button>
        }
      />
      <NumberField
        onProblem={onProblem}
        label="Restarts"
        integer
        min={1}
        max={MAX_RESTARTS}
        value={restarts}
        onCommit={(n) => controller.setRestarts(n)}
        hint={
          restarts > 1
            ? `Runs seeds ${options.seed} to ${options.seed + restarts - 1} in turn, each to its stop, and keeps the best.`
            : 'One run from the seed; with more, seeds seed, seed + 1, … run in turn and the best is kept.'
        }
        error={errorFor('restarts')}
      />
      <NumberField
        onProblem={onProblem}
        label="Max iterations"
        integer
        min={1}
        value={options.maxIter}
        onCommit={(maxIter) => set({ maxIter })}
        error={errorFor('maxIter')}
      />
      <NumberField
        onProblem={onProblem}
        label="Tolerance"
        min={0}
        value={options.tol}
        onCommit={(tol) => set({ tol })}
        hint="Stop when the objective changes by less than this fraction; 0 = never."
        error={errorFor('tol')}
      />
      <NumberField
        onProblem={onProblem}
        label="Target error ‖V−WH‖"
        min={0}
        value={options.target}
        onCommit={(target) => set({ target })}
        hint="Stop when ‖V−WH‖_F reaches this; 0 = never."
        error={errorFor('target')}
      />
    </section>
  );
}

/** The seed after `seed` for the "New seed" button: drawn from the seeded stream, so a sequence of clicks is reproducible. */
function nextSeed(seed: number): number {
  return 1 + new Rng(seed, 0x5eed).int(999_999);
}
