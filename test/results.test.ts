// The result files (src/data/results.ts, cells by src/data/csv-write.ts): W, H, WH in full
// precision with the data's labels, WH in blocks of rows, and labels that a spreadsheet would run
// as a formula neutralized with a leading apostrophe, while numbers (negative ones too) stay numbers.
// The data file of the Reproduce elsewhere programs: the same bytes in blocks as in one piece.
import { describe, expect, it } from 'vitest';
import { textCell, toCsv } from '../src/data/csv-write.js';
import { commentLine, dataPieces, factorLabels, RESULT_FILES, resultFileName, resultPieces } from '../src/data/results.js';
import { parseMatrixText } from '../src/data/parse.js';
import { gemm_nn } from '../src/kernels-ts/products.js';

describe('textCell', () => {
  it('puts an apostrophe before a label starting with =, +, -, @, a tab or a carriage return', () => {
    expect(textCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(textCell('+1')).toBe("'+1");
    expect(textCell('-2+3')).toBe("'-2+3");
    expect(textCell('@cmd')).toBe("'@cmd");
    expect(textCell('\t=1')).toBe("'\t=1");
    expect(textCell('\r=1')).toBe(`"'\r=1"`); // a carriage return also needs quotes
  });

  it('leaves other labels as they are, and quotes what holds a quote, comma or line break', () => {
    expect(textCell('user 1')).toBe('user 1');
    expect(textCell('a=b')).toBe('a=b');
    expect(textCell("'quoted")).toBe("'quoted");
    expect(textCell('')).toBe('');
    expect(textCell('r,1')).toBe('"r,1"');
    expect(textCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });
});

describe('toCsv', () => {
  it('neutralizes row and column labels but writes negative numbers as numbers', () => {
    const d = { rows: 2, cols: 2, data: Float64Array.of(-0.0885, 1, 2.5e-7, Number.NaN) };
    expect(toCsv(d, { rows: ['=cmd', 'ok'], cols: ['@a', '-b'] })).toBe(",'@a,'-b\n'=cmd,-0.0885,1\nok,2.5e-7,NA\n");
    expect(toCsv(d)).toBe('-0.0885,1\n2.5e-7,NA\n');
  });
});

describe('resultPieces', () => {
  it('names the four files', () => {
    expect(RESULT_FILES.map((w) => resultFileName(w))).toEqual(['W.csv', 'H.csv', 'WH.csv', 'history.csv']);
    const about = { dataName: 'lowrank', m: 60, n: 40, algorithm: 'hals', rank: 4, iteration: 200 };
    expect(resultFileName('W', about)).toBe('lowrank-60x40_hals_k4_it200_W.csv');
    expect(resultFileName('history', { ...about, dataName: 'pasted data 2' })).toBe('pasted-data-2-60x40_hals_k4_it200_history.csv');
    expect(resultFileName('W', { ...about, m: 2000, n: 1000, dataName: 'low-rank 2000×1000, rank 20, noise 0.05, seed 3' })).toBe(
      'low-rank-2000x1000_hals_k4_it200_W.csv',
    );
    // only safe characters: no path, quote or spreadsheet sign survives
    expect(resultFileName('WH', { ...about, dataName: '../=cmd "x"/ratings 60×40.csv' })).toBe('cmd-x-ratings-60x40_hals_k4_it200_WH.csv');
  });

  it('writes a WH too big for one piece in blocks of rows that join into the one CSV', () => {
    const m = 300;
    const k = 2;
    const n = 400; // 163 rows per piece
    const W = Float64Array.from({ length: m * k }, (_, t) => (t % 7) / 3);
    const H = Float64Array.from({ length: k * n }, (_, t) => (t % 11) / 9);
    const rowLabels = Array.from({ length: m }, (_, i) => `r,${i}`);
    const colLabels = Array.from({ length: n }, (_, j) => `c${j}`);
    const pieces = resultPieces('WH', { W, H, m, k, n, rowLabels, colLabels, history: [] });
    expect(pieces.length).toBe(2);
    const WH = new Float64Array(m * n);
    gemm_nn(W, H, WH, m, k, n);
    expect(pieces.join('')).toBe(toCsv({ rows: m, cols: n, data: WH }, { rows: rowLabels, cols: colLabels }));
  });

  it('writes no header when the data has no column labels, and NaN as NA', () => {
    const text = resultPieces('H', { W: Float64Array.of(1, 2), H: Float64Array.of(0.5, Number.NaN), m: 2, k: 1, n: 2, history: [] })[0];
    expect(text).toBe('factor 1,0.5,NA\n');
  });

  it('labels W and H with the data and factor k; the history one row per iteration', () => {
    const s = {
      W: Float64Array.of(-1, 2),
      H: Float64Array.of(3, -4),
      m: 2,
      k: 1,
      n: 2,
      rowLabels: ['+r', 'r2'],
      colLabels: ['=c', 'c2'],
      history: [0.5, 0.25],
    };
    expect(factorLabels(2)).toEqual(['factor 1', 'factor 2']);
    expect(resultPieces('W', s).join('')).toBe(",factor 1\n'+r,-1\nr2,2\n");
    expect(resultPieces('H', s).join('')).toBe(",'=c,c2\nfactor 1,3,-4\n");
    expect(resultPieces('WH', s).join('')).toBe(",'=c,c2\n'+r,-3,4\nr2,6,-8\n");
    expect(resultPieces('history', s).join('')).toBe('iteration,relError\n1,0.5\n2,0.25\n');
    // the app's: from iteration 0, with the seconds spent (NA where unknown)
    expect(resultPieces('history', { ...s, initialRelError: 0.9, seconds: [0.001, Number.NaN] }).join('')).toBe(
      'iteration,relError,seconds\n0,0.9,0\n1,0.5,0.001\n2,0.25,NA\n',
    );
  });
});

describe('dataPieces (V.csv of the Reproduce elsewhere programs)', () => {
  it('is, joined, the one-piece CSV of V (NA for missing, labels, formula guard) however many blocks it takes', () => {
    const m = 300;
    const n = 300; // 65536 entries per piece: two blocks of rows
    const values = Array.from({ length: m * n }, (_, t) => (t % 97 === 0 ? Number.NaN : (t * 0.37) % 5));
    const rowLabels = Array.from({ length: m }, (_, i) => (i === 3 ? '=HYPERLINK("x")' : `r${i}`));
    const colLabels = Array.from({ length: n }, (_, j) => `c${j}`);
    const pieces = dataPieces(values, m, n, rowLabels, colLabels);
    expect(pieces.length).toBe(2);
    expect(pieces.join('')).toBe(toCsv({ rows: m, cols: n, data: values }, { rows: rowLabels, cols: colLabels }));
    expect(pieces.join('')).toContain(`'=HYPERLINK`);
    expect(pieces[1].startsWith('r')).toBe(true); // no header on a later block
  });
});

describe('commentLine', () => {
  it('is one line and one CSV cell starting with #, which our parser skips', () => {
    const line = commentLine(['NMF Playground: =evil, "quoted"\nname', 'link http://x/#a=1,2']);
    expect(line).toBe('# NMF Playground: =evil%2C %22quoted%22 name · link http://x/#a=1%2C2\n');
    const parsed = parseMatrixText(`${line}a,b\nr1,1,2\n`, 'x.csv');
    expect(parsed.colLabels).toEqual(['a', 'b']);
    expect(Array.from(parsed.values)).toEqual([1, 2]);
  });
});
