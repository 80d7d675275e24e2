// The store and the controller, handed to every component through one React context.
import { createContext, useContext } from 'react';
import type { Controller } from '../client/controller.js';
import type { Action, AppState } from '../state/app.js';
import { useStore, type Store } from '../state/store.js';

/** What components reach: state (read) and the controller (commands). */
export interface AppHandles {
  readonly store: Store<AppState, Action>;
  readonly controller: Controller;
}

export const AppContext = createContext<AppHandles | null>(null);

function useHandles(): AppHandles {
  const h = useContext(AppContext);
  if (!h) throw new Error('AppContext is missing');
  return h;
}

/** The part of the app state `select` picks (re-renders at most once per frame when it changes). */
export function useAppState<T>(select: (s: AppState) => T): T {
  return useStore(useHandles().store, select);
}

/** The controller: load data, set options, run, pause, step, reset. */
export function useController(): Controller {
  return useHandles().controller;
}

/** The store itself, to read the state once (e.g. in a click handler) without re-rendering on its changes. */
export function useAppStore(): Store<AppState, Action> {
  return useHandles().store;
}
