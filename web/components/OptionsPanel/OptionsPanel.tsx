// How to factorize, the settings a person changes first: the algorithm, the rank and the
// algorithm's own parameters, built from the registries; an algorithm the data cannot take is
// disabled, with why. The start and the stopping rules are the Start and stop panel's.
import { useCallback } from 'react';
import { SOLVERS, solverInfo } from '../../../src/solvers/registry.js';
import type { AlgorithmId, SolverParams } from '../../../src/solvers/types.js';
import { useAppState, useController } from '../../app/context.js';
import { algorithmBlocked, maxRank, overfitNotice } from '../../state/options.js';
import { solverParams } from '../../../src/driver/options.js';
import type { RunOptions } from '../../../src/driver/options.js';
import { SelectField } from '../fields/SelectField.js';
import { RankField } from './RankField.js';
import { ParamsFields } from './ParamsFields.js';

/** The Options panel: Algorithm, Rank and the chosen algorithm's own parameters (the settings a person changes first). */
export function OptionsPanel() {
  const controller = useController();
  const options = useAppState((s) => s.options);
  const summary = useAppState((s) => s.data?.info.summary ?? null);
  const planted = useAppState((s) => {
    const spec = s.data?.spec;
    return spec && (spec.kind === 'lowrank' || spec.kind === 'ratings') ? spec.rank : undefined;
  });
  const optionError = useAppState((s) => s.optionError);
  const missing = summary?.missing ?? 0;
  const solver = solverInfo(options.algorithm);
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
      <ParamsFields
        solver={solver}
        params={options.params}
        errorFor={errorFor}
        onChange={(params: SolverParams) => set({ params })}
        onProblem={onProblem}
      />
    </section>
  );
}
