// The box around a table that can be wider than the screen (a phone): it scrolls sideways on its
// own, so the page never does, and while it overflows it is a named region in the keyboard's tab
// order, so Tab reaches it and the arrow keys scroll it (data-scrolls-x tells the page's run keys
// to leave them to it: web/components/RunControls/RunControls.tsx).
import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';

/** A sideways-scrolling region named `label` around `children` (one wide table); focusable only while it overflows. */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const box = useRef<HTMLElement>(null);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const check = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    for (const child of Array.from(el.children)) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return (
    <section
      ref={box}
      className="scroll-region"
      aria-label={label}
      tabIndex={overflows ? 0 : undefined}
      data-scrolls-x={overflows ? '' : undefined}
    >
      {children}
    </section>
  );
}
