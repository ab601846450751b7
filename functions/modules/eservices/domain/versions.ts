/**
 * The versions of a service. An agency admin edits a draft; publishing it makes it the version the
 * public catalogue shows and new applications start on. A published version never changes again
 * (an edit starts a new draft), so an application keeps the version it started with: it records
 * the version number and is always validated, routed and decided by that version's rules.
 *
 * At most one draft a service at a time. Version numbers start at 1 and go up by one.
 */
import { BusinessRuleError, ConflictError } from '../../../platform/kernel/errors';
import type { ServiceDefinition } from './definition';

export type VersionState = 'draft' | 'published';

export interface ServiceVersion {
  readonly serviceCode: string;
  readonly version: number;
  readonly state: VersionState;
  readonly definition: ServiceDefinition;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly publishedAt?: string;
}

/** A new draft: version 1 of a new service, or the next number of an existing one. */
export function startDraft(
  versions: readonly ServiceVersion[],
  definition: ServiceDefinition,
  at: string,
): ServiceVersion {
  const code = versions[0]?.serviceCode ?? definition.code;
  sameService(code, definition);
  if (versions.some((v) => v.serviceCode !== code))
    throw new Error('Versions of different services were mixed');
  if (versions.some((v) => v.state === 'draft'))
    throw new ConflictError('service_draft_exists', 'The service already has a draft; edit or publish it', {
      service: code,
    });
  const version = versions.reduce((max, v) => Math.max(max, v.version), 0) + 1;
  return { serviceCode: code, version, state: 'draft', definition, createdAt: at, updatedAt: at };
}

/** The draft with its definition replaced; a published version cannot be edited. */
export function reviseDraft(
  draft: ServiceVersion,
  definition: ServiceDefinition,
  at: string,
): ServiceVersion {
  notPublished(draft);
  sameService(draft.serviceCode, definition);
  return { ...draft, definition, updatedAt: at };
}

/** The draft made visible: from now on new applications start on it. */
export function publishDraft(draft: ServiceVersion, at: string): ServiceVersion {
  notPublished(draft);
  return { ...draft, state: 'published', updatedAt: at, publishedAt: at };
}

/** The version the catalogue shows and new applications start on: the newest published one. */
export function currentVersion(versions: readonly ServiceVersion[]): ServiceVersion | undefined {
  return versions
    .filter((v) => v.state === 'published')
    .reduce<ServiceVersion | undefined>(
      (best, v) => (!best || v.version > best.version ? v : best),
      undefined,
    );
}

/**
 * The version a running application was started on: published, by its number. Undefined for a
 * number that was never published (an application can only have started on a published one).
 */
export function versionOfApplication(
  versions: readonly ServiceVersion[],
  version: number,
): ServiceVersion | undefined {
  return versions.find((v) => v.version === version && v.state === 'published');
}

function notPublished(version: ServiceVersion): void {
  if (version.state === 'published')
    throw new ConflictError(
      'service_version_published',
      'A published version cannot change; start a new draft',
      {
        service: version.serviceCode,
        version: version.version,
      },
    );
}

function sameService(code: string, definition: ServiceDefinition): void {
  if (definition.code !== code)
    throw new BusinessRuleError('service_code_mismatch', 'A version cannot change the service’s code', {
      service: code,
      code: definition.code,
    });
}
