import { describe, expect, it } from 'vitest';
import { webhookEvent } from '../../../functions/modules/webhooks/domain/events';
import { deliveryId } from '../../../functions/modules/webhooks/domain/subscription';
import { attemptDelivery } from '../../../functions/modules/webhooks/usecases/deliver.usecase';
import { listDeliveries } from '../../../functions/modules/webhooks/usecases/deliveries.usecase';
import { publishEvent } from '../../../functions/modules/webhooks/usecases/publish.usecase';
import { actor, TENANT } from '../../support/builders';
import { admin, webhookWorld } from './world';

describe('a subscription’s deliveries', () => {
  it('lists them newest first with their attempts, without the body, for the agency only', async () => {
    const { deps, subscribe } = webhookWorld([{ status: 500, durationMs: 2 }]);
    const sub = await subscribe(['document.received']);
    const events = ['a', 'b'].map((id, i) =>
      webhookEvent(
        'document.received',
        TENANT,
        `2026-03-02T0${6 + i}:00:00.000Z`,
        { receivedId: id, receivedAt: 'x' },
        [id],
      ),
    );
    await publishEvent(deps, events[0]!);
    deps.clock.advance(60_000);
    await publishEvent(deps, events[1]!);
    await attemptDelivery(deps, {
      tenantId: TENANT,
      deliveryId: deliveryId(sub.subscription.id, events[0]!.id),
    }).catch(() => undefined);
    const page = await listDeliveries(deps, admin, sub.subscription.id, { limit: 10 });
    expect(page.items.map((d) => d.eventId)).toEqual([events[1]!.id, events[0]!.id]);
    expect(page.items[1]!.attempts).toEqual([expect.objectContaining({ status: 500 })]);
    expect(page.items[0]).not.toHaveProperty('body');
    const other = actor('admin', ['admin'], { tenantId: 't2' });
    await expect(listDeliveries(deps, other, sub.subscription.id, { limit: 10 })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
