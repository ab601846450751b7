'use client';

import { useCallback, useState } from 'react';
import { useI18n } from '../lib/i18n';

/** Cursor paging: the API gives only "next", so the pager remembers the cursors it came through. */
export function useCursorPager() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length;
  const cursor = cursors[cursors.length - 1];
  const next = useCallback((nextCursor: string) => setCursors((c) => [...c, nextCursor]), []);
  const previous = useCallback(() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)), []);
  const reset = useCallback(() => setCursors([undefined]), []);
  return { cursor, page, next, previous, reset };
}

export type CursorPager = ReturnType<typeof useCursorPager>;

/** Previous / page n / next over a cursor pager; "next" goes to the list's `nextCursor`. */
export function Pager({
  pager: { page, next, previous },
  nextCursor,
  label,
}: {
  pager: CursorPager;
  nextCursor?: string;
  label: string;
}) {
  const { t } = useI18n();
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="secondary" onClick={previous} disabled={page <= 1}>
        {t('pager.previous')}
      </button>
      <span aria-live="polite">{t('pager.page', { page })}</span>
      <button
        type="button"
        className="secondary"
        onClick={() => nextCursor && next(nextCursor)}
        disabled={!nextCursor}
      >
        {t('pager.next')}
      </button>
    </nav>
  );
}
