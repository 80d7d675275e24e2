// The app's whole state and the one reducer that changes it. Pure: no worker, no DOM.
// Worker messages for any run but the current one (or the pending load) are dropped here.
import { History } from '../../src/core/history.js';
import type { Stop } from '../../src/driver/factorization.js';
import { exampleInfo } from '../../src/data/examples.js';
import type { DataInfo, FromWorker, RestartsProgress, RunPhase, Snapshot, Speed } from '../shared/protocol.js';
import type { DataSpec } from '../../src/data/spec.js';
import type { RunOptions } from '../../src/driver/options.js';
import { defaultOptions, fitOptions } from './options.js';
import type { ViewId } from './view.js';
import { defaultExploreSettings, type ExploreSettings } from '../views/explore/settings.js';
import type { KeepBanner } from '../keep/record.js';
import { keepRun, type PreviousRun } from './previousRuns.js';

/** Which control a matrix came from (its error is shown next to that control); 'link' = a shared link, 'session' = a kept or opened session. */
export type DataSource = 'example' | 'randomize' | 'upload' | 'paste' | 'recovery' | 'link' | 'session';

/** The run on screen. `phase` 'starting' = its first progress has not arrived; 'invalid' = options rejected. */
export interface RunView {
  readonly runId: number;
  readonly phase: RunPhase | 'starting' | 'invalid';
  /** A Run or Pause the worker has not confirmed yet (for instant button feedback). */
  readonly intent: 'run' | 'pause' | null;
  readonly iteration: number;
  readonly relError: number | null;
  readonly initialRelError: number | null;
  readonly itersPerSec: number;
  /**
   * Relative error after each iteration (index 0 = iteration 1): a view of `log`, the run's
   * append-only buffer, so a progress message costs its own points, never a copy of the history.
   */
  readonly history: Float64Array;
  readonly log: History;
  /** The solver's objective now, at iteration 0, and after each iteration (as `history`, a view of `objectiveLog`). */
  readonly objective: number | null;
  readonly initialObjective: number | null;
  readonly objectiveHistory: Float64Array;
  readonly objectiveLog: History;
  readonly stop: Stop | null;
  /** Where the run's restarts stand; null for a run of one restart. */
  readonly restarts: RestartsProgress | null;
  /** Why this run started (an options change), or null. */
  readonly why: string | null;
}

export interface AppState {
  readonly options: RunOptions;
  readonly speed: Speed;
  /** The matrix in the worker and the spec it was made from (kept to reload it after a crash). */
  readonly data: { readonly spec: DataSpec; readonly info: DataInfo } | null;
  readonly pendingLoad: { readonly runId: number; readonly spec: DataSpec; readonly source: DataSource } | null;
  readonly dataError: { readonly source: DataSource; readonly message: string } | null;
  readonly optionError: { readonly option: string; readonly message: string } | null;
  /** Fields whose typed text is not a valid value (label → problem): Run, Step and Share wait until they are fixed. */
  readonly fieldProblems: Readonly<Record<string, string>>;
  /** Things the app did on its own (options adjusted, worker restarted), shown in the status area. */
  readonly notices: readonly string[];
  /** Notes about how the options were fitted to the loaded matrix: replaced by the next load (they are about this data only). */
  readonly dataNotes: readonly string[];
  /**
   * What opening a shared link or a session did (what it ran to, what it could not use):
   * replaced by the next link or session, dropped when other data is loaded.
   */
  readonly openNotices: readonly string[];
  /** The rank the user last chose: a load that had to lower it restores it on the next matrix that allows it. */
  readonly wantedRank: number | null;
  readonly run: RunView;
  readonly snapshot: Snapshot | null;
  /** The view whose tab is open. */
  readonly view: ViewId;
  /** The threads the worker's products run on, once it said hello (isolated: cross-origin isolated page). */
  readonly threads: { readonly count: number; readonly isolated: boolean } | null;
  /** Restarts of the main view's run (the Restarts field): seeds seed … seed + restarts − 1, the best kept. */
  readonly restarts: number;
  /** The Explore rank view's settings. */
  readonly explore: ExploreSettings;
  /** Shown for an iframe (an Embed link): plots, run controls and status only. */
  readonly embed: boolean;
  /** The kept session's banner (restored, or kept to go back to), or null. */
  readonly keep: KeepBanner | null;
  /** Earlier runs on this data that an options change replaced, oldest first: faded curves on the loss plot. */
  readonly previousRuns: readonly PreviousRun[];
}

