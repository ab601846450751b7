import { requireMfa } from '../../../platform/kernel/mfa';
import type * as z from 'zod';
import type { Actor } from '../../../platform/kernel/aggregate';
import { diffDocuments, type DocumentRecord } from '../domain/document';
import { transition, type Operation } from '../domain/status';
import { BusinessRuleError } from '../../../platform/kernel/errors';
import type { NumberRequest } from '../ports';
import type { groupUpdateInput, operationInput } from './inputs';
import {
  allow,
  retryOnStale,
  assertEmployees,
  assertVersion,
  assertReferences,
  canSee,
  eachDocument,
  hasRole,
  replayed,
  unknownReference,
  visibleDocument,
  type DocumentDeps,
  type Idempotency,
} from './common';
import { commitWithAddresseeLines } from './addressee-lines';
import { chooseJournal, namedJournal, numberRequest } from './numbering';

export type OperationInput = z.output<typeof operationInput>;
/** The operations that change a document's status. */
export type StatusOperation = Exclude<Operation, 'update' | 'attach' | 'link' | 'group-update' | 'send'>;

/** Who may perform a status operation on a document. */
function mayPerform(actor: Actor, doc: DocumentRecord, op: StatusOperation): boolean {
  const me = actor.employeeId;
  const author = doc.authorId === me;
  const clerk = hasRole(actor, 'clerk');
  const head = hasRole(actor, 'head');
  const signatory = doc.internal?.signatoryId ?? doc.order?.signatoryId;
  switch (op) {
    case 'register':
      return clerk || author;
    case 'sign':
      // The signatory, or their substitute today (who signs on their behalf); without one, a head.
      return signatory ? signatory === me || (actor.reach?.actingFor ?? []).includes(signatory) : head;
    case 'submit':
      return author || clerk;
    case 'agree':
    case 'return':
      return hasRole(actor, 'approver') || head;
    case 'enact':
      return clerk || head;
    case 'to-execution':
    case 'to-information':
      return author || clerk || head;
    case 'archive':
      return clerk || hasRole(actor, 'archivist');
    case 'cancel':
      return doc.status === 'in-force' ? clerk || head : clerk || author;
    case 'resolve':
      // The head, or the addressee the document was registered to (routes: the resolution stage).
      return head || doc.addresseeId === me;
    case 'execute':
      // Only the controller's acceptance of the last resolution executes a document.
      return false;
  }
}

/** Whether the actor may perform an operation on the document (the status is checked separately). */
export function permitted(actor: Actor, doc: DocumentRecord, op: Operation): boolean {
  const clerkOrAuthor = hasRole(actor, 'clerk') || doc.authorId === actor.employeeId;
  switch (op) {
    case 'update':
      return hasRole(actor, 'clerk') || (doc.kind !== 'incoming' && doc.authorId === actor.employeeId);
    case 'attach':
    case 'send':
      return clerkOrAuthor;
    case 'link':
      return true;
    case 'group-update':
      return hasRole(actor, 'clerk', 'head');
    default:
      return mayPerform(actor, doc, op);
  }
}

/** Operations performed through their own routes, never through `operations/{op}`. */
const ownRoute: ReadonlySet<Operation> = new Set<Operation>([
  'update',
  'attach',
  'link',
  'group-update',
  'send',
  'resolve',
  'execute',
]);

/** Whether an operation has a route of its own (the operations route refuses it). */
export const hasOwnRoute = (op: Operation): boolean => ownRoute.has(op);

/** What a status operation may carry besides the version (as `operations/{op}` takes it). */
export type OperationOptions = Pick<OperationInput, 'journalId' | 'effectiveDate' | 'comment'>;

/** A status operation applied, ready to commit: the new document and, when it numbers, its number. */
export interface AppliedOperation {
  document: DocumentRecord;
  numbering?: NumberRequest;
}

