// The page: header, the Data, Options, Export, Share and Session panels, the run area (controls,
// status, the kept session's banner) and the open view: the main view's plots, or another view's
// panel (web/views/<id>/, lazy), with the Reproduce elsewhere panel under it. Opened from an Embed link, the page is for an iframe: the run area and
// the view only, filling the frame.
import { Suspense } from 'react';
import { DataPanel } from '../components/DataPanel/DataPanel.js';
import { ExportPanel } from '../components/ExportPanel/ExportPanel.js';
import { OptionsPanel } from '../components/OptionsPanel/OptionsPanel.js';
import { ReproducePanel } from '../components/ReproducePanel/ReproducePanel.js';
import { ResultsPanel } from '../components/ResultsPanel/ResultsPanel.js';
import { RunControls } from '../components/RunControls/RunControls.js';
import { SessionBanner } from '../components/SessionPanel/SessionBanner.js';
import { SessionPanel } from '../components/SessionPanel/SessionPanel.js';
import { SharePanel } from '../components/SharePanel/SharePanel.js';
import { StatusBar } from '../components/StatusBar/StatusBar.js';
import { useAppState } from './context.js';
import { EmbedHeader } from './EmbedHeader.js';
import { panelId, tabId, ViewTabs } from './ViewTabs.js';
import { VIEWS, viewInfo } from './views.js';

/** The whole app. */
export function App() {
  const view = viewInfo(useAppState((s) => s.view));
  const embed = useAppState((s) => s.embed);
  const View = view.component;
  const tabs = VIEWS.length > 1 && !embed;
  return (
    <>
      {embed ? (
        <EmbedHeader />
      ) : (
        <header className="app-header">
          <h1>NMF Playground</h1>
          <p>Watch V ≈ W·H happen: non-negative matrix factorization, computed in your browser.</p>
        </header>
      )}
      <main className={embed ? 'layout embed' : 'layout'}>
        <div className="run-area">
          <RunControls />
          <StatusBar />
          {!embed && <SessionBanner />}
        </div>
        {!embed && (
          <div className="side">
            <DataPanel />
            <OptionsPanel />
            <ExportPanel />
            <SharePanel />
            <SessionPanel />
          </div>
        )}
        <div className="view-area">
          {!embed && <ViewTabs />}
          <div className="view-panel" {...(tabs ? { id: panelId(view.id), role: 'tabpanel', 'aria-labelledby': tabId(view.id) } : {})}>
            {View ? (
              <Suspense fallback={<p className="hint">Loading {view.label}…</p>}>
                <View />
              </Suspense>
            ) : (
              <ResultsPanel />
            )}
          </div>
          {!embed && <ReproducePanel />}
        </div>
      </main>
    </>
  );
}