export type Action =
  | { readonly type: 'loadRequested'; readonly runId: number; readonly spec: DataSpec; readonly source: DataSource }
  /**
   * A new run was asked for; `why` (e.g. "rank 3 → 4") is said in the status until it moves;
   * `previous`: the options of the run it replaces, whose curves stay on the loss plot.
   */
  | { readonly type: 'configured'; readonly runId: number; readonly why?: string | null; readonly previous?: RunOptions }
  /** The Clear previous runs button: only the current run stays on the loss plot. */
  | { readonly type: 'clearPreviousRuns' }
  | { readonly type: 'options'; readonly options: RunOptions }
  | { readonly type: 'speed'; readonly speed: Speed }
  | { readonly type: 'view'; readonly view: ViewId }
  | { readonly type: 'restarts'; readonly restarts: number }
  | { readonly type: 'exploreSettings'; readonly settings: ExploreSettings }
  | { readonly type: 'intent'; readonly intent: 'run' | 'pause' }
  /** The field labelled `field` holds text that is not a valid value (`problem`), or is fine again (null). */
  | { readonly type: 'fieldProblem'; readonly field: string; readonly problem: string | null }
  | { readonly type: 'workerRestarted'; readonly notice: string }
  | { readonly type: 'notice'; readonly text: string }
  /** Data that never reached the worker (an upload too large or unreadable): the matrix stays, the message shows at `source`. */
  | { readonly type: 'dataFailed'; readonly source: DataSource; readonly message: string }
  | { readonly type: 'dismissNotices' }
  | { readonly type: 'keep'; readonly banner: KeepBanner | null }
  /** A shared link or a session was opened: its options, speed and view replace the current ones, with notices saying so. */
  | {
      readonly type: 'shared';
      readonly options: RunOptions;
      readonly speed: Speed;
      readonly view: ViewId;
      readonly embed: boolean;
      readonly notices: readonly string[];
    }
  | { readonly type: 'worker'; readonly msg: FromWorker };

/**
 * The Speed a new page (or Start fresh) runs at: a pace a class can watch, the loss curve falling
 * and WH filling in iteration by iteration; "As fast as possible" is one choice away in the menu.
 * Pace never changes the numbers, only when they are shown.
 */
export const DEFAULT_SPEED: Speed = 5;

/** The state before anything is loaded. */
export function initialState(): AppState {
  return {
    options: defaultOptions(),
    speed: DEFAULT_SPEED,
    data: null,
    pendingLoad: null,
    dataError: null,
    optionError: null,
    fieldProblems: {},
    notices: [],
    dataNotes: [],
    openNotices: [],
    wantedRank: null,
    run: freshRun(0),
    snapshot: null,
    view: 'main',
    threads: null,
    restarts: 1,
    explore: defaultExploreSettings(),
    embed: false,
    keep: null,
    previousRuns: [],
  };
}

function freshRun(runId: number, why: string | null = null): RunView {
  return {
    runId,
    phase: 'starting',
    intent: null,
    iteration: 0,
    relError: null,
    initialRelError: null,
    itersPerSec: 0,
    history: new Float64Array(0),
    log: new History(),
    objective: null,
    initialObjective: null,
    objectiveHistory: new Float64Array(0),
    objectiveLog: new History(),
    stop: null,
    restarts: null,
    why,
  };
}

