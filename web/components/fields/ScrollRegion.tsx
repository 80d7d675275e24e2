// The box around a table or formula that can be wider than the screen (a phone): it scrolls
// sideways on its own, so the page never does, and while it overflows it is a region named
// `label` in the keyboard's tab order, so Tab reaches it and the arrow keys scroll it
// (data-scrolls-x tells the page's run keys to leave them to it: RunControls.tsx). While it fits
// it is a plain box: no tab stop, no landmark.
import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';

/** A sideways-scrolling box around `children` (one wide table or formula), a focusable region named `label` only while it overflows. */
export function ScrollRegion({
  label,
  className,
  title,
  children,
}: {
  label: string;
  className?: string;
  title?: string;
  children: ReactNode;
}) {
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
      className={className ? `scroll-region ${className}` : 'scroll-region'}
      aria-label={overflows ? label : undefined}
      tabIndex={overflows ? 0 : undefined}
      data-scrolls-x={overflows ? '' : undefined}
      title={title}
    >
      {children}
    </section>
  );
}
