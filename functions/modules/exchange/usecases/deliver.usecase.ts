import type { Actor } from '../../../platform/kernel/aggregate';
import {
  bakuLocalDate,
  retryOnStale,
  type Delivery,
  type DeliveryState,
  type DocumentRecord,
} from '../../documents';
import { addWorkingDays, tenantCalendar } from '../../execution';
import type { Tenant } from '../../org';
import { readServedFile } from '../../signatures';
import type { EnvelopeManifest } from '../domain/envelope';
import { SETTINGS, settingsInForce, type ExchangeSettings, type ReceivedItem } from '../domain/received';
import type { ExchangeDeps } from '../ports';
import { acceptEnvelope, SYSTEM_ACTOR } from './accept-envelope.usecase';

/** The system acting for an agency (reading its own document's stored file). */
export const systemActor = (tenantId: string): Actor => ({
  tenantId,
  employeeId: SYSTEM_ACTOR,
  username: SYSTEM_ACTOR,
  roles: new Set(),
});

/** How far a delivery has come: states only move forward (replays and late records change nothing). */
const rank: Record<DeliveryState, number> = {
  sending: 0,
  delivered: 1,
  received: 2,
  registered: 3,
  refused: 3,
};
export const movesForward = (from: DeliveryState, to: DeliveryState) => rank[to] > rank[from];

/**
 * The end of the receipt period (§150): the document's own days, else the agency's setting, in
 * the sender's working days from the delivery day (Baku), to the end of that day.
 */
export async function receiptDueAt(deps: ExchangeDeps, doc: DocumentRecord, deliveredAt: string) {
  const days =
    doc.outgoing?.receiptDays ??
    settingsInForce(await deps.store.get<ExchangeSettings>(SETTINGS, doc.tenantId, doc.tenantId)).receiptDays;
  const calendar = await tenantCalendar(
    { store: deps.store, clock: deps.clock, documents: deps.documents },
    doc.tenantId,
  );
  const last = addWorkingDays(calendar, bakuLocalDate(deliveredAt), days);
  // 23:59:59.999 in Baku (UTC+4, no daylight saving).
  return new Date(Date.parse(`${last}T23:59:59.999Z`) - 4 * 3600_000).toISOString();
}

/** A delivery as delivered: when the item arrived, the period from then, the SHA-256 sent. */
export async function asDelivered(
  deps: ExchangeDeps,
  doc: DocumentRecord,
  delivery: Delivery,
  item: ReceivedItem,
  sentSha256?: string,
): Promise<Delivery> {
  return {
    ...delivery,
    state: movesForward(delivery.state, 'delivered') ? 'delivered' : delivery.state,
    deliveredAt: delivery.deliveredAt ?? item.receivedAt,
    receiptDueAt: delivery.receiptDueAt ?? (await receiptDueAt(deps, doc, item.receivedAt)),
    evidence: {
      ...delivery.evidence,
      sentSha256:
        delivery.evidence?.sentSha256 ?? sentSha256 ?? item.files.find((f) => f.singleFile)?.sha256 ?? '',
    },
  };
}

/**
 * Changes one delivery of the sender's document with an operations-log entry, re-read on a
 * concurrent write. `change` answers undefined when there is nothing to do (already done).
 */
export async function changeDelivery(
  deps: ExchangeDeps,
  tenantId: string,
  documentId: string,
  deliveryId: string,
  change: (
    doc: DocumentRecord,
    delivery: Delivery,
  ) => Promise<{ delivery: Delivery; comment: string; action: string } | undefined>,
): Promise<DocumentRecord | undefined> {
  return retryOnStale(5, async () => {
    const doc = await deps.documents.get(tenantId, documentId);
    const deliveries = doc?.outgoing?.deliveries ?? [];
    const index = deliveries.findIndex((d) => d.id === deliveryId);
    if (!doc?.outgoing || index < 0) return undefined;
    const outcome = await change(doc, deliveries[index]!);
    if (!outcome) return doc;
    const now = deps.clock.now().toISOString();
    const nextDeliveries = deliveries.map((d, i) => (i === index ? outcome.delivery : d));
    const next: DocumentRecord = {
      ...doc,
      outgoing: { ...doc.outgoing, deliveries: nextDeliveries },
      updatedAt: now,
    };
    const result = await deps.documents.commit({
      document: next,
      expectedVersion: doc.version,
      operation: {
        actorId: SYSTEM_ACTOR,
        action: outcome.action,
        changes: [
          {
            field: `outgoing.deliveries.${index}.state`,
            before: deliveries[index]!.state,
            after: outcome.delivery.state,
          },
        ],
        comment: outcome.comment,
      },
    });
    return result.document;
  });
}

/** The envelope of one delivery: the sender's stored single file and the letter's requisites. */
export async function buildEnvelope(deps: ExchangeDeps, doc: DocumentRecord, delivery: Delivery) {
  const { record, bytes } = await readServedFile(deps, systemActor(doc.tenantId), doc);
  const tenant = await deps.store.get<Tenant>('tenant', doc.tenantId, doc.tenantId);
  const manifest: EnvelopeManifest = {
    format: 'karguzar-envelope/1',
    deliveryId: delivery.id,
    sender: {
      tenantId: doc.tenantId,
      documentId: doc.id,
      organizationName: tenant?.name.az ?? doc.tenantId,
      ...(tenant?.voen ? { voen: tenant.voen } : {}),
    },
    recipientTenantId: delivery.recipientTenantId,
    requisites: {
      ...(doc.registration
        ? { number: doc.registration.number, date: bakuLocalDate(doc.registration.at) }
        : {}),
      summary: doc.summary,
    },
    file: {
      name: `${(doc.registration?.number ?? doc.id).replace(/[^\p{L}\p{N}._-]+/gu, '_')}.pdf`,
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: record.sha256,
    },
    sentAt: deps.clock.now().toISOString(),
  };
  return { manifest, file: bytes };
}

/**
 * The exchange consumer's delivery (Decree 935 §141): every delivery of the document still
 * `sending` is handed to its recipient agency (acceptEnvelope), then marked `delivered` on the
 * sender's document with its receipt period and the SHA-256 sent, and logged. Each step is
 * idempotent (the item claims the delivery id; the mark is made once), so a replay or a crash at
 * any point delivers nothing twice and loses nothing. Runs only as the system (stream consumer).
 */
export async function deliverOutgoing(deps: ExchangeDeps, tenantId: string, documentId: string) {
  const doc = await deps.documents.get(tenantId, documentId);
  const pending = (doc?.outgoing?.deliveries ?? []).filter((d) => d.state === 'sending');
  if (!doc || pending.length === 0) return;
  for (const delivery of pending) {
    const envelope = await buildEnvelope(deps, doc, delivery);
    const item = await acceptEnvelope(deps, envelope);
    await changeDelivery(deps, tenantId, documentId, delivery.id, async (current, d) =>
      d.state !== 'sending'
        ? undefined
        : {
            delivery: await asDelivered(deps, current, d, item, envelope.manifest.file.sha256),
            action: 'exchange-delivered',
            comment: `edms: ${d.recipientName}`,
          },
    );
  }
}
