'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { formatDate } from '../../lib/format';
import type { SearchHit } from '../../api/contract';
import { cardPath } from '../documents/paths';
import { quickSearch } from './api';
import './search.css';

/**
 * The header's jump by registration number: as one types, the visible documents whose number
 * starts with the text; Enter opens the first (or the search page when none matches).
 */
export function QuickSearch() {
  const { t } = useI18n();
  const router = useRouter();
  const id = useId();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setHits([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      quickSearch(q, controller.signal)
        .then((r) => setHits(r.items))
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  const go = (e: React.FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    if (!q) return;
    setOpen(false);
    const first = hits[0];
    router.push(first ? cardPath(first.id) : `/search/?q=${encodeURIComponent(q)}`);
  };

  return (
    <form role="search" className="quick-search" onSubmit={go} aria-label={t('search.quick.label')}>
      <label htmlFor={`${id}-q`} className="visually-hidden">
        {t('search.quick.label')}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        value={text}
        placeholder={t('search.quick.placeholder')}
        autoComplete="off"
        data-testid="quick-search"
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => setOpen(true)}
      />
      {open && hits.length > 0 ? (
        <ul className="quick-results" aria-label={t('search.quick.results')}>
          {hits.map((h) => (
            <li key={h.id}>
              <Link href={cardPath(h.id)} onClick={() => setOpen(false)}>
                <strong>{h.registrationNumber}</strong> {formatDate(h.registeredAt)} — {h.summary}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
