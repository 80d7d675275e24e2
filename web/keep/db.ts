// Where sessions are kept: IndexedDB through idb-keyval, in a database of the app's own. The
// current session under one key; the last few sessions it replaced (a link opened over them, a
// file opened) under another, newest first.
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { SessionRecord } from './record.js';

/** How many replaced sessions are kept. */
export const PREVIOUS_KEPT = 3;

const CURRENT = 'current';
const PREVIOUS = 'previous';

/** What is kept: the current session and those it replaced (newest first). */
export interface Kept {
  readonly current: SessionRecord | null;
  readonly previous: readonly SessionRecord[];
}

/** The kept sessions in one browser's IndexedDB (every call may reject when storage is unavailable). */
export class SessionDb {
  private readonly store: UseStore;

  constructor(dbName = 'nmf-playground', storeName = 'sessions') {
    this.store = createStore(dbName, storeName);
  }

  async read(): Promise<Kept> {
    const [current, previous] = await Promise.all([get<SessionRecord>(CURRENT, this.store), get<SessionRecord[]>(PREVIOUS, this.store)]);
    return { current: current ?? null, previous: previous ?? [] };
  }

  saveCurrent(record: SessionRecord): Promise<void> {
    return set(CURRENT, record, this.store);
  }

  clearCurrent(): Promise<void> {
    return del(CURRENT, this.store);
  }

  /** Replaces the list of previous sessions (cut to PREVIOUS_KEPT). */
  savePrevious(records: readonly SessionRecord[]): Promise<void> {
    return set(PREVIOUS, records.slice(0, PREVIOUS_KEPT), this.store);
  }
}