/**
 * A history with `points` from iteration from+1 on: appended in place to its log when they follow
 * what the state shows (the usual case); otherwise (points resent from earlier, or a log that an
 * older state shares) a new log with the kept prefix.
 */
function withPoints(history: Float64Array, log: History, from: number, points: readonly number[]): { history: Float64Array; log: History } {
  if (!points.length && from === history.length) return { history, log };
  if (from === history.length && log.length === history.length) {
    log.append(points);
    return { history: log.view(), log };
  }
  const fresh = History.of(history.subarray(0, Math.min(from, history.length)));
  fresh.append(points);
  return { history: fresh.view(), log: fresh };
}

/** `problems` (field label → problem) with `field`'s problem set, or removed for null; `problems` itself when that changes nothing. */
export function withProblem(
  problems: Readonly<Record<string, string>>,
  field: string,
  problem: string | null,
): Readonly<Record<string, string>> {
  if ((problems[field] ?? null) === problem) return problems;
  const { [field]: _old, ...rest } = problems;
  return problem === null ? rest : { ...rest, [field]: problem };
}

/** The first field whose text is not a valid value, as "Learning rate η: must be at least 0", or null. */
export function fieldBlock(s: Pick<AppState, 'fieldProblems'>): string | null {
  const first = Object.entries(s.fieldProblems)[0];
  return first ? `${first[0]}: ${first[1]}` : null;
}

/** The rank a spec suggests: an example's chosen rank, or the planted rank of a generator. */
export function suggestedRank(spec: DataSpec): number | undefined {
  if (spec.kind === 'example') return exampleInfo(spec.id).rank;
  if (spec.kind === 'lowrank' || spec.kind === 'ratings') return spec.rank;
  return undefined;
}

/** The next state after `a`. */
export function reduce(s: AppState, a: Action): AppState {
  switch (a.type) {
    case 'loadRequested':
      return { ...s, pendingLoad: { runId: a.runId, spec: a.spec, source: a.source }, dataError: null };
    case 'configured': {
      const previousRuns = a.previous ? keepRun(s.previousRuns, s.run, a.previous) : s.previousRuns;
      return { ...s, run: freshRun(a.runId, a.why ?? null), optionError: null, previousRuns };
    }
    case 'clearPreviousRuns':
      return s.previousRuns.length ? { ...s, previousRuns: [] } : s;
    case 'options':
      return { ...s, options: a.options, wantedRank: a.options.rank };
    case 'speed':
      return { ...s, speed: a.speed };
    case 'view':
      return s.view === a.view ? s : { ...s, view: a.view };
    case 'restarts':
      return s.restarts === a.restarts ? s : { ...s, restarts: a.restarts };
    case 'exploreSettings':
      return { ...s, explore: a.settings };
    case 'intent':
      return { ...s, run: { ...s.run, intent: a.intent } };
    case 'fieldProblem': {
      const fieldProblems = withProblem(s.fieldProblems, a.field, a.problem);
      return fieldProblems === s.fieldProblems ? s : { ...s, fieldProblems };
    }
    case 'workerRestarted': {
      // A load in flight died with the worker: say so next to its control; the previous data is reloaded.
      const p = s.pendingLoad;
      const dataError =
        p && p.source !== 'recovery'
          ? { source: p.source, message: 'The worker crashed while making this matrix; the previous one was kept.' }
          : s.dataError;
      return { ...s, pendingLoad: null, dataError, run: freshRun(s.run.runId), snapshot: null, notices: [...s.notices, a.notice] };
    }
    case 'notice':
      return { ...s, notices: [...s.notices, a.text] };
    case 'dataFailed':
      return { ...s, dataError: { source: a.source, message: a.message } };
    case 'dismissNotices':
      return s.notices.length || s.dataNotes.length || s.openNotices.length ? { ...s, notices: [], dataNotes: [], openNotices: [] } : s;
    case 'keep':
      return s.keep === a.banner ? s : { ...s, keep: a.banner };
    case 'shared':
      return {
        ...s,
        options: a.options,
        wantedRank: a.options.rank,
        speed: a.speed,
        view: a.view,
        embed: a.embed,
        optionError: null,
        openNotices: a.notices,
      };
    case 'worker':
      return fromWorker(s, a.msg);
  }
}

