// The page: header, the Data, Options, Export and Share panels, and the run area (controls, status, plots).
import { DataPanel } from '../components/DataPanel/DataPanel.js';
import { ExportPanel } from '../components/ExportPanel/ExportPanel.js';
import { OptionsPanel } from '../components/OptionsPanel/OptionsPanel.js';
import { RunControls } from '../components/RunControls/RunControls.js';
import { SharePanel } from '../components/SharePanel/SharePanel.js';
import { StatusBar } from '../components/StatusBar/StatusBar.js';
import { ResultsPanel } from '../components/ResultsPanel/ResultsPanel.js';

/** The whole app. */
export function App() {
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
        <ResultsPanel />
      </main>
    </>
  );
}