/**
 * Applies a status operation to a document: the status it moves to (409 when the status forbids
 * it), who signed and when, an order's effective date or cancellation, and — for the operations
 * that number (an internal document's registration, an order's signature) — the number request
 * the commit takes from the journal in the same transaction. Every path that performs an
 * operation goes through here: the operations route, and an approval route's step that signs or
 * agrees a document; so a document is numbered the same way whichever path signed it.
 */
export async function applyOperation(
  deps: DocumentDeps,
  actor: Actor,
  current: DocumentRecord,
  op: StatusOperation,
  input: OperationOptions,
  now: string,
): Promise<AppliedOperation> {
  const status = transition(current.kind, current.status, op);
  // A journal named with any operation is checked, whether or not this one numbers the document.
  const journal = input.journalId
    ? await namedJournal(deps, actor.tenantId, current.kind, input.journalId)
    : undefined;
  let next: DocumentRecord = { ...current, status, updatedAt: now };
  if (op === 'sign') {
    // A signatory signs with a second factor where the agency requires it (issue 18).
    requireMfa(actor, 'sign');
    next = await withSignature(deps, actor, next, current, now);
  }
  if (op === 'sign' && next.internal)
    next = { ...next, internal: { ...next.internal, signedAt: now, signedBy: actor.employeeId } };
  if (op === 'sign' && next.order)
    next = { ...next, order: { ...next.order, signedAt: now, signedBy: actor.employeeId } };
  if (op === 'enact' && next.order) {
    next = { ...next, order: { ...next.order, effectiveDate: input.effectiveDate ?? now.slice(0, 10) } };
  }
  if (op === 'cancel' && next.order && current.status === 'in-force') {
    if (!input.comment) {
      throw new BusinessRuleError('reason_required', 'Cancelling an order in force needs a reason', {}, [
        { path: 'comment', code: 'required' },
      ]);
    }
    next = { ...next, order: { ...next.order, cancelledAt: now, cancelReason: input.comment } };
  }
  // Internal documents are numbered when registered; orders when signed (the brochure's flow).
  const numbered =
    (op === 'register' && current.kind === 'internal') || (op === 'sign' && current.kind === 'order');
  if (!numbered || current.registration) return { document: next };
  const numbering = await numberRequest(deps, next, await chooseJournal(deps, next, journal?.id), now);
  return { document: next, numbering };
}

/**
 * The electronic signature a `sign` operation puts on the single file (PAdES, signatures module),
 * made before the commit so that the status never changes without it: the signatory's own, or
 * their substitute's on their behalf. A route's signing task that ends its step has signed already
 * (the same document version carries a `sign` signature): it is not signed twice.
 */
async function withSignature(
  deps: DocumentDeps,
  actor: Actor,
  next: DocumentRecord,
  current: DocumentRecord,
  now: string,
): Promise<DocumentRecord> {
  if (!deps.esign) return next;
  const signatures = current.signatures ?? [];
  if (signatures.some((s) => s.right === 'sign' && s.onVersion === current.version)) return next;
  const signatory = current.internal?.signatoryId ?? current.order?.signatoryId;
  const onBehalfOf = signatory && signatory !== actor.employeeId ? signatory : undefined;
  const signature = await deps.esign.sign(actor, current, {
    right: 'sign',
    at: now,
    ...(onBehalfOf ? { onBehalfOf } : {}),
  });
  return { ...next, signatures: [...signatures, signature] };
}

/** What a status operation may do besides the status: fields set with it, and its idempotency record. */
export interface OperationExtras {
  /** Set in the same transaction and log entry (archiving into a case file sets the nomenclature). */
  set?: Partial<Pick<DocumentRecord, 'nomenclatureId'>>;
  idempotency?: Idempotency;
}

