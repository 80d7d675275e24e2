// Saving a Blob as a file: a same-origin blob: URL and a download link clicked once (no network).

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

/** A byte count as a person reads it: 812 B, 14.2 kB, 38.5 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
