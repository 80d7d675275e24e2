// Entry of the browser app: one store, one controller (which owns the worker), the React tree.
// The app opens with the kept session, a shared link's state, or the low-rank example loaded and
// ready to run.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { AppContext } from './app/context.js';
import { installTestApi } from './app/testApi.js';
import { Controller } from './client/controller.js';
import { KeeperContext } from './app/keeperContext.js';
import { registerOffline } from './app/offline.js';
import { startApp } from './app/start.js';
import { loadPlotly } from './plots/loss/plotly.js';
import { initialState, reduce } from './state/app.js';
import { createStore } from './state/store.js';
import type { DataSpec } from '../src/data/spec.js';
import './app/app.css';

/** The matrix the app opens with (and falls back to after repeated worker crashes). */
const START: DataSpec = { kind: 'example', id: 'lowrank' };

const params = new URLSearchParams(location.search);
const store = createStore(reduce, initialState());
// ?threads=N in the page's address picks the session's threads (when isolated); the worker reads it from its name
const threads = /^\d+$/.exec(new URLSearchParams(location.search).get('threads') ?? '')?.[0];
const spawn = () =>
  new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module', name: threads ? `nmf threads=${threads}` : 'nmf' });
const controller = new Controller(store, spawn, START, Number(params.get('watchdog')) || 30_000);
const keeper = startApp({ store, controller }, START); // the kept session, a shared link in the hash, or the START example
if (params.has('test')) installTestApi(store, controller);
registerOffline();
// the loss plot is on the first screen: fetch plotly now, compiled off the main thread while the
// worker loads the data (a failed load is tried again by the plot, which says why)
loadPlotly().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppContext.Provider value={{ store, controller }}>
      <KeeperContext.Provider value={keeper}>
        <App />
      </KeeperContext.Provider>
    </AppContext.Provider>
  </StrictMode>,
);
