// The session keeper: keeps the page's session in IndexedDB as it changes (at most every
// SAVE_MS, and when the page is hidden; never per progress message; new data at once, so the
// one-time write of its text does not fall in the first run), restores it at start-up,
// keeps the replaced one when a link or a file is opened over it (Go back), clears it (Start
// fresh), and writes and reads the Save session / Open session file.
import type { DataSpec } from '../../src/data/spec.js';
import type { RunStart } from '../../src/driver/factorization.js';
import type { AppHandles } from '../app/context.js';
import { VIEW_SECTIONS, viewInfo } from '../app/views.js';
import { defaultOptions } from '../state/options.js';
import { type AppState, DEFAULT_SPEED } from '../state/app.js';
import type { Kept } from './db.js';
import { readSessionFile, sessionFileText, sessionSizeProblem } from './file.js';
import { APP_VERSION, type KeepBanner, recordOf, sameSession, type SessionRecord, settingsTexts, settingsValues } from './record.js';

/** Least time between two saves while the session changes. */
export const SAVE_MS = 1500;

/** Where records are kept (SessionDb, or a stand-in in tests). */
export interface RecordStore {
  read(): Promise<Kept>;
  saveCurrent(record: SessionRecord): Promise<void>;
  clearCurrent(): Promise<void>;
  savePrevious(records: readonly SessionRecord[]): Promise<void>;
}

/** What the keeper needs of the page besides the app: its address's hash, and a timer. */
export interface KeeperHost {
  getHash(): string;
  setHash(hash: string): void;
  /** Whether this page load is a reload or a history navigation (a reopened tab), not a link followed. */
  reloaded(): boolean;
  setTimer(fn: () => void, ms: number): void;
}

/**
 * A record kept by this app as it is, one kept by another version checked as a file is (null
 * when it does not pass: it is then dropped rather than opened).
 */
function checked(r: SessionRecord): SessionRecord | null {
  if (r.app === APP_VERSION) return r;
  try {
    const read = readSessionFile(sessionFileText(r), 'the kept session', r.hash);
    return read.ok ? read.record : null;
  } catch {
    return null;
  }
}

/** Keeps one page's session in a RecordStore: saves as it changes, restores, keeps the last PREVIOUS_KEPT replaced ones, reads and writes session files. */
export class SessionKeeper {
  private previous: SessionRecord[] = [];
  private watching = false;
  private saveDue = false;
  private timerSet = false;
  private lastSaved = '';
  /** The data whose save began at once (new data is saved as soon as it can be, once; later changes wait SAVE_MS). */
  private eagerSpec: DataSpec | null = null;
  private saving: Promise<void> | null = null;
  private failed = false;
  /** A number for each data spec object seen, so a fingerprint tells a new load of the same data apart. */
  private readonly specIds = new WeakMap<object, number>();
  private specCount = 0;

  constructor(
    private readonly app: AppHandles,
    private readonly db: RecordStore,
    private readonly host: KeeperHost,
    private readonly start: DataSpec,
  ) {}

  /** What `s` would be kept as now, without the run's factors (to see whether anything changed). */
  private fingerprint(s: AppState): string {
    const r = s.run;
    let spec = 0;
    if (s.data) {
      spec = this.specIds.get(s.data.spec) ?? ++this.specCount;
      this.specIds.set(s.data.spec, spec);
    }
    return JSON.stringify([spec, s.options, s.speed, s.view, this.views(s), r.runId, r.iteration, r.phase]);
  }

  private views(s: AppState): SessionRecord['views'] {
    return settingsTexts(VIEW_SECTIONS, (view) => viewInfo(view).link?.read(s) ?? null);
  }

  /**
   * At start-up, with what IndexedDB keeps: restores the kept session when the page's address is
   * the one it was kept at and the page was reloaded or reopened (a link followed anew always
   * reproduces the link); else opens the address's link (`openLink` returns false when there is
   * none), keeping the stored session to go back to; else the kept session, else the start
   * example. Then keeps the session as it changes.
   */
  async begin(openLink: (hash: string) => boolean): Promise<void> {
    let kept: Kept = { current: null, previous: [] };
    try {
      kept = await this.db.read();
    } catch (e) {
      this.unavailable(e);
    }
    this.previous = kept.previous.flatMap((r) => checked(r) ?? []);
    const hash = this.host.getHash();
    const current = kept.current && checked(kept.current);
    if (current && current.hash === hash && (hash === '' || this.host.reloaded())) {
      // a session with no run yet (Start fresh, then a reload) comes back without a banner: nothing to announce
      this.restore(current, current.run ? restoredBanner(current) : null);
    } else if (openLink(hash)) {
      if (current) await this.keep(current);
    } else if (current) {
      this.restore(current, restoredBanner(current));
    } else {
      this.app.controller.load(this.start, 'example');
    }
    this.watch();
  }

  /** A link opened over the page (hash change): the session on screen is kept to go back to, then the link opens. */
  async linkOpened(openLink: () => void): Promise<void> {
    const current = await this.recordNow();
    openLink();
    if (current) await this.keep(current);
  }

  /** Start fresh: the kept session is cleared and the app starts as new (the start example, default options). */
  async startFresh(): Promise<void> {
    const { store, controller } = this.app;
    this.host.setHash('');
    store.dispatch({ type: 'keep', banner: null });
    store.dispatch({ type: 'dismissNotices' });
    store.dispatch({ type: 'shared', options: defaultOptions(), speed: DEFAULT_SPEED, view: 'main', embed: false, notices: [] });
    controller.setSpeed(DEFAULT_SPEED);
    controller.load(this.start, 'example');
    this.lastSaved = '';
    await this.guard(this.db.clearCurrent());
  }

