// For a single uploaded image: the original V and the reconstruction WH drawn as pictures side
// by side, with what rank k costs in storage: (m + n)k / mn of the numbers of V.
import { useEffect, useRef } from 'react';
import { greyToRgba } from '../../../src/data/image.js';
import { storageRatio } from '../../../src/data/image-matrix.js';
import { useAppState } from '../../app/context.js';
import type { DisplayMatrix } from '../../shared/blocks.js';
import { isSingleImage } from './kinds.js';

/** One grey picture of a rows×cols matrix (exact, not block-averaged), drawn on a canvas. */
function Picture({ label, M }: { label: string; M: DisplayMatrix }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    c.width = M.cols;
    c.height = M.rows;
    ctx.putImageData(new ImageData(greyToRgba(M.data, M.cols, M.rows) as Uint8ClampedArray<ArrayBuffer>, M.cols, M.rows), 0, 0);
  }, [M]);
  return (
    <figure className="picture">
      <canvas ref={canvas} role="img" aria-label={label} />
      <figcaption>{label}</figcaption>
    </figure>
  );
}

/** The Image section (nothing unless the data is one uploaded image and W, H exist). */
export function ImagePanel() {
  const data = useAppState((s) => s.data);
  const snapshot = useAppState((s) => s.snapshot);
  if (!data || !snapshot || !isSingleImage(data.spec)) return null;
  const { V } = data.info;
  const { WH } = snapshot;
  if (WH.rows !== V.rows || WH.cols !== V.cols || V.blockRows !== 1 || V.blockCols !== 1) return null;
  const m = V.sourceRows;
  const n = V.sourceCols;
  const k = snapshot.W.sourceCols;
  const ratio = storageRatio(m, n, k);
  return (
    <section className="teach-block" aria-labelledby="image-heading">
      <h3 id="image-heading">The image and its rank-{k} reconstruction</h3>
      <div className="pictures">
        <Picture label={`Original V (${n}×${m} pixels)`} M={V} />
        <Picture label={`Reconstruction WH, rank ${k} (iteration ${snapshot.iteration})`} M={WH} />
      </div>
      <p>
        Storage: W and H hold (m + n)·k = ({m} + {n})·{k} = {((m + n) * k).toLocaleString('en-US')} numbers, {(100 * ratio).toFixed(1)}% of
        the {(m * n).toLocaleString('en-US')} pixels of V (ratio (m+n)k/mn = {ratio.toPrecision(3)}).
      </p>
    </section>
  );
}
