// The algorithm's own parameters: ε, learning rate η, L2 penalty λ and the projection switch;
// the ones the chosen solver does not read are disabled with the reason.
import { useId } from 'react';
import type { ParamId, SolverInfo, SolverParams } from '../../../src/solvers/types.js';
import { NumberField } from '../fields/NumberField.js';

export interface ParamsFieldsProps {
  solver: SolverInfo;
  params: SolverParams;
  blocked(param: ParamId): string | null;
  errorFor(option: string): string | null;
  onChange(params: SolverParams): void;
  /** Told when a field's text becomes invalid or valid again (see NumberFieldProps). */
  onProblem?(label: string, problem: string | null): void;
}

/** See ParamsFieldsProps. */
export function ParamsFields({ solver, params, blocked, errorFor, onChange, onProblem }: ParamsFieldsProps) {
  const id = useId();
  const projectBlocked = blocked('project');
  return (
    <fieldset>
      <legend>Parameters of {solver.label}</legend>
      <NumberField
        onProblem={onProblem}
        label="ε (epsilon)"
        min={0}
        value={params.epsilon}
        disabledReason={blocked('epsilon')}
        hint="Added to denominators so they are never 0."
        error={errorFor('epsilon')}
        onCommit={(epsilon) => onChange({ ...params, epsilon })}
      />
      <NumberField
        onProblem={onProblem}
        label="Learning rate η"
        min={0}
        value={params.learningRate}
        disabledReason={blocked('learningRate')}
        hint="Step size of each gradient step."
        error={errorFor('learningRate')}
        onCommit={(learningRate) => onChange({ ...params, learningRate })}
      />
      <NumberField
        onProblem={onProblem}
        label="L2 penalty λ"
        min={0}
        value={params.l2}
        disabledReason={blocked('l2')}
        hint="Shrinks W and H towards 0."
        error={errorFor('l2')}
        onCommit={(l2) => onChange({ ...params, l2 })}
      />
      <div className="field">
        <div className="field-row">
          <input
            id={id}
            type="checkbox"
            checked={params.project}
            disabled={!!projectBlocked}
            aria-describedby={`${id}-hint`}
            onChange={(e) => onChange({ ...params, project: e.target.checked })}
          />
          <label htmlFor={id}>Project onto W, H ≥ 0</label>
        </div>
        <p className="hint" id={`${id}-hint`}>
          {projectBlocked ? `Disabled: ${projectBlocked}.` : 'Clip negative entries after each step; turn off to see why it is needed.'}
        </p>
      </div>
    </fieldset>
  );
}
