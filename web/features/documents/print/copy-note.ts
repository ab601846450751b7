/**
 * Decree 935 §143: a paper copy of an electronic document says "Elektron sənədin surəti. __
 * vərəq" — the sheets of the printed copy, which only the browser knows once it has laid the
 * print out. So the note goes into the bottom margin of every printed page as a CSS page-margin
 * box whose `counter(pages)` is the printout's own page count (CSS Paged Media; Chromium prints
 * it), never the original's page count.
 */

/** A CSS string literal of `text` (quotes, backslashes and line breaks escaped). */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`;
}

/**
 * The page rule that prints the note with the printout's page count; `note` is the localized
 * sentence with `{pages}` where the count goes.
 */
export function copyNotePageRule(note: string): string {
  const [before = '', after = ''] = note.split('{pages}');
  return (
    '@page { @bottom-center { ' +
    `content: ${cssString(before)} counter(pages) ${cssString(after)}; ` +
    'font: 9pt sans-serif; color: #000; } }'
  );
}
