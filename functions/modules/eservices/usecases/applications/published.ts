/**
 * What the public application API reads of a service: the newest published version's definition
 * (new applications are made under it), the version an application was submitted under, the file
 * fields of a form and the codes of the reference lists its choices name.
 */
import { allPages } from '../../../../platform/kernel/aggregate';
import { NotFoundError } from '../../../../platform/kernel/errors';
import { type ReferenceItem, type ReferenceListName } from '../../../reference';
import type { FileField, FormField, ServiceDefinition } from '../../domain/definition';
import type { EServiceDeps } from '../../ports';
import {
  codeClaim,
  ESERVICE,
  ESERVICE_VERSION,
  versionId,
  type EService,
  type EServiceVersionRecord,
} from '../records';

export interface PublishedService {
  service: EService;
  version: number;
  definition: ServiceDefinition;
}

/** The same 404 as the catalogue's: nothing tells an unknown agency from an unknown service. */
export const serviceNotFound = () => new NotFoundError('e-service not found');

/** The newest published version of an agency's service (an unknown agency has no services). */
export async function publishedService(
  deps: EServiceDeps,
  agency: string,
  code: string,
): Promise<PublishedService> {
  const id = await deps.store.findByUnique(agency, codeClaim(code));
  const service = id ? await deps.store.get<EService>(ESERVICE, agency, id) : undefined;
  if (!service?.published) throw serviceNotFound();
  const record = await deps.store.get<EServiceVersionRecord>(
    ESERVICE_VERSION,
    agency,
    versionId(service.id, service.published.version),
  );
  if (record?.entry.state !== 'published') throw serviceNotFound();
  return { service, version: record.entry.version, definition: record.entry.definition };
}

/** The definition of the version an application was submitted under. */
export async function definitionOf(
  deps: EServiceDeps,
  tenantId: string,
  serviceId: string,
  version: number,
): Promise<ServiceDefinition | undefined> {
  const record = await deps.store.get<EServiceVersionRecord>(
    ESERVICE_VERSION,
    tenantId,
    versionId(serviceId, version),
  );
  return record?.entry.definition;
}

/** Every field of the form, list rows' fields included. */
function* allFields(def: ServiceDefinition): Generator<FormField> {
  for (const field of [...def.form.common, ...def.form.applicant]) {
    yield field;
    if (field.type === 'list') yield* field.fields;
  }
}

/** The file field with this code, wherever it is in the form. */
export function fileField(def: ServiceDefinition, code: string): FileField | undefined {
  for (const field of allFields(def)) if (field.type === 'file' && field.code === code) return field;
  return undefined;
}

/**
 * The reference lists a public form may offer: their items are shown to anyone on the catalogue.
 * The agency's internal lists (journals and their rules, the nomenclature of cases, counterparts)
 * are not choices for citizens and never leave through the public API.
 */
export const publicReferenceLists: readonly ReferenceListName[] = [
  'regions',
  'classifications',
  'document-types',
  'delivery-forms',
  'physical-forms',
];

const isPublicReferenceList = (list: string): list is ReferenceListName =>
  (publicReferenceLists as readonly string[]).includes(list);

/** The agency's items of every reference list a choice of the form names (none for a list that is not one of the public lists). */
export async function referenceListItems(
  deps: EServiceDeps,
  tenantId: string,
  def: ServiceDefinition,
): Promise<Record<string, ReferenceItem[]>> {
  const lists = new Set<string>();
  for (const field of allFields(def))
    if (field.type === 'choice' && field.source.kind === 'reference-list') lists.add(field.source.list);
  const items: Record<string, ReferenceItem[]> = {};
  for (const list of lists)
    items[list] = isPublicReferenceList(list)
      ? await allPages((page) => deps.store.list<ReferenceItem>(`ref:${list}`, tenantId, page))
      : [];
  return items;
}

/**
 * The codes of every reference list a choice of the form names: the agency's active items, by
 * their code (or id when an item has none). A list that is not public has no codes.
 */
export async function referenceListCodes(
  deps: EServiceDeps,
  tenantId: string,
  def: ServiceDefinition,
): Promise<Record<string, string[]>> {
  const codes: Record<string, string[]> = {};
  for (const [list, items] of Object.entries(await referenceListItems(deps, tenantId, def)))
    codes[list] = items.filter((i) => i.active).map((i) => i.code ?? i.id);
  return codes;
}
