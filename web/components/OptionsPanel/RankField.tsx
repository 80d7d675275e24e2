// Rank k: a slider and a number box sharing one visible label ("Rank"), limited to 1..min(m, n);
// the slider spans a range that suits the choice (rankSliderTop), the box takes any rank allowed.
import { useEffect, useId, useRef, useState } from 'react';
import { rankSliderTop } from '../../state/options.js';
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
  /** Told when the typed rank becomes invalid (its problem) or valid again (null), to block Run as the other fields do. */
  onProblem?(label: string, problem: string | null): void;
}

/** See RankFieldProps. The slider commits as it moves; the box on Enter or blur. */
export function RankField({ value, max, onCommit, error, planted, notice, onProblem }: RankFieldProps) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setText(String(value));
    setProblem(null);
  }, [value]);
  useEffect(() => onProblem?.('Rank', problem), [onProblem, problem]);
  useEffect(() => () => onProblem?.('Rank', null), [onProblem]);
  // The slider's end follows a rank set elsewhere (the box, new data) but not one set by the slider
  // itself, so its range never moves under the thumb.
  const [top, setTop] = useState(() => rankSliderTop(value, max));
  const fromSlider = useRef(false);
  useEffect(() => {
    if (!fromSlider.current) setTop(rankSliderTop(value, max));
    fromSlider.current = false;
  }, [value, max]);
  const sliderMax = Math.min(Math.max(top, Math.min(value, max)), max);
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
          max={sliderMax}
          step={1}
          value={Math.min(value, max)}
          aria-labelledby={`${id}-label`}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            fromSlider.current = true;
            onCommit(Number(e.target.value));
          }}
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
        k from 1 to {max} (min of rows and columns)
        {sliderMax < max ? `; the slider goes to ${sliderMax}, type a larger k in the box.` : '.'}
        {planted !== undefined && ` Hint: this data was made with rank ${planted}.`}
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
