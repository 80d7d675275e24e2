// A labelled select whose unavailable choices are disabled, with the reason in their text.
import { useId, type ReactNode } from 'react';

/** One choice: its value, its text and why it cannot be chosen (null when it can). */
export interface Choice {
  value: string;
  label: string;
  blocked?: string | null;
  /** A one-line description, shown as the option's tooltip. */
  description?: string;
}

export interface SelectFieldProps {
  label: string;
  value: string;
  choices: readonly Choice[];
  onChange(value: string): void;
  hint?: ReactNode;
  error?: string | null;
  disabled?: boolean;
}

/** See SelectFieldProps. */
export function SelectField(p: SelectFieldProps) {
  const id = useId();
  const described = [p.hint ? `${id}-hint` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{p.label}</label>
      <select
        id={id}
        value={p.value}
        disabled={p.disabled}
        onChange={(e) => p.onChange(e.target.value)}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={described || undefined}
      >
        {p.choices.map((c) => (
          <option key={c.value} value={c.value} disabled={!!c.blocked} title={c.description}>
            {c.blocked ? `${c.label} — ${c.blocked}` : c.label}
          </option>
        ))}
      </select>
      {p.hint && (
        <p className="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      )}
      {p.error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {p.error}
        </p>
      )}
    </div>
  );
}
