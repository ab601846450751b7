import { describe, expect, it } from 'vitest';
import {
  getSmsSettings,
  updateSmsSettings,
} from '../../../functions/modules/notifications/usecases/sms-settings.usecase';
import { actor, tenant } from '../../support/builders';
import { memoryDeps, type MemoryDeps } from '../../support/memory-deps';

/** Parts already counted in March 2026. */
const used = (deps: MemoryDeps, parts: number) =>
  deps.smsBudget.reserve({
    tenantId: 't1',
    month: '2026-03',
    key: 'k',
    parts,
    limit: 500,
    at: '2026-03-02T06:00:00.000Z',
  });

describe("the agency's SMS settings", () => {
  it('are off with 500 parts until set, and show the Baku month’s parts used', async () => {
    // Arrange: 2 March 2026, 06:00 UTC is 10:00 in Baku.
    const deps = memoryDeps();
    deps.store.seed('tenant', tenant());
    await used(deps, 3);

    // Act
    const settings = await getSmsSettings(deps, actor('admin', ['admin']));

    // Assert
    expect(settings).toEqual({ enabled: false, monthlyParts: 500, month: '2026-03', used: 3, version: 1 });
  });

  it('are changed by the admin with the version read; the month’s count stays', async () => {
    // Arrange
    const deps = memoryDeps();
    deps.store.seed('tenant', tenant());
    await used(deps, 2);
    const admin = actor('admin', ['admin']);

    // Act
    const saved = await updateSmsSettings(deps, admin, { enabled: true, monthlyParts: 40, version: 1 });
    const stale = updateSmsSettings(deps, admin, { enabled: false, monthlyParts: 40, version: 1 });

    // Assert
    expect(saved).toEqual({ enabled: true, monthlyParts: 40, month: '2026-03', used: 2, version: 2 });
    await expect(stale).rejects.toMatchObject({ code: 'stale_version' });
    expect(deps.store.all('tenant', 't1')[0]).toMatchObject({ sms: { enabled: true, monthlyParts: 40 } });
  });
});
