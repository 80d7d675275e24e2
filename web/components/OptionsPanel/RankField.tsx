// Rank k: a slider and a number box sharing one visible label ("Rank"), limited to 1..min(m, n).
import { useEffect, useId, useState } from 'react';
import { numberProblem } from '../fields/NumberField.js';

export interface RankFieldProps {
  value: number;
  max: number;
  onCommit(rank: number): void;
  error?: string | null;
  /** The planted rank of generated data: a hint, never set for the user (finding it is the exercise). */
  planted?: number;
  /** A notice about the chosen rank (e.g. overfitting: more unknowns than observed entries), shown under the hint. */
  notice?: string | null;
}

/** See RankFieldProps. The slider commits as it moves; the box on Enter or blur. */
export function RankField({ value, max, onCommit, error, planted, notice }: RankFieldProps) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setText(String(value));
    setProblem(null);
  }, [value]);
  const commit = () => {
    const why = numberProblem(text, { integer: true, min: 1, max });
    setProblem(why);
    if (!why && Number(text) !== value) onCommit(Number(text));
  };
  const message = problem ? `Rank: ${problem}` : error;
  return (
    <div className="field">
      <label id={`${id}-label`} htmlFor={`${id}-box`}>
        Rank
      </label>
      <div className="field-row">
        <input
          type="range"
          min={1}
          max={max}
          step={1}
          value={Math.min(value, max)}
          aria-labelledby={`${id}-label`}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onCommit(Number(e.target.value))}
        />
        <input
          id={`${id}-box`}
          className="narrow"
          type="number"
          inputMode="numeric"
          min={1}
          max={max}
          step={1}
          value={text}
          aria-describedby={`${id}-hint`}
          aria-invalid={message ? true : undefined}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
      </div>
      <p className="hint" id={`${id}-hint`}>
        k from 1 to {max} (min of rows and columns).{planted !== undefined && ` Hint: this data was made with rank ${planted}.`}
      </p>
      {notice && <p className="field-notice">{notice}</p>}
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
