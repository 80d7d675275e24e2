// A formula typeset by KaTeX (loaded lazily with its stylesheet, as a chunk of its own) into its
// element with katex.render: the TeX is the app's own constant text, never user input, and no
// HTML string is inserted by React. The Learn view loads KaTeX before it first shows (views.ts), so
// its formulas are typeset before the browser paints them and nothing below them moves; should
// KaTeX not be loaded yet (or fail to load), the TeX source is shown as text until it is.
import { useLayoutEffect, useRef, useState } from 'react';
import { ScrollRegion } from '../../components/fields/ScrollRegion.js';

type Katex = typeof import('katex').default;

let loading: Promise<Katex> | null = null;
let loaded: Katex | null = null;

/** Loads KaTeX and its CSS once (a failed load is tried again next time). */
export function loadKatex(): Promise<Katex> {
  loading ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(
    ([m]) => (loaded = m.default),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** `tex` typeset inline, or on its own line when `display`. */
export function Tex({ tex, display = false }: { tex: string; display?: boolean }) {
  const el = useRef<HTMLSpanElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  // a layout effect: with KaTeX loaded the formula is typeset in the same commit, before paint
  useLayoutEffect(() => {
    let live = true;
    const typeset = (katex: Katex) => {
      if (live && el.current) katex.render(tex, el.current, { displayMode: display, throwOnError: false, output: 'htmlAndMathml' });
    };
    if (loaded) typeset(loaded);
    else {
      // the element is KaTeX's alone (React renders no children into it): the source until typeset
      if (el.current) el.current.textContent = tex;
      loadKatex().then(
        typeset,
        (e: unknown) => live && setFailed(`formulas could not load: ${e instanceof Error ? e.message : String(e)}`),
      );
    }
    return () => {
      live = false;
    };
  }, [tex, display]);
  const title = failed ?? undefined;
  if (!display)
    return (
      <span className="tex" title={title}>
        <span ref={el} />
      </span>
    );
  // on a phone a long display formula scrolls sideways in its own box, which the keyboard reaches
  return (
    <ScrollRegion label="Formula" className="tex tex-display" title={title}>
      <span ref={el} />
    </ScrollRegion>
  );
}
