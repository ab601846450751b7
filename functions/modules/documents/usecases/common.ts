import type { Actor } from '../../../platform/kernel/aggregate';
import type { DocumentKind, DocumentRecord } from '../domain/document';
import { createHash } from 'node:crypto';
import { visibleTo, type Viewer } from '../domain/visibility';
import { bakuLocalDate } from '../domain/date-filter';
import { AppError, ConflictError, ForbiddenError, NotFoundError } from '../../../platform/kernel/errors';
import type { Employee } from '../../org';
import type { Role } from '../../../platform/kernel/roles';
import type { AggregateType } from '../../../platform/ports/aggregate-store.port';
import type { DocumentStore, ElectronicSignatures, SignatureSource } from '../ports';
import type { EmailSender } from '../../../platform/ports/email.port';
import type { Metrics } from '../../../platform/ports/metrics.port';
import type { ObjectStore } from '../../../platform/ports/object-store.port';
import {
  assertKnown,
  isActive,
  unknownReference,
  type Deps,
  type Reference,
} from '../../../platform/kernel/aggregates';

export { unknownReference };

export interface DocumentDeps extends Deps {
  documents: DocumentStore;
  /** Built on first use: only contents and dispatch need them. */
  readonly objects?: ObjectStore;
  readonly email?: EmailSender;
  /** Business counts (registrations); absent in tests that do not look at them. */
  readonly metrics?: Metrics;
  /** The signatures the pre-send check (§147) sees; absent: the recorded signing decisions. */
  readonly signatures?: SignatureSource;
  /** PAdES signatures on the single file for every endorsement and signature (always wired in the API). */
  readonly esign?: ElectronicSignatures;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.has(r));
}

/** The need-to-know rule's view of the caller (see domain/visibility). */
export function viewerOf(actor: Actor): Viewer {
  return {
    employeeId: actor.employeeId,
    // The registry office registers and routes every document; the agency head answers for all;
    // the archivist takes the case files over from the registry office (and keeps them).
    seesAll: hasRole(actor, 'clerk', 'archivist') || actor.reach?.agencyHead === true,
    actingFor: actor.reach?.actingFor ?? [],
    headOf: actor.reach?.headOf ?? [],
  };
}

export function canSee(actor: Actor, doc: DocumentRecord): boolean {
  return doc.tenantId === actor.tenantId && visibleTo(doc, viewerOf(actor));
}

/** A document the caller may not see does not exist for them: 404, never 403. */
export async function visibleDocument(deps: DocumentDeps, actor: Actor, id: string): Promise<DocumentRecord> {
  const doc = await deps.documents.get(actor.tenantId, id);
  if (!doc || !canSee(actor, doc)) throw new NotFoundError('document not found');
  return doc;
}

/**
 * Every read of a confidential document (its card, a file) is logged on its operations log
 * (append-only, in the Əməliyyatlar tab): who read what, when. Other documents' reads are not.
 */
export async function noteRead(
  deps: Pick<DocumentDeps, 'documents' | 'clock'>,
  actor: Actor,
  doc: DocumentRecord,
  what: string,
): Promise<void> {
  if (!doc.confidential) return;
  await deps.documents.log(actor.tenantId, {
    documentId: doc.id,
    at: deps.clock.now().toISOString(),
    actorId: actor.employeeId,
    action: 'read',
    changes: [{ field: 'read', after: what }],
  });
}

export function allow(condition: boolean, what: string): void {
  if (!condition) throw new ForbiddenError(`Not allowed: ${what}`);
}

/** References to reference-list items of the tenant; each must exist and be active. */
export async function assertReferences(
  deps: DocumentDeps,
  tenantId: string,
  refs: Array<[AggregateType, string | undefined, string]>,
): Promise<void> {
  await assertKnown(deps, tenantId, refs, isActive);
}

/** Employees referenced by a document must be active employees of the tenant. */
export async function assertEmployees(
  deps: Pick<DocumentDeps, 'store'>,
  tenantId: string,
  refs: Array<[string | undefined, string]>,
): Promise<Map<string, Employee>> {
  const found = await assertKnown<Employee>(
    deps,
    tenantId,
    refs.map(([id, path]) => ['employee', id, path] as const),
    isActive,
  );
  const out = new Map<string, Employee>();
  for (const [id] of refs) {
    const employee = id ? found('employee', id) : undefined;
    if (employee) out.set(employee.id, employee);
  }
  return out;
}

/**
 * Other documents a request names (answers, repeats, links, reports): each must exist in the
 * tenant, be visible to the caller and be of one of `kinds` when given. A document the caller may
 * not see is refused exactly like a missing one.
 */
export async function assertDocuments(
  deps: DocumentDeps,
  actor: Actor,
  refs: Array<[string | undefined, string, DocumentKind[]?]>,
): Promise<void> {
  const ids = [...new Set(refs.map(([id]) => id).filter((id): id is string => !!id))];
  if (ids.length === 0) return;
  const docs = new Map((await deps.documents.getMany(actor.tenantId, ids)).map((d) => [d.id, d]));
  for (const [id, path, kinds] of refs) {
    if (!id) continue;
    const doc = docs.get(id);
    if (!doc || !canSee(actor, doc) || (kinds && !kinds.includes(doc.kind))) throw unknownReference(path);
  }
}

