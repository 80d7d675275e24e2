// The plots demo page with seeded data (e2e/plots-demo, built by its own vite.config.ts; used by e2e/plots.spec.ts, never in dist/).
import { StrictMode, useCallback, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Rng } from '../../src/core/rng.js';
import { FactorImages } from '../../web/plots/heatmap/FactorImages.js';
import type { Dense } from '../../src/core/matrix.js';
import { asDisplay } from '../../web/shared/blocks.js';
import { FactorPanel } from '../../web/plots/heatmap/FactorPanel.js';
import { Heatmap } from '../../web/plots/heatmap/Heatmap.js';
import { LossPlot } from '../../web/plots/loss/LossPlot.js';
import { barImages, lossCurve, lowRank, muStep, product, relError, uniform } from './demoData.js';
import { BigPanelBench } from './demoBench.js';

const copy = (A: Dense): Dense => ({ rows: A.rows, cols: A.cols, data: A.data.slice() });

interface Live {
  W: Dense;
  H: Dense;
  WH: Dense;
  initial: number;
  history: number[];
  revision: number;
}

function start(V: Dense, mask: Float64Array | null, k: number, seed: number, revision: number): Live {
  const rng = new Rng(seed);
  const W = uniform(rng, V.rows, k);
  const H = uniform(rng, k, V.cols);
  const WH = product(W, H);
  return { W, H, WH, initial: relError(V, WH, mask), history: [], revision };
}

function Demo() {
  const problem = useMemo(() => lowRank(7, 60, 40, 4, 0.05, 0.1), []);
  const rowLabels = useMemo(() => Array.from({ length: 60 }, (_, i) => `gene ${i + 1}`), []);
  const colLabels = useMemo(() => Array.from({ length: 40 }, (_, j) => `s${j + 1}`), []);
  const [live, setLive] = useState(() => start(problem.V, problem.mask, 4, 1, 0));
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const fixed = useMemo(
    () => [
      { name: 'hals', relError: lossCurve(2, 120, 0.048, 8) },
      { name: 'als', relError: lossCurve(3, 150, 0.06, 20) },
    ],
    [],
  );
  const series = useMemo(
    () => [...fixed, { name: 'mu (live)', initial: live.initial, relError: live.history, revision: live.revision }],
    [fixed, live],
  );

  const run = useCallback(
    (count: number) => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      let left = count;
      const tick = () => {
        setLive((s) => {
          const W = copy(s.W);
          const H = copy(s.H);
          const WH = muStep(problem.V, problem.mask, W, H);
          return { ...s, W, H, WH, history: [...s.history, relError(problem.V, WH, problem.mask)] };
        });
        if (--left > 0) requestAnimationFrame(tick);
        else {
          running.current = false;
          setBusy(false);
        }
      };
      requestAnimationFrame(tick);
    },
    [problem],
  );

  const ratings = useMemo(() => {
    const r = lowRank(5, 30, 20, 3, 0.1, 0.2);
    return { V: asDisplay(r.V), mask: r.mask };
  }, []);
  const users = useMemo(() => Array.from({ length: 30 }, (_, i) => `user <${i + 1}>`), []);
  const items = useMemo(() => Array.from({ length: 20 }, (_, j) => `item ${String.fromCharCode(65 + j)}`), []);
  const bigV = useMemo(() => lowRank(11, 2000, 1000, 5, 0.05).V, []);
  const big = useMemo(() => asDisplay(bigV), [bigV]);
  const bars = useMemo(() => barImages(12), []);

  return (
    <main className="demo">
      <h1>Plots demo</h1>
      <section aria-label="Loss">
        <h2>Loss curves</h2>
        <p>
          <button type="button" onClick={() => run(20)} disabled={busy}>
            Run 20 iterations
          </button>{' '}
          <button
            type="button"
            onClick={() => setLive((s) => start(problem.V, problem.mask, 4, s.revision + 2, s.revision + 1))}
            disabled={busy}
          >
            New run
          </button>{' '}
          <output aria-label="live iterations">{live.history.length}</output>
        </p>
        <LossPlot series={series} />
      </section>
      <section aria-label="Factors">
        <h2>Factors: 60×40, rank 4, 10% missing</h2>
        <FactorPanel
          V={asDisplay(problem.V)}
          WH={asDisplay(live.WH)}
          W={asDisplay(live.W)}
          H={asDisplay(live.H)}
          mask={problem.mask}
          rowLabels={rowLabels}
          colLabels={colLabels}
        />
      </section>
      <section aria-label="Heatmaps">
        <h2>Single heatmaps</h2>
        <div className="plot-grid">
          <Heatmap
            label="Ratings"
            matrix={ratings.V}
            mask={ratings.mask}
            colorScale="sequential"
            rowLabels={users}
            colLabels={items}
            height={360}
          />
          <Heatmap label="Big V" matrix={big} colorScale="sequential" height={360} />
        </div>
      </section>
      <section aria-label="Images">
        <h2>Parts</h2>
        <FactorImages W={bars} imageWidth={12} label="W columns as 12×12 images" />
      </section>
      <BigPanelBench V={bigV} />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Demo />
  </StrictMode>,
);
