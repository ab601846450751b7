import { allPages } from '../../../platform/kernel/aggregate';
import { ConflictError } from '../../../platform/kernel/errors';
import { eventBody, type WebhookEvent } from '../domain/events';
import {
  DELIVERY,
  deliveryExecutionName,
  deliveryId,
  deliveryPlacement,
  SUBSCRIPTION,
  type WebhookDelivery,
  type WebhookSubscription,
} from '../domain/subscription';
import type { WebhookFanOutDeps } from '../ports';

/** The state machine that delivers one event to one subscription (statemachines/webhook-delivery.asl.json). */
export const DELIVERY_MACHINE = 'webhook-delivery';

/**
 * Fans one event out to the agency's active subscriptions that want it: for each, the delivery
 * record (its id follows from the subscription and the event) and the delivery machine's execution
 * (named by the subscription and the event). Both are idempotent, so a replayed stream record or a
 * retried task delivers nothing twice. Returns the deliveries started (or found started).
 */
export async function publishEvent(
  deps: WebhookFanOutDeps,
  event: WebhookEvent,
): Promise<{ deliveries: number }> {
  const subscriptions = await allPages((page) =>
    deps.store.list<WebhookSubscription>(SUBSCRIPTION, event.tenantId, { ...page, parentKey: 'live' }),
  );
  const wanted = subscriptions.filter((s) => s.active && !s.deleted && s.events.includes(event.type));
  for (const subscription of wanted) {
    const id = deliveryId(subscription.id, event.id);
    const existing = await deps.store.get<WebhookDelivery>(DELIVERY, event.tenantId, id);
    if (!existing) {
      const now = deps.clock.now().toISOString();
      const delivery: WebhookDelivery = {
        id,
        tenantId: event.tenantId,
        version: 1,
        createdAt: now,
        updatedAt: now,
        subscriptionId: subscription.id,
        eventId: event.id,
        eventType: event.type,
        body: eventBody(event),
        state: 'pending',
        attempts: [],
      };
      try {
        await deps.store.create(DELIVERY, delivery, {
          actorId: 'system',
          ...deliveryPlacement(delivery),
          claim: [{ scope: 'webhook-delivery', value: id }],
        });
      } catch (error) {
        // Another consumer of the same record created it first: the same delivery.
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    await deps.workflow.start({
      machine: DELIVERY_MACHINE,
      name: deliveryExecutionName(subscription.id, event.id),
      input: { tenantId: event.tenantId, deliveryId: id },
    });
  }
  return { deliveries: wanted.length };
}
