// The app's reducer: stale worker messages are dropped, history is append-only per run, loads
// adjust the options to the data, and failures keep the previous matrix.
import { describe, expect, it } from 'vitest';
import { historyCopies } from '../../src/core/history.js';
import type { Summary } from '../../src/data/summary.js';
import type { SolverInfo } from '../../src/solvers/types.js';
import { initialState, reduce, type Action, type AppState } from '../state/app.js';
import { statusText } from '../state/status.js';
import { algorithmBlocked, fitOptions, notApplyText, overfitNotice, rankSliderTop } from '../state/options.js';
import type { DataInfo, Progress } from '../shared/protocol.js';

const summary: Summary = { rows: 5, cols: 6, observed: 30, missing: 0, min: 0, max: 1 };
const info: DataInfo = {
  name: 'tutorial',
  labelled: { rows: false, cols: false },
  summary,
  V: { rows: 5, cols: 6, data: new Float64Array(30), sourceRows: 5, sourceCols: 6, blockRows: 1, blockCols: 1 },
  observed: new Float64Array(30).fill(1),
};

function apply(s: AppState, ...actions: Action[]): AppState {
  return actions.reduce(reduce, s);
}

function progress(runId: number, from: number, history: number[], phase: Progress['phase'] = 'running'): Action {
  const msg: Progress = {
    type: 'progress',
    runId,
    phase,
    iteration: from + history.length,
    relError: history.at(-1) ?? 1,
    itersPerSec: 10,
    from,
    history,
    initialRelError: 1,
    objective: history.at(-1) ?? 1,
    initialObjective: 1,
    objectiveHistory: history.map((e) => e / 2),
    stop: null,
  };
  return { type: 'worker', msg };
}

/** A state with the tutorial loaded and run 2 configured. */
function loaded(): AppState {
  return apply(
    initialState(),
    { type: 'loadRequested', runId: 1, spec: { kind: 'example', id: 'tutorial' }, source: 'example' },
    { type: 'worker', msg: { type: 'loaded', runId: 1, data: info } },
    { type: 'configured', runId: 2 },
  );
}

