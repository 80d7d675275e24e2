// SessionDb on a Map standing in for IndexedDB: inline data texts are kept apart, written once per
// data however often the record is saved, read back into the records, and deleted once no kept
// record names them; records kept before texts were split read as they are.
import { describe, expect, it } from 'vitest';
import type { InlineSpec } from '../../src/data/spec.js';
import { type KeyValue, SessionDb } from '../keep/db.js';
import type { SessionRecord } from '../keep/record.js';
import { DEFAULT_OPTIONS } from '../../src/driver/options.js';

/** A Map-backed KeyValue that counts the writes of each key. */
function memory() {
  const map = new Map<string, unknown>();
  const writes = new Map<string, number>();
  const kv: KeyValue = {
    get: async <T>(key: string) => map.get(key) as T | undefined,
    set: async (key, value) => {
      map.set(key, structuredClone(value));
      writes.set(key, (writes.get(key) ?? 0) + 1);
    },
    del: async (key) => void map.delete(key),
    keys: async () => [...map.keys()],
  };
  const texts = () => [...map.keys()].filter((k) => k.startsWith('text:'));
  return { kv, map, writes, texts };
}

const inline = (text: string): InlineSpec => ({ kind: 'inline', text, fileName: `${text.length}.csv` });

function record(data: SessionRecord['data'], iteration = 0): SessionRecord {
  return {
    app: '0.1.0',
    savedAt: 1,
    hash: '',
    name: 'data',
    data,
    options: DEFAULT_OPTIONS,
    speed: null,
    view: 'main',
    views: {},
    run: iteration
      ? {
          m: 1,
          k: 1,
          n: 1,
          W: new Float64Array([iteration]),
          H: new Float64Array([1]),
          iteration,
          history: [0.5],
          initialRelError: 1,
          objective: 0.1,
          stop: null,
        }
      : null,
  };
}

describe('SessionDb', () => {
  it('writes an inline text once however often its session is saved, and reads it back into the record', async () => {
    const m = memory();
    const db = new SessionDb(m.kv);
    const spec = inline('1,2\n3,4\n'.repeat(1000));
    for (let it = 1; it <= 5; it++) await db.saveCurrent(record(spec, it));
    expect(m.texts()).toHaveLength(1);
    expect(m.writes.get(m.texts()[0])).toBe(1);
    expect(m.writes.get('current')).toBe(5);
    expect(JSON.stringify(m.map.get('current'))).not.toContain('1,2'); // the record holds the key, not the text

    const kept = await new SessionDb(m.kv).read();
    expect(kept.current?.data).toEqual(spec);
    expect(kept.current?.run?.iteration).toBe(5);
  });

  it('deletes a text once no kept record names it, and keeps one a previous session names', async () => {
    const m = memory();
    const db = new SessionDb(m.kv);
    const a = inline('1,2\n');
    const b = inline('5,6\n');
    const c = inline('7,8\n');
    await db.saveCurrent(record(a));
    await db.saveCurrent(record(b));
    expect(m.texts().map((k) => m.map.get(k))).toEqual(['5,6\n']);
    await db.savePrevious([record(b)]);
    await db.saveCurrent(record(c));
    expect(
      m
        .texts()
        .map((k) => m.map.get(k))
        .sort(),
    ).toEqual(['5,6\n', '7,8\n']);
    await db.clearCurrent();
    await db.savePrevious([]);
    expect(m.texts()).toEqual([]);
  });

  it('writes a text again when its data comes back after it was deleted', async () => {
    const m = memory();
    const db = new SessionDb(m.kv);
    const a = inline('1,2\n');
    await db.saveCurrent(record(a));
    await db.saveCurrent(record(inline('3,4\n')));
    await db.saveCurrent(record(a));
    expect((await new SessionDb(m.kv).read()).current?.data).toEqual(a);
  });

  it('loses no text when a save of the current session and of the previous ones overlap', async () => {
    const m = memory();
    const db = new SessionDb(m.kv);
    const a = inline('1,2\n');
    const b = inline('3,4\n');
    await db.saveCurrent(record(a));
    await Promise.all([db.saveCurrent(record(b)), db.savePrevious([record(a)])]);
    const kept = await new SessionDb(m.kv).read();
    expect(kept.current?.data).toEqual(b);
    expect(kept.previous.map((r) => r.data)).toEqual([a]);
  });

  it('reads records kept with their text inside (before texts were kept apart), and generated data as is', async () => {
    const m = memory();
    const old = record(inline('9,9\n'), 3);
    await m.kv.set('current', old);
    await m.kv.set('previous', [record({ kind: 'example', id: 'tutorial' })]);
    const kept = await new SessionDb(m.kv).read();
    expect(kept.current?.data).toEqual(old.data);
    expect(kept.previous[0].data).toEqual({ kind: 'example', id: 'tutorial' });
  });

  it('drops a record whose text is missing rather than opening it without data', async () => {
    const m = memory();
    const db = new SessionDb(m.kv);
    await db.saveCurrent(record(inline('1,2\n')));
    for (const k of m.texts()) await m.kv.del(k);
    expect((await new SessionDb(m.kv).read()).current).toBeNull();
  });
});
