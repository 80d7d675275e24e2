// Share: a button that puts the whole state (data or its recipe, options, speed, iteration, the
// open view) in the page's URL hash and shows the link in a read-only field with a Copy button;
// with Embed checked, the link is one for an iframe (plots, run controls and status only) and the
// HTML snippet to paste is shown with its own Copy button. Nothing leaves the browser except
// inside the link the user copies.
import { useId, useRef, useState } from 'react';
import { appLink, linkTo } from '../../app/links.js';
import { useAppState, useAppStore } from '../../app/context.js';
import { copyText } from '../fields/copy.js';
import { EmbedCode } from './EmbedCode.js';
import { fieldBlock } from '../../state/app.js';
import './share.css';

interface Shown {
  readonly link: string;
  readonly embedLink: string;
  readonly iteration: number;
  readonly tooLargeKB: number | null;
}

/** The Share section: the Share link button and the Embed checkbox, then the link in a read-only field with Copy, a warning when the data was too large, and with Embed the iframe snippet. */
export function SharePanel() {
  const id = useId();
  const store = useAppStore();
  const hasData = useAppState((s) => s.data !== null);
  // the link holds the options in use: while a field shows text that is not used, it would disagree
  const badField = useAppState(fieldBlock);
  // options the worker refused (e.g. a rank too large for memory): a link to them opens a run that cannot start
  const refused = useAppState((s) => (s.run.phase === 'invalid' ? (s.optionError?.message ?? 'the options do not fit this matrix') : null));
  const blocked = !!badField || !!refused;
  const [shown, setShown] = useState<Shown | null>(null);
  const [embed, setEmbed] = useState(false);
  const [copy, setCopy] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);

  const share = () => {
    const s = store.getState();
    const encoded = appLink(s);
    const embedded = appLink(s, true);
    if (!encoded || !embedded) return;
    history.replaceState(null, '', `#${encoded.hash}`);
    setShown({ link: linkTo(encoded.hash), embedLink: linkTo(embedded.hash), iteration: s.run.iteration, tooLargeKB: encoded.tooLargeKB });
    setCopy(null);
  };
  const link = shown ? (embed ? shown.embedLink : shown.link) : '';
  return (
    <section className="panel share-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Share</h2>
      <div className="field-row">
        <button type="button" disabled={!hasData || blocked} aria-describedby={blocked ? `${id}-blocked` : undefined} onClick={share}>
          Share link
        </button>
        <label className="check">
          <input
            type="checkbox"
            checked={embed}
            aria-describedby={`${id}-embed-hint`}
            onChange={(e) => {
              setEmbed(e.target.checked);
              setCopy(null);
            }}
          />
          Embed
        </label>
      </div>
      {badField ? (
        <p className="hint" id={`${id}-blocked`}>
          Fix {badField.split(':')[0]} first: the link would hold the previous value, not the text shown.
        </p>
      ) : (
        refused && (
          <p className="hint" id={`${id}-blocked`}>
            Change the options first: this run cannot start ({refused}), and neither would the link's.
          </p>
        )
      )}
      <p className="hint" id={`${id}-embed-hint`}>
        A link to this data, these options and this iteration: opening it runs to the same numbers. It is also put in the address bar.
        {embed ? ' Embed: a link for an iframe in a course page (plots, run controls and status only).' : ''}
      </p>
      {shown && (
        <div className="field">
          <label htmlFor={`${id}-link`}>Share link</label>
          <div className="field-row">
            <input
              id={`${id}-link`}
              ref={field}
              type="text"
              readOnly
              value={link}
              spellCheck={false}
              aria-describedby={`${id}-about`}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" onClick={async () => setCopy(await copyText(link, field.current))}>
              Copy
            </button>
          </div>
          <p className="hint" id={`${id}-about`}>
            The link holds iteration {shown.iteration} ({link.length.toLocaleString('en-US')} characters); press Share link again after a
            change.
          </p>
          {shown.tooLargeKB !== null && (
            <p className="share-warning">
              The data is too large for a link ({shown.tooLargeKB} kB); the link holds the options only. To pass on the data as well, use
              Save session (in the Session panel) and send the file.
            </p>
          )}
          {copy && (
            <p className="hint" aria-live="polite">
              {copy}
            </p>
          )}
          {embed && <EmbedCode link={shown.embedLink} />}
        </div>
      )}
    </section>
  );
}
