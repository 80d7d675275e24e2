// The one line above an embedded page (an iframe in a course page): the app's name, and a link
// that opens the same run in the full app in a new tab.
import { useMemo } from 'react';

/** The link's hash without its embed switch: the same run, in the full app. */
export function withoutEmbed(hash: string): string {
  return hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part !== 'embed=1')
    .join('&');
}

/** An embedded page's header: the app's name and an Open in NMF Playground link (the same run, not embedded). */
export function EmbedHeader() {
  const href = useMemo(() => `${location.pathname}#${withoutEmbed(location.hash)}`, []);
  return (
    <header className="embed-header">
      <span className="embed-name">NMF Playground</span>
      <a href={href} target="_blank" rel="noopener">
        Open in NMF Playground
      </a>
    </header>
  );
}
