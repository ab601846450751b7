'use client';

import { useEffect, useRef, useState } from 'react';
import { ErrorAlert, FormActions, ProblemAlert, SelectField, StatusMessage } from '../../../ui/fields';
import { Table } from '../../../ui/data-table';
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

  const reason = (r: GroupResult) => {
    const key = `docList.group.codes.${r.code ?? ''}`;
    const text = t(key);
    return text === key ? (r.title ?? r.code ?? '') : text;
  };
  const nameOf = (id: string) => documents.find((d) => d.id === id)?.name ?? id;
  const okCount = results?.filter((r) => r.ok).length ?? 0;

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
        <StatusMessage
          message={
            results
              ? t('docList.group.summary', { ok: okCount, failed: results.length - okCount })
              : undefined
          }
        />
        {results ? (
          <Table
            wrapClassName="doclist-results"
            caption={t('docList.group.results')}
            headers={[t('docList.group.document'), t('docList.group.result')]}
          >
            {results.map((r) => (
              <tr key={r.id}>
                <th scope="row">{nameOf(r.id)}</th>
                <td className={r.ok ? 'doclist-ok' : 'doclist-failed'}>
                  {r.ok ? t('docList.group.ok') : t('docList.group.failed', { reason: reason(r) })}
                </td>
              </tr>
            ))}
          </Table>
        ) : null}
        <FormActions busy={busy} label={t('docList.group.apply')} busyLabel={t('docList.group.applying')}>
          <button type="button" className="secondary" onClick={onClose}>
            {t('docList.group.close')}
          </button>
        </FormActions>
      </form>
    </dialog>
  );
}
