// The page: header, the Data, Options, Export and Share panels, the run area (controls, status)
// and the open view: the main view's plots, or another view's panel (web/views/<id>/, lazy).
import { Suspense } from 'react';
import { DataPanel } from '../components/DataPanel/DataPanel.js';
import { ExportPanel } from '../components/ExportPanel/ExportPanel.js';
import { OptionsPanel } from '../components/OptionsPanel/OptionsPanel.js';
import { ResultsPanel } from '../components/ResultsPanel/ResultsPanel.js';
import { RunControls } from '../components/RunControls/RunControls.js';
import { SharePanel } from '../components/SharePanel/SharePanel.js';
import { StatusBar } from '../components/StatusBar/StatusBar.js';
import { useAppState } from './context.js';
import { panelId, tabId, ViewTabs } from './ViewTabs.js';
import { VIEWS, viewInfo } from './views.js';

/** The whole app. */
export function App() {
  const view = viewInfo(useAppState((s) => s.view));
  const View = view.component;
  return (
    <>
      <header className="app-header">
        <h1>NMF Playground</h1>
        <p>Watch V ≈ W·H happen: non-negative matrix factorization, computed in your browser.</p>
      </header>
      <main className="layout">
        <div className="run-area">
          <RunControls />
          <StatusBar />
        </div>
        <div className="side">
          <DataPanel />
          <OptionsPanel />
          <ExportPanel />
          <SharePanel />
        </div>
        <div className="view-area">
          <ViewTabs />
          <div
            className="view-panel"
            {...(VIEWS.length > 1 ? { id: panelId(view.id), role: 'tabpanel', 'aria-labelledby': tabId(view.id) } : {})}
          >
            {View ? (
              <Suspense fallback={<p className="hint">Loading {view.label}…</p>}>
                <View />
              </Suspense>
            ) : (
              <ResultsPanel />
            )}
          </div>
        </div>
      </main>
    </>
  );
}
