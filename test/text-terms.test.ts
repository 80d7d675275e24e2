// Text → topics, the data side: tokenizing, splitting into documents, the term × document matrix
// (counts and tf-idf), the size bounds and their messages.
import { describe, expect, it } from 'vitest';
import { MAX_ENTRIES } from '../src/data/generate.js';
import { ENGLISH_STOP_WORDS } from '../src/data/stopwords.js';
import { MAX_TERMS, termDocumentMatrix, textToTermMatrix } from '../src/data/terms.js';
import { MAX_DOCUMENTS, MAX_TEXT_LENGTH, splitDocuments, tokenize } from '../src/data/tokenize.js';

const NONE: ReadonlySet<string> = new Set();

/** A distinct four-letter word for each t (q + three letters), none a stop word. */
function word(t: number): string {
  const a = 'abcdefghijklmnopqrstuvwxyz';
  return `q${a[Math.floor(t / 676) % 26]}${a[Math.floor(t / 26) % 26]}${a[t % 26]}`;
}

describe('tokenize', () => {
  it('lower-cases runs of Unicode letters and splits at digits and punctuation', () => {
    expect(tokenize('Crème BRÛLÉE, 3eggs; Ölfarbe/naïve ÇA', NONE)).toEqual(['crème', 'brûlée', 'eggs', 'ölfarbe', 'naïve', 'ça']);
  });

  it('treats a decomposed accent like the composed letter (NFC)', () => {
    expect(tokenize('cre\u0300me cr\u00e8me', NONE)).toEqual(['crème', 'crème']);
  });

  it('drops stop words (also with curly apostrophes), one-letter words and a possessive s', () => {
    expect(tokenize("The chef’s knife isn't here; don’t I see a x-ray of the cook's oven?", ENGLISH_STOP_WORDS)).toEqual([
      'chef',
      'knife',
      'ray',
      'cook',
      'oven',
    ]);
  });

  it('keeps an apostrophe between letters inside the word', () => {
    expect(tokenize("o'clock rock'n'roll 'quoted'", NONE)).toEqual(["o'clock", "rock'n'roll", 'quoted']);
  });
});

describe('splitDocuments', () => {
  const text = 'First line here\n\n  second line  \r\nthird\n\n\n\nfourth one, after blanks\n';

  it('one document per non-blank line, with its line number and a name from its first words', () => {
    const docs = splitDocuments(text, 'line');
    expect(docs.map((d) => [d.line, d.text])).toEqual([
      [1, 'First line here'],
      [3, 'second line'],
      [4, 'third'],
      [8, 'fourth one, after blanks'],
    ]);
    expect(docs.map((d) => d.name)).toEqual(['#1 First line here', '#2 second line', '#3 third', '#4 fourth one, after blanks']);
  });

  it('one document per paragraph: lines between blank lines belong together', () => {
    const docs = splitDocuments(text, 'paragraph');
    expect(docs.map((d) => [d.line, d.text])).toEqual([
      [1, 'First line here'],
      [3, 'second line\nthird'],
      [8, 'fourth one, after blanks'],
    ]);
  });

  it('a long first line is cut at a word in the name', () => {
    const [d] = splitDocuments('Knead the dough for ten minutes, let it rise, then bake', 'line');
    expect(d.name).toBe('#1 Knead the dough for ten…');
  });

  it('says what is wrong with an empty, too long or too many-document text', () => {
    expect(() => splitDocuments(' \n\n \n', 'line', 'notes.txt')).toThrow('notes.txt: no documents (the text is empty)');
    expect(() => splitDocuments('a'.repeat(MAX_TEXT_LENGTH + 1), 'line', 'big.txt')).toThrow(
      'big.txt: the text has 1,000,001 characters, more than the 1,000,000 allowed',
    );
    const many = 'doc\n'.repeat(MAX_DOCUMENTS + 1);
    expect(() => splitDocuments(many, 'line', 'many.txt')).toThrow('many.txt: line 5001: more than 5,000 documents (one per line)');
    expect(splitDocuments('doc\n'.repeat(MAX_DOCUMENTS), 'line')).toHaveLength(MAX_DOCUMENTS);
  });
});

