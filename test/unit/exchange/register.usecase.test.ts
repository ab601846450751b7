import { describe, expect, it } from 'vitest';
import { RECEIVED, type ReceivedItem } from '../../../functions/modules/exchange';
import { registerReceived } from '../../../functions/modules/exchange/usecases/register.usecase';
import { actor, TENANT } from '../../support/builders';
import { documentsWorld } from '../documents/world';
import { memorySigner, storedItem, type ExchangeWorld } from './world';

const clerk = actor('clerk', ['clerk'], { departmentIds: ['registry'] });

function world() {
  return { ...documentsWorld(), signer: memorySigner(), intakeDomain: 'intake.example.az' };
}

const item = (w: ReturnType<typeof world>, overrides: Partial<ReceivedItem> = {}) =>
  storedItem(w as unknown as ExchangeWorld, { tenantId: TENANT, ...overrides });

describe('registering a received document', () => {
  it('makes an incoming document with the sender’s number and date, the sender as a counterpart, the file as contents, and a signed receipt notice', async () => {
    const w = world();
    const received = await item(w);

    const out = await registerReceived(w, clerk, received.id, { version: received.version });

    const doc = (await w.documents.get(TENANT, out.documentId))!;
    expect(doc).toMatchObject({ kind: 'incoming', documentNumber: 'X-7/26', documentDate: '2026-03-02' });
    expect(doc.incoming?.sender).toMatchObject({ kind: 'organization', voen: '1900000011' });
    expect(doc.contents).toEqual([expect.objectContaining({ fileName: 'X-7_26.pdf', state: 'stored' })]);
    expect(out.item).toMatchObject({
      state: 'registered',
      registration: { documentId: doc.id, number: doc.registration!.number },
    });
    const stored = (await w.store.get<ReceivedItem>(RECEIVED, TENANT, received.id))!;
    const notice = JSON.parse(
      new TextDecoder().decode(await w.objects.get({ bucket: 'attachments', key: stored.receipt!.key })),
    ) as { notice: { registration: { number: string } }; signature: { value: string } };
    expect(notice.notice.registration.number).toBe(doc.registration!.number);
    expect(notice.signature.value.length).toBeGreaterThan(10);
  });

  it('makes one document when a register is retried after a crash before the item was updated', async () => {
    const w = world();
    const received = await item(w);
    // The crash: the process dies after the document and the notice, before the item's write.
    const update = w.store.update.bind(w.store);
    let crash = true;
    w.store.update = (async (...args: Parameters<typeof update>) => {
      if (crash && args[0] === RECEIVED) {
        crash = false;
        throw new Error('killed');
      }
      return update(...args);
    }) as typeof w.store.update;
    await expect(registerReceived(w, clerk, received.id, { version: 1 })).rejects.toThrow('killed');

    const again = await registerReceived(w, clerk, received.id, { version: 1 });

    const incoming = await w.documents.list(TENANT, {
      kind: 'incoming',
      order: 'asc',
      limit: 50,
      viewer: { employeeId: 'clerk', seesAll: true, actingFor: [], headOf: [] },
    });
    expect(incoming.items.map((d) => d.id)).toEqual([again.documentId]);
    expect(incoming.items[0]!.contents).toHaveLength(1);
  });

  it('refuses an unverified platform item (422) and an item that no longer waits (409)', async () => {
    const w = world();
    const bad = await item(w, {
      id: 'bad',
      verification: { checkedAt: 'x', valid: false, signed: true, problems: ['integrity'], signatures: [] },
    });
    await expect(registerReceived(w, clerk, bad.id, { version: 1 })).rejects.toMatchObject({
      code: 'received_not_verified',
    });
    const gone = await item(w, { id: 'gone', state: 'refused' });
    await expect(registerReceived(w, clerk, gone.id, { version: 1 })).rejects.toMatchObject({
      code: 'received_not_waiting',
    });
  });

  it('mails the receipt notice back for an e-mail item', async () => {
    const w = world();
    const mail = await item(w, {
      id: 'mail',
      source: 'email',
      sender: { organizationName: 'Vətəndaş', email: 'sender@example.az' },
      verification: undefined,
      origin: undefined,
    });
    const out = await registerReceived(w, clerk, mail.id, { version: 1 });
    expect(out.item.receipt?.messageId).toBeDefined();
    expect(w.email.sent.map((m) => m.to)).toEqual([['sender@example.az']]);
  });
});
