import type { Actor, Page } from '../../../platform/kernel/aggregate';
import { DELIVERY, type WebhookDelivery } from '../domain/subscription';
import type { WebhookDeps } from '../ports';
import { liveSubscription } from './subscriptions.usecase';

/**
 * A subscription's deliveries, newest first, each with its attempts (a query on the subscription's
 * key, a page at a time). The body is left out: the event type and id say what was sent.
 */
export async function listDeliveries(
  deps: WebhookDeps,
  actor: Actor,
  subscriptionId: string,
  query: { limit: number; cursor?: string },
): Promise<Page<Omit<WebhookDelivery, 'body' | 'tenantId'>>> {
  await liveSubscription(deps, actor.tenantId, subscriptionId);
  const page = await deps.store.list<WebhookDelivery>(DELIVERY, actor.tenantId, {
    limit: query.limit,
    parentKey: subscriptionId,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return {
    items: page.items.map(({ body: _body, tenantId: _tenant, ...rest }) => rest),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}
