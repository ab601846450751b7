import { describe, expect, it } from 'vitest';
import { reportBack } from '../../../functions/modules/exchange/usecases/report-back.usecase';
import { delivery, exchangeWorld, RECIPIENT, SENDER, senderDocument, storedItem } from './world';

const deliveryOf = async (world: ReturnType<typeof exchangeWorld>) =>
  (await world.documents.get(SENDER, 'out-1'))!.outgoing!.deliveries![0]!;

describe('reporting back to the sender', () => {
  it('marks a delivery still sending as delivered, with its receipt period, from the item', async () => {
    const world = exchangeWorld();
    await senderDocument(world);
    const item = await storedItem(world);

    await reportBack(world, item);

    const d = await deliveryOf(world);
    expect(d).toMatchObject({ state: 'delivered', deliveredAt: item.receivedAt });
    expect(d.receiptDueAt! > item.receivedAt).toBe(true);
    expect(d.evidence?.sentSha256).toBe(item.files[0]!.sha256);
  });

  it('moves the delivery to received, registered (with the receipt copy) — forward only, logged once', async () => {
    const world = exchangeWorld();
    await senderDocument(world, delivery({ state: 'delivered', deliveredAt: '2026-03-02T06:00:00.000Z' }));
    const notice = new TextEncoder().encode('{"notice":{}}');
    await world.objects.put({
      bucket: 'attachments',
      key: `${RECIPIENT}/exchange/receipts/n.json`,
      body: notice,
      contentType: 'application/json',
    });
    const item = await storedItem(world, { openedAt: '2026-03-02T07:00:00.000Z' });
    await reportBack(world, item);
    expect((await deliveryOf(world)).state).toBe('received');

    const registered = {
      ...item,
      state: 'registered' as const,
      registration: {
        documentId: 'in-1',
        number: 'B-1/26',
        date: '2026-03-02',
        at: '2026-03-02T08:00:00.000Z',
        by: 'c',
      },
      receipt: {
        at: '2026-03-02T08:00:00.000Z',
        key: `${RECIPIENT}/exchange/receipts/n.json`,
        sha256: 'abc',
      },
    };
    await reportBack(world, registered);
    await reportBack(world, registered);
    // A late "opened" record changes nothing any more.
    await reportBack(world, item);

    const d = await deliveryOf(world);
    expect(d).toMatchObject({ state: 'registered', registration: { number: 'B-1/26', date: '2026-03-02' } });
    expect(d.evidence?.receiptKey?.startsWith(`${SENDER}/documents/out-1/receipts/`)).toBe(true);
    const copy = await world.objects.get({ bucket: 'attachments', key: d.evidence!.receiptKey! });
    expect(new TextDecoder().decode(copy)).toBe('{"notice":{}}');
    const ops = await world.documents.operations(SENDER, 'out-1', { limit: 50 });
    expect(ops.items.filter((o) => o.action === 'exchange-registered')).toHaveLength(1);
  });

  it('brings a refusal back with its reason', async () => {
    const world = exchangeWorld();
    await senderDocument(world, delivery({ state: 'delivered' }));
    const item = await storedItem(world, {
      state: 'refused',
      refusal: { reason: 'Aid deyil', at: '2026-03-02T08:00:00.000Z', by: 'c' },
    });
    await reportBack(world, item);
    expect(await deliveryOf(world)).toMatchObject({ state: 'refused', refusal: { reason: 'Aid deyil' } });
  });
});
