// The CSV/TSV parser: what it accepts, and the exact message for each kind of bad input.
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/data/errors.js';
import { parseMatrixText } from '../src/data/parse.js';
import { detectDelimiter } from '../src/data/table.js';

function fails(text: string): InputError {
  try {
    parseMatrixText(text, 'data.csv');
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('parseMatrixText: accepted input', () => {
  it('reads a plain CSV of numbers row by row', () => {
    const d = parseMatrixText('1,2,3\n4,5,6\n', 'a.csv');
    expect([d.rows, d.cols]).toEqual([2, 3]);
    expect(Array.from(d.values)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(d.rowLabels).toBeUndefined();
    expect(d.colLabels).toBeUndefined();
    expect(d.name).toBe('a.csv');
  });

  it('detects tabs, semicolons and spaces as delimiters', () => {
    for (const text of ['1\t2\n3\t4', '1;2\n3;4', '1 2\n  3    4  ']) {
      expect(Array.from(parseMatrixText(text, 'x').values)).toEqual([1, 2, 3, 4]);
    }
  });

  it('detects a header row and a row-label column', () => {
    const d = parseMatrixText('name,a,b\nAlice,1,2\nBob,3,4\n', 'x.csv');
    expect(d.colLabels).toEqual(['a', 'b']);
    expect(d.rowLabels).toEqual(['Alice', 'Bob']);
    expect(Array.from(d.values)).toEqual([1, 2, 3, 4]);
  });

  it('accepts a header without the corner cell above the labels', () => {
    const d = parseMatrixText('a,b\nAlice,1,2\nBob,3,4\n', 'x.csv');
    expect(d.colLabels).toEqual(['a', 'b']);
    expect(d.rowLabels).toEqual(['Alice', 'Bob']);
  });

  it('turns blank, NA, NaN, ? into missing entries (NaN) and keeps the rest', () => {
    const d = parseMatrixText('1,,3\nNA,5,NaN\n?,8,9\n', 'x.csv');
    expect(Array.from(d.values).map((x) => (Number.isNaN(x) ? null : x))).toEqual([1, null, 3, null, 5, null, null, 8, 9]);
  });

  it('handles quotes, CRLF, a BOM, blank lines, scientific notation and a trailing comma on every line', () => {
    const d = parseMatrixText('\uFEFF"x","y",\r\n\r\n"1.5e-1",2,\r\n3,4e0,\r\n', 'x.csv');
    expect(d.colLabels).toEqual(['x', 'y']);
    expect(Array.from(d.values)).toEqual([0.15, 2, 3, 4]);
  });
});

describe('delimiters inside quoted fields', () => {
  it('a tab inside a quoted label of a comma-separated file is part of the label', () => {
    const d = parseMatrixText('name,a,b\n"x\ty",1,2\nz,3,4\n', 'x.csv');
    expect(d.rowLabels).toEqual(['x\ty', 'z']);
    expect(d.colLabels).toEqual(['a', 'b']);
    expect(Array.from(d.values)).toEqual([1, 2, 3, 4]);
  });

  it('a comma inside a quoted label of a semicolon-separated file is part of the label', () => {
    const d = parseMatrixText('a;b\n"x,y";1;2\n"z ""q""";3;4\n', 'x.csv');
    expect(d.rowLabels).toEqual(['x,y', 'z "q"']);
    expect(Array.from(d.values)).toEqual([1, 2, 3, 4]);
  });

  it('detectDelimiter counts only delimiters outside quoted fields, and any when a quote is left open', () => {
    expect(detectDelimiter('name,a\n"x\ty",1\n')).toBe(',');
    expect(detectDelimiter('"a""\t",b\n')).toBe(',');
    expect(detectDelimiter('a\tb\n"x,y"\t1\n')).toBe('\t');
    expect(detectDelimiter('"x\n\t",1\n')).toBe(','); // a line break inside quotes too
    expect(detectDelimiter('5" screen\t1\n')).toBe('\t'); // a quote inside a field is a character
    expect(detectDelimiter('"open\t1\n')).toBe('\t');
    expect(detectDelimiter('"a b" 1 2\n')).toBe(' ');
  });
});

describe('parseMatrixText: bad input names the file, row and column', () => {
  it('an empty file', () => {
    expect(fails('').message).toBe('data.csv: the file is empty');
    expect(fails('\n  \n').message).toBe('data.csv: the file is empty');
  });

  it('a non-numeric cell', () => {
    const e = fails('1,2,3\n4,abc,6\n');
    expect(e.message).toBe("data.csv: row 2, column 2: 'abc' is not a number");
    expect(e.where).toEqual({ file: 'data.csv', row: 2, column: 2 });
  });

  it('counts rows as lines of the file (header and blank lines included) and columns as fields (labels included)', () => {
    expect(fails('name,a,b\nAlice,1,2\n\nBob,3,x\n').message).toBe("data.csv: row 4, column 3: 'x' is not a number");
  });

  it('a short row', () => {
    expect(fails('1,2,3\n4,5\n').message).toBe(
      'data.csv: row 2, column 3: the row ends early: it has 2 columns, row 1 has 3 (leave a cell empty or write NA for a missing value)',
    );
  });

  it('a long row', () => {
    expect(fails('1,2\n3,4\n5,6,7\n').message).toBe(
      "data.csv: row 3, column 3: unexpected extra value '7': this row has 3 columns, row 1 has 2",
    );
  });

  it('a negative value', () => {
    const e = fails('1,2\n3,-0.5\n');
    expect(e.message).toBe('data.csv: row 2, column 2: negative value -0.5 (NMF needs every entry ≥ 0)');
    expect(e.where).toEqual({ file: 'data.csv', row: 2, column: 2 });
  });

  it('a number too large to hold: the message quotes the cell as written', () => {
    const e = fails('a,b\n1,2\n1e400,4\n');
    expect(e.message).toBe("data.csv: row 3, column 1: '1e400' is not a finite number (numbers go up to about ±1.8e308)");
    expect(e.where).toEqual({ file: 'data.csv', row: 3, column: 1 });
    expect(fails('a,b\nx,1,-1e400\ny,3,4\n').message).toBe(
      "data.csv: row 2, column 3: '-1e400' is not a finite number (numbers go up to about ±1.8e308)",
    );
  });

  it('a malformed quoted field: its row and column', () => {
    const e = fails('a,b\n1,"x"y,2\n3,4\n');
    expect(e.message).toBe('data.csv: row 2, column 2: trailing quote on quoted field is malformed');
    expect(e.where).toEqual({ file: 'data.csv', row: 2, column: 2 });
    expect(fails('a,b\n1,2\n"3",4,"q\n').message).toBe('data.csv: row 3, column 3: quoted field unterminated');
  });

  it('a matrix of zeros', () => {
    expect(fails('0,0\n0,0\n').message).toBe('data.csv: every observed entry is 0; NMF needs at least one positive value');
  });

  it('a row with no observed entry', () => {
    expect(fails('a,b\nx,1,2\ny,NA,\nz,3,4\n').message).toBe('data.csv: row 3: no observed entry (every value in this row is missing)');
  });

  it('a column with no observed entry', () => {
    expect(fails('1,NA,2\n3,,4\n').message).toBe('data.csv: column 2: no observed entry (every value in this column is missing)');
  });

  it('a header whose width does not match the data', () => {
    expect(fails('a,b,c,d\n1,2\n3,4\n').message).toBe('data.csv: row 1: the header has 4 columns but the data rows have 2');
  });
});
