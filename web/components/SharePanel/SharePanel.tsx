// Share: a button that puts the whole state (data or its recipe, options, speed, iteration) in
// the page's URL hash and shows the link in a read-only field with a Copy button. Nothing leaves
// the browser except inside the link the user copies.
import { useId, useRef, useState } from 'react';
import { useAppState, useAppStore } from '../../app/context.js';
import { fieldBlock } from '../../state/app.js';
import { encodeApp } from './shareState.js';
import './share.css';

interface Shown {
  readonly link: string;
  readonly iteration: number;
  readonly tooLargeKB: number | null;
}

/** The address of this page with `hash` as its fragment (the query, used by tests only, is dropped). */
function linkTo(hash: string): string {
  return `${location.origin}${location.pathname}#${hash}`;
}

/** The Share section: the Share link button, then the link in a read-only field with Copy, and a warning when the data was too large. */
export function SharePanel() {
  const id = useId();
  const store = useAppStore();
  const hasData = useAppState((s) => s.data !== null);
  // the link holds the options in use: while a field shows text that is not used, it would disagree
  const badField = useAppState(fieldBlock);
  const [shown, setShown] = useState<Shown | null>(null);
  const [copy, setCopy] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);

  const share = () => {
    const s = store.getState();
    const encoded = encodeApp(s);
    if (!encoded) return;
    history.replaceState(null, '', `#${encoded.hash}`);
    setShown({ link: linkTo(encoded.hash), iteration: s.run.iteration, tooLargeKB: encoded.tooLargeKB });
    setCopy(null);
  };
  const copyLink = async () => {
    if (!shown) return;
    try {
      await navigator.clipboard.writeText(shown.link);
      setCopy('Copied to the clipboard.');
    } catch {
      field.current?.focus();
      field.current?.select();
      setCopy('The browser did not allow copying: the link is selected, copy it with Ctrl+C (⌘C).');
    }
  };
  return (
    <section className="panel share-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Share</h2>
      <button type="button" disabled={!hasData || !!badField} aria-describedby={badField ? `${id}-blocked` : undefined} onClick={share}>
        Share link
      </button>
      {badField && (
        <p className="hint" id={`${id}-blocked`}>
          Fix {badField.split(':')[0]} first: the link would hold the previous value, not the text shown.
        </p>
      )}
      <p className="hint">
        A link to this data, these options and this iteration: opening it runs to the same numbers. It is also put in the address bar.
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
              value={shown.link}
              spellCheck={false}
              aria-describedby={`${id}-about`}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" onClick={copyLink}>
              Copy
            </button>
          </div>
          <p className="hint" id={`${id}-about`}>
            The link holds iteration {shown.iteration} ({shown.link.length.toLocaleString('en-US')} characters); press Share link again
            after a change.
          </p>
          {shown.tooLargeKB !== null && (
            <p className="share-warning">The data is too large for a link ({shown.tooLargeKB} kB); the link holds the options only.</p>
          )}
          {copy && (
            <p className="hint" aria-live="polite">
              {copy}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
