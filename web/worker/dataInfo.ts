// What the page is told about a loaded matrix (DataInfo): a dense one through displayData, one held
// by its entries through sparseDisplay.ts, nothing m×n for the latter.
import type { DataMatrix } from '../../src/core/problem.js';
import type { SparseData } from '../../src/core/sparse.js';
import { summarize } from '../../src/data/summary.js';
import { imageColumnsOf } from '../shared/imageColumns.js';
import type { DataInfo } from '../shared/protocol.js';
import { dataExtremes, displayData } from './display.js';
import { sparseDisplayData, sparseSummary } from './sparseDisplay.js';

/** Whether the data is held by its entries only. */
export function isSparseData(data: DataMatrix | SparseData): data is SparseData {
  return 'nnz' in data;
}

/** What the page is told about a matrix: name, summary, labels and V for display. */
export function dataInfo(data: DataMatrix | SparseData): DataInfo {
  if (isSparseData(data)) {
    const { V, observed, extremes } = sparseDisplayData(data);
    return {
      name: data.name ?? 'data',
      labelled: { rows: data.rowLabels !== undefined, cols: data.colLabels !== undefined },
      summary: sparseSummary(data),
      V,
      observed,
      extremes,
      sparse: true,
    };
  }
  const { V, observed } = displayData(data.values, data.rows, data.cols);
  return {
    name: data.name ?? 'data',
    labelled: { rows: data.rowLabels !== undefined, cols: data.colLabels !== undefined },
    summary: summarize(data),
    rowLabels: V.blockRows === 1 ? data.rowLabels : undefined,
    colLabels: V.blockCols === 1 ? data.colLabels : undefined,
    V,
    observed,
    extremes: dataExtremes(data.values, V),
    imageWidth: data.imageWidth,
    imageColumns: data.imageWidth ? imageColumnsOf(data.values, data.rows, data.cols) : undefined,
  };
}
