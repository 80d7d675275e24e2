// Randomize: a seeded synthetic matrix — planted low rank plus noise, plain uniform random, or
// ratings with missing entries. The generators check the numbers and explain what is wrong.
import { useId, useState, type FormEvent } from 'react';
import { useAppState, useController } from '../../app/context.js';
import type { DataSpec } from '../../../src/data/spec.js';

type Kind = 'lowrank' | 'uniform' | 'ratings';

const KINDS: { value: Kind; label: string }[] = [
  { value: 'lowrank', label: 'Low rank + noise' },
  { value: 'uniform', label: 'Uniform random' },
  { value: 'ratings', label: 'Ratings with missing entries' },
];

interface Form {
  kind: Kind;
  rows: string;
  cols: string;
  rank: string;
  noise: string;
  density: string;
  seed: string;
}

/** The spec a filled-in form describes (numbers as typed: the generator validates them). */
export function specOf(f: Form): DataSpec {
  const rows = Number(f.rows);
  const cols = Number(f.cols);
  const seed = Number(f.seed);
  if (f.kind === 'uniform') return { kind: 'uniform', rows, cols, seed };
  if (f.kind === 'ratings') return { kind: 'ratings', rows, cols, rank: Number(f.rank), density: Number(f.density), seed };
  return { kind: 'lowrank', rows, cols, rank: Number(f.rank), noise: Number(f.noise), seed };
}

/** The Randomize fieldset. */
export function RandomizeForm() {
  const id = useId();
  const controller = useController();
  const error = useAppState((s) => (s.dataError?.source === 'randomize' ? s.dataError.message : null));
  const [f, setF] = useState<Form>({ kind: 'lowrank', rows: '100', cols: '80', rank: '5', noise: '0.05', density: '0.3', seed: '1' });
  const field = (key: keyof Form, label: string, disabledWhy?: string) => (
    <div className="field compact">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="number"
        step="any"
        value={f[key]}
        disabled={!!disabledWhy}
        title={disabledWhy}
        onChange={(e) => setF({ ...f, [key]: e.target.value })}
      />
    </div>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    controller.load(specOf(f), 'randomize');
  };
  return (
    <form onSubmit={submit} aria-labelledby={`${id}-legend`}>
      <fieldset>
        <legend id={`${id}-legend`}>Randomize</legend>
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={f.kind} onChange={(e) => setF({ ...f, kind: e.target.value as Kind })}>
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        <div className="grid-fields">
          {field('rows', 'Rows')}
          {field('cols', 'Columns')}
          {field('rank', 'Planted rank', f.kind === 'uniform' ? 'a uniform matrix has no planted rank' : undefined)}
          {f.kind === 'ratings'
            ? field('density', 'Observed fraction')
            : field('noise', 'Noise', f.kind === 'uniform' ? 'a uniform matrix has no noise level' : undefined)}
          {field('seed', 'Data seed')}
        </div>
        <button type="submit">Randomize</button>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </fieldset>
    </form>
  );
}
