'use client';

import Link from 'next/link';
import { useEffect, useId, useState } from 'react';
import { listAll } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { pickText, useI18n, type LocalizedText } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';
import { ProblemAlert, StatusMessage } from '../../ui/fields';
import { Pager, useCursorPager } from '../../ui/pager';
import type { SearchResult } from '../../api/contract';
import { statusLabel, tr } from '../documents/labels';
import { cardPath } from '../documents/paths';
import {
  emptySearch,
  facetNames,
  getSavedFilters,
  paramsOf,
  SAVED_LIST,
  search,
  stateOf,
  updateSavedFilters,
  type FacetName,
  type SavedFilters,
  type SearchState,
} from './api';
import { Highlighted } from './highlight';
import './search.css';

type Named = { id: string; name: LocalizedText; index?: string };

/** dd.MM.yyyy → yyyy-MM-dd (undefined when it is not such a date). */
function isoOf(text: string): string | undefined {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : undefined;
}
const shownDate = (iso: string | undefined) => (iso ? formatDate(iso) : '');

/**
 * Axtarış: one box with results as one types, facets with their counts (combined with the text and
 * with each other), "search within results", a registration period, saved searches, and each hit
 * with its highlighted fragments and a link to its card.
 */
export function SearchPage() {
  const { t, locale } = useI18n();
  const id = useId();
  const [state, setState] = useState<SearchState>(emptySearch);
  const [typed, setTyped] = useState('');
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const [dateError, setDateError] = useState('');
  const [result, setResult] = useState<SearchResult>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [saved, setSaved] = useState<SavedFilters>();
  const [name, setName] = useState('');
  const [message, setMessage] = useState('');
  const pager = useCursorPager();
  const { reset } = pager;

  // The address may carry a search (the header's jump sends `?q=`).
  useEffect(() => {
    const initial = stateOf(new URLSearchParams(window.location.search));
    setState(initial);
    setTyped(initial.q);
    setFromText(shownDate(initial.from));
    setToText(shownDate(initial.to));
    getSavedFilters()
      .then(setSaved)
      .catch(() => undefined);
  }, []);

  // Instant results: the box's text is searched a moment after the last key.
  useEffect(() => {
    const timer = setTimeout(() => {
      setState((s) => (s.q === typed ? s : { ...s, q: typed }));
      reset();
    }, 250);
    return () => clearTimeout(timer);
  }, [typed, reset]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    search(state, pager.cursor, controller.signal)
      .then((r) => {
        setResult(r);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if ((err as Error).name === 'AbortError') return;
        setError(err);
        setLoading(false);
      });
    return () => controller.abort();
  }, [state, pager.cursor]);

  const names = useLoad(async () => {
    const [departments, classifications, nomenclature] = await Promise.all([
      listAll<Named>('/departments'),
      listAll<Named>('/reference/classifications'),
      listAll<Named>('/reference/nomenclature'),
    ]);
    const map = (items: Named[]) =>
      new Map(items.map((i) => [i.id, `${i.index ? `${i.index} ` : ''}${pickText(i.name, locale)}`]));
    return {
      departmentId: map(departments),
      classificationId: map(classifications),
      nomenclatureId: map(nomenclature),
    };
  }, [locale]);

  const valueLabel = (facet: FacetName, value: string): string => {
    if (facet === 'kind') return tr(t, `doc.kinds.${value}`, value);
    if (facet === 'status') return statusLabel(t, value);
    if (facet === 'year') return value;
    return names.data?.[facet].get(value) ?? value;
  };

  const change = (next: SearchState) => {
    setState(next);
    reset();
  };
  const toggle = (facet: FacetName, value: string, on: boolean) => {
    const current = state.filters[facet] ?? [];
    const values = on ? [...current, value] : current.filter((v) => v !== value);
    const filters = { ...state.filters, [facet]: values };
    if (values.length === 0) delete filters[facet];
    change({ ...state, filters });
  };
  const searchWithin = () => {
    const q = typed.trim();
    if (!q) return;
    setTyped('');
    change({ ...state, q: '', within: [...state.within, q] });
  };
  const applyDates = (e: React.FormEvent) => {
    e.preventDefault();
    const from = fromText.trim() ? isoOf(fromText) : undefined;
    const to = toText.trim() ? isoOf(toText) : undefined;
    if ((fromText.trim() && !from) || (toText.trim() && !to)) {
      setDateError(t('search.dateFormat'));
      return;
    }
    setDateError('');
    const { from: _f, to: _t, ...rest } = state;
    change({ ...rest, ...(from ? { from } : {}), ...(to ? { to } : {}) });
  };

  const mine = (saved?.items ?? []).filter((s) => s.list === SAVED_LIST);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!saved || !name.trim()) return;
    try {
      const item = {
        id: crypto.randomUUID(),
        name: name.trim(),
        list: SAVED_LIST,
        query: { params: paramsOf(state).toString() },
      };
      setSaved(await updateSavedFilters(saved, (items) => [...items, item]));
      setMessage(t('search.saved.done', { name: item.name }));
      setName('');
    } catch (err) {
      setError(err);
    }
  };
  const apply = (params: string) => {
    const next = stateOf(new URLSearchParams(params));
    setTyped(next.q);
    setFromText(shownDate(next.from));
    setToText(shownDate(next.to));
    change(next);
  };
  const remove = async (savedId: string) => {
    if (!saved) return;
    try {
      setSaved(await updateSavedFilters(saved, (items) => items.filter((i) => i.id !== savedId)));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <h1>{t('nav.search')}</h1>
      <form role="search" className="search-box" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('search.box')}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={typed}
            autoComplete="off"
            data-testid="search-box"
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
        <button type="button" className="secondary" onClick={searchWithin} disabled={!typed.trim()}>
          {t('search.within')}
        </button>
      </form>
      {state.within.length > 0 ? (
        <ul className="search-within" aria-label={t('search.withinList')}>
          {state.within.map((w, i) => (
            <li key={`${w}-${i}`}>
              <button
                type="button"
                className="secondary"
                aria-label={t('search.removeWithin', { text: w })}
                onClick={() => change({ ...state, within: state.within.filter((_, j) => j !== i) })}
              >
                {w} ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <StatusMessage message={message} />
      <div className="search-layout">
        <aside className="search-facets" aria-label={t('search.filters')}>
          <form onSubmit={applyDates}>
            <fieldset>
              <legend>{t('search.registered')}</legend>
              <label htmlFor={`${id}-from`}>{t('search.from')}</label>
              <input
                id={`${id}-from`}
                value={fromText}
                placeholder="dd.MM.yyyy"
                onChange={(e) => setFromText(e.target.value)}
              />
              <label htmlFor={`${id}-to`}>{t('search.to')}</label>
              <input
                id={`${id}-to`}
                value={toText}
                placeholder="dd.MM.yyyy"
                onChange={(e) => setToText(e.target.value)}
              />
              {dateError ? (
                <p className="field-error" role="alert">
                  {dateError}
                </p>
              ) : null}
              <button type="submit" className="secondary">
                {t('search.apply')}
              </button>
            </fieldset>
          </form>
          {facetNames.map((facet) => {
            const counts = result?.facets[facet] ?? [];
            const chosen = state.filters[facet] ?? [];
            const shown = [
              ...counts,
              ...chosen
                .filter((c) => !counts.some((v) => v.value === c))
                .map((value) => ({ value, count: 0 })),
            ];
            if (shown.length === 0) return null;
            return (
              <fieldset key={facet}>
                <legend>{t(`search.facets.${facet}`)}</legend>
                {shown.map((v) => (
                  <div key={v.value} className="checkbox">
                    <input
                      type="checkbox"
                      id={`${id}-${facet}-${v.value}`}
                      checked={chosen.includes(v.value)}
                      onChange={(e) => toggle(facet, v.value, e.target.checked)}
                    />
                    <label htmlFor={`${id}-${facet}-${v.value}`}>
                      {valueLabel(facet, v.value)} ({v.count})
                    </label>
                  </div>
                ))}
              </fieldset>
            );
          })}
          <section aria-labelledby={`${id}-saved`}>
            <h2 id={`${id}-saved`}>{t('search.saved.title')}</h2>
            {mine.length === 0 ? <p>{t('search.saved.none')}</p> : null}
            <ul className="search-within">
              {mine.map((s) => (
                <li key={s.id}>
                  <button type="button" className="link" onClick={() => apply(s.query.params ?? '')}>
                    {s.name}
                  </button>{' '}
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('search.saved.delete', { name: s.name })}
                    onClick={() => void remove(s.id)}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
            <form onSubmit={save}>
              <label htmlFor={`${id}-name`}>{t('search.saved.name')}</label>
              <input
                id={`${id}-name`}
                value={name}
                maxLength={100}
                onChange={(e) => setName(e.target.value)}
              />
              <button type="submit" className="secondary" disabled={!name.trim() || !saved}>
                {t('search.saved.save')}
              </button>
            </form>
          </section>
        </aside>
        <section aria-labelledby={`${id}-results`}>
          <h2 id={`${id}-results`}>{t('search.results')}</h2>
          <p aria-live="polite" data-testid="search-total">
            {loading ? t('search.searching') : result ? t('search.total', { total: result.total }) : ''}
          </p>
          {error ? <ProblemAlert error={error} /> : null}
          <ol className="search-hits" data-testid="search-hits">
            {(result?.hits ?? []).map((hit) => (
              <li key={hit.id}>
                <Link href={cardPath(hit.id)}>
                  <strong>{hit.registrationNumber ?? t('search.noNumber')}</strong> — {hit.summary}
                </Link>
                <p>
                  {tr(t, `doc.kinds.${hit.kind}`, hit.kind)} · {statusLabel(t, hit.status)} ·{' '}
                  {formatDate(hit.registeredAt)}
                  {hit.parties.length ? ` · ${hit.parties.join(', ')}` : ''}
                </p>
                {hit.highlights.map((h) => (
                  <p key={h.field} className="hint">
                    <span>{t(`search.fields.${h.field}`)}: </span>
                    {h.fragments.map((f, i) => (
                      <span key={i}>
                        {i > 0 ? ' … ' : ''}
                        <Highlighted fragment={f} />
                      </span>
                    ))}
                  </p>
                ))}
              </li>
            ))}
          </ol>
          <Pager
            pager={pager}
            {...(result?.nextCursor ? { nextCursor: result.nextCursor } : {})}
            label={t('search.pages')}
          />
        </section>
      </div>
    </>
  );
}
