// The long-format parser (row, column, value per line): compressed rows with string labels, and
// the exact message, with its line, for each kind of bad input.
import { describe, expect, it } from 'vitest';
import { denseToSparse, sparseToDense } from '../src/core/sparse.js';
import { InputError } from '../src/data/errors.js';
import { isLongHeader, longAsDense, looksLong, MAX_LONG_ENTRIES, parseLongText, ratingsLongText } from '../src/data/long.js';
import { makeData } from '../src/data/spec.js';

function fails(text: string): string {
  try {
    parseLongText(text, 'r.csv');
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message;
  }
  throw new Error('expected an InputError');
}

const MOVIELENS = 'userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n1,1029,3.0,1260759179\n2,10,4.0,835355493\n1,10,1.5,1260759185\n';

describe('parseLongText: accepted input', () => {
  it('reads MovieLens-style ratings into compressed rows, labels numbered by first appearance, columns sorted within a row', () => {
    const s = parseLongText(MOVIELENS, 'ratings.csv');
    expect([s.rows, s.cols, s.nnz]).toEqual([2, 3, 4]);
    expect(s.rowLabels).toEqual(['1', '2']);
    expect(s.colLabels).toEqual(['31', '1029', '10']);
    expect(Array.from(s.rowPtr)).toEqual([0, 3, 4]);
    expect(Array.from(s.colIdx)).toEqual([0, 1, 2, 2]);
    expect(Array.from(s.values)).toEqual([2.5, 3, 1.5, 4]);
    expect(s.name).toBe('ratings.csv');
  });

  it('takes string labels, tabs or spaces, quotes, CRLF, blank lines and no header', () => {
    const a = parseLongText('"alice"\tmatrix\t5\r\n\r\nbob\talien\t3\r\nalice\talien\t4\r\n', 'x.tsv');
    expect(a.rowLabels).toEqual(['alice', 'bob']);
    expect(a.colLabels).toEqual(['matrix', 'alien']);
    expect(Array.from(a.values)).toEqual([5, 4, 3]);
    const b = parseLongText('u1 i1 1\nu2 i2 2\n', 'x.txt');
    expect([b.rows, b.cols, b.nnz]).toEqual([2, 2, 2]);
  });

  it('a tab inside a quoted label of a comma-separated file is part of the label', () => {
    const s = parseLongText('user,item,rating\n"a\tb",i1,3\nc,i2,4\n', 'x.csv');
    expect(s.rowLabels).toEqual(['a\tb', 'c']);
    expect(Array.from(s.values)).toEqual([3, 4]);
  });

  it('a delimiter inside a quoted label is part of the label; "" is one quote', () => {
    const s = parseLongText('user,item,rating\n"Smith, J.",i1,3\n"say ""hi""" , "i,2" ,4\nc,i1,5\n', 'x.csv');
    expect(s.rowLabels).toEqual(['Smith, J.', 'say "hi"', 'c']);
    expect(s.colLabels).toEqual(['i1', 'i,2']);
    expect(Array.from(s.values)).toEqual([3, 4, 5]);
    expect(parseLongText('"a;b";x;1\n', 'x.csv').rowLabels).toEqual(['a;b']);
  });

  it('leaves an entry whose value is NA or blank unobserved', () => {
    const s = parseLongText('row,column,value\na,x,1\na,y,NA\nb,y,2\nb,x,\n', 'x.csv');
    expect([s.rows, s.cols, s.nnz]).toEqual([2, 2, 2]);
    expect(Array.from(s.values)).toEqual([1, 2]);
  });

  it('round-trips with the dense form (NaN = unobserved)', () => {
    const s = parseLongText('a,x,1\nb,y,2\na,z,3\n', 'x.csv');
    const d = sparseToDense(s, 100)!;
    expect(Array.from(d.values).map((x) => (Number.isNaN(x) ? null : x))).toEqual([1, null, 3, null, 2, null]);
    const back = denseToSparse(d);
    expect(Array.from(back.rowPtr)).toEqual(Array.from(s.rowPtr));
    expect(Array.from(back.colIdx)).toEqual(Array.from(s.colIdx));
    expect(Array.from(back.values)).toEqual(Array.from(s.values));
    expect(sparseToDense(s, 5)).toBeNull();
  });
});

