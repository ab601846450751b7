import { describe, expect, it } from 'vitest';
import { webhookEvent } from '../../../functions/modules/webhooks/domain/events';
import { verifyWebhook } from '../../../functions/modules/webhooks/signature';
import { deliveryId, type WebhookDelivery } from '../../../functions/modules/webhooks/domain/subscription';
import {
  attemptDelivery,
  giveUpDelivery,
  WebhookAttemptFailed,
} from '../../../functions/modules/webhooks/usecases/deliver.usecase';
import { publishEvent } from '../../../functions/modules/webhooks/usecases/publish.usecase';
import { deleteSubscription } from '../../../functions/modules/webhooks/usecases/subscriptions.usecase';
import { TENANT } from '../../support/builders';
import { admin, webhookWorld } from './world';

const event = webhookEvent(
  'resolution.written',
  TENANT,
  '2026-03-02T06:00:00.000Z',
  { documentId: 'd1', resolutionId: 'r1' },
  ['r1'],
);

async function pending(answers: Parameters<typeof webhookWorld>[0] = []) {
  const world = webhookWorld(answers);
  const sub = await world.subscribe(['resolution.written']);
  await publishEvent(world.deps, event);
  const ref = { tenantId: TENANT, deliveryId: deliveryId(sub.subscription.id, event.id) };
  const stored = () => world.deps.store.get<WebhookDelivery>('webhook-delivery', TENANT, ref.deliveryId);
  return { ...world, sub, ref, stored };
}

describe('a webhook delivery attempt', () => {
  it('POSTs the body signed with the subscription secret and records the attempt', async () => {
    const { deps, transport, sub, ref, stored } = await pending([{ status: 204, durationMs: 12 }]);
    expect(await attemptDelivery(deps, ref)).toEqual({ outcome: 'delivered', status: 204 });
    const [sent] = transport.sent;
    expect(sent!.url).toBe('http://127.0.0.1:9/hook');
    expect(sent!.headers['webhook-id']).toBe(event.id);
    expect(
      verifyWebhook({ secret: sub.secret, headers: sent!.headers, body: sent!.body, now: deps.clock.now() }),
    ).toEqual({ ok: true, id: event.id });
    expect((await stored())!).toMatchObject({
      state: 'delivered',
      attempts: [{ status: 204, durationMs: 12, at: deps.clock.now().toISOString() }],
    });
    // A repeated task after success sends nothing.
    expect(await attemptDelivery(deps, ref)).toEqual({ outcome: 'skipped', reason: 'done' });
    expect(transport.sent).toHaveLength(1);
  });

  it('fails by name for the machine’s retry on a non-2xx answer or an error, each attempt kept', async () => {
    const { deps, ref, stored } = await pending([
      { status: 500, durationMs: 3 },
      { error: 'timeout', durationMs: 10_000 },
      { status: 200, durationMs: 4 },
    ]);
    await expect(attemptDelivery(deps, ref)).rejects.toBeInstanceOf(WebhookAttemptFailed);
    await expect(attemptDelivery(deps, ref)).rejects.toMatchObject({ name: 'WebhookAttemptFailed' });
    expect(await attemptDelivery(deps, ref)).toMatchObject({ outcome: 'delivered' });
    expect((await stored())!.attempts.map((a) => a.status ?? a.error)).toEqual([500, 'timeout', 200]);
  });

  it('after the last retry records the delivery as failed', async () => {
    const { deps, ref, stored } = await pending([{ status: 503, durationMs: 3 }]);
    await expect(attemptDelivery(deps, ref)).rejects.toBeInstanceOf(WebhookAttemptFailed);
    expect(await giveUpDelivery(deps, ref)).toEqual({ state: 'failed' });
    expect(await giveUpDelivery(deps, ref)).toEqual({ state: 'failed' });
    expect((await stored())!.state).toBe('failed');
  });

  it('sends nothing once the subscription is deleted', async () => {
    const { deps, transport, sub, ref, stored } = await pending();
    await deleteSubscription(deps, admin, sub.subscription.id, sub.subscription.version);
    expect(await attemptDelivery(deps, ref)).toEqual({ outcome: 'skipped', reason: 'gone' });
    expect(transport.sent).toHaveLength(0);
    expect((await stored())!.state).toBe('failed');
  });
});
