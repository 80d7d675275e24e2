// Saving a Blob as a file: a same-origin blob: URL and a download link clicked once (no network).
export { formatBytes } from './bytes.js';

/** Makes the browser save `blob` as `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL; keep it alive a while for slow browsers, then free it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
