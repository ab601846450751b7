'use client';

import type { Delivery, DocumentRecord } from '../../api/contract';
import { formatDateTime } from '../../lib/dates';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { EvidenceButton } from './evidence';
import { awaitingReceipt, deliveryTimeline } from './model';
import './exchange.css';

type Outgoing = NonNullable<DocumentRecord['outgoing']>;

/** One recipient's delivery: the steps reached, then what the recipient did or that no receipt came. */
function DeliveryView({ delivery, sentAt }: { delivery: Delivery; sentAt?: string }) {
  const { t } = useI18n();
  const steps = deliveryTimeline(delivery, sentAt);
  const lastDone = steps.reduce((last, s, i) => (s.done ? i : last), 0);
  return (
    <li className="exchange-delivery" data-testid="delivery">
      <h4 className="exchange-delivery-name">{delivery.recipientName}</h4>
      <ol
        className="exchange-timeline"
        aria-label={t('exchange.deliveries.stepsLabel', { recipient: delivery.recipientName })}
      >
        {steps.map((s, i) => (
          <li
            key={s.step}
            className={`exchange-step${s.done ? ' exchange-step-done' : ''}${s.step === 'refused' ? ' exchange-step-refused' : ''}`}
            aria-current={i === lastDone ? 'step' : undefined}
            data-testid={`delivery-step-${s.step}`}
          >
            <span className="exchange-step-name">{t(`exchange.deliveries.steps.${s.step}`)}</span>{' '}
            <span className="small muted">
              {s.at ? formatDateTime(s.at) : s.done ? '' : t('exchange.deliveries.pending')}
            </span>
          </li>
        ))}
      </ol>
      {delivery.registration ? (
        <p className="exchange-delivery-outcome" data-testid="delivery-registered">
          {t('exchange.deliveries.registeredAs', {
            recipient: delivery.recipientName,
            number: delivery.registration.number,
            date: formatDate(delivery.registration.date),
          })}
        </p>
      ) : null}
      {delivery.refusal ? (
        <p className="exchange-delivery-outcome exchange-delivery-bad" data-testid="delivery-refused">
          {t('exchange.deliveries.refusedReason', {
            recipient: delivery.recipientName,
            reason: delivery.refusal.reason,
          })}
        </p>
      ) : null}
      {delivery.noReceipt && awaitingReceipt(delivery) ? (
        <p className="alert alert-error" data-testid="delivery-no-receipt">
          {t('exchange.deliveries.noReceipt', {
            date: formatDate(delivery.receiptDueAt ?? delivery.noReceipt.at),
          })}
        </p>
      ) : null}
      {awaitingReceipt(delivery) && !delivery.noReceipt ? (
        <p className="small" data-testid="delivery-receipt-due">
          {delivery.receiptDueAt
            ? `${t('exchange.deliveries.receiptDue', { date: formatDate(delivery.receiptDueAt) })}. `
            : ''}
          {t('exchange.deliveries.notReceivedYet')}
        </p>
      ) : null}
    </li>
  );
}

/**
 * Elektron çatdırılma on the outgoing card: each delivery to an agency on the platform as a line
 * sent → delivered → received → registered (or refused with the reason), "registered by … as № …
 * on …" from the receipt notice, the receipt due date, and §150's "deliver by other means".
 */
export function DeliveriesPanel({
  outgoing,
  documentId,
  name,
}: {
  outgoing: Outgoing;
  documentId: string;
  /** The document's number (or summary) for the evidence file's name. */
  name: string;
}) {
  const { t } = useI18n();
  const deliveries = outgoing.deliveries ?? [];
  if (deliveries.length === 0) return null;
  const sentAt = new Map(outgoing.dispatches.map((d) => [d.id, d.at]));
  return (
    <section className="exchange-deliveries" aria-labelledby="exchange-deliveries-title">
      <h3 id="exchange-deliveries-title">{t('exchange.deliveries.title')}</h3>
      <ul className="plain">
        {deliveries.map((d) => (
          <DeliveryView key={d.id} delivery={d} sentAt={sentAt.get(d.dispatchId)} />
        ))}
      </ul>
      <EvidenceButton documentId={documentId} name={name} />
    </section>
  );
}
