// Reading a chosen or dropped file for the worker: refused when larger than the upload limit (before
// anything is read), and a read that fails (the file changed or vanished, permission) is said
// next to the Upload control; either way the matrix already loaded stays.
import type { Controller } from '../../client/controller.js';

/** Largest file the app reads (checked before reading: 20 MB of CSV is about 3 million numbers). */
export const MAX_UPLOAD_BYTES = 20 * 2 ** 20;

/** The limit as the Upload control states it. */
export const UPLOAD_LIMIT_TEXT = `${MAX_UPLOAD_BYTES / 2 ** 20} MB`;

/** Reads `file` and loads its matrix (as long format when `long`), or shows why not next to the Upload control. */
export async function readUpload(file: File, controller: Controller, long = false): Promise<void> {
  if (file.size > MAX_UPLOAD_BYTES) {
    const mb = (file.size / 2 ** 20).toFixed(1);
    return controller.dataFailed(
      'upload',
      `${file.name} is ${mb} MB, more than the ${UPLOAD_LIMIT_TEXT} an upload may be; nothing was read.`,
    );
  }
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    const why = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return controller.dataFailed('upload', `${file.name} could not be read (${why}); the matrix you had is kept.`);
  }
  controller.load({ kind: 'inline', text, fileName: file.name, ...(long ? { long: true } : {}) }, 'upload');
}
