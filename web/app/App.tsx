// The page: a skip link to the results, the header, the run area (controls, status, the kept
// session's banner), the controls' column (first Data and Options, the settings a person picks
// first; then Randomize, upload or paste, Start and stop, Export, Share and Session) and the open view: the
// main view's plots, or another view's panel (web/views/<id>/, lazy), with the Reproduce elsewhere
// panel under it. At phone width the first panels come before the view and the rest after it
// (app.css). Opened from an Embed link, the page is for an iframe: the run area and the view only,
// filling the frame.
import { Suspense, type MouseEvent } from 'react';
import { DataDrop } from '../components/DataPanel/DataDrop.js';
import { DataPanel } from '../components/DataPanel/DataPanel.js';
import { MoreDataPanel } from '../components/DataPanel/MoreDataPanel.js';
import { ExportPanel } from '../components/ExportPanel/ExportPanel.js';
import { OptionsPanel } from '../components/OptionsPanel/OptionsPanel.js';
import { StartStopPanel } from '../components/OptionsPanel/StartStopPanel.js';
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

/** Id of the view area, the skip link's target. */
const RESULTS_ID = 'results';

/** Moves focus to the results (the page's address is left alone: its hash holds the shared state). */
function skipToResults(e: MouseEvent<HTMLAnchorElement>) {
  e.preventDefault();
  const target = document.getElementById(RESULTS_ID);
  target?.focus();
  target?.scrollIntoView();
}

/** The whole app. */
export function App() {
  const view = viewInfo(useAppState((s) => s.view));
  const embed = useAppState((s) => s.embed);
  const View = view.component;
  const tabs = VIEWS.length > 1 && !embed;
  return (
    <>
      {!embed && (
        <a className="skip-link" href={`#${RESULTS_ID}`} onClick={skipToResults}>
          Skip to results
        </a>
      )}
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
          <DataDrop className="side">
            {(long, setLong) => (
              <>
                <div className="side-first">
                  <DataPanel />
                  <OptionsPanel />
                </div>
                <div className="side-rest">
                  <MoreDataPanel long={long} setLong={setLong} />
                  <StartStopPanel />
                  <ExportPanel />
                  <SharePanel />
                  <SessionPanel />
                </div>
              </>
            )}
          </DataDrop>
        )}
        <div className="view-area" id={RESULTS_ID} tabIndex={-1}>
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
