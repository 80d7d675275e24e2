// Where sessions are kept: IndexedDB through idb-keyval, in a database of the app's own. The
// current session under one key; the last few sessions it replaced (a link opened over them, a
// file opened) under another, newest first. The text of uploaded or pasted data (up to 20 MB) is
// kept apart, under a key of its own written once per data: the record saved every SAVE_MS while a
// run goes on holds only that key, and texts no record names any more are deleted.
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import type { DataSpec, InlineSpec } from '../../src/data/spec.js';
import type { SessionRecord } from './record.js';

/** How many replaced sessions are kept. */
export const PREVIOUS_KEPT = 3;

const CURRENT = 'current';
const PREVIOUS = 'previous';
/** Keys of kept data texts start with this. */
const TEXT = 'text:';

/** What is kept: the current session and those it replaced (newest first). */
export interface Kept {
  readonly current: SessionRecord | null;
  readonly previous: readonly SessionRecord[];
}

/** The key–value calls SessionDb needs (idb-keyval's, on one store; a Map in tests). */
export interface KeyValue {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

/** idb-keyval on the store `storeName` of the database `dbName`. */
export function idbKeyValue(dbName = 'nmf-playground', storeName = 'sessions'): KeyValue {
  const store: UseStore = createStore(dbName, storeName);
  return {
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
    keys: async () => (await keys(store)).map(String),
  };
}

/** An inline spec as stored: its text replaced by the key it is kept under. */
interface StoredInline extends Omit<InlineSpec, 'text'> {
  readonly textKey: string;
}

/** A record as stored: inline data points at its text. */
type StoredRecord = Omit<SessionRecord, 'data'> & { readonly data: Exclude<DataSpec, InlineSpec> | StoredInline };

/** The kept sessions in one browser's IndexedDB (every call may reject when storage is unavailable). */
export class SessionDb {
  /** The key each inline spec's text is kept under (the same spec object is written once). */
  private readonly textKeys = new WeakMap<InlineSpec, string>();
  /** Text keys named by the current record and the previous ones as last written. */
  private named: { current: string[]; previous: string[] } = { current: [], previous: [] };
  /** Text keys known to be in the store. */
  private readonly written = new Set<string>();
  private count = 0;
  /** The calls in flight, one after the other (a prune never runs between a text's write and its record's). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly kv: KeyValue = idbKeyValue()) {}

  read(): Promise<Kept> {
    return this.serial(() => this.readNow());
  }

  saveCurrent(record: SessionRecord): Promise<void> {
    return this.serial(async () => {
      const stored = await this.split(record);
      await this.kv.set(CURRENT, stored);
      this.named.current = textKeysOf([stored]);
      await this.prune();
    });
  }

  clearCurrent(): Promise<void> {
    return this.serial(async () => {
      await this.kv.del(CURRENT);
      this.named.current = [];
      await this.prune();
    });
  }

  /** Replaces the list of previous sessions (cut to PREVIOUS_KEPT). */
  savePrevious(records: readonly SessionRecord[]): Promise<void> {
    return this.serial(async () => {
      const stored = await Promise.all(records.slice(0, PREVIOUS_KEPT).map((r) => this.split(r)));
      await this.kv.set(PREVIOUS, stored);
      this.named.previous = textKeysOf(stored);
      await this.prune();
    });
  }

  private serial<T>(call: () => Promise<T>): Promise<T> {
    const p = this.queue.then(call, call);
    this.queue = p.catch(() => undefined);
    return p;
  }

  private async readNow(): Promise<Kept> {
    const [current, previous] = await Promise.all([this.kv.get<StoredRecord>(CURRENT), this.kv.get<StoredRecord[]>(PREVIOUS)]);
    const records = await Promise.all([current, ...(previous ?? [])].map((r) => (r ? this.joined(r) : null)));
    const [c, ...p] = records;
    this.named = { current: current ? textKeysOf([current]) : [], previous: textKeysOf(previous ?? []) };
    return { current: c ?? null, previous: p.flatMap((r) => r ?? []) };
  }

  /** `r` with its inline text kept under a key of its own (written the first time this spec is saved). */
  private async split(r: SessionRecord): Promise<StoredRecord> {
    const spec = r.data;
    if (spec.kind !== 'inline') return { ...r, data: spec };
    let key = this.textKeys.get(spec);
    if (!key) {
      key = `${TEXT}${Date.now().toString(36)}-${(++this.count).toString(36)}`;
      this.textKeys.set(spec, key);
    }
    if (!this.written.has(key)) {
      await this.kv.set(key, spec.text);
      this.written.add(key);
    }
    const { text: _text, ...rest } = spec;
    return { ...r, data: { ...rest, textKey: key } };
  }

  /** A stored record with its text read back (null when the text is gone: the record is dropped). */
  private async joined(r: StoredRecord): Promise<SessionRecord | null> {
    const spec = r.data;
    if (!('textKey' in spec)) return r as SessionRecord;
    const text = await this.kv.get<string>(spec.textKey);
    if (typeof text !== 'string') return null;
    const { textKey, ...rest } = spec;
    const data: InlineSpec = { ...rest, text };
    this.textKeys.set(data, textKey);
    this.written.add(textKey);
    return { ...r, data };
  }

  /** Deletes the kept texts that no kept record names. */
  private async prune(): Promise<void> {
    const named = new Set([...this.named.current, ...this.named.previous]);
    for (const key of await this.kv.keys()) {
      if (!key.startsWith(TEXT) || named.has(key)) continue;
      await this.kv.del(key);
      this.written.delete(key);
    }
  }
}

/** The text keys the stored records name. */
function textKeysOf(records: readonly StoredRecord[]): string[] {
  return records.flatMap((r) => ('textKey' in r.data ? [r.data.textKey] : []));
}
