import { putAttachmentOnce } from '../../../platform/ports/object-store.port';
import { randomUUID } from 'node:crypto';
import { ConflictError } from '../../../platform/kernel/errors';
import type { Envelope } from '../domain/envelope';
import { envelopeBytes, receivedPrefix, sha256Hex } from './envelope';
import { DELIVERY_CLAIM, RECEIVED, receivedWriteOptions, type ReceivedItem } from '../domain/received';
import type { ExchangeDeps } from '../ports';
import { trustOf, verifyReceivedFile } from './verify.usecase';

/** The system's name in change records of what it wrote on the agencies' behalf. */
export const SYSTEM_ACTOR = 'system';

function objects(deps: ExchangeDeps) {
  if (!deps.objects) throw new Error('Object store not configured');
  return deps.objects;
}

/** Write-once put: the same bytes at the same key are the object already there (a replay). */
export async function putOnce(
  deps: ExchangeDeps,
  key: string,
  body: Uint8Array,
  contentType: string,
): Promise<string | undefined> {
  return putAttachmentOnce(objects(deps), key, body, contentType);
}

/** The received item a delivery already made in the recipient's agency, if any. */
export async function receivedByDelivery(
  deps: ExchangeDeps,
  tenantId: string,
  deliveryKey: string,
): Promise<ReceivedItem | undefined> {
  const id = await deps.store.findByUnique(tenantId, { scope: DELIVERY_CLAIM, value: deliveryKey });
  return id ? deps.store.get<ReceivedItem>(RECEIVED, tenantId, id) : undefined;
}

/**
 * The recipient's side of a platform delivery (Decree 935 §141, §145): the file is copied into the
 * recipient's objects, the envelope as received is kept with its SHA-256 as evidence, the file is
 * verified against the sender's CA and the sender's records (as the system keeps them, not as the
 * envelope says), and the item waits in the recipient's queue. Idempotent: the item's creation
 * claims the delivery id, so a replayed envelope makes no second item (the first is answered);
 * the objects are content-addressed and written once. Runs only as the system (stream consumer).
 */
export async function acceptEnvelope(deps: ExchangeDeps, envelope: Envelope): Promise<ReceivedItem> {
  const { manifest } = envelope;
  const tenantId = manifest.recipientTenantId;
  const earlier = await receivedByDelivery(deps, tenantId, manifest.deliveryId);
  if (earlier) return earlier;

  const evidence = envelopeBytes(envelope);
  const evidenceSha = sha256Hex(evidence);
  const fileSha = sha256Hex(envelope.file);
  const prefix = receivedPrefix(tenantId, manifest.deliveryId);
  const fileKey = `${prefix}/${fileSha}.pdf`;
  const evidenceKey = `${prefix}/envelope-${evidenceSha}.json`;
  const fileVersion = await putOnce(deps, fileKey, envelope.file, manifest.file.contentType);
  await putOnce(deps, evidenceKey, evidence, 'application/json');

  const trust = await trustOf(deps, {
    tenantId: manifest.sender.tenantId,
    documentId: manifest.sender.documentId,
  });
  const verification = await verifyReceivedFile(deps, trust, envelope.file, manifest.file.sha256);
  const now = deps.clock.now().toISOString();
  const item: ReceivedItem = {
    id: randomUUID(),
    tenantId,
    version: 1,
    createdAt: now,
    updatedAt: now,
    source: 'platform',
    state: 'waiting',
    deliveryKey: manifest.deliveryId,
    receivedAt: now,
    sender: {
      tenantId: manifest.sender.tenantId,
      organizationName: manifest.sender.organizationName,
      ...(manifest.sender.voen ? { voen: manifest.sender.voen } : {}),
    },
    requisites: manifest.requisites,
    files: [
      {
        name: manifest.file.name,
        contentType: manifest.file.contentType,
        size: envelope.file.length,
        // What arrived: an altered file keeps its own SHA-256 (the verification names the fault).
        sha256: fileSha,
        key: fileKey,
        ...(fileVersion ? { versionId: fileVersion } : {}),
        singleFile: true,
      },
    ],
    verification,
    trust,
    origin: { documentId: manifest.sender.documentId, deliveryId: manifest.deliveryId },
    evidence: { envelopeSha256: evidenceSha, key: evidenceKey },
  };
  try {
    return (await deps.store.create(RECEIVED, item, receivedWriteOptions(item, SYSTEM_ACTOR, true))).item;
  } catch (error) {
    // Delivered at the same moment by another run: that item is the delivery.
    if (error instanceof ConflictError && error.code === 'duplicate_value') {
      const other = await receivedByDelivery(deps, tenantId, manifest.deliveryId);
      if (other) return other;
    }
    throw error;
  }
}
