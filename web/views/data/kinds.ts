// Which data the teaching panels recognise, from the spec it was made from. Pure.
import type { DataSpec } from '../../../src/data/spec.js';

/** File name given to the inline matrix made from the Documents box (its rows are terms, its columns documents). */
export const DOCUMENTS_FILE = 'documents.csv';

/** Whether `spec` is a term × document matrix: the topics example or the Documents box. */
export function isTextData(spec: DataSpec): boolean {
  return (spec.kind === 'example' && spec.id === 'topics') || (spec.kind === 'inline' && spec.fileName === DOCUMENTS_FILE);
}

/** The fileName of the inline matrix made from one uploaded image (V is that picture, so WH is one too). */
export function imageFileName(name: string): string {
  return `${name} (image)`;
}

/** Whether `spec` is one uploaded image, its matrix the picture itself. */
export function isSingleImage(spec: DataSpec): boolean {
  return spec.kind === 'inline' && spec.fileName.endsWith(' (image)') && spec.imageWidth === undefined;
}
