import { describe, expect, it } from 'vitest';
import { PLATFORM_PARTITION } from '../../../functions/modules/onboarding';
import { edmsDeliveries } from '../../../functions/modules/documents/usecases/edms';
import { documentRecord, meta } from '../../support/builders';
import { documentsWorld } from './world';

describe('deliveries of an edms dispatch', () => {
  it('makes one delivery per recipient that is an agency on the platform (by the counterpart’s VÖEN)', async () => {
    const deps = documentsWorld();
    await deps.store.create('tenant-registration', meta('xezer', PLATFORM_PARTITION), {
      actorId: 'system',
      sortKey: 'xezer',
      claim: [{ scope: 'voen', value: '1400057421' }],
    });
    const doc = documentRecord('o', {
      kind: 'outgoing',
      outgoing: {
        signatoryId: 'head',
        recipients: [{ counterpartId: 'org-1', name: 'Xəzər' }],
        dispatches: [],
      },
    });

    const deliveries = await edmsDeliveries(deps, doc, 'dispatch-1');

    expect(deliveries).toEqual([
      expect.objectContaining({
        recipientTenantId: 'xezer',
        recipientIndex: 0,
        state: 'sending',
        dispatchId: 'dispatch-1',
      }),
    ]);
    expect(deliveries[0]).not.toHaveProperty('receiptDueAt');
  });

  it('refuses (422) naming each recipient that is not on the platform', async () => {
    const deps = documentsWorld();
    const doc = documentRecord('o', {
      kind: 'outgoing',
      outgoing: {
        signatoryId: 'head',
        recipients: [{ counterpartId: 'org-1', name: 'Xəzər' }, { name: 'Sərbəst alıcı' }],
        dispatches: [],
      },
    });
    await expect(edmsDeliveries(deps, doc, 'd')).rejects.toMatchObject({
      code: 'recipient_not_on_platform',
      issues: [
        { path: 'recipients.0', code: 'recipient_not_on_platform' },
        { path: 'recipients.1', code: 'recipient_not_on_platform' },
      ],
    });
  });
});