/** A status operation (register, sign, submit, agree, return, enact, to-execution, archive, cancel...). */
export async function performOperation(
  deps: DocumentDeps,
  actor: Actor,
  id: string,
  op: Operation,
  input: OperationInput,
  extras: OperationExtras = {},
): Promise<DocumentRecord> {
  // A retried request that already did this: its document, not a second operation.
  const done = await replayed(deps, actor, extras.idempotency);
  if (done) return done;
  const current = await visibleDocument(deps, actor, id);
  if (hasOwnRoute(op)) {
    throw new BusinessRuleError('operation_has_own_route', 'Use the dedicated route for this operation', {
      operation: op,
      documentId: current.id,
      kind: current.kind,
    });
  }
  const statusOp = op as StatusOperation;
  assertVersion(current, input.version);
  transition(current.kind, current.status, statusOp);
  allow(mayPerform(actor, current, statusOp), op);
  const now = deps.clock.now().toISOString();
  const base = extras.set ? { ...current, ...extras.set } : current;
  const { document: next, numbering } = await applyOperation(deps, actor, base, statusOp, input, now);
  const result = await commitWithAddresseeLines(deps, current, {
    document: next,
    expectedVersion: input.version,
    ...(numbering ? { numbering } : {}),
    ...(extras.idempotency ? { idempotency: extras.idempotency } : {}),
    operation: {
      actorId: actor.employeeId,
      action: op,
      changes: diffDocuments(current, numbering ? numbering.apply(0) : next).filter(
        (c) => c.field !== 'registration',
      ),
      ...(input.comment ? { comment: input.comment } : {}),
    },
  });
  if (numbering) deps.metrics?.count('DocumentRegistered', { kind: current.kind });
  return result.document;
}

export type GroupUpdateInput = z.output<typeof groupUpdateInput>;

/**
 * Changes classification, nomenclature, controller or addressee of many documents of one kind at
 * once. Every id must name a document of that kind the caller may see (else 422 on `ids.<n>` and
 * nothing changes); then each document is its own transaction with its own log entry, and one
 * refusal (a status that forbids the change, a concurrent edit) does not stop the rest.
 */
export async function groupUpdate(deps: DocumentDeps, actor: Actor, input: GroupUpdateInput) {
  allow(hasRole(actor, 'clerk', 'head'), 'group-update');
  await assertReferences(deps, actor.tenantId, [
    ['ref:classifications', input.set.classificationId, 'set.classificationId'],
    ['ref:nomenclature', input.set.nomenclatureId, 'set.nomenclatureId'],
  ]);
  await assertEmployees(deps, actor.tenantId, [
    [input.set.controllerId, 'set.controllerId'],
    [input.set.addresseeId, 'set.addresseeId'],
  ]);
  const docs = new Map(
    (await deps.documents.getMany(actor.tenantId, [...new Set(input.ids)])).map((d) => [d.id, d]),
  );
  input.ids.forEach((id, i) => {
    const doc = docs.get(id);
    if (!doc || !canSee(actor, doc) || doc.kind !== input.kind) throw unknownReference(`ids.${i}`);
  });
  const results = await eachDocument(
    input.ids.map((id) => ({ id })),
    ({ id }) => applyGroupChange(deps, actor, id, input),
  );
  return { results };
}

async function applyGroupChange(deps: DocumentDeps, actor: Actor, id: string, input: GroupUpdateInput) {
  return retryOnStale(3, async () => {
    const current = await visibleDocument(deps, actor, id);
    if (current.kind !== input.kind)
      throw new BusinessRuleError('wrong_kind', 'Another kind', { kind: current.kind });
    transition(current.kind, current.status, 'group-update');
    const next: DocumentRecord = { ...current, ...input.set, updatedAt: deps.clock.now().toISOString() };
    if (input.set.controllerId) next.controlled = true;
    next.participants = [
      ...new Set(
        [...current.participants, input.set.controllerId, input.set.addresseeId].filter(
          (x): x is string => !!x,
        ),
      ),
    ];
    const result = await commitWithAddresseeLines(deps, current, {
      document: next,
      expectedVersion: current.version,
      operation: {
        actorId: actor.employeeId,
        action: 'group-update',
        changes: diffDocuments(current, next),
      },
    });
    return result.document;
  });
}
