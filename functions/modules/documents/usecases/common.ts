import type { Actor } from '../../../platform/kernel/aggregate';
import type { DocumentKind, DocumentRecord } from '../domain/document';
import { visibleTo, type Viewer } from '../domain/visibility';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../platform/kernel/errors';
import type { Employee } from '../../org';
import type { Role } from '../../../platform/kernel/roles';
import type { AggregateType } from '../../../platform/ports/aggregate-store.port';
import type { DocumentStore } from '../ports';
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
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.has(r));
}

/** The need-to-know rule's view of the caller (see domain/visibility). */
export function viewerOf(actor: Actor): Viewer {
  return {
    employeeId: actor.employeeId,
    // The registry office registers and routes every document; the agency head answers for all.
    seesAll: hasRole(actor, 'clerk') || actor.reach?.agencyHead === true,
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
