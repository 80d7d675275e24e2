// Saving a plot as a PNG file: the file name from the plot title, and a download of a canvas or a data URL.

/** A download file name from a plot title: "V − WH (residual)" → "V-WH-residual". */
export function fileName(title: string): string {
  const s = title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s || 'plot';
}

/** Starts the download of `url` (a blob: or data: URL) as `name`. */
export function downloadUrl(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

/** Saves `canvas` as the PNG file `name` (through a blob: URL, released after the download starts). */
export function downloadCanvas(canvas: HTMLCanvasElement, name: string): Promise<void> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error('the browser could not encode the PNG'));
      const url = URL.createObjectURL(blob);
      downloadUrl(url, name);
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      resolve();
    }, 'image/png'),
  );
}
