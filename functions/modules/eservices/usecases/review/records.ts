/**
 * The review's reads and writes of an application record: the record, the service version it was
 * submitted under, and one change at a time (an optimistic update that appends to the log, tried
 * again on a stale version: the other parts of the machine write the same record).
 */
import type { Actor } from '../../../../platform/kernel/aggregate';
import { ConflictError, NotFoundError } from '../../../../platform/kernel/errors';
import type { UniqueClaim } from '../../../../platform/ports/aggregate-store.port';
import type { ServiceDefinition } from '../../domain/definition';
import type { EServiceDeps } from '../../ports';
import {
  APPLICATION,
  applicationPlacement,
  type ApplicationLogEntry,
  type ApplicationRecord,
} from '../application-records';
import { ESERVICE_VERSION, versionId, type EServiceVersionRecord } from '../records';

/** The system's name on what the machine's tasks and the stream consumers write. */
export const SYSTEM = 'system';

/**
 * The system acting in an agency as its registry office: it registers the application as an
 * incoming document and starts the document's route (the document's author, so the route is its).
 */
export const reviewActor = (tenantId: string): Actor => ({
  tenantId,
  employeeId: SYSTEM,
  username: SYSTEM,
  roles: new Set(['clerk']),
});

/** The claim that leads from the registered document to its application (the route's end finds it). */
export const applicationDocumentClaim = (documentId: string): UniqueClaim => ({
  scope: 'eservice-application-document',
  value: documentId,
});

export async function applicationOf(
  deps: EServiceDeps,
  tenantId: string,
  id: string,
): Promise<ApplicationRecord | undefined> {
  return deps.store.get<ApplicationRecord>(APPLICATION, tenantId, id);
}

export async function requireApplication(
  deps: EServiceDeps,
  tenantId: string,
  id: string,
): Promise<ApplicationRecord> {
  const app = await applicationOf(deps, tenantId, id);
  if (!app) throw new NotFoundError('application not found');
  return app;
}

/** The definition of the version the application was submitted under (never a later one). */
export async function definitionOf(
  deps: EServiceDeps,
  app: Pick<ApplicationRecord, 'tenantId' | 'serviceId' | 'serviceVersion'>,
): Promise<ServiceDefinition> {
  const record = await deps.store.get<EServiceVersionRecord>(
    ESERVICE_VERSION,
    app.tenantId,
    versionId(app.serviceId, app.serviceVersion),
  );
  if (!record) throw new Error(`Version ${app.serviceVersion} of e-service ${app.serviceId} is missing`);
  return record.entry.definition;
}

export const logEntry = (
  at: string,
  event: string,
  actor: string,
  detail?: ApplicationLogEntry['detail'],
): ApplicationLogEntry => ({ at, event, actor, ...(detail ? { detail } : {}) });

/**
 * One change of the record: `change` gets the stored record and returns the next one, or undefined
 * when there is nothing to do (already done by an earlier run). A stale version (another part wrote
 * the record in between) reads it again and asks `change` again.
 */
export async function changeApplication(
  deps: EServiceDeps,
  tenantId: string,
  id: string,
  actorId: string,
  change: (app: ApplicationRecord) => ApplicationRecord | undefined,
  claim: (next: ApplicationRecord) => UniqueClaim[] = () => [],
): Promise<ApplicationRecord> {
  for (let attempt = 0; ; attempt++) {
    const app = await requireApplication(deps, tenantId, id);
    const next = change(app);
    if (!next) return app;
    const stamped = { ...next, updatedAt: deps.clock.now().toISOString() };
    try {
      return await deps.store.update(APPLICATION, stamped, app.version, {
        actorId,
        ...applicationPlacement(stamped),
        claim: claim(stamped),
      });
    } catch (error) {
      if (error instanceof ConflictError && error.code === 'stale_version' && attempt < 5) continue;
      throw error;
    }
  }
}
