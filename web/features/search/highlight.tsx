import { Fragment } from 'react';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of an HTML-escaped fragment (the engines escape everything but the mark tags). */
export function unescapeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (all, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return ENTITIES[lower] ?? all;
  });
}

/**
 * A fragment as React elements: the parts between `<mark>` and `</mark>` in <mark>, the rest as
 * text. Nothing of the fragment is ever put in the page as HTML: any other tag stays visible text.
 */
export function Highlighted({ fragment }: { fragment: string }) {
  const parts: Array<{ text: string; marked: boolean }> = [];
  let marked = false;
  for (const piece of fragment.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece !== '') parts.push({ text: unescapeHtml(piece), marked });
  }
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>{p.marked ? <mark>{p.text}</mark> : p.text}</Fragment>
      ))}
    </>
  );
}
