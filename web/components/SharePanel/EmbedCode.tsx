// The embed snippet: the frame's width and height, the <iframe> HTML in a read-only field and
// its Copy button.
import { useId, useRef, useState } from 'react';
import { copyText } from '../fields/copy.js';
import { NumberField } from '../fields/NumberField.js';
import { FRAME_MAX, FRAME_MIN, iframeSnippet } from './embedCode.js';

/** The snippet for `link` (an Embed link), sized by two fields. */
export function EmbedCode({ link }: { link: string }) {
  const id = useId();
  const [width, setWidth] = useState(800);
  const [height, setHeight] = useState(600);
  const [copy, setCopy] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const code = iframeSnippet(link, width, height);
  return (
    <div className="embed-code">
      <div className="grid-fields">
        <NumberField label="Frame width" value={width} integer min={FRAME_MIN} max={FRAME_MAX} onCommit={setWidth} />
        <NumberField label="Frame height" value={height} integer min={FRAME_MIN} max={FRAME_MAX} onCommit={setHeight} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-code`}>Embed code</label>
        <textarea
          id={`${id}-code`}
          ref={field}
          readOnly
          rows={4}
          value={code}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" onClick={async () => setCopy(await copyText(code, field.current))}>
          Copy embed code
        </button>
        {copy && (
          <p className="hint" aria-live="polite">
            {copy}
          </p>
        )}
      </div>
    </div>
  );
}
