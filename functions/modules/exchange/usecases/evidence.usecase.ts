import type { Actor } from '../../../platform/kernel/aggregate';
import { NotFoundError } from '../../../platform/kernel/errors';
import { bakuLocalDate, noteRead, visibleDocument } from '../../documents';
import { sha256Hex } from './envelope';
import { RECEIVED, type ReceivedItem } from '../domain/received';
import type { ExchangeDeps } from '../ports';
import { REGISTERED_DOCUMENT_CLAIM } from './register.usecase';
import { receivedView } from './view';

/** A stored evidence object read back and checked against the SHA-256 recorded for it. */
async function stored(deps: ExchangeDeps, key: string, sha256: string, parse = true) {
  const bytes = await deps.objects?.get({ bucket: 'attachments', key });
  const intact = !!bytes && sha256Hex(bytes) === sha256;
  let content: unknown;
  if (bytes && intact && parse) {
    try {
      content = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    } catch {
      content = undefined;
    }
  }
  return { sha256, intact, ...(content !== undefined ? { content } : {}) };
}

/**
 * GET /exchange/evidence/{documentId}: what either side shows a court or an auditor, as JSON. The
 * sender (an outgoing document): every delivery with the SHA-256 of the file sent, the recipient's
 * registration or refusal and the signed receipt notice (checked against its SHA-256). The
 * recipient (an incoming document registered from a received item): the item with the SHA-256 of
 * the envelope as received and its own signed receipt notice. The reading is logged.
 */
export async function exportEvidence(deps: ExchangeDeps, actor: Actor, documentId: string) {
  const doc = await visibleDocument(deps, actor, documentId);
  const document = {
    id: doc.id,
    kind: doc.kind,
    summary: doc.summary,
    ...(doc.registration
      ? { number: doc.registration.number, date: bakuLocalDate(doc.registration.at) }
      : {}),
  };
  if (doc.kind === 'outgoing') {
    const deliveries = [];
    for (const d of doc.outgoing?.deliveries ?? []) {
      deliveries.push({
        id: d.id,
        recipientName: d.recipientName,
        recipientTenantId: d.recipientTenantId,
        state: d.state,
        ...(d.deliveredAt ? { deliveredAt: d.deliveredAt } : {}),
        ...(d.receiptDueAt ? { receiptDueAt: d.receiptDueAt } : {}),
        ...(d.registration ? { registration: d.registration } : {}),
        ...(d.refusal ? { refusal: d.refusal } : {}),
        ...(d.evidence?.sentSha256 ? { sentSha256: d.evidence.sentSha256 } : {}),
        ...(d.evidence?.receiptKey && d.evidence.receiptSha256
          ? { receipt: await stored(deps, d.evidence.receiptKey, d.evidence.receiptSha256) }
          : {}),
      });
    }
    await noteRead(deps, actor, doc, 'exchange evidence exported');
    return { generatedAt: deps.clock.now().toISOString(), side: 'sender' as const, document, deliveries };
  }
  const itemId = await deps.store.findByUnique(actor.tenantId, {
    scope: REGISTERED_DOCUMENT_CLAIM,
    value: doc.id,
  });
  const item = itemId ? await deps.store.get<ReceivedItem>(RECEIVED, actor.tenantId, itemId) : undefined;
  if (!item) throw new NotFoundError('no exchange evidence for this document');
  await noteRead(deps, actor, doc, 'exchange evidence exported');
  return {
    generatedAt: deps.clock.now().toISOString(),
    side: 'recipient' as const,
    document,
    received: receivedView(item),
    envelope: await stored(deps, item.evidence.key, item.evidence.envelopeSha256, false),
    ...(item.receipt ? { receipt: await stored(deps, item.receipt.key, item.receipt.sha256) } : {}),
  };
}
