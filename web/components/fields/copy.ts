// Copy to the clipboard, with the fallback a person can use when the browser refuses.

/** Copies `text`; returns the sentence to show. When refused, selects `field` (holding the text) for Ctrl+C. */
export async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement | null): Promise<string> {
  try {
    await navigator.clipboard.writeText(text);
    return 'Copied to the clipboard.';
  } catch {
    field?.focus();
    field?.select();
    return 'The browser did not allow copying: the text is selected, copy it with Ctrl+C (⌘C).';
  }
}
