import { describe, expect, it } from 'vitest';
import {
  getReceived,
  listReceived,
  receivedFileLink,
} from '../../../functions/modules/exchange/usecases/queue.usecase';
import { actor } from '../../support/builders';
import { adminB, clerk, exchangeWorld, RECIPIENT, storedItem } from './world';

describe('the queue of received documents', () => {
  it('lists the items of a state only, and hides keys and the delivery key', async () => {
    const world = exchangeWorld();
    await storedItem(world, { id: 'w1' });
    await storedItem(world, { id: 'r1', state: 'refused' });

    const waiting = await listReceived(world, clerk, { state: 'waiting', limit: 50 });
    const refused = await listReceived(world, clerk, { state: 'refused', limit: 50 });

    expect(waiting.items.map((i) => i.id)).toEqual(['w1']);
    expect(refused.items.map((i) => i.id)).toEqual(['r1']);
    expect(JSON.stringify(waiting)).not.toContain('deliveryKey');
    expect(JSON.stringify(waiting)).not.toContain(`${RECIPIENT}/exchange`);
  });

  it('records the first opening by a clerk once; an admin opening records nothing', async () => {
    const world = exchangeWorld();
    await storedItem(world);

    const byAdmin = await getReceived(world, adminB, 'item-1');
    const first = await getReceived(world, clerk, 'item-1');
    world.clock.advance(60_000);
    const second = await getReceived(world, clerk, 'item-1');

    expect(byAdmin.openedAt).toBeUndefined();
    expect(first.openedAt).toBeDefined();
    expect(second.openedAt).toBe(first.openedAt);
    expect(second.version).toBe(first.version);
  });

  it('answers 404 to another agency and 403 to an employee outside the registry office', async () => {
    const world = exchangeWorld();
    await storedItem(world);
    await expect(
      getReceived(world, actor('x', ['clerk'], { tenantId: 'other' }), 'item-1'),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      getReceived(world, actor('e', ['executor'], { tenantId: RECIPIENT }), 'item-1'),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('links to a stored file and answers 404 for a file that is not there', async () => {
    const world = exchangeWorld();
    await storedItem(world);
    const link = await receivedFileLink(world, clerk, 'item-1', 0);
    expect(link.url).toContain('exchange/received');
    await expect(receivedFileLink(world, clerk, 'item-1', 3)).rejects.toMatchObject({ code: 'not_found' });
  });
});
