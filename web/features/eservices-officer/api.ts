/**
 * The agency's side of e-service applications (API `/eservices/…/applications`): a service's
 * applications with the filter row, one application, the officer's decisions per applicant. The
 * services to choose from are the agency's published ones (the public catalogue of the tenant:
 * every officer may read it, the definitions' admin list only admins).
 */
import type { components, operations } from '../../api/schema';
import { api, publicApi, type Page } from '../../lib/api';
import type { CatalogueEntry, CatalogueService } from '../eservices-public/types';

type Schemas = components['schemas'];
export type ApplicationSummary = Schemas['EServiceApplicationSummary'];
export type ApplicationView = Schemas['EServiceApplication'];
export type ApplicationState = ApplicationSummary['state'];
export type ApplicationFilter = NonNullable<operations['listEServiceApplications']['parameters']['query']>;
export type Decision = { applicant: number; outcome: 'approved' | 'refused'; reason?: string };

export const applicationStates: readonly ApplicationState[] = [
  'awaiting-confirmation',
  'awaiting-payment',
  'in-review',
  'decided',
  'cancelled',
];

/** The filter keys the list keeps in its address and sends to the API. */
export const filterKeys = ['state', 'q', 'submittedFrom', 'submittedTo', 'overdue'] as const;
export type FilterKey = (typeof filterKeys)[number];
export type Filters = Partial<Record<FilterKey, string>>;

/** The agency's published services (the catalogue of the signed-in user's tenant). */
export async function publishedServices(tenantId: string): Promise<CatalogueEntry[]> {
  const all: CatalogueEntry[] = [];
  let cursor: string | undefined;
  do {
    const page: Page<CatalogueEntry> = await publicApi(`/agencies/${encodeURIComponent(tenantId)}/services`, {
      query: { limit: 100, cursor },
    });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && all.length < 500);
  return all;
}

/** A published service with its form (the fields' labels of the decision view). */
export const publishedService = (tenantId: string, code: string) =>
  publicApi<CatalogueService>(
    `/agencies/${encodeURIComponent(tenantId)}/services/${encodeURIComponent(code)}`,
  );

export const listApplications = (code: string, filters: Filters, cursor?: string, signal?: AbortSignal) =>
  api<Page<ApplicationSummary>>(`/eservices/${encodeURIComponent(code)}/applications`, {
    query: { ...filters, limit: 50, cursor },
    ...(signal ? { signal } : {}),
  });

export const getApplication = (number: string) =>
  api<ApplicationView>(`/eservices/applications/${encodeURIComponent(number)}`);

/** The decisions under the version the officer saw: a later decision by someone else is a 409. */
export const recordDecisions = (number: string, version: number, decisions: Decision[]) =>
  api<ApplicationView>(`/eservices/applications/${encodeURIComponent(number)}/decisions`, {
    method: 'PUT',
    body: { version, decisions },
  });

/** The decision view of an application. */
export const applicationPath = (number: string) => `/applications/view/?number=${encodeURIComponent(number)}`;