  /** Go back: the session kept last is opened again, and the one on screen kept in its place. */
  async goBack(): Promise<void> {
    const back = this.previous.shift();
    if (!back) return;
    const current = await this.recordNow();
    if (current) this.previous.unshift(current);
    await this.guard(this.db.savePrevious(this.previous));
    this.host.setHash(back.hash);
    this.restore(back, null);
  }

  /** The session on screen as the text of a session file, or null before any data. */
  async fileText(): Promise<string | null> {
    const r = await this.recordNow();
    return r && sessionFileText(r);
  }

  /**
   * Opens a session file: checked (size first, then every field) before anything changes; on a
   * problem its message is returned and the page is left as it was. On success the session on
   * screen is kept to go back to. Returns null on success.
   */
  async openFile(file: Blob, fileName: string): Promise<string | null> {
    const tooLarge = sessionSizeProblem(fileName, file.size);
    if (tooLarge) return tooLarge;
    const read = readSessionFile(await file.text(), fileName);
    if (!read.ok) return read.message;
    const current = await this.recordNow();
    this.host.setHash('');
    this.restore({ ...read.record, hash: '' }, null, read.notes);
    if (current) await this.keep(current);
    return null;
  }

  /** Opens `r` (its data, options, view and run at its iteration); `banner` says so. */
  private restore(r: SessionRecord, banner: KeepBanner | null, notices: readonly string[] = []): void {
    const { store, controller } = this.app;
    const problems: string[] = [];
    const settings = VIEW_SECTIONS.flatMap((section) => {
      const texts = r.views[section.view];
      return texts ? [{ section, values: settingsValues(section, texts, problems) }] : [];
    });
    const run = r.run;
    const start: RunStart | undefined = run
      ? { ...run, W: run.W.slice(), H: run.H.slice(), history: run.history.slice() } // copies: these buffers go to the worker
      : undefined;
    store.dispatch({ type: 'keep', banner });
    controller.open({
      data: r.data,
      source: 'session',
      options: r.options,
      speed: r.speed,
      view: r.view,
      embed: false,
      notices: problems.length ? [...notices, `Not used from the session (defaults instead): ${problems.join('; ')}.`] : notices,
      iteration: 0,
      start,
      onLoaded: () => {
        for (const { section, values } of settings) viewInfo(section.view).link?.apply(values, this.app);
      },
    });
  }

  /** Puts `r` first among the previous sessions (unless it is the same as the first) and offers Go back. */
  private async keep(r: SessionRecord): Promise<void> {
    if (!this.previous.length || !sameSession(this.previous[0], r)) this.previous.unshift(r);
    this.previous.splice(3);
    this.app.store.dispatch({ type: 'keep', banner: { kind: 'kept', name: r.name, iteration: r.run?.iteration ?? 0, savedAt: r.savedAt } });
    await this.guard(this.db.savePrevious(this.previous));
  }

  /** The session on screen with its run's factors (asked of the worker), or null (no data, loading, or the run moved on). */
  private async recordNow(): Promise<SessionRecord | null> {
    const s = this.app.store.getState();
    if (!s.data || s.pendingLoad || s.run.phase === 'starting') return null;
    let factors = null;
    if (s.run.iteration > 0 && s.run.phase !== 'invalid') {
      try {
        factors = await this.app.controller.factors();
      } catch {
        return null;
      }
      if (factors.runId !== this.app.store.getState().run.runId) return null;
    }
    return recordOf(this.app.store.getState(), factors, this.views(s), this.host.getHash());
  }

  /** Follows the store: a change schedules a save, at most one every SAVE_MS. */
  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    this.app.store.subscribe(() => this.changed());
  }

  private changed(): void {
    const s = this.app.store.getState();
    if (!s.data || this.fingerprint(s) === this.lastSaved) return;
    this.saveDue = true;
    // New data (a 17 MB upload's text takes ~150 ms of the page's thread to store) is saved while
    // the page is idle after its load, rather than SAVE_MS later, in the run a user has started.
    if (s.data.spec !== this.eagerSpec && !s.pendingLoad && s.run.phase !== 'starting' && !this.saving) {
      this.eagerSpec = s.data.spec;
      void this.flush();
      return;
    }
    if (this.timerSet) return;
    this.timerSet = true;
    this.host.setTimer(() => {
      this.timerSet = false;
      void this.flush();
    }, SAVE_MS);
  }

  /** Saves now if anything changed since the last save (when the page is hidden, and from the timer). */
  async flush(): Promise<void> {
    if (!this.saveDue || this.saving) return this.saving ?? undefined;
    this.saveDue = false;
    const s = this.app.store.getState();
    const fingerprint = this.fingerprint(s);
    this.saving = (async () => {
      const r = await this.recordNow();
      if (!r) {
        this.saveDue = true; // loading or moved on: try again at the next change or timer
        return;
      }
      await this.guard(this.db.saveCurrent(r));
      this.lastSaved = fingerprint;
    })();
    try {
      await this.saving;
    } finally {
      this.saving = null;
    }
    if (this.saveDue) this.changed();
  }

  /** Runs a storage call; a failure is told once (the app works on without keeping). */
  private async guard(p: Promise<void>): Promise<void> {
    try {
      await p;
    } catch (e) {
      this.unavailable(e);
    }
  }

  private unavailable(e: unknown): void {
    if (this.failed) return;
    this.failed = true;
    const why = e instanceof Error ? e.message : String(e);
    this.app.store.dispatch({ type: 'notice', text: `This browser does not keep the session (${why}): a reload starts afresh.` });
  }
}

/** The banner of a restored session: its name, iteration and when it was kept. */
function restoredBanner(r: SessionRecord): KeepBanner {
  return { kind: 'restored', name: r.name, iteration: r.run?.iteration ?? 0, savedAt: r.savedAt };
}
