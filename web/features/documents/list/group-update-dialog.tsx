'use client';

import { useEffect, useRef, useState } from 'react';
import { ErrorAlert, FormActions, ProblemAlert, SelectField } from '../../../ui/fields';
import { useI18n } from '../../../lib/i18n';
import {
  employeeOptions,
  groupFields,
  groupUpdate,
  referenceOptions,
  type GroupField,
  type GroupResult,
  type GroupSet,
  type ListLookups,
} from './api';
import type { DocumentKind } from '../types';
import { GroupResults } from './group-results';
import './list.css';

/**
 * Qrup əməliyyatı: set classification, nomenclature, controller or addressee of the selected
 * documents (one API call per 100). Shows each document's result, then the list refreshes.
 */
export function GroupUpdateDialog({
  kind,
  documents,
  lookups,
  onClose,
  onDone,
}: {
  kind: DocumentKind;
  /** The selected documents: id and the name shown in the results (number or summary). */
  documents: { id: string; name: string }[];
  lookups: ListLookups;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [set, setSet] = useState<GroupSet>({});
  const [results, setResults] = useState<GroupResult[]>();
  const [error, setError] = useState<unknown>(null);
  const [nothing, setNothing] = useState(false);
  const [busy, setBusy] = useState(false);

  // Modal: the browser keeps focus inside and makes the page behind inert. Unmounting removes it.
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const options: Record<GroupField, { value: string; label: string }[]> = {
    classificationId: referenceOptions(lookups.classifications, locale),
    nomenclatureId: referenceOptions(lookups.nomenclature, locale),
    controllerId: employeeOptions(lookups.employees, locale),
    addresseeId: employeeOptions(lookups.employees, locale),
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const chosen = Object.fromEntries(Object.entries(set).filter(([, v]) => v)) as GroupSet;
    setError(null);
    setNothing(Object.keys(chosen).length === 0);
    if (Object.keys(chosen).length === 0) return;
    setBusy(true);
    try {
      setResults(
        await groupUpdate(
          kind,
          documents.map((d) => d.id),
          chosen,
        ),
      );
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const nameOf = (id: string) => documents.find((d) => d.id === id)?.name ?? id;

  return (
    <dialog
      ref={ref}
      className="doclist-dialog"
      aria-labelledby="group-title"
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="group-title">{t('docList.group.title', { count: documents.length })}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p className="hint">{t('docList.group.intro')}</p>
        <ProblemAlert error={error} />
        {nothing ? <ErrorAlert title={t('docList.group.nothing')} /> : null}
        {groupFields.map((field) => (
          <SelectField
            key={field}
            label={t(`docList.group.fields.${field}`)}
            name={field}
            value={set[field] ?? ''}
            onChange={(v) => setSet((s) => ({ ...s, [field]: v }))}
            options={options[field]}
            emptyLabel={t('docList.group.keep')}
            disabled={busy}
          />
        ))}
        {results ? <GroupResults results={results} nameOf={nameOf} words="group" /> : null}
        <FormActions busy={busy} label={t('docList.group.apply')} busyLabel={t('docList.group.applying')}>
          <button type="button" className="secondary" onClick={onClose}>
            {t('docList.group.close')}
          </button>
        </FormActions>
      </form>
    </dialog>
  );
}
