import { describe, expect, it } from 'vitest';
import { PLATFORM_PARTITION } from '../../../functions/modules/onboarding';
import {
  getReferenceItem,
  listReferenceItems,
} from '../../../functions/modules/reference/usecases/reference.usecase';
import { actor, meta, referenceItem, TENANT } from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

describe('counterparts on the platform', () => {
  it('says which counterparts are agencies on the platform, by their VÖEN in the register', async () => {
    const deps = memoryDeps();
    await deps.store.create('tenant-registration', meta('demo2', PLATFORM_PARTITION), {
      actorId: 'system',
      sortKey: 'demo2',
      claim: [{ scope: 'voen', value: '1900000021' }],
    });
    const counterpart = (id: string, voen?: string) =>
      deps.store.seed(
        'ref:counterparts',
        referenceItem(id, {
          list: 'counterparts',
          name: { az: id },
          kind: 'organization',
          active: true,
          ...(voen ? { voen } : {}),
        }),
      );
    counterpart('on', '1900000021');
    counterpart('off', '1400057421');
    counterpart('none');
    const clerk = actor('clerk', ['clerk']);

    const page = await listReferenceItems(deps, clerk, 'counterparts', { limit: 50 });
    const one = await getReferenceItem(deps, clerk, 'counterparts', 'on');

    expect(
      Object.fromEntries(page.items.map((i) => [i.id, (i as { onPlatform?: boolean }).onPlatform])),
    ).toEqual({
      on: true,
      off: false,
      none: false,
    });
    expect(one).toMatchObject({ onPlatform: true, tenantId: TENANT });
  });
});
