// How to factorize, the settings a person changes first: the algorithm, the rank and the
// algorithm's own parameters, built from the registries (an algorithm the data cannot take is
// disabled, with why), and the precision of V's products. The start and the stopping rules are
// the Start and stop panel's.
import { useCallback } from 'react';
import { SOLVERS, solverInfo } from '../../../src/solvers/registry.js';
import type { AlgorithmId, SolverParams } from '../../../src/solvers/types.js';
import { useAppState, useController } from '../../app/context.js';
import { algorithmBlocked, maxRank, overfitNotice } from '../../state/options.js';
import { usesFloat32, type Precision } from '../../../src/driver/float32.js';
import { solverParams } from '../../../src/driver/options.js';
import type { RunOptions } from '../../../src/driver/options.js';
import { SelectField } from '../fields/SelectField.js';
import { RankField } from './RankField.js';
import { ParamsFields } from './ParamsFields.js';

/** What the Precision choice does for these options: where float32 applies, and where it does not, why. */
function precisionHint(options: RunOptions, masked: boolean, sparse: boolean): string {
  if (options.precision !== 'float32') return 'Every product in float64.';
  if (sparse) return 'A matrix held by its entries runs in float64: its products are over the entries.';
  if (!usesFloat32(options.algorithm, masked)) {
    return `${solverInfo(options.algorithm).label} forms no products with V${masked ? ' when entries are missing' : ''}: it runs in float64.`;
  }
  if (solverInfo(options.algorithm).productsWithResidual) {
    return 'RHᵀ and WᵀR with the residual R = V − WH rounded to float32 each iteration: faster, errors agree with float64 to about 1e-7 on large matrices.';
  }
  return 'WᵀV and VHᵀ with V rounded to float32: up to twice as fast, errors agree with float64 to about 1e-7 on large matrices.';
}

/** The Options panel: Algorithm, Rank, the chosen algorithm's own parameters (the settings a person changes first) and the precision of V's products. */
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
  const sparse = useAppState((s) => s.data?.info.sparse === true);
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
        onProblem={onProblem}
      />
      <ParamsFields
        solver={solver}
        params={options.params}
        errorFor={errorFor}
        onChange={(params: SolverParams) => set({ params })}
        onProblem={onProblem}
      />
      <SelectField
        label="Precision"
        value={options.precision ?? 'float64'}
        choices={[
          { value: 'float64', label: 'float64' },
          { value: 'float32', label: 'float32 products (faster)' },
        ]}
        onChange={(p) => set({ precision: p as Precision })}
        hint={precisionHint(options, missing > 0, sparse)}
        error={errorFor('precision')}
      />
    </section>
  );
}
