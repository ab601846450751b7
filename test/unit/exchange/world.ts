import { generateKeyPairSync, sign as signWith } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import type { Delivery, DocumentRecord } from '../../../functions/modules/documents';
import {
  RECEIVED,
  receivedWriteOptions,
  type Envelope,
  type ReceivedItem,
} from '../../../functions/modules/exchange';
import { sha256Hex } from '../../../functions/modules/exchange/usecases/envelope';
import type { DocumentSigner } from '../../../functions/platform/ports/signing.port';
import { actor, documentRecord, meta, T0 } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

export const SENDER = 'sender-agency';
export const RECIPIENT = 'recipient-agency';
export const clerk = actor('clerk-b', ['clerk'], { tenantId: RECIPIENT });
export const adminB = actor('admin-b', ['admin'], { tenantId: RECIPIENT });
export const minimalPdf = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** A small real PDF (pdf-lib), for signing. */
export async function realPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText('Məktub'.normalize('NFD').replace(/[^\x20-\x7e]/g, ''), { x: 20, y: 100 });
  return doc.save({ useObjectStreams: false });
}

/** The platform's signing key as an ECDSA P-256 pair in memory. */
export function memorySigner(): DocumentSigner {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    sign: async (message) => ({
      keyId: 'platform',
      signature: new Uint8Array(signWith('sha256', message, privateKey)),
    }),
    verify: async () => true,
    publicKey: async () => new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })),
  };
}

export function exchangeWorld() {
  return { ...memoryDeps(), signer: memorySigner(), intakeDomain: 'intake.example.az' };
}
export type ExchangeWorld = ReturnType<typeof exchangeWorld>;

export function delivery(overrides: Partial<Delivery> = {}): Delivery {
  return {
    id: 'delivery-1',
    dispatchId: 'dispatch-1',
    recipientIndex: 0,
    recipientTenantId: RECIPIENT,
    recipientName: 'Alan qurum',
    state: 'sending',
    ...overrides,
  };
}

/** The sender's outgoing document with one delivery. */
export async function senderDocument(
  world: ExchangeWorld,
  d: Delivery = delivery(),
): Promise<DocumentRecord> {
  const doc = documentRecord('out-1', {
    ...meta('out-1', SENDER),
    kind: 'outgoing',
    status: 'sent',
    summary: 'Məktub',
    registration: { journalId: 'j', year: 2026, seq: 7, number: 'X-7/26', at: T0 },
    outgoing: { signatoryId: 'head', recipients: [{ name: 'Alan qurum' }], dispatches: [], deliveries: [d] },
  });
  await world.documents.commit({
    document: doc,
    operation: { actorId: 'clerk', action: 'register', changes: [] },
  });
  return (await world.documents.get(SENDER, doc.id))!;
}

export function envelopeOf(file: Uint8Array, deliveryId = 'delivery-1'): Envelope {
  return {
    manifest: {
      format: 'karguzar-envelope/1',
      deliveryId,
      sender: {
        tenantId: SENDER,
        documentId: 'out-1',
        organizationName: 'Göndərən qurum',
        voen: '1900000011',
      },
      recipientTenantId: RECIPIENT,
      requisites: { number: 'X-7/26', date: '2026-03-02', summary: 'Məktub' },
      file: {
        name: 'X-7_26.pdf',
        contentType: 'application/pdf',
        size: file.length,
        sha256: sha256Hex(file),
      },
      sentAt: T0,
    },
    file,
  };
}

/** A received item written as the consumer writes it (the file stored in the recipient's objects). */
export async function storedItem(
  world: ExchangeWorld,
  overrides: Partial<ReceivedItem> = {},
  file: Uint8Array = minimalPdf,
): Promise<ReceivedItem> {
  const key = `${RECIPIENT}/exchange/received/x/${sha256Hex(file)}.pdf`;
  await world.objects
    .put({ bucket: 'attachments', key, body: file, contentType: 'application/pdf' })
    .catch(() => undefined);
  const item: ReceivedItem = {
    ...meta(overrides.id ?? 'item-1', RECIPIENT),
    source: 'platform',
    state: 'waiting',
    deliveryKey: overrides.id ?? 'delivery-1',
    receivedAt: T0,
    sender: { tenantId: SENDER, organizationName: 'Göndərən qurum', voen: '1900000011' },
    requisites: { number: 'X-7/26', date: '2026-03-02', summary: 'Məktub' },
    files: [
      {
        name: 'X-7_26.pdf',
        contentType: 'application/pdf',
        size: file.length,
        sha256: sha256Hex(file),
        key,
        singleFile: true,
      },
    ],
    verification: { checkedAt: T0, valid: true, signed: true, problems: [], signatures: [] },
    trust: { signatures: [] },
    origin: { documentId: 'out-1', deliveryId: 'delivery-1' },
    evidence: { envelopeSha256: 'e'.repeat(64), key: `${RECIPIENT}/exchange/received/x/envelope.json` },
    ...overrides,
  };
  return (await world.store.create(RECEIVED, item, receivedWriteOptions(item, 'system', true))).item;
}
