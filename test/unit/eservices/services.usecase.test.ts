import { describe, expect, it } from 'vitest';
import { socialAssistanceDefinition, type ServiceDefinition } from '../../../functions/modules/eservices';
import {
  createService,
  getService,
  listServices,
  publishService,
  startNextDraft,
  updateDraft,
} from '../../../functions/modules/eservices/usecases/services.usecase';
import { actor, OTHER_TENANT } from '../../support/builders';
import { routeTemplate } from '../../support/execution-deps';
import { memoryDeps } from '../../support/memory-deps';

const admin = actor('admin', ['admin']);
const otherAdmin = actor('admin', ['admin'], { tenantId: OTHER_TENANT });

/** Memory deps whose agency has the route template the definitions name (publishing checks it). */
function agencyDeps() {
  const deps = memoryDeps();
  deps.store.seed('route-template', routeTemplate('route-1', { kinds: ['incoming'] }));
  return deps;
}

function def(code: string, en = 'Social assistance'): ServiceDefinition {
  const base = socialAssistanceDefinition({ routeTemplateId: 'route-1' });
  return { ...base, code, name: { ...base.name, en } };
}

describe('e-service definitions', () => {
  it('creates a service with draft version 1, its code claimed in the agency only', async () => {
    const deps = agencyDeps();
    const created = await createService(deps, admin, def('aid'));
    expect(created).toMatchObject({ code: 'aid', version: 1, draftVersion: 1, latestVersion: 1 });
    expect(created.versions).toEqual([
      expect.objectContaining({ serviceCode: 'aid', version: 1, state: 'draft' }),
    ]);
    await expect(createService(deps, admin, def('aid'))).rejects.toMatchObject({ code: 'duplicate_value' });
    await expect(createService(deps, otherAdmin, def('aid'))).resolves.toMatchObject({ code: 'aid' });
  });

  it('replays a create under the same idempotency key instead of refusing its own code', async () => {
    const deps = agencyDeps();
    const key = { key: 'k-1', requestHash: 'h' };
    const first = await createService(deps, admin, def('aid'), key);
    const again = await createService(deps, admin, def('aid'), key);
    expect(again.id).toBe(first.id);
    expect((await listServices(deps, admin, { limit: 10 })).items).toHaveLength(1);
  });

  it('edits the draft under the service version and refuses a stale one', async () => {
    const deps = agencyDeps();
    const created = await createService(deps, admin, def('aid'));
    const edited = await updateDraft(deps, admin, 'aid', { version: 1, definition: def('aid', 'Edited') });
    expect(edited.version).toBe(2);
    expect(edited.versions[0]!.definition.name.en).toBe('Edited');
    await expect(
      updateDraft(deps, admin, 'aid', { version: created.version, definition: def('aid', 'Late') }),
    ).rejects.toMatchObject({ code: 'stale_version' });
    await expect(
      updateDraft(deps, admin, 'aid', { version: 2, definition: def('other') }),
    ).rejects.toMatchObject({ code: 'service_code_mismatch' });
    expect((await getService(deps, admin, 'aid')).versions[0]!.definition.name.en).toBe('Edited');
  });

  it('publishes the draft, after which it cannot change; a next draft copies it', async () => {
    const deps = agencyDeps();
    await createService(deps, admin, def('aid'));
    deps.clock.advance(60_000);
    const published = await publishService(deps, admin, 'aid', { version: 1 });
    expect(published.draftVersion).toBeUndefined();
    expect(published.published).toMatchObject({ version: 1, publishedAt: deps.clock.now().toISOString() });
    expect(published.versions[0]).toMatchObject({ state: 'published' });
    await expect(
      updateDraft(deps, admin, 'aid', { version: published.version, definition: def('aid', 'X') }),
    ).rejects.toMatchObject({ code: 'service_no_draft' });
    await expect(publishService(deps, admin, 'aid', { version: published.version })).rejects.toMatchObject({
      code: 'service_no_draft',
    });

    const next = await startNextDraft(deps, admin, 'aid', { version: published.version });
    expect(next).toMatchObject({ draftVersion: 2, latestVersion: 2, published: { version: 1 } });
    expect(next.versions.map((v) => [v.version, v.state])).toEqual([
      [1, 'published'],
      [2, 'draft'],
    ]);
    expect(next.versions[1]!.definition).toEqual(next.versions[0]!.definition);
    await expect(startNextDraft(deps, admin, 'aid', { version: next.version })).rejects.toMatchObject({
      code: 'service_draft_exists',
    });
  });

  it('answers 404 for a code the agency does not have', async () => {
    const deps = agencyDeps();
    await createService(deps, otherAdmin, def('aid'));
    await expect(getService(deps, admin, 'aid')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lists the agency’s services by code a page at a time', async () => {
    const deps = agencyDeps();
    for (const code of ['bb', 'aa', 'cc']) await createService(deps, admin, def(code));
    const first = await listServices(deps, admin, { limit: 2 });
    expect(first.items.map((s) => s.code)).toEqual(['aa', 'bb']);
    const rest = await listServices(deps, admin, { limit: 2, cursor: first.nextCursor! });
    expect(rest.items.map((s) => s.code)).toEqual(['cc']);
  });
});
