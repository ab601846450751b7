/**
 * The agency admin's side of e-services: create a service with its first draft, edit the draft,
 * publish it, start the next draft from the newest version, list and read. The rules of versions
 * are the domain's (versions.ts); a definition reaching here has passed the edge's schema, which
 * runs `definitionProblems`.
 */
import { randomUUID } from 'node:crypto';
import { allPages, type Actor, type Page } from '../../../platform/kernel/aggregate';
import { ConflictError, NotFoundError } from '../../../platform/kernel/errors';
import type { AggregateWrite } from '../../../platform/ports/aggregate-store.port';
import type { ServiceDefinition } from '../domain/definition';
import { publishDraft, reviseDraft, startDraft, type ServiceVersion } from '../domain/versions';
import type { EServiceDeps } from '../ports';
import { assertPublishable } from './publish-checks';
import {
  codeClaim,
  ESERVICE,
  ESERVICE_VERSION,
  publishedSummary,
  servicePlacement,
  versionId,
  versionPlacement,
  type EService,
  type EServiceVersionRecord,
} from './records';

type Idempotency = { key: string; requestHash: string };

/** A service as its agency's admins see it: the service and every version, oldest first. */
export type EServiceView = EService & { versions: ServiceVersion[] };

/** The service of the agency with this code, or 404. */
export async function serviceByCode(deps: EServiceDeps, tenantId: string, code: string): Promise<EService> {
  const id = await deps.store.findByUnique(tenantId, codeClaim(code));
  const service = id ? await deps.store.get<EService>(ESERVICE, tenantId, id) : undefined;
  if (!service) throw new NotFoundError('e-service not found');
  return service;
}

/** Every version record of a service, oldest first (a query on the service's own list key). */
async function versionRecords(deps: EServiceDeps, service: EService): Promise<EServiceVersionRecord[]> {
  return allPages((page) =>
    deps.store.list<EServiceVersionRecord>(ESERVICE_VERSION, service.tenantId, {
      ...page,
      parentKey: service.id,
    }),
  );
}

async function versionRecord(
  deps: EServiceDeps,
  service: EService,
  n: number,
): Promise<EServiceVersionRecord> {
  const record = await deps.store.get<EServiceVersionRecord>(
    ESERVICE_VERSION,
    service.tenantId,
    versionId(service.id, n),
  );
  if (!record) throw new Error(`Version ${n} of e-service ${service.id} is missing`);
  return record;
}

async function view(deps: EServiceDeps, service: EService): Promise<EServiceView> {
  return { ...service, versions: (await versionRecords(deps, service)).map((r) => r.entry) };
}

function serviceWrite(
  actor: Actor,
  service: EService,
  expectedVersion?: number,
  extra: Partial<AggregateWrite['options']> = {},
): AggregateWrite {
  return {
    type: ESERVICE,
    item: service,
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    options: { actorId: actor.employeeId, ...servicePlacement(service), ...extra },
  };
}

function versionWrite(actor: Actor, record: EServiceVersionRecord, expectedVersion?: number): AggregateWrite {
  return {
    type: ESERVICE_VERSION,
    item: record,
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    options: { actorId: actor.employeeId, ...versionPlacement(record) },
  };
}

/** A new service (its code unique in the agency) with version 1 as its draft. */
export async function createService(
  deps: EServiceDeps,
  actor: Actor,
  definition: ServiceDefinition,
  idempotency?: Idempotency,
): Promise<EServiceView> {
  const now = deps.clock.now().toISOString();
  const entry = startDraft([], definition, now);
  const id = randomUUID();
  const meta = { tenantId: actor.tenantId, version: 1, createdAt: now, updatedAt: now };
  const service: EService = {
    ...meta,
    id,
    code: definition.code,
    name: definition.name,
    draftVersion: entry.version,
    latestVersion: entry.version,
  };
  const record: EServiceVersionRecord = { ...meta, id: versionId(id, entry.version), serviceId: id, entry };
  const { items } = await deps.store.transact([
    serviceWrite(actor, service, undefined, {
      claim: [codeClaim(definition.code)],
      ...(idempotency ? { idempotency } : {}),
    }),
    versionWrite(actor, record),
  ]);
  return view(deps, items[0] as EService);
}

