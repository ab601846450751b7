import { signedHeaders } from '../signature';
import {
  DELIVERY,
  deliveryPlacement,
  MAX_KEPT_ATTEMPTS,
  SUBSCRIPTION,
  type DeliveryAttempt,
  type WebhookDelivery,
  type WebhookSubscription,
} from '../domain/subscription';
import type { WebhookDeliverDeps, WebhookDeps } from '../ports';

/**
 * A failed attempt, by name: the delivery machine retries it with exponential backoff and jitter
 * (its Retry matches this name), and after the last one records the delivery as failed.
 */
export class WebhookAttemptFailed extends Error {
  override readonly name = 'WebhookAttemptFailed';
}

export type AttemptOutcome =
  { outcome: 'delivered'; status: number } | { outcome: 'skipped'; reason: 'gone' | 'inactive' | 'done' };

async function record(
  deps: WebhookDeps,
  delivery: WebhookDelivery,
  change: Partial<Pick<WebhookDelivery, 'state'>> & { attempt?: DeliveryAttempt },
): Promise<void> {
  const attempts = change.attempt
    ? [...delivery.attempts, change.attempt].slice(-MAX_KEPT_ATTEMPTS)
    : delivery.attempts;
  const next: WebhookDelivery = {
    ...delivery,
    attempts,
    state: change.state ?? delivery.state,
    updatedAt: deps.clock.now().toISOString(),
  };
  await deps.store.update(DELIVERY, next, delivery.version, {
    actorId: 'system',
    ...deliveryPlacement(next),
  });
}

/**
 * One attempt of a delivery (the machine's task): the body signed with the subscription's secret
 * as of now, POSTed with a timeout; the attempt (status or error, duration, time) recorded on the
 * delivery. A 2xx answer delivers it; anything else throws WebhookAttemptFailed for the machine's
 * retry. A subscription deleted or switched off meanwhile ends the delivery without a request.
 */
export async function attemptDelivery(
  deps: WebhookDeliverDeps,
  input: { tenantId: string; deliveryId: string },
): Promise<AttemptOutcome> {
  const delivery = await deps.store.get<WebhookDelivery>(DELIVERY, input.tenantId, input.deliveryId);
  if (!delivery) return { outcome: 'skipped', reason: 'gone' };
  if (delivery.state !== 'pending') return { outcome: 'skipped', reason: 'done' };
  const subscription = await deps.store.get<WebhookSubscription>(
    SUBSCRIPTION,
    input.tenantId,
    delivery.subscriptionId,
  );
  if (!subscription || subscription.deleted || !subscription.secret) {
    await record(deps, delivery, { state: 'failed' });
    return { outcome: 'skipped', reason: 'gone' };
  }
  if (!subscription.active) {
    await record(deps, delivery, { state: 'failed' });
    return { outcome: 'skipped', reason: 'inactive' };
  }
  const at = deps.clock.now();
  const headers = signedHeaders(subscription.secret, delivery.eventId, at, delivery.body);
  const result = await deps.transport.post({
    url: subscription.url,
    headers: { ...headers },
    body: delivery.body,
  });
  const ok = result.status !== undefined && result.status >= 200 && result.status < 300;
  const attempt: DeliveryAttempt = {
    at: at.toISOString(),
    durationMs: result.durationMs,
    ...(result.status !== undefined ? { status: result.status } : {}),
    ...(result.error ? { error: result.error } : {}),
  };
  await record(deps, delivery, { attempt, ...(ok ? { state: 'delivered' as const } : {}) });
  if (!ok)
    throw new WebhookAttemptFailed(
      result.status !== undefined ? `Receiver answered ${result.status}` : `Delivery failed: ${result.error}`,
    );
  return { outcome: 'delivered', status: result.status! };
}

/** After the machine's last retry: the delivery is recorded as failed (idempotent). */
export async function giveUpDelivery(
  deps: WebhookDeps,
  input: { tenantId: string; deliveryId: string },
): Promise<{ state: 'failed' | 'delivered' | 'gone' }> {
  const delivery = await deps.store.get<WebhookDelivery>(DELIVERY, input.tenantId, input.deliveryId);
  if (!delivery) return { state: 'gone' };
  if (delivery.state !== 'pending') return { state: delivery.state };
  await record(deps, delivery, { state: 'failed' });
  return { state: 'failed' };
}
