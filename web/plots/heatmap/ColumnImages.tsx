// For image data: a few columns of V and the same columns of WH drawn as images side by side, on
// one grey scale (black = the largest of the V columns shown), so a reconstruction reads as a
// picture, not only as a stripe of the heatmap.
import { useMemo } from 'react';
import type { Dense } from '../../../src/core/matrix.js';
import { FactorImages } from './FactorImages.js';

/** Props of ColumnImages: columns `cols` of V (m×c row-major, `V`) and of WH (`WH`, same shape), images imageWidth pixels wide. */
export interface ColumnImagesProps {
  cols: readonly number[];
  V: Float64Array;
  WH: Float64Array;
  m: number;
  imageWidth: number;
  /** Labels of the source columns (captions), else "column j" (1-based). */
  colLabels?: readonly string[];
}

/** Titles of the two figures (also their accessible names). */
export const COLUMN_IMAGE_TITLES = { V: 'Columns of V as images', WH: 'The same columns of WH' } as const;

/** The two rows of images (see ColumnImagesProps). */
export function ColumnImages({ cols, V, WH, m, imageWidth, colLabels }: ColumnImagesProps) {
  const c = cols.length;
  const Vm = useMemo<Dense>(() => ({ rows: m, cols: c, data: V }), [V, m, c]);
  const WHm = useMemo<Dense>(() => ({ rows: m, cols: c, data: WH }), [WH, m, c]);
  const names = useMemo(() => cols.map((j) => colLabels?.[j] ?? String(j + 1)), [cols, colLabels]);
  const top = useMemo(() => {
    let max = 0;
    for (const v of V) if (v > max) max = v;
    return max;
  }, [V]);
  if (V.length !== m * c || WH.length !== m * c) return null;
  return (
    <div className="column-images">
      <FactorImages W={Vm} imageWidth={imageWidth} label={COLUMN_IMAGE_TITLES.V} names={names} noun="column" max={top} size={72} />
      <FactorImages W={WHm} imageWidth={imageWidth} label={COLUMN_IMAGE_TITLES.WH} names={names} noun="column" max={top} size={72} />
    </div>
  );
}