function fromWorker(s: AppState, m: FromWorker): AppState {
  switch (m.type) {
    case 'hello':
      return { ...s, threads: { count: m.threads, isolated: m.isolated } };
    case 'pong':
    case 'exported': // the controller hands exports, factors and restart pairs to whoever asked
    case 'exportFailed':
    case 'factors':
    case 'restartPair':
    case 'predictions':
      return s;
    case 'startRefused':
      if (m.runId !== s.run.runId) return s;
      return {
        ...s,
        openNotices: [...s.openNotices, `The saved run could not be resumed (${m.message}); it starts again from iteration 0.`],
      };
    case 'loaded': {
      const p = s.pendingLoad;
      if (!p || p.runId !== m.runId) return s;
      // A reload after a crash, or a shared link, keeps the options; an example brings its own rank;
      // Randomize keeps the user's rank (its planted rank is the answer a student is to find: a hint only).
      // A rank lowered to fit one matrix comes back on the next that allows it.
      const keep = p.source === 'recovery' || p.source === 'link' || p.source === 'session';
      const base = keep ? s.options : { ...s.options, rank: s.wantedRank ?? s.options.rank };
      const suggested = keep || p.source === 'randomize' ? undefined : suggestedRank(p.spec);
      const requested = suggested ?? base.rank;
      const fit = fitOptions(base, m.data.summary, suggested);
      return {
        ...s,
        data: { spec: p.spec, info: m.data },
        pendingLoad: null,
        dataError: null,
        options: fit.options,
        dataNotes: fit.notes,
        openNotices: keep ? s.openNotices : [],
        wantedRank: requested,
        snapshot: null,
        previousRuns: [],
      };
    }
    case 'loadFailed': {
      const p = s.pendingLoad;
      if (!p || p.runId !== m.runId) return s;
      return { ...s, pendingLoad: null, dataError: { source: p.source, message: m.message } };
    }
    case 'optionsInvalid':
      if (m.runId !== s.run.runId) return s;
      return { ...s, optionError: { option: m.option, message: m.message }, run: { ...s.run, phase: 'invalid', intent: null } };
    case 'progress': {
      const r = s.run;
      if (m.runId !== r.runId) return s;
      // Pause pressed: the run shows as it was then until the worker confirms (it sends the history again from there)
      if (r.intent === 'pause' && m.phase === 'running') return s;
      const { history, log } = withPoints(r.history, r.log, m.from, m.history);
      const objectives = withPoints(r.objectiveHistory, r.objectiveLog, m.from, m.objectiveHistory);
      // An intent stays until the worker confirms it (a progress sent before it saw the click does not).
      const unconfirmed =
        (r.intent === 'run' && (m.phase === 'ready' || m.phase === 'paused')) || (r.intent === 'pause' && m.phase === 'running');
      const intent = unconfirmed ? r.intent : null;
      return {
        ...s,
        run: {
          runId: r.runId,
          phase: m.phase,
          intent,
          iteration: m.iteration,
          relError: m.relError,
          initialRelError: m.initialRelError,
          itersPerSec: m.itersPerSec,
          history,
          log,
          objective: m.objective,
          initialObjective: m.initialObjective,
          objectiveHistory: objectives.history,
          objectiveLog: objectives.log,
          stop: m.stop,
          restarts: m.restarts ?? null,
          why: m.iteration === 0 ? r.why : null,
        },
      };
    }
    case 'snapshot':
      if (m.runId !== s.run.runId) return s;
      // a step the Pause will take back is not drawn
      if (s.run.intent === 'pause' && m.iteration > s.run.iteration) return s;
      return { ...s, snapshot: m };
  }
}