describe('app state', () => {
  it('loading an example selects the rank it is meant for', () => {
    const s = loaded();
    expect(s.data?.info.name).toBe('tutorial');
    expect(s.options.rank).toBe(3);
    expect(s.pendingLoad).toBeNull();
  });

  it('a refused start of the current run becomes a notice; one of an older run is dropped', () => {
    const refused = (runId: number): Action => ({
      type: 'worker',
      msg: { type: 'startRefused', runId, message: 'the saved W has 5 entries' },
    });
    expect(apply(loaded(), refused(1)).openNotices).toEqual([]);
    expect(apply(loaded(), refused(2)).openNotices).toEqual([
      'The saved run could not be resumed (the saved W has 5 entries); it starts again from iteration 0.',
    ]);
  });

  it('drops progress of any other run id, appends that of the current one', () => {
    let s = apply(loaded(), progress(2, 0, [0.5, 0.4]));
    s = apply(s, progress(1, 2, [0.3]), progress(3, 2, [0.3]));
    expect(Array.from(s.run.history)).toEqual([0.5, 0.4]);
    s = apply(s, progress(2, 2, [0.3]));
    expect(Array.from(s.run.history)).toEqual([0.5, 0.4, 0.3]);
    expect(s.run.iteration).toBe(3);
  });

  it('a history resent from an earlier point replaces the tail', () => {
    const s = apply(loaded(), progress(2, 0, [0.5, 0.4, 0.3]), progress(2, 1, [0.45]));
    expect(Array.from(s.run.history)).toEqual([0.5, 0.45]);
  });

  it('appends progress in place: a long run copies a number of points linear in its length, and older states keep theirs', () => {
    let s = loaded();
    const before = historyCopies();
    const early: AppState[] = [];
    for (let it = 0; it < 20_000; it++) {
      s = apply(s, progress(2, it, [1 / (it + 2)]));
      if (it === 9) early.push(s);
    }
    expect(s.run.history).toHaveLength(20_000);
    expect(s.run.history[19_999]).toBe(1 / 20_001);
    // a concat per message would copy 20000²/2 = 2e8 points; doubling the buffers copies < 2·20000
    // points for each of the two histories the run keeps (relative errors and objectives)
    expect(historyCopies() - before).toBeLessThan(2 * 2 * 20_000);
    expect(Array.from(early[0].run.history)).toEqual(Array.from({ length: 10 }, (_, i) => 1 / (i + 2)));
  });

  it('a new run starts empty and ignores the old one', () => {
    const s = apply(loaded(), progress(2, 0, [0.5]), { type: 'configured', runId: 3 }, progress(2, 1, [0.4]));
    expect(s.run).toMatchObject({ runId: 3, phase: 'starting', iteration: 0 });
    expect(s.run.history).toHaveLength(0);
  });

  it('a failed load keeps the matrix and shows the message at its source', () => {
    const s = apply(
      loaded(),
      { type: 'loadRequested', runId: 3, spec: { kind: 'inline', text: 'x', fileName: 'bad.csv' }, source: 'upload' },
      { type: 'worker', msg: { type: 'loadFailed', runId: 3, message: 'bad.csv: row 1, column 1: nope' } },
    );
    expect(s.data?.info.name).toBe('tutorial');
    expect(s.dataError).toEqual({ source: 'upload', message: 'bad.csv: row 1, column 1: nope' });
    expect(s.run.runId).toBe(2);
  });

  it('a load reply for another id than the pending one is ignored', () => {
    const s = apply(loaded(), { type: 'worker', msg: { type: 'loaded', runId: 9, data: { ...info, name: 'other' } } });
    expect(s.data?.info.name).toBe('tutorial');
  });

  it('Run stays an intent until the worker confirms it; a late running progress does not undo a Pause', () => {
    let s = apply(loaded(), progress(2, 0, [], 'ready'), { type: 'intent', intent: 'run' });
    s = apply(s, progress(2, 0, [], 'ready'));
    expect(s.run.intent).toBe('run');
    s = apply(s, progress(2, 0, [0.5], 'running'));
    expect(s.run.intent).toBeNull();
    expect(statusText(s)).toMatch(/^Running · iteration 1 · relative error 0\.5000 · 10 iterations\/s/);
    s = apply(s, { type: 'intent', intent: 'pause' });
    // the status line says so at once, where the user saw the run; a step the worker finished after it is set aside
    expect(statusText(s)).toBe('Paused · iteration 1 · relative error 0.5000');
    s = apply(s, progress(2, 1, [0.4], 'running'));
    expect(s.run).toMatchObject({ intent: 'pause', iteration: 1 });
    expect(Array.from(s.run.history)).toEqual([0.5]);
    // the worker took that step back and confirms at iteration 1
    s = apply(s, progress(2, 1, [], 'paused'));
    expect(s.run).toMatchObject({ intent: null, phase: 'paused', iteration: 1 });
    expect(Array.from(s.run.history)).toEqual([0.5]);
  });

  it('a Pause the worker could not take back to (several steps after it) ends where the worker is, history complete', () => {
    let s = apply(loaded(), progress(2, 0, [0.5, 0.45], 'running'), { type: 'intent', intent: 'pause' });
    s = apply(s, progress(2, 2, [0.4, 0.35], 'running'));
    expect(s.run.iteration).toBe(2);
    // the worker sends the history again from the iteration of the Pause
    s = apply(s, progress(2, 2, [0.4, 0.35, 0.3], 'paused'));
    expect(s.run).toMatchObject({ intent: null, phase: 'paused', iteration: 5 });
    expect(Array.from(s.run.history)).toEqual([0.5, 0.45, 0.4, 0.35, 0.3]);
  });

  it("a worker restart during a load reports it at that load's control", () => {
    const s = apply(
      loaded(),
      { type: 'loadRequested', runId: 3, spec: { kind: 'lowrank', rows: 9, cols: 9, rank: 2, noise: 0, seed: 1 }, source: 'randomize' },
      { type: 'workerRestarted', notice: 'restarted' },
    );
    expect(s.dataError?.source).toBe('randomize');
    expect(s.notices).toEqual(['restarted']);
    expect(s.pendingLoad).toBeNull();
  });
});

