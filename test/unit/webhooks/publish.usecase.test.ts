import { describe, expect, it } from 'vitest';
import { webhookEvent } from '../../../functions/modules/webhooks/domain/events';
import { deliveryId, type WebhookDelivery } from '../../../functions/modules/webhooks/domain/subscription';
import { DELIVERY_MACHINE, publishEvent } from '../../../functions/modules/webhooks/usecases/publish.usecase';
import { TENANT } from '../../support/builders';
import { webhookWorld } from './world';

const registered = (documentId: string) =>
  webhookEvent(
    'document.registered',
    TENANT,
    '2026-03-02T06:00:00.000Z',
    { documentId, registrationNumber: 'Ə-1/26', registeredAt: '2026-03-02T06:00:00.000Z' },
    [documentId, 'Ə-1/26'],
  );

describe('publishing a webhook event', () => {
  it('gives the same fact the same event id, and another fact another', () => {
    expect(registered('d1').id).toBe(registered('d1').id);
    expect(registered('d1').id).not.toBe(registered('d2').id);
    expect(registered('d1').id).toMatch(/^evt_[0-9a-f]{32}$/);
  });

  it('starts one delivery per active subscription that wants the event, once however often it is told', async () => {
    const { deps, subscribe } = webhookWorld();
    const wants = await subscribe(['document.registered', 'resolution.written']);
    await subscribe(['resolution.written']);
    await subscribe(['document.registered'], false);
    const event = registered('d1');
    expect(await publishEvent(deps, event)).toEqual({ deliveries: 1 });
    expect(await publishEvent(deps, event)).toEqual({ deliveries: 1 });
    expect(deps.workflow.started).toEqual([
      {
        machine: DELIVERY_MACHINE,
        name: `${wants.subscription.id}_${event.id}`,
        input: { tenantId: TENANT, deliveryId: deliveryId(wants.subscription.id, event.id) },
      },
    ]);
    const stored = await deps.store.get<WebhookDelivery>(
      'webhook-delivery',
      TENANT,
      deliveryId(wants.subscription.id, event.id),
    );
    expect(stored!.state).toBe('pending');
    expect(JSON.parse(stored!.body)).toEqual({
      id: event.id,
      type: 'document.registered',
      timestamp: event.timestamp,
      data: event.data,
    });
  });

  it('names executions within Step Functions’ limits', async () => {
    const { deps, subscribe } = webhookWorld();
    await subscribe(['document.registered']);
    await publishEvent(deps, registered('d9'));
    const [started] = deps.workflow.started;
    expect(started!.name.length).toBeLessThanOrEqual(80);
    expect(started!.name).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
