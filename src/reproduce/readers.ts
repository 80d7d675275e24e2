// The functions the programs read the exported CSV with (src/data/csv-write.ts's format: comma-
// separated, quoted labels, full-precision numbers, NA for a missing entry, a header row and a
// first column of labels when the data has them). Each checks the shape and names the file, row
// and column of a cell that is not a number.

/** Python: read_matrix(path, row_labels, col_labels, shape) → (values with NaN where missing, row labels, column labels). */
export function pythonReader(): string[] {
  return [
    'MISSING = {"", "NA", "NAN", "?", "N/A", "NULL"}',
    '',
    '',
    'def read_matrix(path, row_labels, col_labels, shape):',
    '    """The matrix of a CSV file as NMF Playground exports it (comma-separated, NA = missing),',
    '    with a header row and a first column of labels when asked: (values, an m x n float array',
    '    with NaN where missing; row labels; column labels). Exits naming the file, row and column',
    '    of a cell that is not a number, or when the matrix is not m x n."""',
    '    values, labels, header = [], [], None',
    '    with open(path, newline="", encoding="utf-8-sig") as f:',
    '        reader = csv.reader(f)',
    '        for cells in reader:',
    '            if not cells:',
    '                continue',
    '            if col_labels and header is None:',
    '                header = cells[1:] if row_labels else cells',
    '                continue',
    '            if row_labels:',
    '                labels.append(cells.pop(0))',
    '            row = []',
    '            for j, cell in enumerate(cells):',
    '                text = cell.strip()',
    '                if text.upper() in MISSING:',
    '                    row.append(np.nan)',
    '                    continue',
    '                try:',
    '                    row.append(float(text))',
    '                except ValueError:',
    '                    column = j + 1 + int(row_labels)',
    '                    raise SystemExit(f"{path}: row {reader.line_num}, column {column}: {text[:20]!r} is not a number")',
    '            values.append(row)',
    '    if len(values) != shape[0] or any(len(row) != shape[1] for row in values):',
    '        widths = sorted({len(row) for row in values})',
    '        raise SystemExit(f"{path}: expected a {shape[0]} x {shape[1]} matrix, read {len(values)} rows of {widths} values")',
    '    return np.array(values, dtype=float).reshape(shape), labels or None, header',
  ];
}

/** R: read_matrix(path, row_labels, col_labels, shape) → a numeric matrix, NA where missing, labels as dimnames. */
export function rReader(): string[] {
  return [
    '# The matrix of a CSV file as NMF Playground exports it (comma-separated, NA = missing), with',
    '# a header row and a first column of labels when asked: a numeric m x n matrix, NA where',
    '# missing, the labels as dimnames. Stops naming the file, row and column of a cell that is not',
    '# a number, or when the matrix is not m x n.',
    'read_matrix <- function(path, row_labels, col_labels, shape) {',
    '  cells <- as.matrix(read.csv(path, header = col_labels, colClasses = "character", na.strings = character(0),',
    '                              check.names = FALSE, strip.white = TRUE, encoding = "UTF-8"))',
    '  labels <- NULL',
    '  if (row_labels) {',
    '    labels <- unname(cells[, 1])',
    '    cells <- cells[, -1, drop = FALSE]',
    '  }',
    '  if (!identical(dim(cells), as.integer(shape))) {',
    '    stop(sprintf("%s: expected a %d x %d matrix, read %d x %d", path, shape[1], shape[2], nrow(cells), ncol(cells)), call. = FALSE)',
    '  }',
    '  missing <- toupper(cells) %in% c("", "NA", "NAN", "?", "N/A", "NULL")',
    '  values <- suppressWarnings(as.numeric(cells))',
    '  bad <- which(is.na(values) & !missing)',
    '  if (length(bad)) {',
    '    i <- (bad[1] - 1) %% nrow(cells) + 1',
    '    j <- (bad[1] - 1) %/% nrow(cells) + 1',
    '    stop(sprintf("%s: data row %d, column %d: \'%s\' is not a number", path, i, j + row_labels, substr(cells[bad[1]], 1, 20)), call. = FALSE)',
    '  }',
    '  values[missing] <- NA',
    '  matrix(values, nrow(cells), ncol(cells), dimnames = list(labels, if (col_labels) unname(colnames(cells)) else NULL))',
    '}',
  ];
}
