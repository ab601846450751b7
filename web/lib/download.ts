/**
 * Saves the file behind a short-lived link: the link carries Content-Disposition: attachment, so
 * the page stays where it is. Ask for the link at the click, never earlier: a link read when the
 * page loaded may have expired by then.
 */
export function saveFrom(url: string, fileName?: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.rel = 'noopener';
  a.download = fileName ?? '';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
