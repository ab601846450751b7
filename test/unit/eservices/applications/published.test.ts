import { describe, expect, it } from 'vitest';
import type { ServiceDefinition } from '../../../../functions/modules/eservices/domain/definition';
import {
  definitionOf,
  fileField,
  publishedService,
  referenceListCodes,
} from '../../../../functions/modules/eservices/usecases/applications/published';
import {
  createService,
  publishService,
  startNextDraft,
} from '../../../../functions/modules/eservices/usecases/services.usecase';
import { OTHER_TENANT, referenceItem, TENANT } from '../../../support/builders';
import { definitionWith, evisa, tri } from '../builders';
import { admin, agency } from './setup';

/** The e-visa with another name (a new version's definition). */
const renamed = (): ServiceDefinition => ({ ...evisa(), name: tri('Electronic visa, 2nd edition') });

describe('the published version of a service', () => {
  it('is the newest published one: a draft after it changes nothing until it is published', async () => {
    const deps = await agency();
    const first = await publishedService(deps, TENANT, 'e-visa');
    expect(first).toMatchObject({ service: { code: 'e-visa' }, version: 1 });
    expect(first.definition.name.en).toBe('Electronic visa');

    await startNextDraft(deps, admin, 'e-visa', { version: first.service.version, definition: renamed() });
    const drafted = await publishedService(deps, TENANT, 'e-visa');
    expect(drafted).toMatchObject({ version: 1, service: { draftVersion: 2 } });

    await publishService(deps, admin, 'e-visa', { version: drafted.service.version });
    const second = await publishedService(deps, TENANT, 'e-visa');
    expect(second.version).toBe(2);
    expect(second.definition.name.en).toBe('Electronic visa, 2nd edition');
  });

  it('gives the same 404 for an unknown agency, an unknown service and one never published', async () => {
    const deps = await agency();
    await createService(deps, admin, { ...evisa(), code: 'e-visa-draft' });
    for (const [agencyId, code] of [
      [OTHER_TENANT, 'e-visa'],
      [TENANT, 'nothing'],
      [TENANT, 'e-visa-draft'],
    ] as const)
      await expect(publishedService(deps, agencyId, code)).rejects.toMatchObject({
        code: 'not_found',
        message: 'e-service not found',
      });
  });

  it('keeps the definition each version was published with', async () => {
    const deps = await agency();
    const first = await publishedService(deps, TENANT, 'e-visa');
    await startNextDraft(deps, admin, 'e-visa', { version: first.service.version, definition: renamed() });
    expect((await definitionOf(deps, TENANT, first.service.id, 1))!.name.en).toBe('Electronic visa');
    expect((await definitionOf(deps, TENANT, first.service.id, 2))!.name.en).toBe(
      'Electronic visa, 2nd edition',
    );
    expect(await definitionOf(deps, TENANT, first.service.id, 3)).toBeUndefined();
    expect(await definitionOf(deps, OTHER_TENANT, first.service.id, 1)).toBeUndefined();
  });
});

const form = definitionWith([
  {
    code: 'region',
    type: 'choice',
    required: true,
    label: tri('Region'),
    source: { kind: 'reference-list', list: 'regions' },
  },
  {
    code: 'household',
    type: 'list',
    required: false,
    maxItems: 3,
    label: tri('Household'),
    fields: [
      { code: 'name', type: 'text', required: true, maxLength: 50, label: tri('Name') },
      {
        code: 'proof',
        type: 'file',
        required: false,
        mediaTypes: ['application/pdf'],
        maxBytes: 1024 * 1024,
        maxCount: 2,
        label: tri('Proof'),
      },
      {
        code: 'tribe',
        type: 'choice',
        required: false,
        label: tri('Tribe'),
        source: { kind: 'reference-list', list: 'tribes' },
      },
    ],
  },
]);

describe('a form as the public API reads it', () => {
  it('finds a file field in list rows too, and only a file field', () => {
    expect(fileField(form, 'proof')).toMatchObject({ code: 'proof', type: 'file', maxCount: 2 });
    expect(fileField(form, 'name')).toBeUndefined();
    expect(fileField(form, 'region')).toBeUndefined();
    expect(fileField(evisa(), 'passportScan')).toMatchObject({ code: 'passportScan', maxCount: 1 });
  });

  it('gives the codes of the agency’s active items of every reference list the choices name', async () => {
    const deps = await agency();
    const region = (id: string, code: string | undefined, active = true, tenantId = TENANT) =>
      referenceItem(
        id,
        { list: 'regions', kind: 'city', name: tri(id), ...(code ? { code } : {}), active },
        tenantId,
      );
    deps.store.seed('ref:regions', region('r1', 'baku'));
    deps.store.seed('ref:regions', region('r2', undefined));
    deps.store.seed('ref:regions', region('r3', 'ganja', false));
    deps.store.seed('ref:regions', region('r4', 'shaki', true, OTHER_TENANT));
    const codes = await referenceListCodes(deps, TENANT, form);
    expect(Object.keys(codes).sort()).toEqual(['regions', 'tribes']);
    expect(codes.regions!.sort()).toEqual(['baku', 'r2']);
    expect(codes.tribes).toEqual([]);
    expect(await referenceListCodes(deps, TENANT, evisa())).toEqual({});
  });
});
