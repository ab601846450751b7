'use client';

import Link from 'next/link';
import { getDocument, getTenant } from '../api';
import type { DocumentCard } from '../types';
import type { Tenant } from '../../../api/contract';
import { formatDate } from '../../../lib/format';
import { pickText, useI18n } from '../../../lib/i18n';
import { useLoad } from '../../../lib/use-load';
import { DocumentUnavailable } from '../unavailable';
import { Loading } from '../../../ui/loading';
import { cardPath } from '../paths';
import { formatDateTime, toDisplayDate } from '../../../lib/dates';
import { resolver, useLookups, type Resolver } from '../form/lookups';
import { RegistrationCode } from './registration-code';
import { copyNotePageRule } from './copy-note';
import { tr } from '../labels';
import './print.css';

type Row = [label: string, value: React.ReactNode];

function senderText(doc: DocumentCard, finLabel: string): string {
  const s = doc.incoming?.sender;
  if (!s) return '';
  if (s.kind === 'organization') return [s.name, s.contactPerson].filter(Boolean).join(', ');
  return [s.name, s.fin ? `${finLabel}: ${s.fin}` : '', s.address].filter(Boolean).join(', ');
}

/**
 * The printable registration card. Page 1 starts with the registration code block of decree 935
 * §146 (organization's full name and legal address, registration number and date, and the number
 * as a QR code); the §143 note of a paper copy of an electronic document is printed in every
 * page's bottom margin with the printout's own number of sheets (copy-note.ts).
 */
export function PrintCard({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const loaded = useLoad(() => Promise.all([getDocument(id), getTenant()]), [id]);
  const lookups = useLookups();

  if (loaded.loading && !loaded.data) return <Loading />;
  if (!loaded.data) return <DocumentUnavailable title={t('doc.print.title')} error={loaded.error} />;
  const [doc, tenant] = loaded.data;
  return (
    <>
      <div className="doc-print-toolbar">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('doc.print.print')}
        </button>
        <Link className="button-link" href={cardPath(doc.id)}>
          {t('doc.print.backToCard')}
        </Link>
      </div>
      <CardSheet doc={doc} tenant={tenant} names={resolver(lookups.data, locale)} />
    </>
  );
}

/** One registration card as printed: a sheet of its own (a selection prints one per page). */
export function CardSheet({ doc, tenant, names }: { doc: DocumentCard; tenant: Tenant; names: Resolver }) {
  const { t, locale } = useI18n();
  const number = doc.registration?.number;
  const regDate = doc.registration ? formatDate(doc.registration.at) : '';

  const rows: Row[] = [
    [t('doc.fields.number'), number ?? t('doc.card.unregistered')],
    [t('doc.fields.registeredAt'), doc.registration ? formatDateTime(doc.registration.at) : ''],
    [t('doc.print.kind'), t(`doc.kinds.${doc.kind}`)],
  ];
  const push = (label: string, value: React.ReactNode) => {
    if (value !== undefined && value !== null && value !== '') rows.push([label, value]);
  };
  if (doc.incoming) {
    push(t('doc.sender.legend'), senderText(doc, t('doc.sender.fin')));
    push(
      t('doc.print.senderDocument'),
      [
        doc.documentNumber ? t('doc.card.numberShort', { number: doc.documentNumber }) : '',
        toDisplayDate(doc.documentDate),
      ]
        .filter(Boolean)
        .join(', '),
    );
  }
  if (doc.outgoing) {
    push(
      t('doc.recipients.legend'),
      doc.outgoing.recipients
        .map((r) => [r.name, r.email ? `<${r.email}>` : ''].filter(Boolean).join(' '))
        .join('; '),
    );
    push(t('doc.fields.signatory'), names.employee(doc.outgoing.signatoryId));
  }
  if (doc.order) {
    push(t('doc.fields.category'), tr(t, `doc.orderCategories.${doc.order.category}`, doc.order.category));
    push(t('doc.fields.orderDate'), toDisplayDate(doc.documentDate));
    push(t('doc.fields.signatory'), names.employee(doc.order.signatoryId));
  }
  if (doc.internal) push(t('doc.fields.signatory'), names.employee(doc.internal.signatoryId));
  push(t('doc.fields.summary'), doc.summary);
  push(t('doc.fields.pageCount'), doc.incoming?.pageCount ? String(doc.incoming.pageCount) : '');
  push(t('doc.fields.documentType'), names.ref(doc.documentTypeId));
  push(t('doc.fields.classification'), names.ref(doc.classificationId));
  push(t('doc.fields.nomenclature'), names.ref(doc.nomenclatureId));
  push(t('doc.fields.deliveryForm'), names.ref(doc.deliveryFormId));
  push(t('doc.fields.addressee'), names.employee(doc.addresseeId));
  push(t('doc.fields.controller'), names.employee(doc.controllerId));
  push(t('doc.fields.dueDate'), toDisplayDate(doc.dueDate));
  push(
    t('doc.print.files'),
    doc.contents
      .filter((c) => c.state === 'stored')
      .map((c) => c.fileName)
      .join(', '),
  );
  push(t('doc.fields.note'), doc.note);

  const orgName = pickText(tenant.name, locale);
  const titleId = `doc-print-title-${doc.id}`;
  return (
    <>
      <article className="doc-print-sheet" aria-labelledby={titleId}>
        <section className="doc-regcode" aria-label={t('doc.print.codeBlock')}>
          <p className="doc-regcode-org">{orgName}</p>
          <p>{tenant.legalAddress}</p>
          <p>
            {t('doc.print.regNumber')}: <strong>{number ?? '—'}</strong>
          </p>
          <p>
            {t('doc.print.regDate')}: <strong>{regDate || '—'}</strong>
          </p>
          {number ? (
            <RegistrationCode
              text={[orgName, tenant.legalAddress, number, regDate].join('\n')}
              label={t('doc.print.barcode', { number })}
            />
          ) : null}
        </section>
        <h1 id={titleId}>{t('doc.print.title')}</h1>
        <p className="doc-print-sub">
          {t(`doc.kinds.${doc.kind}`)}
          {number ? ` — ${t('doc.card.numberShort', { number })}` : ''}
          {regDate ? `, ${regDate}` : ''}
        </p>
        <table className="doc-print-table">
          <tbody>
            {rows.map(([label, value], i) => (
              <tr key={i}>
                <th scope="row">{label}</th>
                <td>{value === '' ? '—' : value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <footer className="doc-print-footer">
          {/* On paper the note is in every page's bottom margin with the printout's sheets counted. */}
          <style>{copyNotePageRule(t('doc.print.copyNote', { pages: '{pages}' }))}</style>
          <p className="doc-print-copynote">{t('doc.print.copyNote', { pages: '__' })}</p>
          <p>
            {t('doc.print.system', { system: t('app.name'), date: formatDate(doc.createdAt), org: orgName })}
          </p>
        </footer>
      </article>
    </>
  );
}
