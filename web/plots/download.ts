// Saving a plot as a PNG file: a download of a canvas or a data URL (file names: summary.ts fileName).

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
