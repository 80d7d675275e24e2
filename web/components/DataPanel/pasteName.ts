// Names of pasted matrices, so two pastes can be told apart (in the summary, messages, links and
// file names): "pasted data 1", "pasted data 2", … numbered past the last paste of this page and
// past the paste on screen (a reopened link or session of an earlier page may hold one).

const PASTE = /^pasted data (\d+)$/;

/** The name of the next paste: "pasted data N", N one past `lastNumber` and past the number in `currentName` (the data on screen). */
export function nextPasteName(lastNumber: number, currentName: string | null): { name: string; number: number } {
  const onScreen = currentName ? Number(PASTE.exec(currentName)?.[1] ?? 0) : 0;
  const number = Math.max(lastNumber, onScreen) + 1;
  return { name: `pasted data ${number}`, number };
}
