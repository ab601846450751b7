'use client';

import Link from 'next/link';
import { forwardRef, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { findRepeatCandidates, type RepeatCandidate, type RepeatQuery } from '../api';
import { formatDate } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { ProblemAlert } from '../../../ui/fields';
import { numberText } from '../labels';
import { parseDisplayDate } from '../../../lib/dates';
import { senderOf, type DocumentFormState } from './model';

const DEBOUNCE_MS = 500;

/** The repeat-candidates query of the form, or undefined while the sender is not known yet. */
export function repeatQueryOf(form: DocumentFormState): RepeatQuery | undefined {
  const sender = senderOf(form);
  if (!sender) return undefined;
  const date = parseDisplayDate(form.documentDate);
  return {
    sender,
    ...(form.documentNumber.trim() ? { documentNumber: form.documentNumber.trim() } : {}),
    ...(date ? { documentDate: date } : {}),
    summary: form.summary.trim(),
  };
}

interface Result {
  key: string;
  items: RepeatCandidate[];
}

/**
 * Earlier incoming documents that look like the same matter, asked while the clerk types
 * (debounced). `ensure` returns the candidates of the current input, asking now if needed, so that
 * the form can show them before it saves.
 */
export function useRepeatCandidates(form: DocumentFormState, enabled: boolean) {
  const query = enabled ? repeatQueryOf(form) : undefined;
  const key = query ? JSON.stringify(query) : '';
  const [result, setResult] = useState<Result>({ key: '', items: [] });
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const inflight = useRef<{ key: string; promise: Promise<Result> } | null>(null);

  const run = useCallback((q: RepeatQuery, k: string): Promise<Result> => {
    if (inflight.current?.key === k) return inflight.current.promise;
    setLoading(true);
    const promise = findRepeatCandidates(q)
      .then((res) => {
        const next = { key: k, items: res.items };
        setResult(next);
        setError(null);
        return next;
      })
      .catch((err: unknown) => {
        setError(err);
        return { key: k, items: [] };
      })
      .finally(() => {
        if (inflight.current?.key === k) inflight.current = null;
        setLoading(false);
      });
    inflight.current = { key: k, promise };
    return promise;
  }, []);

  useEffect(() => {
    if (!query || result.key === key) return;
    const timer = setTimeout(() => void run(query, key), DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // `query` is derived from `key`: the key alone says when to ask again.
  }, [key, result.key, run]);

  // Candidates the clerk has had on screen: only new ones hold a save back.
  const seen = useRef(new Set<string>());
  useEffect(() => {
    for (const c of result.items) seen.current.add(c.document.id);
  }, [result.items]);

  /** The candidates of the current input (asked now if needed) and those not yet shown. */
  const ensure = useCallback(async (): Promise<{ items: RepeatCandidate[]; unseen: RepeatCandidate[] }> => {
    if (!query) return { items: [], unseen: [] };
    const items = result.key === key ? result.items : (await run(query, key)).items;
    return { items, unseen: items.filter((c) => !seen.current.has(c.document.id)) };
  }, [query, key, result, run]);

  // While a new answer is awaited, the previous one stays visible (it is still a useful hint).
  return {
    items: query ? result.items : [],
    loading,
    error,
    ensure,
    upToDate: result.key === key,
    /** The current input was checked (and nothing is pending). */
    checked: Boolean(query) && result.key === key && !loading,
  };
}

const REASONS = ['same_fin', 'same_sender_number', 'similar_summary'] as const;

/** The candidates with their reasons; the clerk may tick one to register the new one as its repeat. */
export const RepeatPanel = forwardRef<
  HTMLHeadingElement,
  {
    items: RepeatCandidate[];
    loading: boolean;
    checked: boolean;
    error: unknown;
    value: string;
    onChange: (id: string) => void;
  }
>(function RepeatPanel({ items, loading, checked, error, value, onChange }, headingRef) {
  const { t } = useI18n();
  const announcement = useMemo(
    () => (items.length > 0 ? t('doc.repeat.found', { count: items.length }) : ''),
    [items.length, t],
  );
  return (
    <section className="doc-repeat" aria-labelledby="repeat-title" aria-busy={loading}>
      <h2 id="repeat-title" ref={headingRef} tabIndex={-1}>
        {t('doc.repeat.title')}
      </h2>
      <div role="status" aria-live="polite">
        {announcement ? <p className="doc-repeat-count">{announcement}</p> : null}
      </div>
      {items.length === 0 ? (
        <p className="hint">
          {loading ? t('doc.repeat.checking') : checked ? t('doc.repeat.noneFound') : t('doc.repeat.none')}
        </p>
      ) : null}
      <ProblemAlert error={error} />
      {items.length > 0 ? (
        <ul className="doc-repeat-list">
          {items.map((c) => {
            const label = numberText(t, c.document.number);
            const checkboxId = `repeat-${c.document.id}`;
            return (
              <li key={c.document.id} className="doc-repeat-item">
                <p className="doc-repeat-head">
                  <Link href={`/documents/view/?id=${encodeURIComponent(c.document.id)}`} target="_blank">
                    {label}
                  </Link>
                  {c.document.registeredAt ? (
                    <span className="muted"> — {formatDate(c.document.registeredAt)}</span>
                  ) : null}
                  <span className="badge">{t(`doc.status.${c.document.status}`)}</span>
                </p>
                <p className="doc-repeat-summary">{c.document.summary}</p>
                <p className="small">
                  {t('doc.repeat.reasons')}:{' '}
                  {REASONS.filter((r) => c.reasons.includes(r))
                    .map((r) => t(`doc.repeat.reason.${r}`))
                    .join(', ')}
                </p>
                <div className="field-checkbox">
                  <input
                    type="checkbox"
                    id={checkboxId}
                    checked={value === c.document.id}
                    onChange={(e) => onChange(e.target.checked ? c.document.id : '')}
                  />
                  <label htmlFor={checkboxId}>
                    {t('doc.repeat.link')}
                    <span className="visually-hidden">: {label}</span>
                  </label>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
});
