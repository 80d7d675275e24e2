// The Upload image control: one PNG/JPEG becomes V itself (its grey levels, longest side at most
// IMAGE_MAX_SIDE); several same-size images, or one image cut into tiles, become one column each.
// Decoded in the browser; the matrix goes to the worker as labelled CSV.
import { useEffect, useId, useState } from 'react';
import { toCsv } from '../../../src/data/csv-write.js';
import {
  IMAGE_MAX_SIDE,
  imageSetToV,
  imageTilesToV,
  imageToV,
  SET_MAX_SIDE,
  TILE_SOURCE_MAX_SIDE,
} from '../../../src/data/image-matrix.js';
import type { DataMatrix } from '../../../src/core/problem.js';
import { useAppState, useController } from '../../app/context.js';
import { decodeImage } from './decodeImage.js';
import { imageFileName } from './kinds.js';

/** The Upload image fieldset of the Data panel. */
export function ImageForm() {
  const id = useId();
  const controller = useController();
  const [tile, setTile] = useState('0');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // an error is about the last upload: a matrix loaded since (from here or elsewhere) replaces it
  const spec = useAppState((s) => s.data?.spec);
  useEffect(() => {
    if (spec) setError(null);
  }, [spec]);

  const upload = async (files: File[]) => {
    setError(null);
    const t = Number(tile);
    if (!Number.isInteger(t) || t < 0) return setError(`Tile size ${tile || '(empty)'} must be 0 (no tiles) or an integer ≥ 2.`);
    setBusy(true);
    try {
      const images = [];
      for (const f of files) images.push(await decodeImage(f));
      let d: DataMatrix;
      let fileName: string;
      if (images.length > 1) {
        d = imageSetToV(images);
        fileName = `${images.length} images`;
      } else if (t > 0) {
        d = imageTilesToV(images[0], t);
        fileName = `${images[0].name} in ${t}×${t} tiles`;
      } else {
        d = imageToV(images[0]);
        fileName = imageFileName(images[0].name);
      }
      const text = toCsv({ rows: d.rows, cols: d.cols, data: d.values }, d.colLabels ? { cols: d.colLabels } : {});
      controller.load({ kind: 'inline', text, fileName, ...(d.imageWidth ? { imageWidth: d.imageWidth } : {}) }, 'upload');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset>
      <legend>Images</legend>
      <div className="field">
        <label htmlFor={`${id}-image`}>Upload image</label>
        <input
          id={`${id}-image`}
          type="file"
          multiple
          accept="image/png,image/jpeg"
          disabled={busy}
          aria-describedby={`${id}-image-hint`}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) void upload(files);
          }}
        />
        <p className="hint" id={`${id}-image-hint`}>
          PNG or JPEG, decoded here. One image: its grey levels are V (longest side downscaled to {IMAGE_MAX_SIDE} pixels). Several images
          of one size: one column each (at most {SET_MAX_SIDE} pixels a side). With a tile size, one image (at most {TILE_SOURCE_MAX_SIDE} a
          side) is cut into tiles, one column each.
        </p>
      </div>
      <div className="field compact">
        <label htmlFor={`${id}-tile`}>Tile size (0 = no tiles)</label>
        <input
          id={`${id}-tile`}
          type="number"
          min={0}
          step={1}
          className="narrow"
          value={tile}
          onChange={(e) => {
            setTile(e.target.value);
            setError(null);
          }}
        />
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
