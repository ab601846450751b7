/**
 * Reading and changing one application for its flow: every change is one optimistic update of the
 * aggregate (a stale version reads again and re-decides), and every transition appends to its log.
 */
import { ConflictError, NotFoundError } from '../../../../platform/kernel/errors';
import type { UniqueClaim } from '../../../../platform/ports/aggregate-store.port';
import type { Clock } from '../../../../platform/ports/clock.port';
import type { ServiceDefinition } from '../../domain/definition';
import type { EServiceDeps } from '../../ports';
import {
  APPLICATION,
  applicationPlacement,
  type ApplicationLogEntry,
  type ApplicationRecord,
} from '../application-records';
import { ESERVICE_VERSION, versionId, type EServiceVersionRecord } from '../records';

export const SYSTEM = 'system';
export const APPLICANT = 'applicant';

export async function loadApplication(
  deps: Pick<EServiceDeps, 'store'>,
  tenantId: string,
  applicationId: string,
): Promise<ApplicationRecord | undefined> {
  return deps.store.get<ApplicationRecord>(APPLICATION, tenantId, applicationId);
}

/** The application that a task of its machine works on: one that does not exist is a bug. */
export async function requireApplication(
  deps: Pick<EServiceDeps, 'store'>,
  tenantId: string,
  applicationId: string,
): Promise<ApplicationRecord> {
  const record = await loadApplication(deps, tenantId, applicationId);
  if (!record) throw new NotFoundError('application not found');
  return record;
}

/** The definition of the version the application was submitted under. */
export async function definitionOf(
  deps: Pick<EServiceDeps, 'store'>,
  record: Pick<ApplicationRecord, 'tenantId' | 'serviceId' | 'serviceVersion'>,
): Promise<ServiceDefinition> {
  const version = await deps.store.get<EServiceVersionRecord>(
    ESERVICE_VERSION,
    record.tenantId,
    versionId(record.serviceId, record.serviceVersion),
  );
  if (!version) throw new NotFoundError('service version not found');
  return version.entry.definition;
}

export function logEntry(
  at: string,
  event: string,
  actor: string,
  detail?: ApplicationLogEntry['detail'],
): ApplicationLogEntry {
  return { at, event, actor, ...(detail ? { detail } : {}) };
}

const ATTEMPTS = 8;

/**
 * Reads the application and applies `change` to it: `undefined` means nothing to write. A
 * concurrent change (stale version) reads again and asks `change` again, so the decision is always
 * taken on the stored state. `claim` gives unique values the write claims (e.g. the registered
 * document's). Gives the record as it is afterwards and whether this call wrote it.
 */
export async function changeApplication(
  deps: Pick<EServiceDeps, 'store'> & { readonly clock?: Clock },
  tenantId: string,
  applicationId: string,
  actor: string,
  change: (record: ApplicationRecord) => ApplicationRecord | undefined,
  claim: (next: ApplicationRecord) => UniqueClaim[] = () => [],
): Promise<{ record: ApplicationRecord; changed: boolean; before: ApplicationRecord }> {
  for (let attempt = 1; ; attempt++) {
    const before = await requireApplication(deps, tenantId, applicationId);
    const changed = change(before);
    if (!changed) return { record: before, changed: false, before };
    const next = deps.clock ? { ...changed, updatedAt: deps.clock.now().toISOString() } : changed;
    try {
      const claims = claim(next);
      const written = await deps.store.update<ApplicationRecord>(APPLICATION, next, before.version, {
        actorId: actor,
        ...applicationPlacement(next),
        ...(claims.length > 0 ? { claim: claims } : {}),
      });
      return { record: written, changed: true, before };
    } catch (error) {
      if (error instanceof ConflictError && error.code === 'stale_version' && attempt < ATTEMPTS) continue;
      throw error;
    }
  }
}
