// TEMPORARY stand-ins for web/plots (LossPlot, FactorPanel) until the viz branch is merged.
// Same props; they draw just enough to see that data flows. Not to be merged to main.
import { useEffect, useRef } from 'react';

export interface Mat2 {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function LossPlot({ series, title = 'Relative error per iteration' }: { series: { name: string; relError: readonly number[] }[]; title?: string }) {
  const last = series[0]?.relError;
  return (
    <figure aria-label={title}>
      <figcaption>{title}</figcaption>
      <p>{last?.length ? `${last.length} iterations, last ${last[last.length - 1].toPrecision(4)}` : 'No iterations yet.'}</p>
    </figure>
  );
}

function Heat({ label, m }: { label: string; m: Mat2 }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current!;
    c.width = m.cols;
    c.height = m.rows;
    const ctx = c.getContext('2d')!;
    let lo = Infinity, hi = -Infinity;
    for (const x of m.data) if (x === x) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
    const img = ctx.createImageData(m.cols, m.rows);
    m.data.forEach((x, t) => {
      const g = x === x ? Math.round((255 * (x - lo)) / (hi - lo || 1)) : 128;
      img.data.set([g, g, x === x ? 255 : 128, 255], 4 * t);
    });
    ctx.putImageData(img, 0, 0);
  }, [m]);
  return (
    <figure aria-label={label}>
      <figcaption>{label}</figcaption>
      <canvas ref={ref} style={{ width: 200, height: 150, imageRendering: 'pixelated' }} />
    </figure>
  );
}

export function FactorPanel(p: { V: Mat2; WH: Mat2; W: Mat2; H: Mat2; mask?: Float64Array | null; rowLabels?: readonly string[]; colLabels?: readonly string[] }) {
  const R = { rows: p.V.rows, cols: p.V.cols, data: p.V.data.map((v, t) => v - p.WH.data[t]) };
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
      <Heat label="V (data)" m={p.V} />
      <Heat label="WH (reconstruction)" m={p.WH} />
      <Heat label="V − WH (residual)" m={R} />
      <Heat label="W" m={p.W} />
      <Heat label="H" m={p.H} />
    </div>
  );
}
