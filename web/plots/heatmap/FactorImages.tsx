// For image data: each column of a matrix (m = width·height pixels, row-major image) drawn as a
// small grey image, dark = large, each scaled to its own maximum (or all to one), on canvases: the
// columns of W (the parts), and a few columns of V and of WH side by side.
import { useId, useRef } from 'react';
import type { Dense } from '../../../src/core/matrix.js';
import { shortNumber } from '../summary.js';
import { useQueuedDraw } from '../frame/useQueuedDraw.js';
import '../plots.css';

/** Props of FactorImages: W (m×k) whose columns are images imageWidth pixels wide (m = imageWidth × image height). */
export interface FactorImagesProps {
  W: Dense;
  imageWidth: number;
  /** Title, also the accessible name (default "Columns of W as images"). */
  label?: string;
  /** Displayed size of each image's longer side in px (default 96). */
  size?: number;
  /** Caption of each image (default 1, 2, …); its accessible name is "<noun> <caption>". */
  names?: readonly string[];
  /** What one image is, in its accessible name and the text alternative (default "component"). */
  noun?: string;
  /** One value drawn black in every image (default: each image its own maximum). */
  max?: number;
}

/**
 * Writes column c of W (m×k) as grey RGBA pixels into `out` (m·4 bytes): 0 → white, `top` (default
 * the column's max) → black, larger values black too. Returns the column's max.
 */
export function columnImage(W: Dense, c: number, out: Uint8ClampedArray, top?: number): number {
  const { rows: m, cols: k, data } = W;
  let max = 0;
  for (let i = 0; i < m; i++) {
    const v = data[i * k + c];
    if (v > max) max = v;
  }
  const black = top ?? max;
  const scale = black > 0 ? 255 / black : 0;
  for (let i = 0; i < m; i++) {
    const v = data[i * k + c];
    const g = 255 - (v > 0 ? Math.min(255, v * scale) : 0);
    out[4 * i] = g;
    out[4 * i + 1] = g;
    out[4 * i + 2] = g;
    out[4 * i + 3] = 255;
  }
  return max;
}

/** The k columns of W as small images (see FactorImagesProps); drawn through the frame queue, skipped off screen. */
export function FactorImages({
  W,
  imageWidth,
  label = 'Columns of W as images',
  size = 96,
  names,
  noun = 'component',
  max,
}: FactorImagesProps) {
  const k = W.cols;
  const height = Math.floor(W.rows / imageWidth);
  const valid = imageWidth > 0 && height > 0 && height * imageWidth === W.rows;
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);
  const maxima = useRef<number[]>([]);
  const id = useId();
  const figure = useRef<HTMLElement | null>(null);

  useQueuedDraw(
    figure,
    label,
    'light',
    () => {
      if (!valid) return;
      const pixels = new ImageData(imageWidth, height);
      for (let c = 0; c < k; c++) {
        const canvas = canvases.current[c];
        const ctx = canvas?.getContext('2d');
        if (!canvas || !ctx) continue;
        maxima.current[c] = columnImage(W, c, pixels.data, max);
        ctx.putImageData(pixels, 0, 0);
        canvas.title = `${noun} ${names?.[c] ?? c + 1}: max ${shortNumber(maxima.current[c])}`;
      }
    },
    [W, W.data, imageWidth, height, k, valid, max, names, noun],
    valid,
  );

  if (!valid)
    return (
      <p className="plot-mismatch" role="alert">
        Cannot show {label}: {W.rows} rows are not a whole number of rows of {imageWidth} pixels.
      </p>
    );
  const scale = size / Math.max(imageWidth, height);
  return (
    <figure ref={figure} className="plot factor-images" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="factor-images-title">
        {label}
      </h3>
      <p className="plot-sr">{`${label}: ${k} images of ${imageWidth}×${height} pixels, dark = large.`}</p>
      <div className="factor-images-grid">
        {Array.from({ length: k }, (_, c) => (
          <figure key={c} className="factor-image">
            <canvas
              ref={(el) => {
                canvases.current[c] = el;
              }}
              width={imageWidth}
              height={height}
              style={{ width: Math.round(imageWidth * scale), height: Math.round(height * scale) }}
              role="img"
              aria-label={`${noun} ${names?.[c] ?? c + 1}`}
            />
            <figcaption>{names?.[c] ?? c + 1}</figcaption>
          </figure>
        ))}
      </div>
    </figure>
  );
}
