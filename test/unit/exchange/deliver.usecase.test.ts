import { describe, expect, it } from 'vitest';
import type { DocumentRecord, DocumentSignature } from '../../../functions/modules/documents';
import { SINGLE_FILE } from '../../../functions/modules/signatures';
import { sha256Hex } from '../../../functions/modules/exchange/usecases/envelope';
import {
  deliverOutgoing,
  movesForward,
  receiptDueAt,
} from '../../../functions/modules/exchange/usecases/deliver.usecase';
import { documentRecord, meta, T0 } from '../../support/builders';
import {
  delivery,
  exchangeWorld,
  realPdf,
  RECIPIENT,
  SENDER,
  senderDocument,
  type ExchangeWorld,
} from './world';

/** The sender's signed single file, stored as the signatures module keeps it (frozen, one signature). */
async function signedFile(world: ExchangeWorld, doc: DocumentRecord) {
  const bytes = await realPdf();
  const sha256 = sha256Hex(bytes);
  const key = `${SENDER}/documents/${doc.id}/single-file/${sha256}.pdf`;
  await world.objects.put({ bucket: 'attachments', key, body: bytes, contentType: 'application/pdf' });
  await world.store.create(
    SINGLE_FILE,
    {
      ...meta(doc.id, SENDER),
      documentId: doc.id,
      sha256,
      size: bytes.length,
      key,
      frozenAt: T0,
      parts: [],
    } as never,
    { actorId: 'system', sortKey: doc.id },
  );
  const signature: DocumentSignature = {
    right: 'sign',
    signerId: 'head',
    positionId: 'p',
    positionTitle: 'Rəis',
    at: T0,
    onVersion: 1,
    fieldName: 'Imza1',
    certificateSerial: '01',
    certificateSha256: 'c'.repeat(64),
    sha256,
    size: bytes.length,
    key,
    byteRange: [0, 1, 2, 3],
  };
  const current = (await world.documents.get(SENDER, doc.id))!;
  await world.documents.commit({
    document: { ...current, signatures: [signature] },
    expectedVersion: current.version,
    operation: { actorId: 'head', action: 'sign', changes: [] },
  });
  return sha256;
}

describe('delivering an outgoing document to agencies on the platform', () => {
  it('hands the signed file to the recipient and marks the delivery delivered; a replay delivers nothing twice', async () => {
    const world = exchangeWorld();
    const doc = await senderDocument(world);
    const sha256 = await signedFile(world, doc);

    await deliverOutgoing(world, SENDER, doc.id);
    await deliverOutgoing(world, SENDER, doc.id);

    const items = await world.store.list('exchange-received', RECIPIENT, { parentKey: 'waiting', limit: 10 });
    expect(items.items).toHaveLength(1);
    expect(items.items[0]).toMatchObject({
      deliveryKey: 'delivery-1',
      origin: { documentId: doc.id, deliveryId: 'delivery-1' },
      requisites: { number: 'X-7/26', summary: 'Məktub' },
    });
    const d = (await world.documents.get(SENDER, doc.id))!.outgoing!.deliveries![0]!;
    expect(d).toMatchObject({ state: 'delivered', evidence: { sentSha256: sha256 } });
    expect(d.receiptDueAt).toBeDefined();
    const ops = await world.documents.operations(SENDER, doc.id, { limit: 50 });
    expect(ops.items.filter((o) => o.action === 'exchange-delivered')).toHaveLength(1);
  });

  it('counts the receipt period in working days: the document’s own days, else the agency’s', async () => {
    const world = exchangeWorld();
    const base = documentRecord('o', { ...meta('o', SENDER), kind: 'outgoing' });
    const withDays = (n?: number) =>
      ({
        ...base,
        outgoing: { signatoryId: 'h', recipients: [], dispatches: [], ...(n ? { receiptDays: n } : {}) },
      }) as DocumentRecord;

    const one = await receiptDueAt(world, withDays(1), T0);
    const ten = await receiptDueAt(world, withDays(10), T0);
    const byDefault = await receiptDueAt(world, withDays(), T0);

    expect(one > T0).toBe(true);
    expect(ten > byDefault).toBe(true);
    expect(byDefault > one).toBe(true);
    // The end of a Baku day.
    expect(one.endsWith('T19:59:59.999Z')).toBe(true);
  });

  it('moves states forward only', () => {
    expect(movesForward('sending', 'delivered')).toBe(true);
    expect(movesForward('registered', 'received')).toBe(false);
    expect(movesForward('refused', 'registered')).toBe(false);
    expect(delivery().state).toBe('sending');
  });
});