/** Id-valued filters of the document lists (the filter row, saved filters) and what each names. */
export const filterReferences = {
  documentTypeId: 'ref:document-types',
  classificationId: 'ref:classifications',
  nomenclatureId: 'ref:nomenclature',
  addresseeId: 'employee',
  controllerId: 'employee',
  signatoryId: 'employee',
  authorId: 'employee',
} as const satisfies Record<string, AggregateType>;

/** The references among a filter row's values, with their paths (`prefix` + the filter's name). */
export function filterReferencesOf(query: Record<string, unknown>, prefix = ''): Reference[] {
  return Object.entries(filterReferences).flatMap(([name, type]): Reference[] => {
    const value = query[name];
    return typeof value === 'string' && value !== '' ? [[type, value, `${prefix}${name}`]] : [];
  });
}

/**
 * A filter on an id names an object of the caller's tenant, in any state (a list may be filtered on
 * a deactivated item); anything else is 422 on the filter, like every other reference.
 */
export async function assertFilterReferences(
  deps: Pick<DocumentDeps, 'store'>,
  tenantId: string,
  query: Record<string, unknown>,
): Promise<void> {
  await assertKnown(deps, tenantId, filterReferencesOf(query));
}

/** A client acting on an old copy gets 409 stale_version, before any rule about the status. */
export function assertVersion(doc: DocumentRecord, version: number): void {
  if (doc.version !== version) {
    throw new ConflictError('stale_version', 'The record was changed by someone else; reload it', {
      expected: version,
    });
  }
}

/**
 * Runs a read-change-write again when a concurrent edit made it stale: for changes that commute
 * with others (adding a file, a group change), applied to the fresh state.
 */
export async function retryOnStale<T>(attempts: number, run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ConflictError && error.code === 'stale_version' && attempt < attempts) continue;
      throw error;
    }
  }
}

/** One document's outcome in a group operation: done (its new version) or refused (the error's code). */
export interface GroupOutcome {
  id: string;
  ok: boolean;
  version?: number;
  code?: string;
  /** The refusal's parameters (e.g. the status that forbids it), for its localized reason. */
  params?: Record<string, string | number>;
}

/**
 * Runs a group operation document by document, in the order given and each id once: every
 * document is its own transaction, and a refusal (a typed error: a status that forbids it, a
 * stale version, no right) is that document's result and does not stop the rest.
 * Anything else (the store failing) fails the request.
 */
export async function eachDocument<T extends { id: string }>(
  items: readonly T[],
  run: (item: T) => Promise<{ version: number }>,
): Promise<GroupOutcome[]> {
  const seen = new Set<string>();
  const results: GroupOutcome[] = [];
  for (const item of items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    try {
      results.push({ id: item.id, ok: true, version: (await run(item)).version });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({
        id: item.id,
        ok: false,
        code: error.code,
        ...(Object.keys(error.params).length ? { params: error.params } : {}),
      });
    }
  }
  return results;
}

/** A group request's selection as references to check (`documents.<n>.id`): each must be visible. */
export function selectionRefs(documents: ReadonlyArray<{ id: string }>): Array<[string, string]> {
  return documents.map((d, i) => [d.id, `documents.${i}.id`]);
}

export interface Idempotency {
  key: string;
  requestHash: string;
}

/**
 * The idempotency record of one document of a group request: the request's key (already scoped to
 * the operation and the caller) with the document's id, and a hash of what is done to that
 * document. A retried group request (same key) replays each document already done instead of
 * doing it twice, however the retry splits the selection into requests.
 */
export function documentIdempotency(
  group: Idempotency | undefined,
  documentId: string,
  payload: unknown,
): Idempotency | undefined {
  if (!group) return undefined;
  return {
    key: `${group.key}:${documentId}`,
    requestHash: createHash('sha256').update(JSON.stringify({ documentId, payload })).digest('base64url'),
  };
}

/** The document a request with this idempotency record already wrote, if any (then: its answer). */
export async function replayed(
  deps: DocumentDeps,
  actor: Actor,
  idempotency: Idempotency | undefined,
): Promise<DocumentRecord | undefined> {
  if (!idempotency) return undefined;
  const doc = await deps.documents.replay(actor.tenantId, idempotency);
  return doc && canSee(actor, doc) ? doc : undefined;
}

/**
 * Refuses the files of a document whose archive copy a disposal act destroyed (Decree 935
 * §153.2): its requisites, journal entry and logs stay readable, its files are not served.
 */
export function refuseDisposed(doc: Pick<DocumentRecord, 'archive'>): void {
  const d = doc.archive?.disposal;
  if (d)
    throw new ConflictError('document_disposed', 'The archive copy was destroyed under a disposal act', {
      actNumber: d.actNumber ?? d.actId,
      disposedAt: bakuLocalDate(d.at),
    });
}
