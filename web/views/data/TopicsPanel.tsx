// For a term × document matrix: each column of W as "Topic a: word, word, …" (its top terms) and
// each document's topic mix from H, computed from the factors on screen.
import { useMemo } from 'react';
import { topicLines, topicMix } from '../../../src/data/topics.js';
import { useAppState } from '../../app/context.js';
import { isTextData } from './kinds.js';
import { ScrollRegion } from '../../components/fields/ScrollRegion.js';

/** Top terms listed per topic. */
const TOP_TERMS = 6;
/** Topics named in a document's mix (the largest shares). */
const MIX_TOPICS = 2;

/** The Topics section (nothing for other data, or while W is block-averaged for display). */
export function TopicsPanel() {
  const data = useAppState((s) => s.data);
  const snapshot = useAppState((s) => s.snapshot);
  const view = useMemo(() => {
    if (!data || !snapshot || !isTextData(data.spec)) return null;
    const terms = data.info.rowLabels;
    const docs = data.info.colLabels;
    const { W, H } = snapshot;
    if (!terms || W.blockRows !== 1 || W.rows !== terms.length || H.blockCols !== 1) return null;
    const lines = topicLines(W, terms, TOP_TERMS);
    const mix = topicMix(H);
    const k = H.rows;
    const mixes = Array.from({ length: H.cols }, (_, j) => {
      const shares = Array.from({ length: k }, (_, a) => ({ a, p: mix.data[j * k + a] }))
        .filter((x) => x.p > 0)
        .sort((x, y) => y.p - x.p || x.a - y.a)
        .slice(0, MIX_TOPICS);
      return {
        doc: docs?.[j] ?? `document ${j + 1}`,
        text: shares.length ? shares.map((x) => `Topic ${x.a + 1} ${Math.round(100 * x.p)}%`).join(', ') : 'no topic',
      };
    });
    return { lines, mixes, iteration: snapshot.iteration };
  }, [data, snapshot]);
  if (!view) return null;
  return (
    <section className="teach-block" aria-labelledby="topics-heading">
      <h3 id="topics-heading">Topics</h3>
      <p className="hint">Each column of W is a topic; its largest entries are its words (iteration {view.iteration}).</p>
      <ul className="topics" aria-label="Topics">
        {view.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <details>
        <summary>Each document’s topic mix (its column of H, scaled to sum to 1)</summary>
        <ScrollRegion label="Topic mix of each document">
          <table className="teach-table">
            <caption className="visually-hidden">Topic mix of each document</caption>
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">Topic mix</th>
              </tr>
            </thead>
            <tbody>
              {view.mixes.map((m, j) => (
                <tr key={j}>
                  <th scope="row">{m.doc}</th>
                  <td>{m.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
    </section>
  );
}
