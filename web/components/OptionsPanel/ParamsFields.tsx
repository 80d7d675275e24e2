// The algorithm's own parameters: only the ones the chosen solver reads (ε, learning rate η, L2
// penalty λ, the projection and extrapolation switches), and one line naming the others, which do not apply to it.
import { useId } from 'react';
import type { ParamId, SolverInfo, SolverParams } from '../../../src/solvers/types.js';
import { notApplyText } from '../../state/options.js';
import { NumberField } from '../fields/NumberField.js';

export interface ParamsFieldsProps {
  solver: SolverInfo;
  params: SolverParams;
  errorFor(option: string): string | null;
  onChange(params: SolverParams): void;
  /** Told when a field's text becomes invalid or valid again (see NumberFieldProps). */
  onProblem?(label: string, problem: string | null): void;
}

/** See ParamsFieldsProps. */
export function ParamsFields({ solver, params, errorFor, onChange, onProblem }: ParamsFieldsProps) {
  const id = useId();
  const uses = (p: ParamId) => solver.params.includes(p);
  // a solver without parameters of its own gets the line alone, no empty box
  if (solver.params.length === 0) return <p className="hint params-none">{notApplyText(solver)}</p>;
  return (
    <fieldset>
      <legend>Parameters of {solver.label}</legend>
      {uses('epsilon') && (
        <NumberField
          onProblem={onProblem}
          label="ε (epsilon)"
          min={0}
          value={params.epsilon}
          hint="Added to denominators so they are never 0."
          error={errorFor('epsilon')}
          onCommit={(epsilon) => onChange({ ...params, epsilon })}
        />
      )}
      {uses('learningRate') && (
        <NumberField
          onProblem={onProblem}
          label="Learning rate η"
          min={0}
          value={params.learningRate}
          hint="Step size of each gradient step."
          error={errorFor('learningRate')}
          onCommit={(learningRate) => onChange({ ...params, learningRate })}
        />
      )}
      {uses('l2') && (
        <NumberField
          onProblem={onProblem}
          label="L2 penalty λ"
          min={0}
          value={params.l2}
          hint="Shrinks W and H towards 0."
          error={errorFor('l2')}
          onCommit={(l2) => onChange({ ...params, l2 })}
        />
      )}
      {uses('project') && (
        <div className="field">
          <div className="field-row">
            <input
              id={id}
              type="checkbox"
              checked={params.project}
              aria-describedby={`${id}-hint`}
              onChange={(e) => onChange({ ...params, project: e.target.checked })}
            />
            <label htmlFor={id}>Project onto W, H ≥ 0</label>
          </div>
          <p className="hint" id={`${id}-hint`}>
            Clip negative entries after each step; turn off to see why it is needed.
          </p>
        </div>
      )}
      {uses('extrapolate') && (
        <div className="field">
          <div className="field-row">
            <input
              id={`${id}-extrapolate`}
              type="checkbox"
              checked={params.extrapolate}
              aria-describedby={`${id}-extrapolate-hint`}
              onChange={(e) => onChange({ ...params, extrapolate: e.target.checked })}
            />
            <label htmlFor={`${id}-extrapolate`}>Extrapolate between steps</label>
          </div>
          <p className="hint" id={`${id}-extrapolate-hint`}>
            Push W and H on along their last step (Ang &amp; Gillis); a step that raises the error is taken back. About half the steps to a
            good fit.
          </p>
        </div>
      )}
      <p className="hint">{notApplyText(solver)}</p>
    </fieldset>
  );
}
