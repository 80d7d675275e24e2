// How to factorize: algorithm, rank, initialization, seed, stopping rules and the algorithm's
// own parameters, built from the registries; what the solver cannot take is disabled, with why.
import { useCallback } from 'react';
import { Rng } from '../../../src/core/rng.js';
import { INITS } from '../../../src/init/registry.js';
import type { InitId } from '../../../src/init/types.js';
import { SOLVERS, solverInfo } from '../../../src/solvers/registry.js';
import type { AlgorithmId, SolverParams } from '../../../src/solvers/types.js';
import { useAppState, useController } from '../../app/context.js';
import { algorithmBlocked, initBlocked, maxRank, overfitNotice, paramBlocked } from '../../state/options.js';
import { solverParams } from '../../../src/driver/options.js';
import { MAX_RESTARTS } from '../../../src/rank/survey.js';
import type { RunOptions } from '../../../src/driver/options.js';
import { NumberField } from '../fields/NumberField.js';
import { SelectField } from '../fields/SelectField.js';
import { RankField } from './RankField.js';
import { ParamsFields } from './ParamsFields.js';

/** The Options panel. */
export function OptionsPanel() {
  const controller = useController();
  const options = useAppState((s) => s.options);
  const restarts = useAppState((s) => s.restarts);
  const summary = useAppState((s) => s.data?.info.summary ?? null);
  const planted = useAppState((s) => {
    const spec = s.data?.spec;
    return spec && (spec.kind === 'lowrank' || spec.kind === 'ratings') ? spec.rank : undefined;
  });
  const optionError = useAppState((s) => s.optionError);
  const missing = summary?.missing ?? 0;
  const solver = solverInfo(options.algorithm);
  const init = INITS.find((i) => i.id === options.init);
  const errorFor = (option: string) => (optionError?.option === option ? optionError.message : null);
  const set = (patch: Partial<RunOptions>) => controller.setOptions({ ...options, ...patch });
  const onProblem = useCallback((field: string, problem: string | null) => controller.fieldProblem(field, problem), [controller]);

  return (
    <section className="panel" aria-labelledby="options-heading">
      <h2 id="options-heading">Options</h2>
      <SelectField
        label="Algorithm"
        value={options.algorithm}
        choices={SOLVERS.map((s) => ({ value: s.id, label: s.label, blocked: algorithmBlocked(s, missing), description: s.description }))}
        onChange={(id) => set({ algorithm: id as AlgorithmId, params: solverParams(id as AlgorithmId) })}
        hint={solver.description}
        error={errorFor('algorithm')}
      />
      <RankField
        value={options.rank}
        max={summary ? maxRank(summary) : options.rank}
        planted={planted}
        notice={summary ? overfitNotice(summary, options.rank) : null}
        onCommit={(rank) => set({ rank })}
        error={errorFor('rank')}
      />
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
      <ParamsFields
        solver={solver}
        params={options.params}
        blocked={(p) => paramBlocked(solver, p)}
        errorFor={errorFor}
        onChange={(params: SolverParams) => set({ params })}
        onProblem={onProblem}
      />
    </section>
  );
}

/** The seed after `seed` for the "New seed" button: drawn from the seeded stream, so a sequence of clicks is reproducible. */
function nextSeed(seed: number): number {
  return 1 + new Rng(seed, 0x5eed).int(999_999);
}
