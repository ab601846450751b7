'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { ProblemAlert } from '../../../ui/fields';
import { useI18n } from '../../../lib/i18n';
import {
  getSavedFilters,
  newSavedFilter,
  readFilters,
  sameFilters,
  updateSavedFilters,
  filterKeys,
  type FilterKey,
  type ListFilters,
  type SavedFilter,
  type SavedFilters as Saved,
} from './api';
import './list.css';

/**
 * The user's saved filters of this list: pick one to apply it, save the current filters under a
 * name, delete the one in use. Stored per user with PUT /me/saved-filters (version-checked).
 */
export function SavedFilters({
  list,
  keys = filterKeys,
  filters,
  onApply,
  onMessage,
}: {
  /** The list the filters belong to: a document kind, or `inbox:<box>`. */
  list: string;
  /** The filter keys this list reads. */
  keys?: readonly FilterKey[];
  filters: ListFilters;
  onApply: (filters: ListFilters) => void;
  /** A confirmation for the page's status region. */
  onMessage: (message: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [saved, setSaved] = useState<Saved>();
  const [error, setError] = useState<unknown>(null);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState('');
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const saveButtonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let current = true;
    getSavedFilters()
      .then((value) => current && setSaved(value))
      .catch((err: unknown) => current && setError(err));
    return () => {
      current = false;
    };
  }, []);

  // Focus moves into the name field, and back to the button when the form closes.
  const wasNaming = useRef(false);
  useEffect(() => {
    if (naming) nameRef.current?.focus();
    else if (wasNaming.current) saveButtonRef.current?.focus();
    wasNaming.current = naming;
  }, [naming]);

  const filtersOf = (item: SavedFilter) => readFilters(new URLSearchParams(item.query), keys);
  const mine = (saved?.items ?? []).filter((f) => f.list === list);
  const inUse = mine.find((f) => sameFilters(filtersOf(f), filters));

  const change = async (edit: (items: SavedFilter[]) => SavedFilter[], message: string) => {
    if (!saved) return false;
    setBusy(true);
    setError(null);
    try {
      setSaved(await updateSavedFilters(saved, edit));
      onMessage(message);
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError(t('docList.saved.nameRequired'));
      nameRef.current?.focus();
      return;
    }
    const item = newSavedFilter(trimmed, list, filters);
    // The same name in the same list is replaced, not doubled.
    const ok = await change(
      (items) => [...items.filter((f) => !(f.list === list && f.name === item.name)), item],
      t('docList.saved.saved', { name: item.name }),
    );
    if (ok) {
      setNaming(false);
      setName('');
      setNameError('');
    }
  };

  const remove = () => {
    if (!inUse) return;
    void change(
      (items) => items.filter((f) => f.id !== inUse.id),
      t('docList.saved.deleted', { name: inUse.name }),
    );
  };

  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-select`}>{t('docList.saved.select')}</label>
        <select
          id={`${id}-select`}
          value={inUse?.id ?? ''}
          disabled={!saved}
          onChange={(e) => {
            const item = mine.find((f) => f.id === e.target.value);
            if (!item) return;
            onApply(filtersOf(item));
            onMessage(t('docList.saved.applied', { name: item.name }));
          }}
        >
          <option value="">{t('docList.saved.none')}</option>
          {mine.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </div>
      {inUse ? (
        <button type="button" className="secondary" onClick={remove} disabled={busy}>
          {t('docList.saved.delete')}
        </button>
      ) : null}
      {naming ? (
        <form className="doclist-saved-form" onSubmit={(e) => void save(e)} noValidate>
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('docList.saved.name')}</label>
            <input
              id={`${id}-name`}
              ref={nameRef}
              type="text"
              value={name}
              maxLength={100}
              autoComplete="off"
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? `${id}-name-err` : undefined}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setNaming(false);
              }}
            />
            {nameError ? (
              <p id={`${id}-name-err`} className="field-error">
                {nameError}
              </p>
            ) : null}
          </div>
          <div className="field">
            <button type="submit" className="primary" disabled={busy}>
              {t('docList.saved.confirm')}
            </button>
          </div>
          <div className="field">
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setNaming(false);
                setNameError('');
              }}
            >
              {t('docList.saved.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button
          ref={saveButtonRef}
          type="button"
          className="secondary"
          disabled={!saved}
          onClick={() => {
            setName(inUse?.name ?? '');
            setNaming(true);
          }}
        >
          {t('docList.saved.save')}
        </button>
      )}
      {error ? (
        <div className="doclist-full-row">
          <ProblemAlert error={error} />
        </div>
      ) : null}
    </>
  );
}
