/**
 * How e-services are stored (through the aggregate store): one `eservice` aggregate per service —
 * its code (unique per agency), which version is the draft, and a summary of the newest published
 * version for the catalogue's list — and one `eservice-version` aggregate per version with its
 * whole definition. Every change writes the service and the version it touches in one transaction
 * under the service's optimistic version, so the service's `version` is the one token an admin
 * sends back; both keep a change record (the operations log).
 *
 * Keeping versions apart from the service keeps each item small (a definition with a long country
 * list is tens of kilobytes, an aggregate item at most 400 KB) however many versions there are.
 */
import type { AggregateMeta } from '../../../platform/kernel/aggregate';
import type { UniqueClaim, WriteOptions } from '../../../platform/ports/aggregate-store.port';
import type { ServiceDefinition, Variant } from '../domain/definition';
import type { Trilingual } from '../domain/messages';
import type { ServiceVersion } from '../domain/versions';

export const ESERVICE = 'eservice';
export const ESERVICE_VERSION = 'eservice-version';

/** The list key of the services the catalogue shows; the others have none of their own. */
export const PUBLISHED = 'published';
const UNPUBLISHED = 'unpublished';

/** What the catalogue's list shows of the newest published version, kept on the service. */
export interface PublishedSummary {
  version: number;
  publishedAt: string;
  name: Trilingual;
  description: Trilingual;
  variants: readonly Variant[];
  maxApplicants: number;
}

export interface EService extends AggregateMeta {
  code: string;
  /** The name in the newest version (draft or published), for the agency's own list. */
  name: Trilingual;
  /** The number of the draft, when there is one (at most one). */
  draftVersion?: number;
  /** The highest version number so far. */
  latestVersion: number;
  published?: PublishedSummary;
}

export interface EServiceVersionRecord extends AggregateMeta {
  serviceId: string;
  entry: ServiceVersion;
}

/** The code is unique within the agency. */
export const codeClaim = (code: string): UniqueClaim => ({
  scope: 'eservice-code',
  value: code,
  field: 'code',
});

export const versionId = (serviceId: string, n: number) => `${serviceId}:${n}`;

export function servicePlacement(service: EService): Pick<WriteOptions, 'parentKey' | 'sortKey'> {
  return { parentKey: service.published ? PUBLISHED : UNPUBLISHED, sortKey: service.code };
}

export function versionPlacement(record: EServiceVersionRecord): Pick<WriteOptions, 'parentKey' | 'sortKey'> {
  return { parentKey: record.serviceId, sortKey: String(record.entry.version).padStart(6, '0') };
}

export function publishedSummary(entry: ServiceVersion): PublishedSummary {
  const def: ServiceDefinition = entry.definition;
  return {
    version: entry.version,
    publishedAt: entry.publishedAt ?? entry.updatedAt,
    name: def.name,
    description: def.description,
    variants: def.variants,
    maxApplicants: def.group?.maxApplicants ?? 1,
  };
}