describe('option rules', () => {
  const fake = { label: 'Fake', params: ['epsilon'], maskUnsupported: 'needs every entry' } as unknown as SolverInfo;

  it('a solver that needs full data is blocked only when entries are missing', () => {
    expect(algorithmBlocked(fake, 0)).toBeNull();
    expect(algorithmBlocked(fake, 3)).toBe('cannot use missing entries: needs every entry');
  });

  it('one line names the parameters a solver does not read', () => {
    expect(notApplyText(fake)).toBe(
      'Learning rate η, L2 penalty λ, Project onto W, H ≥ 0 and Extrapolate between steps do not apply to Fake.',
    );
    const all = { ...fake, params: ['epsilon', 'learningRate', 'l2', 'project', 'extrapolate'] } as unknown as SolverInfo;
    expect(notApplyText(all)).toBe('');
    const none = { ...fake, params: [] } as unknown as SolverInfo;
    expect(notApplyText(none)).toBe(
      'Fake has no parameters of its own: ε (epsilon), Learning rate η, L2 penalty λ, Project onto W, H ≥ 0 and Extrapolate between steps do not apply.',
    );
    const three = { ...fake, params: ['learningRate', 'l2', 'project', 'extrapolate'] } as unknown as SolverInfo;
    expect(notApplyText(three)).toBe('ε (epsilon) does not apply to Fake.');
  });

  it('the rank slider of a 2000×1000 matrix spans 1..50, or twice a larger rank typed in the box', () => {
    expect(rankSliderTop(20, 1000)).toBe(50);
    expect(rankSliderTop(120, 1000)).toBe(240);
    expect(rankSliderTop(700, 1000)).toBe(1000);
    expect(rankSliderTop(4, 40)).toBe(40);
    expect(rankSliderTop(1, 1)).toBe(1);
  });

  it('fitOptions lowers a rank that does not fit and says so', () => {
    const { options, notes } = fitOptions({ ...initialState().options, rank: 9 }, summary);
    expect(options.rank).toBe(5);
    expect(notes).toEqual(['Rank lowered to 5, the most a 5×6 matrix allows.']);
  });
});

describe('recovery', () => {
  it('reloading the data after a crash keeps the options the user chose', () => {
    let s = apply(loaded(), { type: 'options', options: { ...loaded().options, rank: 2 } }, { type: 'workerRestarted', notice: 'x' });
    s = apply(
      s,
      { type: 'loadRequested', runId: 5, spec: { kind: 'example', id: 'tutorial' }, source: 'recovery' },
      { type: 'worker', msg: { type: 'loaded', runId: 5, data: info } },
    );
    expect(s.options.rank).toBe(2);
  });
});

describe('restarts and the Explore rank settings', () => {
  it('start at one restart and the default sweep; their actions change only them', () => {
    const s = loaded();
    expect(s.restarts).toBe(1);
    expect(s.explore).toEqual({ lowest: 1, highest: 6, restarts: 3, holdout: 0.1 });
    const t = apply(s, { type: 'restarts', restarts: 4 });
    expect(t).toEqual({ ...s, restarts: 4 });
    expect(apply(t, { type: 'restarts', restarts: 4 })).toBe(t);
    const settings = { lowest: 2, highest: 5, restarts: 10, holdout: 0.2 };
    expect(apply(t, { type: 'exploreSettings', settings })).toEqual({ ...t, explore: settings });
  });

  it('a progress carries where its restarts stand; one without restarts clears them', () => {
    const restarts = { total: 3, current: 1, seed: 6, done: false, finished: [], best: -1 };
    const p = progress(2, 0, [0.5]) as { type: 'worker'; msg: Progress };
    let s = apply(loaded(), { type: 'worker', msg: { ...p.msg, restarts } });
    expect(s.run.restarts).toEqual(restarts);
    s = apply(s, progress(2, 0, [0.4]));
    expect(s.run.restarts).toBeNull();
    expect(apply(loaded(), { type: 'configured', runId: 3 }).run.restarts).toBeNull();
  });

  it('a restart pair is for whoever asked: the state does not change', () => {
    const s = loaded();
    expect(apply(s, { type: 'worker', msg: { type: 'restartPair', runId: 2, requestId: 1, best: null, second: null } })).toBe(s);
  });
});

