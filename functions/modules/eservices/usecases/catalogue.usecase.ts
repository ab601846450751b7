/**
 * The public catalogue: what an agency offers citizens, without a login. Only the newest published
 * version of each service is shown, and only what an applicant needs (names, descriptions, the
 * form, variants with fees and service levels, group size); drafts, the route that decides, the
 * result template and the store's ids never leave here. An agency that does not exist, a service
 * that does not exist and a service not published yet all get the same 404.
 */
import type { Page } from '../../../platform/kernel/aggregate';
import { NotFoundError } from '../../../platform/kernel/errors';
import type { FormField, ServiceDefinition, Variant } from '../domain/definition';
import { referenceListItems } from './applications/published';
import type { Trilingual } from '../domain/messages';
import type { EServiceDeps } from '../ports';
import {
  codeClaim,
  ESERVICE,
  ESERVICE_VERSION,
  PUBLISHED,
  versionId,
  type EService,
  type EServiceVersionRecord,
  type PublishedSummary,
} from './records';

export interface CatalogueEntry {
  agency: string;
  code: string;
  version: number;
  publishedAt: string;
  name: Trilingual;
  description: Trilingual;
  variants: readonly Variant[];
  maxApplicants: number;
}

/** One choice a citizen may pick from an agency's reference list, by the code the submit checks. */
export interface ReferenceOption {
  code: string;
  label: Trilingual;
}

export interface CatalogueService extends CatalogueEntry {
  form: { common: readonly FormField[]; applicant: readonly FormField[] };
  /**
   * The options of each reference list the form's choices name (the agency's active items, by
   * the code the submit checks them against), so the form offers what it will accept.
   */
  referenceOptions: Record<string, ReferenceOption[]>;
  /** The applicant's field asked for with the application number to look an application up. */
  lookupField: string;
  /** Minutes within which the contact e-mail must be confirmed, when it must. */
  confirmEmailWithinMinutes?: number;
}

/** One 404 for every case, so the answer tells nothing about what exists. */
const notFound = () => new NotFoundError('e-service not found');

/** An agency is known when its tenant record exists (the key its intake address and tokens use). */
async function knownAgency(deps: EServiceDeps, agency: string): Promise<void> {
  if (!(await deps.store.get('tenant', agency, agency))) throw notFound();
}

const entryOf = (agency: string, code: string, p: PublishedSummary): CatalogueEntry => ({
  agency,
  code,
  version: p.version,
  publishedAt: p.publishedAt,
  name: p.name,
  description: p.description,
  variants: p.variants,
  maxApplicants: p.maxApplicants,
});

/** Most options one list offers on a public form (a longer list is not a choice for a form). */
export const MAX_REFERENCE_OPTIONS = 1000;

async function referenceOptions(
  deps: EServiceDeps,
  agency: string,
  def: ServiceDefinition,
): Promise<Record<string, ReferenceOption[]>> {
  const out: Record<string, ReferenceOption[]> = {};
  for (const [list, items] of Object.entries(await referenceListItems(deps, agency, def)))
    out[list] = items
      .filter((i) => i.active)
      .sort((a, b) => a.name.az.localeCompare(b.name.az, 'az'))
      .slice(0, MAX_REFERENCE_OPTIONS)
      .map((i) => ({
        code: i.code ?? i.id,
        label: { az: i.name.az, en: i.name.en ?? i.name.az, ru: i.name.ru ?? i.name.az },
      }));
  return out;
}

/** The agency's published services by code, a page at a time (a query on the published list key). */
export async function listCatalogue(
  deps: EServiceDeps,
  agency: string,
  query: { limit: number; cursor?: string },
): Promise<Page<CatalogueEntry>> {
  await knownAgency(deps, agency);
  const page = await deps.store.list<EService>(ESERVICE, agency, {
    limit: query.limit,
    parentKey: PUBLISHED,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return {
    items: page.items.flatMap((s) => (s.published ? [entryOf(agency, s.code, s.published)] : [])),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

/** The newest published version of one service. */
export async function getCatalogueService(
  deps: EServiceDeps,
  agency: string,
  code: string,
): Promise<CatalogueService> {
  const id = await deps.store.findByUnique(agency, codeClaim(code));
  const service = id ? await deps.store.get<EService>(ESERVICE, agency, id) : undefined;
  if (!service?.published) throw notFound();
  const record = await deps.store.get<EServiceVersionRecord>(
    ESERVICE_VERSION,
    agency,
    versionId(service.id, service.published.version),
  );
  if (record?.entry.state !== 'published') throw notFound();
  const def = record.entry.definition;
  return {
    ...entryOf(agency, service.code, service.published),
    form: { common: def.form.common, applicant: def.form.applicant },
    referenceOptions: await referenceOptions(deps, agency, def),
    lookupField: def.lookup.field,
    ...(def.contact.confirmEmailWithinMinutes !== undefined
      ? { confirmEmailWithinMinutes: def.contact.confirmEmailWithinMinutes }
      : {}),
  };
}