/** The draft's definition replaced; `version` is the service's version the admin saw. */
export async function updateDraft(
  deps: EServiceDeps,
  actor: Actor,
  code: string,
  input: { version: number; definition: ServiceDefinition },
): Promise<EServiceView> {
  const service = await serviceByCode(deps, actor.tenantId, code);
  if (service.draftVersion === undefined) throw noDraft(service);
  const record = await versionRecord(deps, service, service.draftVersion);
  const now = deps.clock.now().toISOString();
  const entry = reviseDraft(record.entry, input.definition, now);
  await deps.store.transact([
    serviceWrite(actor, { ...service, name: entry.definition.name, updatedAt: now }, input.version),
    versionWrite(actor, { ...record, entry, updatedAt: now }, record.version),
  ]);
  return view(deps, await serviceByCode(deps, actor.tenantId, code));
}

/**
 * The draft published: immutable from now on, and what the catalogue shows. Everything it names in
 * the agency (route template, registration's references, reference lists) must exist first.
 */
export async function publishService(
  deps: EServiceDeps,
  actor: Actor,
  code: string,
  input: { version: number },
): Promise<EServiceView> {
  const service = await serviceByCode(deps, actor.tenantId, code);
  if (service.draftVersion === undefined) throw noDraft(service);
  const record = await versionRecord(deps, service, service.draftVersion);
  await assertPublishable(deps, actor.tenantId, record.entry.definition);
  const now = deps.clock.now().toISOString();
  const entry = publishDraft(record.entry, now);
  const { draftVersion: _draft, ...rest } = service;
  const next: EService = { ...rest, published: publishedSummary(entry), updatedAt: now };
  await deps.store.transact([
    serviceWrite(actor, next, input.version),
    versionWrite(actor, { ...record, entry, updatedAt: now }, record.version),
  ]);
  return view(deps, await serviceByCode(deps, actor.tenantId, code));
}

/**
 * The next draft, from the definition given or else a copy of the newest version (a published
 * one, since there is no draft): one draft at a time.
 */
export async function startNextDraft(
  deps: EServiceDeps,
  actor: Actor,
  code: string,
  input: { version: number; definition?: ServiceDefinition },
): Promise<EServiceView> {
  const service = await serviceByCode(deps, actor.tenantId, code);
  const records = await versionRecords(deps, service);
  const versions = records.map((r) => r.entry);
  const newest = versions.reduce<ServiceVersion | undefined>(
    (best, v) => (!best || v.version > best.version ? v : best),
    undefined,
  );
  if (!newest) throw new Error(`E-service ${service.id} has no versions`);
  const now = deps.clock.now().toISOString();
  const entry = startDraft(versions, input.definition ?? newest.definition, now);
  const record: EServiceVersionRecord = {
    id: versionId(service.id, entry.version),
    tenantId: service.tenantId,
    version: 1,
    createdAt: now,
    updatedAt: now,
    serviceId: service.id,
    entry,
  };
  await deps.store.transact([
    serviceWrite(
      actor,
      {
        ...service,
        name: entry.definition.name,
        draftVersion: entry.version,
        latestVersion: entry.version,
        updatedAt: now,
      },
      input.version,
    ),
    versionWrite(actor, record),
  ]);
  return view(deps, await serviceByCode(deps, actor.tenantId, code));
}

export async function getService(deps: EServiceDeps, actor: Actor, code: string): Promise<EServiceView> {
  return view(deps, await serviceByCode(deps, actor.tenantId, code));
}

/** The agency's services by code, a page at a time (a query on the type's key, never a scan). */
export async function listServices(
  deps: EServiceDeps,
  actor: Actor,
  query: { limit: number; cursor?: string },
): Promise<Page<EService>> {
  return deps.store.list<EService>(ESERVICE, actor.tenantId, {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
}

function noDraft(service: EService): ConflictError {
  return new ConflictError('service_no_draft', 'The service has no draft; start one first', {
    service: service.code,
  });
}