describe('notices belong to the data they were about', () => {
  const sized = (rows: number, cols: number): DataInfo => ({
    ...info,
    summary: { ...summary, rows, cols, observed: rows * cols },
  });
  const load = (s: AppState, runId: number, rows: number, cols: number, source: 'paste' | 'randomize' = 'paste') =>
    apply(
      s,
      {
        type: 'loadRequested',
        runId,
        spec:
          source === 'paste'
            ? { kind: 'inline', text: 'x', fileName: 'pasted text' }
            : { kind: 'lowrank', rows, cols, rank: 20, noise: 0, seed: 1 },
        source,
      } as Action,
      { type: 'worker', msg: { type: 'loaded', runId, data: sized(rows, cols) } },
    );

  it('a 1×1 matrix lowers the rank with a note; the next matrix drops the note and gets the chosen rank back', () => {
    let s = apply(initialState(), { type: 'options', options: { ...initialState().options, rank: 3 } });
    s = load(s, 1, 1, 1);
    expect(s.options.rank).toBe(1);
    expect(s.dataNotes).toEqual(['Rank lowered to 1, the most a 1×1 matrix allows.']);
    s = load(s, 2, 2, 3);
    expect(s.dataNotes).toEqual(['Rank lowered to 2, the most a 2×3 matrix allows.']); // the 1×1 note is gone
    expect(s.options.rank).toBe(2);
    s = load(s, 3, 10, 10);
    expect(s.options.rank).toBe(3);
    expect(s.dataNotes).toEqual([]);
  });

  it('a link or session replaces the notices of the one opened before; other data drops them; the app’s own notices stay', () => {
    const opened = (notices: string[]): Action => ({
      type: 'shared',
      options: initialState().options,
      speed: 5,
      view: 'main',
      embed: false,
      notices,
    });
    let s = apply(initialState(), { type: 'notice', text: 'This browser does not keep the session' });
    s = apply(s, opened(['later.json was saved by a newer version of NMF Playground']));
    expect(s.openNotices).toEqual(['later.json was saved by a newer version of NMF Playground']);
    s = apply(s, opened(['Opened session.json.']));
    expect(s.openNotices).toEqual(['Opened session.json.']);
    s = load(s, 5, 10, 10);
    expect(s.openNotices).toEqual([]);
    expect(s.notices).toEqual(['This browser does not keep the session']);
    s = apply(s, opened(['x']), { type: 'dismissNotices' });
    expect(s).toMatchObject({ notices: [], openNotices: [], dataNotes: [] });
  });

  it('Randomize keeps the chosen rank instead of selecting the planted one', () => {
    let s = apply(initialState(), { type: 'options', options: { ...initialState().options, rank: 4 } });
    s = load(s, 1, 60, 40, 'randomize');
    expect(s.options.rank).toBe(4);
  });
});

describe('overfitNotice', () => {
  it('warns when m·k + k·n ≥ observed for data with missing entries, with the numbers', () => {
    const s = { rows: 4, cols: 4, observed: 11, missing: 5 };
    expect(overfitNotice(s, 4)).toBe(
      'Overfitting: rank 4 gives W and H 4·4 + 4·4 = 32 unknowns for 11 observed entries, so a fit can match them all while saying little about the missing ones. Try a lower rank, or Hold out some entries.',
    );
    expect(overfitNotice(s, 2)).toContain('= 16 unknowns for 11 observed');
    expect(overfitNotice(s, 1)).toBeNull(); // 8 < 11
    expect(overfitNotice({ rows: 4, cols: 4, observed: 16, missing: 0 }, 4)).toBeNull(); // nothing to predict
  });
});

describe('the status line and the precision', () => {
  const hello: Action = { type: 'worker', msg: { type: 'hello', threads: 2, isolated: true } };
  const withOptions = (s: AppState, patch: Partial<AppState['options']>): AppState =>
    apply(s, { type: 'options', options: { ...s.options, ...patch } });

  it('says float32 products only when the run forms them in float32', () => {
    const s = apply(loaded(), hello, progress(2, 0, [], 'ready'));
    expect(statusText(s)).toMatch(/ · 2 threads$/);
    expect(statusText(withOptions(s, { algorithm: 'hals', precision: 'float32' }))).toMatch(/ · 2 threads · float32 products$/);
    expect(statusText(withOptions(s, { algorithm: 'mu', precision: 'float32' }))).toMatch(/ · 2 threads · float32 products$/);
    // kl forms no products with V: float64, said as such (nothing added)
    expect(statusText(withOptions(s, { algorithm: 'kl', precision: 'float32' }))).toMatch(/ · 2 threads$/);
    expect(statusText(withOptions(s, { algorithm: 'hals', precision: 'float64' }))).toMatch(/ · 2 threads$/);
  });
});
