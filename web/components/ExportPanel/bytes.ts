// Sizes of files as a person reads them (pure: the worker-free tests and the session file use it).

/** A byte count as a person reads it: 812 B, 14.2 kB, 38.5 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
