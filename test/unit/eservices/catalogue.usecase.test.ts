import { describe, expect, it } from 'vitest';
import { eVisaDefinition } from '../../../functions/modules/eservices';
import {
  getCatalogueService,
  listCatalogue,
} from '../../../functions/modules/eservices/usecases/catalogue.usecase';
import {
  createService,
  publishService,
  startNextDraft,
  updateDraft,
} from '../../../functions/modules/eservices/usecases/services.usecase';
import { actor, meta, referenceItem, TENANT } from '../../support/builders';
import { routeTemplate } from '../../support/execution-deps';
import { memoryDeps } from '../../support/memory-deps';

const admin = actor('admin', ['admin']);
const visa = (en = 'E-visa') => {
  const base = eVisaDefinition({ routeTemplateId: 'secret-route-id' });
  return { ...base, name: { ...base.name, en } };
};

function withAgency() {
  const deps = memoryDeps();
  deps.store.seed('tenant', meta(TENANT));
  deps.store.seed('route-template', routeTemplate('secret-route-id', { kinds: ['incoming'] }));
  return deps;
}

describe('the public catalogue', () => {
  it('shows the newest published version, not a later draft, and nothing internal', async () => {
    const deps = withAgency();
    await createService(deps, admin, visa('First'));
    const p = await publishService(deps, admin, 'e-visa', { version: 1 });
    const d = await startNextDraft(deps, admin, 'e-visa', { version: p.version });
    await updateDraft(deps, admin, 'e-visa', { version: d.version, definition: visa('Draft') });

    const shown = await getCatalogueService(deps, TENANT, 'e-visa');
    expect(shown).toMatchObject({ agency: TENANT, code: 'e-visa', version: 1, name: { en: 'First' } });
    expect(shown.variants.map((v) => v.code)).toEqual(['standard', 'urgent']);
    expect(shown.lookupField).toBe('passportNumber');
    expect(JSON.stringify(shown)).not.toContain('secret-route-id');
    expect((await listCatalogue(deps, TENANT, { limit: 10 })).items).toEqual([
      expect.objectContaining({ code: 'e-visa', version: 1, name: expect.objectContaining({ en: 'First' }) }),
    ]);
  });

  it('gives the same 404 for an unknown agency, an unknown service and an unpublished one', async () => {
    const deps = withAgency();
    await createService(deps, admin, visa());
    for (const [agency, code] of [
      [TENANT, 'e-visa'],
      [TENANT, 'nothing'],
      ['nobody', 'e-visa'],
    ] as const)
      await expect(getCatalogueService(deps, agency, code)).rejects.toMatchObject({ code: 'not_found' });
    await expect(listCatalogue(deps, 'nobody', { limit: 10 })).rejects.toMatchObject({ code: 'not_found' });
    expect((await listCatalogue(deps, TENANT, { limit: 10 })).items).toEqual([]);
  });

  it('offers the active items of a reference list a choice names, by the codes the submit accepts', async () => {
    const deps = withAgency();
    const region = (id: string, az: string, active = true, code?: string) =>
      referenceItem(id, {
        list: 'regions',
        name: { az, en: `${az} (en)` },
        active,
        ...(code ? { code } : {}),
      });
    deps.store.seed('ref:regions', region('r-1', 'Şəki', true, 'SHK'));
    deps.store.seed('ref:regions', region('r-2', 'Bakı'));
    deps.store.seed('ref:regions', region('r-3', 'Qusar', false));
    const base = visa();
    const district = {
      type: 'choice' as const,
      code: 'district',
      label: { az: 'Rayon', en: 'District', ru: 'Район' },
      required: true,
      source: { kind: 'reference-list' as const, list: 'regions' },
    };
    await createService(deps, admin, {
      ...base,
      form: { ...base.form, common: [...base.form.common, district] },
    });
    await publishService(deps, admin, 'e-visa', { version: 1 });

    const shown = await getCatalogueService(deps, TENANT, 'e-visa');
    expect(shown.referenceOptions).toEqual({
      regions: [
        { code: 'r-2', label: { az: 'Bakı', en: 'Bakı (en)', ru: 'Bakı' } },
        { code: 'SHK', label: { az: 'Şəki', en: 'Şəki (en)', ru: 'Şəki' } },
      ],
    });
  });

  it('offers no reference options when the form names none', async () => {
    const deps = withAgency();
    await createService(deps, admin, visa());
    await publishService(deps, admin, 'e-visa', { version: 1 });
    expect((await getCatalogueService(deps, TENANT, 'e-visa')).referenceOptions).toEqual({});
  });
});
