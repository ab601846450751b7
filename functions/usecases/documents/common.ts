import type { Actor, AggregateMeta } from '../../domain/aggregate';
import type { DocumentKind, DocumentRecord } from '../../domain/documents/document';
import { BusinessRuleError, ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors';
import type { Employee } from '../../domain/org/org';
import type { Role } from '../../domain/org/roles';
import type { AggregateType } from '../../ports/aggregate-store.port';
import type { DocumentStore } from '../../ports/document-store.port';
import type { EmailSender } from '../../ports/email.port';
import type { ObjectStore } from '../../ports/object-store.port';
import type { Deps } from '../shared/aggregates';

export interface DocumentDeps extends Deps {
  documents: DocumentStore;
  /** Built on first use: only contents and dispatch need them. */
  readonly objects?: ObjectStore;
  readonly email?: EmailSender;
}

/** Roles that see every document of the tenant: the registry office, management and execution control. */
const seeAllRoles: readonly Role[] = ['clerk', 'head', 'controller'];

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.has(r));
}

export function seesAll(actor: Actor): boolean {
  return hasRole(actor, ...seeAllRoles);
}

export function canSee(actor: Actor, doc: DocumentRecord): boolean {
  return doc.tenantId === actor.tenantId && (seesAll(actor) || doc.participants.includes(actor.employeeId));
}

/** A document the caller may not see does not exist for them: 404, never 403. */
export async function visibleDocument(deps: DocumentDeps, actor: Actor, id: string): Promise<DocumentRecord> {
  const doc = await deps.documents.get(actor.tenantId, id);
  if (!doc || !canSee(actor, doc)) throw new NotFoundError('document not found');
  return doc;
}

export function allow(condition: boolean, what: string): void {
  if (!condition) throw new ForbiddenError(`Not allowed: ${what}`);
}

const unknown = (path: string) =>
  new BusinessRuleError('unknown_reference', 'Unknown reference', {}, [{ path, code: 'unknown_reference' }]);

/** References to reference-list items of the tenant; each must exist and be active. */
export async function assertReferences(
  deps: DocumentDeps,
  tenantId: string,
  refs: Array<[AggregateType, string | undefined, string]>,
): Promise<void> {
  for (const [type, id, path] of refs) {
    if (id === undefined) continue;
    const item = await deps.store.get<AggregateMeta & { active?: boolean }>(type, tenantId, id);
    if (!item || item.active === false) throw unknown(path);
  }
}

/** Employees referenced by a document must be active employees of the tenant. */
export async function assertEmployees(
  deps: Pick<DocumentDeps, 'store'>,
  tenantId: string,
  refs: Array<[string | undefined, string]>,
): Promise<Map<string, Employee>> {
  const ids = refs.map(([id]) => id).filter((id): id is string => id !== undefined);
  const found = new Map(
    (await deps.store.getMany<Employee>('employee', tenantId, ids))
      .filter((e) => e.active)
      .map((e) => [e.id, e]),
  );
  for (const [id, path] of refs) if (id !== undefined && !found.has(id)) throw unknown(path);
  return found;
}

/** Other documents a new one answers or repeats: they must exist and be visible to the caller. */
export async function assertDocuments(
  deps: DocumentDeps,
  actor: Actor,
  refs: Array<[string | undefined, string, DocumentKind[]?]>,
): Promise<void> {
  for (const [id, path, kinds] of refs) {
    if (id === undefined) continue;
    const doc = await deps.documents.get(actor.tenantId, id);
    if (!doc || !canSee(actor, doc) || (kinds && !kinds.includes(doc.kind))) throw unknown(path);
  }
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
