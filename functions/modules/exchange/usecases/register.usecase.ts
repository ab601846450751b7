import type { Actor } from '../../../platform/kernel/aggregate';
import { nameUuid } from '../../../platform/kernel/hashing';
import { BusinessRuleError, ConflictError, ForbiddenError } from '../../../platform/kernel/errors';
import {
  bakuLocalDate,
  addStoredContents,
  createDocument,
  retryOnStale,
  type DocumentRecord,
  type StoredFile,
} from '../../documents';
import type { Tenant } from '../../org';
import { createReferenceItem } from '../../reference';
import { sha256Hex } from './envelope';
import { RECEIVED, receivedWriteOptions, type ReceivedItem } from '../domain/received';
import type { ExchangeDeps } from '../ports';
import { putOnce } from './accept-envelope.usecase';
import { assertItemVersion, receivedItemOf } from './queue.usecase';
import { assertWaiting } from './refuse.usecase';
import { receivedView } from './view';

/** The claim that leads from an incoming document to the received item it was registered from. */
export const REGISTERED_DOCUMENT_CLAIM = 'exchange-document';

export interface RegisterInput {
  version: number;
  documentTypeId?: string;
  classificationId?: string;
  addresseeId?: string;
  note?: string;
}

/** The agency's own counterpart for the sender's VÖEN: found in its list, or added to it. */
async function senderCounterpart(deps: ExchangeDeps, actor: Actor, item: ReceivedItem, voen: string) {
  const claim = { scope: 'counterpart-voen', value: voen };
  const found = await deps.store.findByUnique(actor.tenantId, claim);
  if (found) return found;
  const name = item.sender.organizationName.slice(0, 500);
  try {
    const created = await createReferenceItem(
      deps,
      actor,
      {
        list: 'counterparts',
        kind: 'organization',
        name: { az: name, en: name, ru: name },
        voen,
        active: true,
      },
      undefined,
    );
    return created.id;
  } catch (error) {
    const other = await deps.store.findByUnique(actor.tenantId, claim);
    if (other) return other;
    throw error;
  }
}

/** The id of the agency's delivery form with a code (`edms`, `email`), if it keeps one. */
const deliveryForm = (deps: ExchangeDeps, tenantId: string, code: string) =>
  deps.store.findByUnique(tenantId, { scope: 'delivery-forms-code', value: code });

/** The received files become the incoming document's contents (same ids on a retry). */
function withContents(deps: ExchangeDeps, actor: Actor, doc: DocumentRecord, item: ReceivedItem) {
  const files = item.files.map((file, i): StoredFile => ({
    id: nameUuid(`${item.id}/${i}`),
    fileName: file.name,
    contentType: file.contentType,
    read: async () =>
      deps.objects?.get({
        bucket: 'attachments',
        key: file.key,
        ...(file.versionId ? { versionId: file.versionId } : {}),
      }),
    missing: { index: i },
  }));
  return addStoredContents(deps, actor, doc, files, 'exchange');
}

/**
 * The §148 receipt notice: the recipient's details, when it arrived, the registration number and
 * date, signed with the platform's document-signing key (KMS, ECDSA P-256 over the record's
 * bytes), kept in the recipient's objects. Its SHA-256 is the evidence both sides hold.
 */
async function receiptNotice(
  deps: ExchangeDeps,
  actor: Actor,
  item: ReceivedItem,
  registration: { number: string; date: string; at: string },
) {
  if (!deps.signer) throw new Error('Signer not configured');
  const tenant = await deps.store.get<Tenant>('tenant', actor.tenantId, actor.tenantId);
  const notice = {
    format: 'karguzar-receipt/1',
    recipient: {
      tenantId: actor.tenantId,
      organizationName: tenant?.name.az ?? actor.tenantId,
      ...(tenant?.voen ? { voen: tenant.voen } : {}),
      ...(tenant?.legalAddress ? { address: tenant.legalAddress } : {}),
    },
    sender: item.sender,
    requisites: item.requisites,
    deliveryKey: item.deliveryKey,
    envelopeSha256: item.evidence.envelopeSha256,
    receivedAt: item.receivedAt,
    registration: { number: registration.number, date: registration.date },
    issuedAt: registration.at,
  };
  const body = new TextEncoder().encode(JSON.stringify(notice));
  const signed = await deps.signer.sign(body);
  const bytes = new TextEncoder().encode(
    JSON.stringify({
      notice,
      signature: {
        algorithm: 'ECDSA-P256-SHA256',
        keyId: signed.keyId,
        value: Buffer.from(signed.signature).toString('base64'),
        publicKey: Buffer.from(await deps.signer.publicKey()).toString('base64'),
      },
    }),
  );
  const sha256 = sha256Hex(bytes);
  const key = `${actor.tenantId}/exchange/receipts/${item.id}-${sha256}.json`;
  await putOnce(deps, key, bytes, 'application/json');
  return { key, sha256, bytes };
}

