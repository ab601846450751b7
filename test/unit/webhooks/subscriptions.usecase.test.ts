import { describe, expect, it } from 'vitest';
import { isPublicLiteral } from '../../../functions/modules/webhooks/outbound/address';
import {
  createSubscription,
  deleteSubscription,
  getSubscription,
  listSubscriptions,
  rotateSecret,
  updateSubscription,
} from '../../../functions/modules/webhooks/usecases/subscriptions.usecase';
import { actor } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

const admin = actor('admin', ['admin']);
const inAws = () => ({ ...memoryDeps(), webhooksAllowPrivate: false });
const embedded = () => ({ ...memoryDeps(), webhooksAllowPrivate: true });

describe('webhook subscriptions', () => {
  it('refuses private, loopback and metadata targets where private targets are not allowed', async () => {
    const deps = inAws();
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'https://127.0.0.1/hook',
      'https://10.0.0.8/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://[::ffff:192.168.1.1]/hook',
      'https://localhost/hook',
    ])
      await expect(
        createSubscription(
          deps,
          admin,
          { url, events: ['document.registered'], active: true },
          isPublicLiteral,
        ),
      ).rejects.toMatchObject({ code: 'webhook_target_refused', issues: [{ path: 'url' }] });
    expect((await listSubscriptions(deps, admin, { limit: 50 })).items).toHaveLength(0);
  });

  it('takes http to 127.0.0.1 where private targets are allowed (the embedded default)', async () => {
    const deps = embedded();
    const { subscription, secret } = await createSubscription(
      deps,
      admin,
      {
        url: 'http://127.0.0.1:8080/hook',
        events: ['document.registered', 'document.registered'],
        active: true,
      },
      isPublicLiteral,
    );
    expect(secret).toMatch(/^whsec_/);
    expect(subscription.events).toEqual(['document.registered']);
    expect(subscription).not.toHaveProperty('secret');
  });

  it('creates with a secret shown once, replays under the same key, updates, rotates and deletes', async () => {
    const deps = inAws();
    const idempotency = { key: 'k1', requestHash: 'h1' };
    const input = {
      url: 'https://hooks.example.az/in',
      events: ['resolution.written' as const],
      active: true,
    };
    const first = await createSubscription(deps, admin, input, isPublicLiteral, idempotency);
    const again = await createSubscription(deps, admin, input, isPublicLiteral, idempotency);
    expect(again).toEqual(first);
    expect(await getSubscription(deps, admin, first.subscription.id)).not.toHaveProperty('secret');

    const off = await updateSubscription(
      deps,
      admin,
      first.subscription.id,
      { version: 1, active: false, description: 'ERP' },
      isPublicLiteral,
    );
    expect(off).toMatchObject({ active: false, description: 'ERP', version: 2 });
    await expect(
      updateSubscription(
        deps,
        admin,
        first.subscription.id,
        { version: 2, url: 'https://10.1.1.1/' },
        isPublicLiteral,
      ),
    ).rejects.toMatchObject({ code: 'webhook_target_refused' });

    const rotated = await rotateSecret(deps, admin, first.subscription.id, 2);
    expect(rotated.secret).not.toBe(first.secret);
    expect(rotated.subscription.secretRotatedAt).toBeDefined();

    await expect(deleteSubscription(deps, admin, first.subscription.id, 2)).rejects.toMatchObject({
      code: 'stale_version',
    });
    await deleteSubscription(deps, admin, first.subscription.id, rotated.subscription.version);
    await expect(getSubscription(deps, admin, first.subscription.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await listSubscriptions(deps, admin, { limit: 50 })).items).toHaveLength(0);
  });

  it('keeps agencies apart', async () => {
    const deps = embedded();
    const { subscription } = await createSubscription(
      deps,
      admin,
      { url: 'http://127.0.0.1/x', events: ['document.received'], active: true },
      isPublicLiteral,
    );
    const other = actor('admin', ['admin'], { tenantId: 't2' });
    await expect(getSubscription(deps, other, subscription.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await listSubscriptions(deps, other, { limit: 50 })).items).toHaveLength(0);
  });
});
