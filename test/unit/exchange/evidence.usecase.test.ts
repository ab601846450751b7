import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../functions/modules/exchange/usecases/envelope';
import { exportEvidence } from '../../../functions/modules/exchange/usecases/evidence.usecase';
import { registerReceived } from '../../../functions/modules/exchange/usecases/register.usecase';
import { actor, TENANT } from '../../support/builders';
import { documentsWorld } from '../documents/world';
import {
  delivery,
  exchangeWorld,
  memorySigner,
  SENDER,
  senderDocument,
  storedItem,
  type ExchangeWorld,
} from './world';

describe('exporting the exchange evidence', () => {
  it('gives the sender its deliveries with the SHA-256 sent and the receipt notice, checked', async () => {
    const world = exchangeWorld();
    const notice = new TextEncoder().encode('{"notice":{"registration":{"number":"B-1"}}}');
    const key = `${SENDER}/documents/out-1/receipts/n.json`;
    await world.objects.put({ bucket: 'attachments', key, body: notice, contentType: 'application/json' });
    await senderDocument(
      world,
      delivery({
        state: 'registered',
        registration: { number: 'B-1', date: '2026-03-02', at: '2026-03-02T08:00:00.000Z' },
        evidence: { sentSha256: 'a'.repeat(64), receiptKey: key, receiptSha256: sha256Hex(notice) },
      }),
    );

    const out = await exportEvidence(world, actor('clerk', ['clerk'], { tenantId: SENDER }), 'out-1');

    expect(out).toMatchObject({
      side: 'sender',
      deliveries: [
        {
          sentSha256: 'a'.repeat(64),
          receipt: { intact: true, content: { notice: { registration: { number: 'B-1' } } } },
        },
      ],
    });
  });

  it('gives the recipient its item, the envelope and its notice; another agency gets 404', async () => {
    const w = { ...documentsWorld(), signer: memorySigner(), intakeDomain: 'x' };
    const clerk = actor('clerk', ['clerk'], { departmentIds: ['registry'] });
    const item = await storedItem(w as unknown as ExchangeWorld, { tenantId: TENANT });
    await w.objects.put({
      bucket: 'attachments',
      key: item.evidence.key,
      body: new TextEncoder().encode('envelope'),
      contentType: 'application/json',
    });
    const { documentId } = await registerReceived(w, clerk, item.id, { version: 1 });

    const out = await exportEvidence(w, clerk, documentId);

    expect(out).toMatchObject({ side: 'recipient', envelope: { intact: false }, receipt: { intact: true } });
    await expect(
      exportEvidence(w, actor('clerk', ['clerk'], { tenantId: 'other' }), documentId),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
