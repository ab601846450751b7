import { describe, expect, it } from 'vitest';
import { socialAssistanceDefinition, type ServiceDefinition } from '../../../functions/modules/eservices';
import {
  assertPublishable,
  publishIssues,
} from '../../../functions/modules/eservices/usecases/publish-checks';
import { journal, referenceItem, TENANT } from '../../support/builders';
import { routeTemplate } from '../../support/execution-deps';
import { memoryDeps } from '../../support/memory-deps';

const base = socialAssistanceDefinition({ routeTemplateId: 'route-aid' });

function withRegistration(def: ServiceDefinition, registration: ServiceDefinition['registration']) {
  return { ...def, registration } as ServiceDefinition;
}

function withListChoice(def: ServiceDefinition, list: string): ServiceDefinition {
  const choice = {
    type: 'choice' as const,
    code: 'district',
    label: { az: 'Rayon', en: 'District', ru: 'Район' },
    required: true,
    source: { kind: 'reference-list' as const, list },
  };
  return { ...def, form: { ...def.form, common: [...def.form.common, choice] } } as ServiceDefinition;
}

function agency() {
  const deps = memoryDeps();
  deps.store.seed('route-template', routeTemplate('route-aid', { kinds: ['incoming'] }));
  deps.store.seed('route-template', routeTemplate('route-orders', { kinds: ['order'] }));
  deps.store.seed('ref:journals', journal('incoming', { documentKind: 'incoming' }));
  deps.store.seed('ref:journals', journal('orders', { documentKind: 'order' }));
  deps.store.seed(
    'ref:classifications',
    referenceItem('cls-aid', { list: 'classifications', name: { az: 'Sosial yardım' }, active: true }),
  );
  deps.store.seed(
    'ref:classifications',
    referenceItem('cls-old', { list: 'classifications', name: { az: 'Köhnə' }, active: false }),
  );
  return deps;
}

describe('what publishing checks a definition names', () => {
  it('passes a definition whose route template, journal and classification the agency has', async () => {
    const deps = agency();
    const def = withRegistration(base, { classificationId: 'cls-aid', journalId: 'incoming' });
    expect(await publishIssues(deps, TENANT, def)).toEqual([]);
    await expect(assertPublishable(deps, TENANT, def)).resolves.toBeUndefined();
  });

  it('names every missing reference on its path at once', async () => {
    const deps = agency();
    const def = withListChoice(
      withRegistration(
        { ...base, route: { templateId: 'route-none' } },
        { classificationId: 'cls-old', documentTypeId: 'type-none', journalId: 'orders' },
      ),
      'no-such-list',
    );
    const paths = (await publishIssues(deps, TENANT, def)).map((i) => [i.path, i.code]);
    expect(paths).toEqual([
      ['definition.route.templateId', 'unknown_reference'],
      ['definition.registration.classificationId', 'unknown_reference'],
      ['definition.registration.documentTypeId', 'unknown_reference'],
      ['definition.registration.journalId', 'unknown_reference'],
      [`definition.form.common.${def.form.common.length - 1}.source.list`, 'unknown_reference'],
    ]);
    await expect(assertPublishable(deps, TENANT, def)).rejects.toMatchObject({
      code: 'unknown_reference',
      issues: expect.arrayContaining([expect.objectContaining({ path: 'definition.route.templateId' })]),
    });
  });

  it('refuses a route template made for other kinds of documents or another agency', async () => {
    const deps = agency();
    const orders = { ...base, route: { templateId: 'route-orders' } };
    expect((await publishIssues(deps, TENANT, orders)).map((i) => i.path)).toEqual([
      'definition.route.templateId',
    ]);
    expect((await publishIssues(deps, 'another-agency', base)).map((i) => i.path)).toEqual([
      'definition.route.templateId',
    ]);
  });

  it('accepts a choice from a public reference list, not from the agency’s internal ones', async () => {
    const deps = agency();
    expect(await publishIssues(deps, TENANT, withListChoice(base, 'regions'))).toEqual([]);
    for (const internal of ['counterparts', 'journals', 'nomenclature', 'journal-rules'])
      expect((await publishIssues(deps, TENANT, withListChoice(base, internal))).map((i) => i.code)).toEqual([
        'unknown_reference',
      ]);
  });
});