describe('termDocumentMatrix', () => {
  const docs = splitDocuments('Apple apple pear.\nPear plum!\nThe fig.', 'line');

  it('counts: rows are terms in code-unit order, columns documents, entries occurrences', () => {
    const { data, docFreq, emptyDocuments } = termDocumentMatrix(docs, { weighting: 'counts', minDocFreq: 1 });
    expect(data.rowLabels).toEqual(['apple', 'fig', 'pear', 'plum']);
    expect(data.colLabels).toEqual(['#1 Apple apple pear.', '#2 Pear plum!', '#3 The fig.']);
    expect([data.rows, data.cols]).toEqual([4, 3]);
    expect(Array.from(data.values)).toEqual([2, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0]);
    expect(Array.from(docFreq)).toEqual([1, 1, 2, 1]);
    expect(emptyDocuments).toEqual([]);
  });

  it('the minimum document frequency drops rare terms and reports documents left empty', () => {
    const { data, emptyDocuments } = termDocumentMatrix(docs, { weighting: 'counts', minDocFreq: 2 });
    expect(data.rowLabels).toEqual(['pear']);
    expect(Array.from(data.values)).toEqual([1, 1, 0]);
    expect(emptyDocuments).toEqual([2]);
  });

  it('tf-idf: count · (ln((1+n)/(1+df)) + 1), each column of Euclidean length 1', () => {
    const { data } = termDocumentMatrix(docs.slice(0, 2), { weighting: 'tfidf', minDocFreq: 1 });
    expect(data.rowLabels).toEqual(['apple', 'pear', 'plum']);
    const rare = Math.log(3 / 2) + 1; // df = 1 of n = 2
    const n1 = Math.hypot(2 * rare, 1);
    const n2 = Math.hypot(1, rare);
    const want = [(2 * rare) / n1, 0, 1 / n1, 1 / n2, 0, rare / n2];
    Array.from(data.values).forEach((x, t) => expect(x).toBeCloseTo(want[t], 15));
    for (let j = 0; j < 2; j++) expect(Math.hypot(data.values[j], data.values[2 + j], data.values[4 + j])).toBeCloseTo(1, 15);
  });

  it('is the same matrix, bit for bit, when built twice', () => {
    const a = textToTermMatrix('bee ant cow\ncow bee\nant ant', 'line', { weighting: 'tfidf', minDocFreq: 1, stopWords: NONE });
    const b = textToTermMatrix('bee ant cow\ncow bee\nant ant', 'line', { weighting: 'tfidf', minDocFreq: 1, stopWords: NONE });
    expect(a.data.values).toEqual(b.data.values);
  });

  it('says why no matrix can be made, naming the file and the parameter', () => {
    expect(() => textToTermMatrix('the of and\nit is', 'line', { weighting: 'counts', minDocFreq: 1 }, 'words.txt')).toThrow(
      'words.txt: no words left after the stop words and one-letter words; lower the minimum document frequency or add text',
    );
    expect(() => textToTermMatrix('apple\npear', 'line', { weighting: 'counts', minDocFreq: 2 }, 'fruit.txt')).toThrow(
      'fruit.txt: no word occurs in at least 2 documents; lower the minimum document frequency or add text',
    );
    expect(() => termDocumentMatrix(docs, { weighting: 'counts', minDocFreq: 0.5 })).toThrow(
      'minimum document frequency 0.5 must be an integer ≥ 1',
    );
  });

  it('bounds the vocabulary and the number of entries before allocating V', () => {
    const vocab = Array.from({ length: MAX_TERMS + 1 }, (_, t) => word(t)).join(' ');
    expect(() => textToTermMatrix(`${vocab}\n${vocab}`, 'line', { weighting: 'counts', minDocFreq: 2 }, 'vocab.txt')).toThrow(
      'vocab.txt: 5,001 terms occur in at least 2 documents, more than the 5,000 allowed; raise the minimum document frequency',
    );
    const side = Math.ceil(Math.sqrt(MAX_ENTRIES)) + 1; // side terms × side documents > MAX_ENTRIES
    const lines = Array.from({ length: side }, (_, t) => word(t)).join('\n');
    expect(() => textToTermMatrix(lines, 'line', { weighting: 'counts', minDocFreq: 1 }, 'wide.txt')).toThrow(
      `wide.txt: ${side} terms × ${side} documents is more than 10,000,000 entries; raise the minimum document frequency or use fewer documents`,
    );
  });
});
