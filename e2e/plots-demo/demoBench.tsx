// On the plots demo page: a 2000×1000 rank-5 factor panel updated on every animation frame, timed in the page.
import { useEffect, useRef, useState } from 'react';
import { Rng } from '../../src/core/rng.js';
import type { Dense } from '../../src/core/matrix.js';
import { asDisplay } from '../../web/shared/blocks.js';
import { FactorPanel } from '../../web/plots/heatmap/FactorPanel.js';
import { uniform } from './demoData.js';
import { drawStats, resetDrawStats } from '../../web/plots/frame/frameQueue.js';

const UPDATES = 30;

/** A button that mounts a big FactorPanel and feeds it UPDATES new WH, W and H, one per frame; reports the rate and the longest task. */
export function BigPanelBench({ V }: { V: Dense }) {
  const [frame, setFrame] = useState(-1);
  const [result, setResult] = useState('');
  const variants = useRef<{ WH: Dense[]; W: Dense[]; H: Dense[] } | null>(null);
  const timing = useRef({ t0: 0, longest: 0, observer: null as PerformanceObserver | null });

  const begin = () => {
    const rng = new Rng(3);
    const k = 5;
    const W = [uniform(rng, V.rows, k), uniform(rng, V.rows, k)];
    const H = [uniform(rng, k, V.cols), uniform(rng, k, V.cols)];
    const WH = [0.9, 1.1].map((f) => ({ rows: V.rows, cols: V.cols, data: V.data.map((x) => x * f) }));
    variants.current = { WH, W, H };
    timing.current.longest = 0;
    timing.current.observer?.disconnect();
    if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) timing.current.longest = Math.max(timing.current.longest, e.duration);
      });
      observer.observe({ type: 'longtask' });
      timing.current.observer = observer;
    }
    setResult('');
    resetDrawStats();
    setFrame(0);
  };

  useEffect(() => {
    if (frame < 0) return;
    if (frame === 0) timing.current.t0 = performance.now();
    if (frame === UPDATES) {
      // Let the last draws land (two frames), then report.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const seconds = (performance.now() - timing.current.t0) / 1000;
          timing.current.observer?.disconnect();
          const draws = Object.entries(drawStats())
            .map(([name, s]) => `${name} ${s.count}× mean ${s.mean.toFixed(1)} max ${s.max.toFixed(1)} ms`)
            .join('; ');
          setResult(
            `${UPDATES} updates in ${seconds.toFixed(2)} s (${(UPDATES / seconds).toFixed(1)} per second), longest task ${timing.current.longest.toFixed(0)} ms. Draws: ${draws}`,
          );
        }),
      );
      return;
    }
    const id = requestAnimationFrame(() => setFrame((f) => f + 1));
    return () => cancelAnimationFrame(id);
  }, [frame]);

  const v = variants.current;
  const i = Math.max(frame, 0) % 2;
  return (
    <section aria-label="Big panel">
      <h2>2000×1000 factor panel, live</h2>
      <p>
        <button type="button" onClick={begin} disabled={frame >= 0 && frame < UPDATES}>
          Update big panel {UPDATES} times
        </button>{' '}
        <output aria-label="big panel result">{result}</output>
      </p>
      {v && frame >= 0 && <FactorPanel V={asDisplay(V)} WH={asDisplay(v.WH[i])} W={asDisplay(v.W[i])} H={asDisplay(v.H[i])} height={260} />}
    </section>
  );
}