describe('parseLongText: bad input names the file and line', () => {
  it.each([
    ['a,x,1\nb,y,-2\n', 'r.csv: line 2, field 3: negative value -2 is out of range (NMF needs every entry ≥ 0)'],
    ['a,x,1\nb,y,1e999\n', 'r.csv: line 2, field 3: 1e999 is out of range (not a finite number)'],
    ['row,column,value\na,x,1\n\nb,y,lots\n', "r.csv: line 4, field 3: 'lots' is not a number"],
    ['a,x,1\nb,y\n', 'r.csv: line 2: expected row, column, value but found 2 fields'],
    ['a,x,1\n,y,2\n', 'r.csv: line 2, field 1: the row label is empty'],
    ['a,x,1\nb,,2\n', 'r.csv: line 2, field 2: the column label is empty'],
    ['a,x,0\nb,y,0\n', 'r.csv: every observed entry is 0; NMF needs at least one positive value'],
    ['row,column,value\n', 'r.csv: no entries found (expected lines of row, column, value)'],
  ])('%j', (text, message) => {
    expect(fails(text)).toBe(message);
  });

  it('a repeated (row, column) names both lines', () => {
    expect(fails('user,item,rating\nu1,m1,4\nu2,m1,3\nu1,m1,5\n')).toBe(
      "r.csv: line 4: row 'u1', column 'm1' already has a value (line 2); each entry may appear once",
    );
  });

  it('refuses more than MAX_LONG_ENTRIES lines before allocating anything', () => {
    const text = '\n'.repeat(MAX_LONG_ENTRIES + 1);
    expect(fails(text)).toBe(
      `r.csv: ${(MAX_LONG_ENTRIES + 2).toLocaleString('en-US')} lines: a long-format file may hold at most 10,000,000 entries`,
    );
  });

  it('longAsDense refuses a shape over the bound, naming the command that can do it', () => {
    const s = parseLongText('a,x,1\nb,y,2\nc,z,3\n', 'big.csv');
    expect(() => longAsDense(s, 8)).toThrow(
      'big.csv: 3×3 with 3 observed entries is more than 8 cells to hold densely; factorize it sparsely with the command line: nmf factor big.csv --format long --rank K',
    );
  });
});

describe('long-format detection', () => {
  it('knows a header by its row, column and value names', () => {
    expect(isLongHeader('userId,movieId,rating,timestamp')).toBe(true);
    expect(isLongHeader('row\tcolumn\tvalue')).toBe(true);
    expect(isLongHeader('user_id;item_id;score')).toBe(true);
    expect(isLongHeader('name,a,b')).toBe(false);
    expect(isLongHeader('1,2,3')).toBe(false);
    expect(looksLong('\n\nrow,column,value\na,b,1')).toBe(true);
    expect(looksLong('a,b,c\n1,2,3')).toBe(false);
  });

  it('makeData reads an inline spec as long format when asked or when the header says so, else as a table', () => {
    const byHeader = makeData({ kind: 'inline', text: 'row,column,value\na,x,1\nb,y,2\n', fileName: 'h.csv' });
    expect([byHeader.rows, byHeader.cols, byHeader.rowLabels, byHeader.colLabels]).toEqual([2, 2, ['a', 'b'], ['x', 'y']]);
    const asked = makeData({ kind: 'inline', text: '1,1,5\n2,2,6\n', fileName: 'n.csv', long: true });
    expect([asked.rows, asked.cols]).toEqual([2, 2]);
    expect(Number.isNaN(asked.values[1])).toBe(true);
    const table = makeData({ kind: 'inline', text: '1,1,5\n2,2,6\n', fileName: 'n.csv' });
    expect([table.rows, table.cols]).toEqual([2, 3]);
  });
});

describe('ratingsLongText', () => {
  it('reads back as m×n with perRow ratings per row, every item rated, values 1..5; the same seed gives the same text', () => {
    const text = ratingsLongText(300, 200, 7, 5);
    const s = parseLongText(text, 'r.csv');
    expect([s.rows, s.cols, s.nnz]).toEqual([300, 200, 2100]);
    for (let i = 0; i < s.rows; i++) expect(s.rowPtr[i + 1] - s.rowPtr[i]).toBe(7);
    expect(new Set(s.values)).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(s.rowLabels![0]).toBe('u0');
    expect(ratingsLongText(300, 200, 7, 5)).toBe(text);
    expect(ratingsLongText(300, 200, 7, 6)).not.toBe(text);
    expect(() => ratingsLongText(3, 2, 3, 1)).toThrow('ratingsLongText: 3 ratings per row of 2 items');
  });
});
