'use client';

import Link from 'next/link';
import type { DocumentCard } from '../types';
import { formatDate } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { listApprovalRouteTemplates } from '../../approval/api';
import { useLoad } from '../../../lib/use-load';
import { cardPath } from '../paths';
import { formatDateTime, toDisplayDate } from '../../../lib/dates';
import type { Resolver } from '../form/lookups';
import { statusLabel, tr } from '../labels';
import { DeliveriesPanel } from '../../exchange/deliveries';

type Row = [label: string, value: React.ReactNode];

/** Əsas: the registration data, with names resolved from the lists and employees. */
export function MainTab({ doc, names }: { doc: DocumentCard; names: Resolver }) {
  const { t } = useI18n();
  const templates = useLoad(
    () => (doc.incoming?.routeTemplateId ? listApprovalRouteTemplates() : Promise.resolve([])),
    [doc.incoming?.routeTemplateId],
  );
  const docLink = (id: string | undefined) =>
    id ? <Link href={cardPath(id)}>{t('doc.log.documentRef')}</Link> : undefined;
  const rows: Row[] = [
    [t('doc.fields.number'), doc.registration?.number ?? t('doc.card.unregistered')],
    [t('doc.fields.registeredAt'), doc.registration ? formatDateTime(doc.registration.at) : ''],
    [t('common.status'), statusLabel(t, doc.status)],
  ];
  const push = (label: string, value: React.ReactNode) => {
    if (value !== undefined && value !== null && value !== '') rows.push([label, value]);
  };

  const sender = doc.incoming?.sender;
  /** The sender's registry number (VÖEN or FİN) after the name. */
  const registryNumber = (label: string, value?: string) =>
    value ? (
      <span className="muted">
        {' '}
        ({label}: {value})
      </span>
    ) : null;
  if (sender) {
    push(
      t('doc.sender.legend'),
      sender.kind === 'organization' ? (
        <>
          {sender.name}
          {registryNumber(t('doc.sender.voen'), sender.voen)}
          {sender.contactPerson ? <div>{sender.contactPerson}</div> : null}
        </>
      ) : (
        <>
          {sender.name}
          {registryNumber(t('doc.sender.fin'), sender.fin)}
          {sender.address ? <div>{sender.address}</div> : null}
          {sender.phone || sender.email ? (
            <div>{[sender.phone, sender.email].filter(Boolean).join(', ')}</div>
          ) : null}
        </>
      ),
    );
    push(t('doc.fields.senderNumber'), doc.documentNumber);
    push(t('doc.fields.senderDate'), toDisplayDate(doc.documentDate));
  } else if (doc.kind === 'order') {
    push(
      t('doc.fields.category'),
      doc.order ? tr(t, `doc.orderCategories.${doc.order.category}`, doc.order.category) : '',
    );
    push(t('doc.fields.orderDate'), toDisplayDate(doc.documentDate));
  } else {
    push(t('doc.fields.documentDate'), toDisplayDate(doc.documentDate));
  }

  push(t('doc.fields.summary'), doc.summary);
  if (doc.outgoing) {
    push(t('doc.fields.signatory'), names.employee(doc.outgoing.signatoryId));
    push(
      t('doc.fields.content'),
      doc.outgoing.content ? <p className="doc-pre">{doc.outgoing.content}</p> : '',
    );
    push(
      t('doc.recipients.legend'),
      <ul className="plain">
        {doc.outgoing.recipients.map((r, i) => (
          <li key={i}>
            {r.name}
            {r.email ? <span className="muted"> &lt;{r.email}&gt;</span> : null}
            {r.contactPerson ? <span> — {r.contactPerson}</span> : null}
          </li>
        ))}
      </ul>,
    );
    push(t('doc.fields.inReplyTo'), docLink(doc.outgoing.inReplyTo));
    push(t('exchange.receiptDays.label'), doc.outgoing.receiptDays ? String(doc.outgoing.receiptDays) : '');
    if (doc.outgoing.dispatches.length > 0) {
      push(
        t('doc.fields.dispatches'),
        <ul className="plain">
          {doc.outgoing.dispatches.map((d) => (
            <li key={d.id}>
              {formatDateTime(d.at)} — {t(`doc.dispatch.${d.channel}`)}: {d.recipients.join(', ')}
            </li>
          ))}
        </ul>,
      );
    }
  }
  if (doc.internal) {
    push(t('doc.fields.signatory'), names.employee(doc.internal.signatoryId));
    push(
      t('doc.fields.executionCharacter'),
      doc.internal.executionCharacter
        ? tr(t, `doc.executionCharacters.${doc.internal.executionCharacter}`, doc.internal.executionCharacter)
        : '',
    );
    push(t('doc.fields.answers'), docLink(doc.internal.answersId));
    push(t('doc.fields.extraInfo'), doc.internal.extraInfo);
    push(
      t('doc.fields.signed'),
      doc.internal.signedAt
        ? `${formatDateTime(doc.internal.signedAt)} — ${names.employee(doc.internal.signedBy)}`
        : '',
    );
  }
  if (doc.order) {
    push(t('doc.fields.signatory'), names.employee(doc.order.signatoryId));
    push(
      t('doc.fields.signed'),
      doc.order.signedAt
        ? `${formatDateTime(doc.order.signedAt)} — ${names.employee(doc.order.signedBy)}`
        : '',
    );
    push(t('doc.fields.effectiveDate'), toDisplayDate(doc.order.effectiveDate));
    push(t('doc.fields.cancelledAt'), doc.order.cancelledAt ? formatDateTime(doc.order.cancelledAt) : '');
    push(t('doc.fields.cancelReason'), doc.order.cancelReason);
  }

  push(t('doc.fields.documentType'), names.ref(doc.documentTypeId));
  push(t('doc.fields.classification'), names.ref(doc.classificationId));
  const templateId = doc.incoming?.routeTemplateId;
  push(
    t('doc.fields.routeTemplate'),
    templateId ? (templates.data?.find((x) => x.id === templateId)?.name ?? templateId) : '',
  );
  push(t('doc.fields.nomenclature'), names.ref(doc.nomenclatureId));
  push(t('doc.fields.addressee'), names.employee(doc.addresseeId));
  push(t('doc.fields.controlled'), doc.controlled ? t('doc.common.yes') : t('doc.common.no'));
  push(t('doc.fields.controller'), names.employee(doc.controllerId));
  push(t('doc.fields.dueDate'), toDisplayDate(doc.dueDate));
  push(t('doc.fields.deliveryForm'), names.ref(doc.deliveryFormId));
  if (doc.incoming) {
    push(t('doc.fields.physicalForm'), names.ref(doc.incoming.physicalFormId));
    push(t('doc.fields.pageCount'), doc.incoming.pageCount ? String(doc.incoming.pageCount) : '');
    push(t('doc.fields.distribution'), doc.incoming.distribution.map((id) => names.employee(id)).join(', '));
    push(t('doc.fields.repeatOf'), docLink(doc.incoming.repeatOf));
  }
  push(t('doc.fields.note'), doc.note ? <p className="doc-pre">{doc.note}</p> : '');
  push(t('doc.fields.author'), names.employee(doc.authorId));
  push(t('doc.fields.journal'), doc.registration ? names.ref(doc.registration.journalId) : '');
  push(t('doc.fields.createdAt'), formatDate(doc.createdAt));

  return (
    <>
      <h2>{t('doc.tabs.main')}</h2>
      <dl className="details doc-details">
        {rows.map(([label, value], i) => (
          <div key={i} className="doc-details-row">
            <dt>{label}</dt>
            <dd>{value === '' ? <span className="muted">—</span> : value}</dd>
          </div>
        ))}
      </dl>
      {doc.outgoing ? (
        <DeliveriesPanel
          outgoing={doc.outgoing}
          documentId={doc.id}
          name={doc.registration?.number ?? doc.id}
        />
      ) : null}
    </>
  );
}
