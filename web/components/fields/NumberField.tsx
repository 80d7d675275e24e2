// A labelled number input that commits on Enter or blur, checks its range, and says why when
// it is disabled or its text is not acceptable (the value in the app does not change then).
import { useEffect, useId, useState, type ReactNode } from 'react';

export interface NumberFieldProps {
  label: string;
  value: number;
  onCommit(value: number): void;
  integer?: boolean;
  min?: number;
  max?: number;
  /** The input's step ('any' for free decimals). */
  step?: number | 'any';
  /** Why the field is disabled, shown under it; null/undefined = enabled. */
  disabledReason?: string | null;
  hint?: ReactNode;
  /** An error from elsewhere (e.g. the worker rejected this option). */
  error?: string | null;
  /** Extra content after the input on the same line (e.g. a button). */
  after?: ReactNode;
  /** Told when the typed text becomes invalid (its problem) or valid again (null), e.g. to block Run. */
  onProblem?(label: string, problem: string | null): void;
}

/** Problems with `text` as a value of this field, or null. */
export function numberProblem(text: string, p: Pick<NumberFieldProps, 'integer' | 'min' | 'max'>): string | null {
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x)) return `“${text}” is not a number`;
  if (p.integer && !Number.isInteger(x)) return `${x} is not a whole number`;
  if (p.min !== undefined && x < p.min) return `must be at least ${p.min}`;
  if (p.max !== undefined && x > p.max) return `must be at most ${p.max}`;
  return null;
}

/** See NumberFieldProps. */
export function NumberField(p: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(String(p.value));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setText(String(p.value));
    setProblem(null);
  }, [p.value]);
  const { onProblem, label, disabledReason } = p;
  // a disabled field's text is not used: it blocks nothing
  useEffect(() => onProblem?.(label, disabledReason ? null : problem), [onProblem, label, problem, disabledReason]);
  useEffect(() => () => onProblem?.(label, null), [onProblem, label]);

  const commit = () => {
    const why = numberProblem(text, p);
    setProblem(why);
    if (!why && Number(text) !== p.value) p.onCommit(Number(text));
  };
  const message = problem ?? p.error ?? null;
  const described = [p.hint || p.disabledReason ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{p.label}</label>
      <div className="field-row">
        <input
          id={id}
          type="number"
          inputMode={p.integer ? 'numeric' : 'decimal'}
          value={text}
          min={p.min}
          max={p.max}
          step={p.step ?? (p.integer ? 1 : 'any')}
          disabled={!!p.disabledReason}
          aria-invalid={message ? true : undefined}
          aria-describedby={described || undefined}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
        {p.after}
      </div>
      {(p.disabledReason || p.hint) && (
        <p className="hint" id={`${id}-hint`}>
          {p.disabledReason ? `Disabled: ${p.disabledReason}.` : p.hint}
        </p>
      )}
      {message && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {p.label}: {message}
        </p>
      )}
    </div>
  );
}
