// Other data than the examples: Randomize, upload or paste CSV/TSV, an image or a set of images,
// documents. A bad input leaves the previous matrix and run as they were; its message shows next
// to its control.
import { DocumentsForm } from '../../views/data/DocumentsForm.js';
import { ImageForm } from '../../views/data/ImageForm.js';
import { RandomizeForm } from './RandomizeForm.js';
import { UploadForm } from './UploadForm.js';

/** The Randomize, upload or paste section; `long` is the file format of uploads and drops (see DataDrop). */
export function MoreDataPanel({ long, setLong }: { long: boolean; setLong: (long: boolean) => void }) {
  return (
    <section className="panel" aria-labelledby="more-data-heading">
      <h2 id="more-data-heading">Randomize, upload or paste</h2>
      <RandomizeForm />
      <UploadForm long={long} setLong={setLong} />
      <ImageForm />
      <DocumentsForm />
    </section>
  );
}