/**
 * POST /exchange/received/{id}/register (Decree 935 §148, §149): the registry office registers a
 * waiting received document as an incoming document (the sender's number and date, the summary,
 * the sender as the agency's own counterpart, delivery form edms or email, the files as its
 * contents). A platform item only when its verification is valid (422 `received_not_verified`:
 * only refusal is possible). The signed receipt notice follows: for a platform item the system
 * carries it to the sender; for an e-mail item it is mailed to the sender's address. A retried
 * register makes one document (a fixed idempotency key per item).
 */
export async function registerReceived(deps: ExchangeDeps, actor: Actor, id: string, input: RegisterInput) {
  if (!actor.roles.has('clerk')) throw new ForbiddenError('Only the registry office registers documents');
  const item = await receivedItemOf(deps, actor, id);
  assertItemVersion(item, input.version);
  assertWaiting(item);
  if (item.source === 'platform' && !item.verification?.valid)
    throw new BusinessRuleError('received_not_verified', 'The received document did not pass verification', {
      problems: (item.verification?.problems ?? ['unsigned']).join(', '),
    });

  const voen = item.sender.voen;
  const sender = voen
    ? { kind: 'organization' as const, counterpartId: await senderCounterpart(deps, actor, item, voen) }
    : {
        kind: 'citizen' as const,
        name: item.sender.organizationName.slice(0, 200) || (item.sender.email ?? '-'),
        ...(item.sender.email ? { email: item.sender.email } : {}),
      };
  const formId = await deliveryForm(deps, actor.tenantId, item.source === 'platform' ? 'edms' : 'email');
  const number = item.requisites.number?.slice(0, 60);
  const created = await createDocument(
    deps,
    actor,
    'incoming',
    {
      summary: item.requisites.summary.slice(0, 2000) || '-',
      ...(number ? { documentNumber: number } : {}),
      ...(item.requisites.date ? { documentDate: item.requisites.date } : {}),
      sender,
      ...(formId ? { deliveryFormId: formId } : {}),
      ...(input.documentTypeId ? { documentTypeId: input.documentTypeId } : {}),
      ...(input.classificationId ? { classificationId: input.classificationId } : {}),
      ...(input.addresseeId ? { addresseeId: input.addresseeId } : {}),
      ...(input.note ? { note: input.note } : {}),
      controlled: false,
      confidential: false,
      accessList: [],
      distribution: [],
    },
    { key: `exchange-register:${item.id}`, requestHash: sha256Hex(item.id) },
  );
  const doc = await retryOnStale(3, async () =>
    withContents(deps, actor, (await deps.documents.get(actor.tenantId, created.id)) ?? created, item),
  );
  const registration = {
    documentId: doc.id,
    number: doc.registration?.number ?? '',
    date: bakuLocalDate(doc.registration?.at ?? deps.clock.now().toISOString()),
    at: doc.registration?.at ?? deps.clock.now().toISOString(),
    by: actor.employeeId,
  };
  const notice = await receiptNotice(deps, actor, item, registration);
  let messageId: string | undefined;
  if (item.source === 'email' && item.sender.email) {
    if (!deps.email) throw new Error('E-mail not configured');
    const sent = await deps.email.send({
      to: [item.sender.email],
      subject: `Qəbul bildirişi: ${registration.number} (${registration.date})`.slice(0, 200),
      text: [
        `Göndərdiyiniz sənəd qeydiyyata alındı.`,
        `Sizin nömrəniz: ${item.requisites.number ?? '-'}, tarix: ${item.requisites.date ?? '-'}`,
        `Qeydiyyat nömrəsi: ${registration.number}, tarix: ${registration.date}`,
        `SHA-256: ${notice.sha256}`,
      ].join('\n'),
      attachments: [
        { filename: 'receipt-notice.json', contentType: 'application/json', content: notice.bytes },
      ],
    });
    messageId = sent.messageId;
  }
  const now = deps.clock.now().toISOString();
  const next: ReceivedItem = {
    ...item,
    state: 'registered',
    registration,
    receipt: { at: now, key: notice.key, sha256: notice.sha256, ...(messageId ? { messageId } : {}) },
    updatedAt: now,
  };
  const options = receivedWriteOptions(next, actor.employeeId, false);
  try {
    const saved = await deps.store.update(RECEIVED, next, item.version, {
      ...options,
      claim: [{ scope: REGISTERED_DOCUMENT_CLAIM, value: doc.id }],
    });
    return { item: receivedView(saved), documentId: doc.id };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    // Registered by a retry at the same moment: that registration stands.
    const now2 = await receivedItemOf(deps, actor, id);
    if (now2.registration?.documentId === doc.id) return { item: receivedView(now2), documentId: doc.id };
    throw error;
  }
}
