'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import { addLink, findByNumber, isUuid, listLinks } from '../api';
import { linkTypes, type DocumentCard } from '../types';
import { formatDate } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useLoad } from '../../../lib/use-load';
import { ProblemAlert, SelectField, StatusMessage, TextField } from '../../../ui/fields';
import { LoadState, Table } from '../../../ui/data-table';
import { cardPath } from '../paths';
import { numberLabel, numberText, statusLabel, tr } from '../labels';

/** Əlaqəli sənədlər: links both ways (replies and repeats come automatically) and a manual link. */
export function LinksTab({ doc, onChanged }: { doc: DocumentCard; onChanged: () => void }) {
  const { t } = useI18n();
  const formId = useId();
  const links = useLoad(() => listLinks(doc.id), [doc.id, doc.version]);
  const canLink = doc.allowedOperations.includes('link');
  const [query, setQuery] = useState('');
  const [type, setType] = useState<string>('related');
  const [found, setFound] = useState<DocumentCard[] | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  const link = async (otherId: string) => {
    setBusy(true);
    setError(null);
    setMessage('');
    try {
      await addLink(doc.id, otherId, type);
      setFound(undefined);
      setQuery('');
      setMessage(t('doc.links.added'));
      links.reload();
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const search = async (event: React.FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    setFieldErrors({});
    setMessage('');
    setFound(undefined);
    if (!q) {
      setFieldErrors({ otherId: t('validation.required') });
      return;
    }
    if (isUuid(q)) {
      await link(q);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setFound((await findByNumber(q)).filter((d) => d.id !== doc.id));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const items = links.data ?? [];
  return (
    <>
      <h2>{t('doc.tabs.links')}</h2>
      <LoadState load={links} empty={items.length === 0} emptyText={t('doc.links.empty')} />
      {items.length > 0 ? (
        <Table
          caption={t('doc.links.caption')}
          headers={[
            t('doc.links.document'),
            t('doc.links.type'),
            t('doc.links.kind'),
            t('doc.fields.summary'),
            t('common.status'),
          ]}
        >
          {items.map((l) => (
            <tr key={`${l.direction}:${l.type}:${l.document.id}`}>
              <th scope="row">
                <Link href={cardPath(l.document.id)}>{numberText(t, l.document.number)}</Link>
                {l.document.registeredAt ? (
                  <span className="muted small"> — {formatDate(l.document.registeredAt)}</span>
                ) : null}
              </th>
              <td>{tr(t, `doc.linkTypes.${l.direction}.${l.type}`, l.type)}</td>
              <td>{t(`doc.kinds.${l.document.kind}`)}</td>
              <td>{l.document.summary}</td>
              <td>{statusLabel(t, l.document.status)}</td>
            </tr>
          ))}
        </Table>
      ) : null}

      {canLink ? (
        <form className="doc-link-form" onSubmit={search} noValidate aria-labelledby={`${formId}-title`}>
          <h3 id={`${formId}-title`}>{t('doc.links.add')}</h3>
          <div className="field-row">
            <TextField
              label={t('doc.links.numberOrId')}
              name="otherId"
              value={query}
              onChange={setQuery}
              errors={fieldErrors}
              hint={t('doc.links.numberOrIdHint')}
            />
            <SelectField
              label={t('doc.links.type')}
              name="type"
              value={type}
              onChange={setType}
              options={linkTypes.map((lt) => ({ value: lt, label: t(`doc.linkTypes.out.${lt}`) }))}
            />
          </div>
          <button type="submit" className="primary" disabled={busy}>
            {t('doc.links.search')}
          </button>
          <ProblemAlert error={error} />
          <StatusMessage message={message}>
            {found && found.length === 0 ? <p>{t('doc.links.notFound')}</p> : null}
          </StatusMessage>
          {found && found.length > 0 ? (
            <ul className="plain doc-found">
              {found.map((d) => (
                <li key={d.id}>
                  <span>
                    {t(`doc.kinds.${d.kind}`)} {numberLabel(t, d)}
                    {d.registration ? ` — ${formatDate(d.registration.at)}` : ''}: {d.summary}
                  </span>{' '}
                  <button
                    type="button"
                    className="small"
                    disabled={busy}
                    aria-label={`${t('doc.links.link')}: ${numberLabel(t, d)}`}
                    onClick={() => void link(d.id)}
                  >
                    {t('doc.links.link')}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </form>
      ) : null}
    </>
  );
}
