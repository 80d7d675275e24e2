// Reading W and H as topics, and the text example: factorized at its rank, each topic's top
// words come from one subject, and the four topics are the four subjects.
import { describe, expect, it } from 'vitest';
import { dense } from '../src/core/matrix.js';
import { loadProblem } from '../src/core/problem.js';
import { TOPICS_RANK, TOPICS_TEXT, topicsExample } from '../src/data/corpus.js';
import { exampleInfo } from '../src/data/examples.js';
import { textToTermMatrix } from '../src/data/terms.js';
import { topicLines, topicMix, topTerms } from '../src/data/topics.js';
import { DEFAULT_OPTIONS, solverParams } from '../src/driver/options.js';
import { factorize } from '../src/driver/run.js';
import { createEngineNode } from '../src/wasm/node.js';

describe('topTerms and topicLines', () => {
  // W (4 terms × 2 topics)
  const W = dense(4, 2, [0.5, 0, 0.1, 2, 0.5, 0, 0.9, 1]);
  const terms = ['ant', 'bee', 'cat', 'dog'];

  it('lists each column’s largest entries, ties in row order, zeros left out', () => {
    const t = topTerms(W, terms, 3);
    expect(t[0].map((x) => x.term)).toEqual(['dog', 'ant', 'cat']);
    expect(t[0].map((x) => x.weight)).toEqual([0.9, 0.5, 0.5]);
    expect(t[1].map((x) => x.term)).toEqual(['bee', 'dog']);
  });

  it('writes "Topic a: word, word, …"', () => {
    expect(topicLines(W, terms, 2)).toEqual(['Topic 1: dog, ant', 'Topic 2: bee, dog']);
    expect(topicLines(dense(2, 1, [0, 0]), ['x', 'y'], 3)).toEqual(['Topic 1: (no terms)']);
  });

  it('refuses labels that do not match W’s rows', () => {
    expect(() => topTerms(W, ['ant'], 2)).toThrow('topTerms: 1 terms for W with 4 rows');
  });
});

describe('topicMix', () => {
  it('is each column of H (k×n) divided by its sum, as rows of an n×k matrix; a zero column stays zero', () => {
    // H (2 topics × 3 documents)
    const mix = topicMix(dense(2, 3, [1, 0, 0, 3, 2, 0]));
    expect([mix.rows, mix.cols]).toEqual([3, 2]);
    expect(Array.from(mix.data)).toEqual([0.25, 0.75, 0, 1, 0, 0]);
  });
});

/** The words of each subject of TOPICS_TEXT (the only words a topic's top 5 may hold). */
const SUBJECTS: Record<string, readonly string[]> = {
  cooking:
    'onion garlic pan oil sauce butter flour oven bake dough bread salt pepper simmer stir whisk roast hot gently thinly chicken cake eggs milk soup rice'.split(
      ' ',
    ),
  football: 'striker goal match referee penalty defender keeper fans stadium coach team ball pass whistle final sent ran past league'.split(
    ' ',
  ),
  astronomy: 'planet telescope orbit moon galaxy star stars comet sun sky astronomers earth dust shows eclipse mars'.split(' '),
  gardening: 'soil seeds compost bed sow water weeds roses mulch plants roots spring spread seedling beans weeks'.split(' '),
};

function subjectOf(word: string): string | undefined {
  return Object.keys(SUBJECTS).find((s) => SUBJECTS[s].includes(word));
}

describe('the topics example', () => {
  it('is registered with its rank and is the tf-idf matrix of the corpus', () => {
    const e = exampleInfo('topics');
    expect(e.rank).toBe(TOPICS_RANK);
    const d = e.make();
    expect(d.cols).toBe(TOPICS_TEXT.trim().split('\n').length);
    expect(d.cols).toBe(40);
    expect(e.label).toContain(`${d.rows}×${d.cols}`);
    expect(d.values).toEqual(textToTermMatrix(TOPICS_TEXT, 'line', { weighting: 'tfidf', minDocFreq: 2 }).data.values);
  });

  it('hals at rank 4 (seeds 1–3): each topic’s top 5 words come from one subject, and the four subjects each have a topic', async () => {
    const engine = await createEngineNode();
    const data = topicsExample();
    for (const seed of [1, 2, 3]) {
      const mark = engine.mark();
      const result = factorize(engine, loadProblem(engine, data), {
        ...DEFAULT_OPTIONS,
        algorithm: 'hals',
        rank: TOPICS_RANK,
        seed,
        params: solverParams('hals'),
      });
      engine.release(mark);
      const topics = topTerms(result.W, data.rowLabels!, 5);
      const subjects = topics.map((list) => {
        const of = new Set(list.map((t) => subjectOf(t.term)));
        expect(of.size, `seed ${seed}: ${list.map((t) => t.term).join(', ')}`).toBe(1);
        return [...of][0];
      });
      expect(new Set(subjects), `seed ${seed}: ${subjects.join(', ')}`).toEqual(new Set(Object.keys(SUBJECTS)));
      // Each document's largest topic is its own subject's (documents cycle through the four subjects).
      const mix = topicMix(result.H);
      const order = ['cooking', 'football', 'astronomy', 'gardening'];
      for (let j = 0; j < data.cols; j++) {
        const row = Array.from(mix.data.subarray(j * TOPICS_RANK, (j + 1) * TOPICS_RANK));
        expect(subjects[row.indexOf(Math.max(...row))], `seed ${seed}, document ${j + 1}`).toBe(order[j % 4]);
      }
    }
  });
});
