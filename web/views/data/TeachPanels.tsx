// The teaching panels under the main view's plots, each shown only for the data it reads: the
// picture of an uploaded image and its reconstruction, the topics of a term × document matrix and the top predictions of data with missing entries.
import { ImagePanel } from './ImagePanel.js';
import { PredictionsPanel } from './PredictionsPanel.js';
import { TopicsPanel } from './TopicsPanel.js';
import './teach.css';

/** Topics and Top predictions (each renders nothing when the data is not of its kind). */
export function TeachPanels() {
  return (
    <>
      <ImagePanel />
      <TopicsPanel />
      <PredictionsPanel />
    </>
  );
}
