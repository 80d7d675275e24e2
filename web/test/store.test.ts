// The app's store: listeners told once per frame however many dispatches, and at once for a
// change made while a DOM event is handled (window.event set), so a click shows its new state.
import { describe, expect, it } from 'vitest';
import { createStore } from '../state/store.js';

function counter() {
  const frames: (() => void)[] = [];
  const store = createStore(
    (n: number, by: number) => n + by,
    0,
    (fn) => frames.push(fn),
  );
  let told = 0;
  store.subscribe(() => told++);
  return { store, frames, told: () => told };
}

describe('createStore', () => {
  it('tells its listeners once at the next frame after any number of dispatches', () => {
    const c = counter();
    for (let i = 0; i < 5; i++) c.store.dispatch(1);
    expect(c.told()).toBe(0);
    expect(c.frames).toHaveLength(1);
    c.frames[0]();
    expect(c.told()).toBe(1);
    expect(c.store.getState()).toBe(5);
  });

  it('tells its listeners at once while a DOM event is being handled', () => {
    const c = counter();
    const g = globalThis as { event?: unknown };
    g.event = { type: 'click' };
    try {
      c.store.dispatch(1);
    } finally {
      delete g.event;
    }
    expect(c.told()).toBe(1);
    expect(c.frames).toHaveLength(0);
  });

  it('tells nothing for an action that changes nothing', () => {
    const c = counter();
    c.store.dispatch(0);
    expect(c.frames).toHaveLength(0);
    expect(c.told()).toBe(0);
  });
});
