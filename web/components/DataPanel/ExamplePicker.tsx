// The built-in examples; choosing one loads it (and selects the rank it is meant for).
import { EXAMPLES } from '../../../src/data/examples.js';
import { useAppState, useController } from '../../app/context.js';
import { SelectField, type Choice } from '../fields/SelectField.js';

const CUSTOM = '';

/** The Example select. */
export function ExamplePicker() {
  const controller = useController();
  const spec = useAppState((s) => s.pendingLoad?.spec ?? s.data?.spec ?? null);
  const error = useAppState((s) => (s.dataError?.source === 'example' ? s.dataError.message : null));
  const current: string = spec?.kind === 'example' ? spec.id : CUSTOM;
  const info = EXAMPLES.find((e) => e.id === current);
  const choices: Choice[] = EXAMPLES.map((e) => ({ value: e.id, label: e.label, description: e.description }));
  if (current === CUSTOM) choices.unshift({ value: CUSTOM, label: '— not an example —' });
  return (
    <SelectField
      label="Example"
      value={current}
      choices={choices}
      onChange={(id) => id !== CUSTOM && controller.load({ kind: 'example', id }, 'example')}
      hint={info?.description ?? 'Pick an example to replace the current matrix.'}
      error={error}
    />
  );
}
