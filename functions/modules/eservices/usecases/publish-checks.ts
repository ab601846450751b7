/**
 * What a definition names in its agency must be there when a version is published: a published
 * version is what citizens apply for, and an application whose route template, journal or
 * reference list is missing (or is one of the agency's internal lists) would be accepted and paid, then stop in review. A draft may name
 * things not made yet; publishing checks them all at once and answers every missing one on its
 * path (`unknown_reference`), changing nothing.
 */
import type { AggregateMeta } from '../../../platform/kernel/aggregate';
import { isActive } from '../../../platform/kernel/aggregates';
import { BusinessRuleError, type FieldIssue } from '../../../platform/kernel/errors';
import type { ApprovalRouteTemplateData } from '../../documents';
import type { ServiceDefinition } from '../domain/definition';
import type { EServiceDeps } from '../ports';
import { publicReferenceLists } from './applications/published';

type Named = AggregateMeta & { active?: boolean };
type JournalItem = Named & { documentKind?: string };

/** An application is registered as an incoming document: what it names must fit that kind. */
const KIND = 'incoming';

const missing = (path: string): FieldIssue => ({ path, code: 'unknown_reference' });

/** Every reference of the definition that its agency does not have (active, for incoming documents). */
export async function publishIssues(
  deps: EServiceDeps,
  tenantId: string,
  def: ServiceDefinition,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const template = await deps.store.get<AggregateMeta & ApprovalRouteTemplateData>(
    'route-template',
    tenantId,
    def.route.templateId,
  );
  if (!template || !template.kinds.includes(KIND)) issues.push(missing('definition.route.templateId'));
  const reg = def.registration;
  if (reg?.classificationId) {
    const item = await deps.store.get<Named>('ref:classifications', tenantId, reg.classificationId);
    if (!item || !isActive(item)) issues.push(missing('definition.registration.classificationId'));
  }
  if (reg?.documentTypeId) {
    const item = await deps.store.get<Named>('ref:document-types', tenantId, reg.documentTypeId);
    if (!item || !isActive(item)) issues.push(missing('definition.registration.documentTypeId'));
  }
  if (reg?.journalId) {
    const item = await deps.store.get<JournalItem>('ref:journals', tenantId, reg.journalId);
    if (!item || !isActive(item) || (item.documentKind !== KIND && item.documentKind !== 'any'))
      issues.push(missing('definition.registration.journalId'));
  }
  for (const part of ['common', 'applicant'] as const)
    def.form[part].forEach((field, i) => {
      if (field.type !== 'choice' || field.source.kind !== 'reference-list') return;
      if (!(publicReferenceLists as readonly string[]).includes(field.source.list))
        issues.push(missing(`definition.form.${part}.${i}.source.list`));
    });
  return issues;
}

/** Refuses the publish (422, every issue on its path) when anything the definition names is missing. */
export async function assertPublishable(
  deps: EServiceDeps,
  tenantId: string,
  def: ServiceDefinition,
): Promise<void> {
  const issues = await publishIssues(deps, tenantId, def);
  if (issues.length > 0)
    throw new BusinessRuleError(
      'unknown_reference',
      'The definition names what its agency does not have',
      {},
      issues,
    );
}
