// The HTML a course page pastes to embed a run: an iframe of the Embed link (no DOM here).

/** Frame sizes a snippet may ask for, in CSS pixels. */
export const FRAME_MIN = 240;
export const FRAME_MAX = 4000;

/** `text` safe inside a double-quoted HTML attribute. */
function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<iframe src="…" width="W" height="H" …></iframe>` for `link` (the address escaped for the attribute). */
export function iframeSnippet(link: string, width: number, height: number): string {
  return `<iframe src="${attribute(link)}" width="${width}" height="${height}" title="NMF Playground" style="border: 1px solid #ccc"></iframe>`;
}
