// The one state store of the app: a reducer applied at once on dispatch, and subscribers told
// at most once per animation frame, so React renders at most once per frame however many
// worker messages arrive. A change made while the page handles a DOM event (a person's click or
// key) is told at once instead: React then shows it before the event ends, so a controlled
// checkbox never shows its old state after the click.
import { useSyncExternalStore } from 'react';

/** A store of state S changed only by actions A through `reduce`. */
export interface Store<S, A> {
  getState(): S;
  dispatch(action: A): void;
  subscribe(listener: () => void): () => void;
}

/** Schedules one call of `fn` (requestAnimationFrame in the page; injectable for tests). */
export type FrameScheduler = (fn: () => void) => void;

const onFrame: FrameScheduler = (fn) => {
  // rAF does not run in hidden pages; a timeout keeps state flowing there (at a low rate).
  let done = false;
  const once = () => {
    if (!done) {
      done = true;
      fn();
    }
  };
  (globalThis as unknown as { requestAnimationFrame(fn: () => void): number }).requestAnimationFrame(once); // typed here: the store also runs in DOM-less tests
  setTimeout(once, 250);
};

/** Whether the page is handling a DOM event now (window.event is set while one is dispatched). */
const inDomEvent = (): boolean => (globalThis as { event?: unknown }).event !== undefined;

/** A store whose listeners run at most once per frame after any number of dispatches (at once during a DOM event). */
export function createStore<S, A>(reduce: (s: S, a: A) => S, initial: S, frame: FrameScheduler = onFrame): Store<S, A> {
  let state = initial;
  let scheduled = false;
  const listeners = new Set<() => void>();
  const tell = () => {
    for (const l of listeners) l();
  };
  const notify = () => {
    scheduled = false;
    tell();
  };
  return {
    getState: () => state,
    dispatch(action) {
      const next = reduce(state, action);
      if (next === state) return;
      state = next;
      if (inDomEvent()) {
        tell(); // a frame already scheduled tells again, harmlessly (nothing new by then)
        return;
      }
      if (!scheduled) {
        scheduled = true;
        frame(notify);
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The part of the store's state that `select` picks; re-renders when it changes (by ===). */
export function useStore<S, A, T>(store: Store<S, A>, select: (s: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
