import { ConflictError } from '../../../platform/kernel/errors';
import type { ReceivedItem } from '../domain/received';
import type { ExchangeDeps } from '../ports';
import { putOnce } from './accept-envelope.usecase';
import { asDelivered, changeDelivery, movesForward } from './deliver.usecase';

/** Where the sender keeps its copy of a receipt notice (its own part of the attachments bucket). */
export const senderReceiptKey = (tenantId: string, documentId: string, deliveryId: string, sha256: string) =>
  `${tenantId}/documents/${documentId}/receipts/${deliveryId}-${sha256}.json`;

/**
 * The exchange consumer's way back to the sender (Decree 935 §148, §149): a platform item's
 * first opening makes the sender's delivery `received`; its registration makes it `registered`
 * with the recipient's number and date and a copy of the signed receipt notice kept in the
 * sender's objects; its refusal makes it `refused` with the reason. Every change is logged on the
 * sender's document. Idempotent: a delivery only moves forward, the copy is content-addressed.
 */
export async function reportBack(deps: ExchangeDeps, item: ReceivedItem): Promise<void> {
  if (item.source !== 'platform' || !item.origin || !item.sender.tenantId) return;
  const senderTenant = item.sender.tenantId;
  const { documentId, deliveryId } = item.origin;
  let receiptKey: string | undefined;
  if (item.state === 'registered' && item.receipt) {
    const bytes = await deps.objects?.get({ bucket: 'attachments', key: item.receipt.key });
    if (!bytes) throw new ConflictError('content_missing', 'The receipt notice is missing', {});
    receiptKey = senderReceiptKey(senderTenant, documentId, deliveryId, item.receipt.sha256);
    await putOnce(deps, receiptKey, bytes, 'application/json');
  }
  await changeDelivery(deps, senderTenant, documentId, deliveryId, async (doc, current) => {
    // A crash between the item and the sender's mark: the item says it was delivered.
    const delivered = current.state === 'sending' ? await asDelivered(deps, doc, current, item) : current;
    if (item.state === 'registered' && item.registration && item.receipt && receiptKey) {
      if (!movesForward(current.state, 'registered')) return undefined;
      return {
        action: 'exchange-registered',
        comment: `${current.recipientName}: ${item.registration.number} / ${item.registration.date}`,
        delivery: {
          ...delivered,
          state: 'registered',
          receivedAt: delivered.receivedAt ?? item.openedAt ?? item.registration.at,
          registration: {
            number: item.registration.number,
            date: item.registration.date,
            at: item.registration.at,
          },
          evidence: {
            sentSha256: delivered.evidence?.sentSha256 ?? '',
            receiptKey,
            receiptSha256: item.receipt.sha256,
          },
        },
      };
    }
    if (item.state === 'refused' && item.refusal) {
      if (!movesForward(current.state, 'refused')) return undefined;
      return {
        action: 'exchange-refused',
        comment: `${current.recipientName}: ${item.refusal.reason}`,
        delivery: {
          ...delivered,
          state: 'refused',
          refusal: { reason: item.refusal.reason, at: item.refusal.at },
        },
      };
    }
    if (item.openedAt && movesForward(current.state, 'received')) {
      return {
        action: 'exchange-received',
        comment: current.recipientName,
        delivery: { ...delivered, state: 'received', receivedAt: item.openedAt },
      };
    }
    if (current.state === 'sending')
      return { action: 'exchange-delivered', comment: `edms: ${current.recipientName}`, delivery: delivered };
    return undefined;
  });
}
