// The Learn panel: the selected algorithm's objective and update rules (KaTeX), the notation,
// why W and H stay non-negative, what the last Step changed, and the remarks of the source texts
// with buttons that show them.
import { solverParams } from '../../../src/driver/options.js';
import { solverInfo } from '../../../src/solvers/registry.js';
import { useAppState, useAppStore, useController } from '../../app/context.js';
import { LESSONS, NOTATION } from './lessons.js';
import { StepChanges } from './StepChanges.js';
import { Tex } from './Tex.js';
import './learn.css';

/** Loads KaTeX (views.ts waits for it before the panel first shows). */
export { loadKatex } from './Tex.js';

/** A learning rate at which gradient descent diverges on the examples (the error blows up in a few iterations). */
export const DIVERGING_ETA = 5;

/** The panel (see the file comment above). */
export function LearnView() {
  const store = useAppStore();
  const controller = useController();
  const algorithm = useAppState((s) => s.options.algorithm);
  const hasData = useAppState((s) => s.data !== null);
  const info = solverInfo(algorithm);
  const lesson = LESSONS[algorithm];
  const runWith = (patch: (o: ReturnType<typeof store.getState>['options']) => Partial<ReturnType<typeof store.getState>['options']>) => {
    const o = store.getState().options;
    controller.setOptions({ ...o, ...patch(o) });
    controller.run();
  };
  return (
    <section className="learn panel" aria-labelledby="learn-heading">
      <h2 id="learn-heading">Learn: {info.label}</h2>
      <p className="hint">{info.description}</p>
      <section className="learn-block" aria-labelledby="learn-rules-heading">
        <h3 id="learn-rules-heading">Objective and update rules</h3>
        <p>{lesson.objective.caption}</p>
        <Tex tex={lesson.objective.tex} display />
        {lesson.updates.map((u) => (
          <div key={u.tex}>
            <p>{u.caption}</p>
            <Tex tex={u.tex} display />
          </div>
        ))}
        <p>
          <strong>Why W and H stay non-negative.</strong> {lesson.nonNegative}
        </p>
      </section>
      <section className="learn-block" aria-labelledby="learn-notation-heading">
        <h3 id="learn-notation-heading">Notation</h3>
        <dl className="notation">
          {NOTATION.map((n) => (
            <div key={n.tex}>
              <dt>
                <Tex tex={n.tex} />
              </dt>
              <dd>{n.meaning}</dd>
            </div>
          ))}
        </dl>
      </section>
      <StepChanges />
      <section className="learn-block" aria-labelledby="learn-remarks-heading">
        <h3 id="learn-remarks-heading">Remarks from the source texts</h3>
        <ul className="remarks">
          <li>
            <strong>The ε in the multiplicative update.</strong> It keeps the denominator away from 0. With ε = 0, a zero entry of WᵀWH
            gives 0/0 (NaN), and an entry of H or W that reaches 0 stays 0 for ever, since every later update multiplies it.
          </li>
          <li>
            <strong>Truncation in ALS.</strong> Least squares does not know W, H ≥ 0; ALS sets the negatives it produces to 0 after each
            solve. So its error can go up from one iteration to the next; Alternating NNLS solves the constrained problem exactly.
          </li>
          <li>
            <strong>Non-uniqueness.</strong> For any positive diagonal D, <Tex tex={String.raw`(WD)(D^{-1}H) = WH`} />: the same fit with
            rescaled parts, and often other minima too. Compare factors only after normalizing their columns.
          </li>
          <li>
            <strong>Gradient descent diverges when η is too large.</strong> Each step overshoots, and the error grows instead of falling.{' '}
            <button
              type="button"
              disabled={!hasData}
              onClick={() => runWith(() => ({ algorithm: 'gd', params: { ...solverParams('gd'), learningRate: DIVERGING_ETA } }))}
            >
              Run gradient descent with η = {DIVERGING_ETA}
            </button>
          </li>
          <li>
            <strong>Run it several times.</strong> The result depends on the start; the textbook advice is to run from several seeds and
            keep the best (the CLI’s --restarts).{' '}
            <button type="button" disabled={!hasData} onClick={() => runWith((o) => ({ seed: o.seed + 1 }))}>
              Run with the next seed
            </button>
          </li>
        </ul>
      </section>
    </section>
  );
}
