import { describe, expect, it } from 'vitest';
import { refuseReceived } from '../../../functions/modules/exchange/usecases/refuse.usecase';
import { adminB, clerk, exchangeWorld, storedItem } from './world';

describe('refusing a received document (§149)', () => {
  it('refuses a waiting item with the reason and lists it under refused', async () => {
    const world = exchangeWorld();
    const item = await storedItem(world);

    const refused = await refuseReceived(world, clerk, item.id, {
      version: item.version,
      reason: 'Aid deyil',
    });

    expect(refused).toMatchObject({
      state: 'refused',
      refusal: { reason: 'Aid deyil', by: clerk.employeeId },
    });
    const listed = await world.store.list('exchange-received', item.tenantId, {
      parentKey: 'refused',
      limit: 10,
    });
    expect(listed.items.map((i) => i.id)).toEqual([item.id]);
  });

  it('refuses nothing twice (409), a stale version (409) or for a non-clerk (403)', async () => {
    const world = exchangeWorld();
    const item = await storedItem(world);
    await expect(refuseReceived(world, clerk, item.id, { version: 9, reason: 'x' })).rejects.toMatchObject({
      code: 'stale_version',
    });
    await expect(refuseReceived(world, adminB, item.id, { version: 1, reason: 'x' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const refused = await refuseReceived(world, clerk, item.id, { version: 1, reason: 'x' });
    await expect(
      refuseReceived(world, clerk, item.id, { version: refused.version, reason: 'y' }),
    ).rejects.toMatchObject({ code: 'received_not_waiting' });
  });
});
