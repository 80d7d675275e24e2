// Errors in user input, with where they are, in a message a user can act on.

/** Where a bad value is: the file (or data source), its row and column, or the parameter. */
export interface Where {
  readonly file?: string;
  readonly row?: number;
  readonly column?: number;
  readonly parameter?: string;
}

/** Bad input: `message` is complete and user-facing ("bad.csv: row 3, column 2: 'x' is not a number"). */
export class InputError extends Error {
  constructor(
    message: string,
    readonly where: Where = {},
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** "file: row r, column c: " — the prefix of a message, with the parts that are known. */
export function locate(where: Where): string {
  const parts: string[] = [];
  if (where.row !== undefined) parts.push(`row ${where.row}`);
  if (where.column !== undefined) parts.push(`column ${where.column}`);
  const file = where.file ? `${where.file}: ` : '';
  return parts.length ? `${file}${parts.join(', ')}: ` : file;
}
