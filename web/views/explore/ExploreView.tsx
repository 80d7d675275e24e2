// The Explore rank view: which ranks the current matrix supports. Its settings (in the app state),
// Explore and Cancel, a progress bar naming the rank and restart with the time left, then rank by
// rank as they come: the suggested rank and why, a table with Open rank K, the plots of fit error,
// held-out error and cophenetic correlation against rank, and the consensus matrix of one rank.
import { useCallback, useMemo, useState } from 'react';
import { initInfo } from '../../../src/init/registry.js';
import { suggestRank } from '../../../src/rank/suggest.js';
import type { RankSurvey } from '../../../src/rank/survey.js';
import { solverInfo } from '../../../src/solvers/registry.js';
import type { RunOptions } from '../../../src/driver/options.js';
import { useAppState, useAppStore, useController } from '../../app/context.js';
import { NumberField } from '../../components/fields/NumberField.js';
import { withProblem } from '../../state/app.js';
import { useStore } from '../../state/store.js';
import { ConsensusPanel } from './ConsensusPanel.js';
import { RankPlot } from './RankPlot.js';
import { RankTable } from './RankTable.js';
import { copheneticFigure, fitFigure, heldOutFigure } from './rankFigures.js';
import { EXPLORE_KEYS, EXPLORE_SETTINGS, fitExploreSettings, type ExploreSettings, type SettingProblem } from './settings.js';
import { sweepOf } from './sweep.js';
import { formatSeconds, formatTimeLeft, progressLabel, secondsLeft, workFraction } from './sweepState.js';
import './explore.css';

/** "HALS, random initialization, at most 200 iterations, tolerance 1e-6, seed 1" */
function optionsText(o: RunOptions): string {
  const stops = [`at most ${o.maxIter} iterations`, `tolerance ${o.tol}`];
  if (o.target > 0) stops.push(`target ${o.target}`);
  return `${solverInfo(o.algorithm).label}, ${initInfo(o.init).label} initialization, ${stops.join(', ')}, seed ${o.seed}`;
}

/** The Explore rank view: settings, Explore and Cancel, progress, suggestion, table, plots and consensus of the current data. */
export function ExploreView() {
  const store = useAppStore();
  const controller = useController();
  const sweep = useMemo(() => sweepOf(store), [store]);
  const state = useStore(sweep.store, (s) => s);
  const settings = useAppState((s) => s.explore);
  const options = useAppState((s) => s.options);
  const info = useAppState((s) => s.data?.info ?? null);
  const loading = useAppState((s) => s.pendingLoad !== null);
  const [problem, setProblem] = useState<SettingProblem | null>(null);
  // fields whose typed text is not a valid value (label → problem): Explore waits until they are fixed
  const [typed, setTyped] = useState<Readonly<Record<string, string>>>({});
  const onTyped = useCallback((field: string, why: string | null) => setTyped((t) => withProblem(t, field, why)), []);
  const badField = Object.entries(typed)[0] ?? null;
  const m = info?.summary.rows ?? 1;
  const n = info?.summary.cols ?? 1;
  const fitted = info ? fitExploreSettings(settings, m, n) : { settings, notes: [] };
  const running = state.phase === 'running';
  const suggestion = useMemo(() => suggestRank(state.ranks), [state.ranks]);
  const figures = useMemo(
    () => ({ fit: fitFigure(state.ranks), heldOut: heldOutFigure(state.ranks), cophenetic: copheneticFigure(state.ranks) }),
    [state.ranks],
  );

  const set = (key: keyof ExploreSettings, value: number) => {
    setProblem(null);
    store.dispatch({ type: 'exploreSettings', settings: { ...settings, [key]: value } });
  };
  const explore = () => setProblem(sweep.exploreFitted(settings));
  const open = (p: RankSurvey) => {
    const base = state.run?.base;
    if (!base) return;
    const b = p.best;
    controller.resume(
      { ...base, rank: p.rank, seed: b.seed },
      {
        W: b.W.data.slice(),
        H: b.H.data.slice(),
        iteration: b.iterations,
        history: b.history.slice(),
        initialRelError: b.initialRelError,
        stop: b.stop,
        objective: b.objective,
      },
    );
    controller.openView('main');
  };

  const label = progressLabel(state);
  const p = state.progress;
  const timeText =
    state.phase === 'running' ? formatTimeLeft(secondsLeft(p)) : state.phase === 'done' && p ? `in ${formatSeconds(p.elapsedMs)}` : '';
  const run = state.run;
  const partial = state.phase !== 'done';
  return (
    <section className="explore panel" aria-labelledby="explore-heading">
      <h2 id="explore-heading">Explore rank</h2>
      <p className="hint">
        Fits every rank from the lowest to the highest with the Options panel's choices ({optionsText(options)}). Restart r of each rank
        starts from seed + r and hides its own held-out entries; each restart also fits a copy of the data with every column shuffled, the
        baseline a rank has to beat.
      </p>
      <div className="explore-fields">
        {EXPLORE_KEYS.map((key) => {
          const f = EXPLORE_SETTINGS[key];
          const rank = key === 'lowest' || key === 'highest';
          return (
            <NumberField
              key={key}
              label={f.label}
              integer={f.integer}
              min={f.min}
              max={rank ? Math.min(f.max, m, n) : f.max}
              step={f.integer ? 1 : 0.05}
              value={settings[key]}
              onCommit={(v) => set(key, v)}
              error={problem?.key === key ? problem.message : null}
              onProblem={onTyped}
            />
          );
        })}
      </div>
      {fitted.notes.map((note) => (
        <p key={note} className="hint">
          {note}
        </p>
      ))}
      <div className="explore-buttons">
        <button
          type="button"
          className="primary"
          onClick={explore}
          disabled={!info || loading || running || !!badField}
          aria-describedby={badField ? 'explore-blocked' : undefined}
        >
          Explore
        </button>
        <button type="button" onClick={() => sweep.cancel()} disabled={!running}>
          Cancel
        </button>
      </div>
      {badField && (
        <p className="hint" id="explore-blocked">
          Explore is off: fix {badField[0]}: {badField[1]}.
        </p>
      )}
      {run && (
        <div className="explore-progress">
          <progress max={1} value={workFraction(p)} aria-label={label} />
          <span>
            {label}
            {timeText && ` · ${timeText}`}
          </span>
        </div>
      )}
      <p className="explore-message" aria-live="polite">
        {state.phase === 'failed' ? `Explore failed: ${state.message}` : (state.message ?? '')}
      </p>
      {run && state.ranks.length > 0 && (
        <>
          <p className="suggestion" aria-live="polite">
            <strong>Suggested rank: {suggestion.suggestedRank ?? 'none'}</strong> — {suggestion.reason}
            {partial && ' (from the ranks surveyed so far)'}.
          </p>
          <p className="hint">
            Results for {run.dataName}: {optionsText(run.base)}; {run.settings.restarts} restarts per rank, held-out fraction{' '}
            {run.settings.holdout}.
          </p>
          <RankTable
            ranks={state.ranks}
            suggested={suggestion.suggestedRank}
            onOpen={open}
            openBlocked={loading ? 'a matrix is loading' : null}
          />
          <div className="plot-grid">
            {[figures.fit, figures.heldOut, figures.cophenetic].map((f) => (
              <RankPlot key={f.title} figure={f} ranks={[run.settings.lowest, run.settings.highest]} suggested={suggestion.suggestedRank} />
            ))}
          </div>
          <ConsensusPanel ranks={state.ranks} preferred={suggestion.suggestedRank} colLabels={info?.colLabels} />
        </>
      )}
    </section>
  );
}
