import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../platform/kernel/aggregate';
import type { DocumentRecord, FieldChange } from '../../documents';
import { allowedOperations, transition } from '../../documents';
import { BusinessRuleError, ConflictError, NotFoundError } from '../../../platform/kernel/errors';
import {
  actionNotAllowed,
  assertAssignmentAction,
  planResolution,
  statusAllows,
  type AssignmentAction,
  type ResolutionInput,
} from '../domain/assignment';
import { type AssignmentRecord } from '../../documents';
import type { LinkWrite } from '../../documents';
import {
  allow,
  assertDocuments,
  assertEmployees,
  assertVersion,
  retryOnStale,
  unknownReference,
  visibleDocument,
} from '../../documents';
import { permitted } from '../../documents';
import {
  actingHolder,
  DEADLINE_MACHINE,
  deadlineExecutionName,
  linesOfAll,
  notifyNewTasks,
  today,
  type ExecutionDeps,
} from './common';

type Changed = { record: AssignmentRecord; expectedVersion?: number };

interface TreeChange {
  doc: DocumentRecord;
  /** Document fields set by the change (status, control, participants...). */
  patch?: Partial<DocumentRecord>;
  assignments: Changed[];
  action: string;
  changes: FieldChange[];
  comment?: string;
  onBehalfOf?: string;
  links?: LinkWrite[];
}

/**
 * One transaction: the document (version checked), the changed assignments, their list lines and
 * the log entry. Route tasks among the changes move the document's route on; when a step ends,
 * the route machine waiting on it hears the outcome after the commit.
 */
async function commitTree(deps: ExecutionDeps, actor: Actor, change: TreeChange): Promise<DocumentRecord> {
  const now = deps.clock.now().toISOString();
  const participants = new Set(change.doc.participants);
  for (const { record } of change.assignments) {
    for (const id of [record.assigneeId, record.ownerId, record.authorId, record.controllerId])
      if (id) participants.add(id);
  }
  let next: DocumentRecord = {
    ...change.doc,
    ...change.patch,
    participants: [...participants],
    updatedAt: now,
  };
  // The approval route (if the document has one) moves on when its step's tasks end.
  const progress = deps.approval?.afterTasks(
    next,
    change.assignments.map((a) => a.record),
    actor,
    now,
    change.comment,
  );
  if (progress) {
    next = progress.document;
    if (progress.ended) {
      if (next.status !== change.doc.status && !change.changes.some((c) => c.field === 'status'))
        change.changes.push({ field: 'status', before: change.doc.status, after: next.status });
      change.changes.push({ field: 'route', after: progress.ended });
    }
  }
  const { document } = await deps.documents.commit({
    document: next,
    expectedVersion: change.doc.version,
    operation: {
      actorId: actor.employeeId,
      ...(change.onBehalfOf ? { onBehalfOf: change.onBehalfOf } : {}),
      action: change.action,
      changes: change.changes,
      ...(change.comment ? { comment: change.comment } : {}),
    },
    assignments: change.assignments,
    inbox: linesOfAll(
      change.assignments.map((a) => a.record),
      now,
    ),
    ...(change.links?.length ? { links: change.links } : {}),
  });
  if (progress?.ended) await deps.approval?.signal(document, progress.ended.step);
  return document;
}

/** Starts the deadline machine of a controlled resolution; idempotent by name (the same input every time). */
export async function ensureDeadline(deps: ExecutionDeps, r: AssignmentRecord): Promise<void> {
  if (!r.controllerId || !r.dueDate || r.kind !== 'resolution' || r.status === 'executed' || !deps.workflow)
    return;
  await deps.workflow.start({
    machine: DEADLINE_MACHINE,
    name: deadlineExecutionName(r.id),
    input: { tenantId: r.tenantId, documentId: r.documentId, assignmentId: r.id, after: r.createdAt },
  });
}

/** After the transaction: a failure here is retried by the stream consumer. */
async function startDeadline(deps: ExecutionDeps, r: AssignmentRecord): Promise<void> {
  try {
    await ensureDeadline(deps, r);
  } catch {
    // Not lost: the table-stream consumer (deadlineWatch) starts it from the committed resolution.
  }
}

async function stopDeadline(deps: ExecutionDeps, r: AssignmentRecord): Promise<void> {
  if (!r.controllerId || !r.dueDate || !deps.workflow) return;
  try {
    const arn = deps.workflow.executionArn(DEADLINE_MACHINE, deadlineExecutionName(r.id));
    await deps.workflow.stop(arn, 'executed');
  } catch {
    // Already ended, or never started: the machine also stops itself at its next event.
  }
}

/** The document's resolutions and assignments, with what the caller may do on each. */
export async function executionView(deps: ExecutionDeps, actor: Actor, documentId: string) {
  // The tree first, then the document: the version handed out is never older than the tree shown
  // (both change in one transaction), so acting on what is shown never gets a needless 409.
  const all = await deps.documents.assignments(actor.tenantId, documentId);
  const doc = await visibleDocument(deps, actor, documentId);
  all.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return {
    documentId,
    documentVersion: doc.version,
    documentStatus: doc.status,
    canResolve: mayResolve(actor, doc, all),
    assignments: all.map((a) => ({ ...a, actions: actionsFor(actor, a, all) })),
  };
}

function mayResolve(actor: Actor, doc: DocumentRecord, all: AssignmentRecord[]): boolean {
  const hasTask = all.some((a) => a.kind === 'task' && a.status === 'pending' && holds(actor, a));
  return (
    allowedOperations(doc.kind, doc.status).includes('resolve') &&
    (permitted(actor, doc, 'resolve') || hasTask)
  );
}

const holds = (actor: Actor, a: AssignmentRecord) =>
  a.assigneeId === actor.employeeId || a.ownerId === actor.employeeId;

function actionsFor(actor: Actor, a: AssignmentRecord, all: AssignmentRecord[]): AssignmentAction[] {
  const can = (action: AssignmentAction) => statusAllows(a, action);
  const out: AssignmentAction[] = [];
  if (a.kind === 'execution' && holds(actor, a)) {
    const parent = all.find((r) => r.id === a.parentId);
    if (can('report') && parent?.status === 'open') out.push('report');
    if (a.role === 'responsible' && can('close') && parent?.status === 'open') out.push('close');
    if (can('sub-resolution') && parent?.status === 'open') out.push('sub-resolution');
  }
  if (a.kind === 'resolution' && a.controllerId === actor.employeeId && can('accept'))
    out.push('accept', 'return');
  if (a.kind === 'information' && holds(actor, a) && a.status === 'unread') out.push('read');
  if (a.kind === 'endorsement' && holds(actor, a) && can('approve')) out.push('approve', 'reject');
  if (a.kind === 'signing' && holds(actor, a) && can('sign')) out.push('sign', 'reject');
  return out;
}

export interface WriteResolutionInput extends ResolutionInput {
  version: number;
  /** A sub-resolution: the caller's own execution assignment it hangs under. */
  parentId?: string;
}

/**
 * The head's resolution (dərkənar) on a document, or an executor's sub-resolution under their own
 * assignment. Executors and for-information recipients get their assignments (a substitute takes
 * them while one acts), the head's first resolution also reaches the distribution list made at
 * registration, and a controlled resolution starts its deadline machine.
 */
export async function writeResolution(
  deps: ExecutionDeps,
  actor: Actor,
  documentId: string,
  input: WriteResolutionInput,
): Promise<DocumentRecord> {
  const doc = await visibleDocument(deps, actor, documentId);
  assertVersion(doc, input.version);
  const now = deps.clock.now().toISOString();
  const date = today(deps);
  const all = await deps.documents.assignments(actor.tenantId, documentId);
  let parent: AssignmentRecord | undefined;
  let status = doc.status;
  // A route's "write the resolution" task of the caller (or the official they stand in for) ends with it.
  const tasks = input.parentId
    ? []
    : all.filter((a) => a.kind === 'task' && a.status === 'pending' && holds(actor, a));
  if (input.parentId) {
    // Only an execution assignment the caller holds: any other id is an unknown reference.
    parent = all.find((a) => a.id === input.parentId && a.kind === 'execution');
    if (!parent || !holds(actor, parent)) throw unknownReference('parentId');
    assertAssignmentAction(parent, 'sub-resolution');
  } else {
    allow(permitted(actor, doc, 'resolve') || tasks.length > 0, 'resolve');
    status = transition(doc.kind, doc.status, 'resolve');
  }
  const parentResolution = parent ? all.find((a) => a.id === parent.parentId) : undefined;
  const executors = planResolution(input, date, parent?.dueDate);
  const forInformation = [...new Set(input.forInformation ?? [])].filter(
    (id) => !executors.some((e) => e.employeeId === id),
  );
  await assertEmployees(deps, actor.tenantId, [
    ...executors.map((e, i): [string, string] => [e.employeeId, `executors.${i}.employeeId`]),
    // Every recipient named, at the index the request gave it (executors among them included).
    ...(input.forInformation ?? []).map((id, i): [string, string] => [id, `forInformation.${i}`]),
    [input.controllerId, 'controllerId'],
  ]);
  const author = parent ? parent.ownerId : actor.employeeId;
  const resolutionId = randomUUID();
  const dueDate = input.dueDate ?? parent?.dueDate;
  // A sub-resolution is controlled by its author unless another controller is named: the control rolls up.
  const controllerId = input.controllerId ?? (parent ? author : undefined);
  const common = {
    tenantId: actor.tenantId,
    documentId,
    rootId: parentResolution?.rootId ?? resolutionId,
    authorId: author,
    reports: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const resolution: AssignmentRecord = {
    ...common,
    id: resolutionId,
    kind: 'resolution',
    ...(parent ? { parentId: parent.id } : {}),
    assigneeId: author,
    ownerId: author,
    text: input.text,
    ...(dueDate ? { dueDate } : {}),
    ...(controllerId && dueDate ? { controllerId } : {}),
    status: 'open',
  };
  const made: AssignmentRecord[] = [resolution];
  for (const e of executors) {
    made.push({
      ...common,
      id: randomUUID(),
      kind: 'execution',
      parentId: resolutionId,
      assigneeId: await actingHolder(deps, actor.tenantId, e.employeeId, date),
      ownerId: e.employeeId,
      role: e.role,
      ...(dueDate ? { dueDate } : {}),
      status: 'pending',
    });
  }
  const distribution =
    !parent && !all.some((a) => a.kind === 'resolution') ? (doc.incoming?.distribution ?? []) : [];
  const informed = [...new Set([...forInformation, ...distribution])].filter(
    (id) => !executors.some((e) => e.employeeId === id),
  );
  for (const id of informed) {
    made.push({
      ...common,
      id: randomUUID(),
      kind: 'information',
      parentId: resolutionId,
      assigneeId: await actingHolder(deps, actor.tenantId, id, date),
      ownerId: id,
      status: 'unread',
    });
  }
  const patch: Partial<DocumentRecord> = { status };
  if (!parent && resolution.controllerId && !doc.controlled) {
    patch.controlled = true;
    patch.controllerId = resolution.controllerId;
    patch.dueDate = resolution.dueDate!;
  }
  const saved = await commitTree(deps, actor, {
    doc,
    patch,
    assignments: [
      ...made.map((record) => ({ record })),
      ...tasks.map((t) => ({
        record: { ...t, status: 'done' as const, closedAt: now, updatedAt: now },
        expectedVersion: t.version,
      })),
    ],
    action: parent ? 'sub-resolution' : 'resolution',
    ...(parent && parent.ownerId !== actor.employeeId ? { onBehalfOf: parent.ownerId } : {}),
    changes: [
      {
        field: 'resolution',
        after: {
          id: resolutionId,
          text: input.text,
          executors: executors.map((e) => ({ employeeId: e.employeeId, role: e.role })),
          forInformation: informed,
          ...(resolution.controllerId ? { controllerId: resolution.controllerId } : {}),
          ...(dueDate ? { dueDate } : {}),
        },
      },
      ...(status !== doc.status ? [{ field: 'status', before: doc.status, after: status }] : []),
    ],
  });
  await startDeadline(deps, resolution);
  await notifyNewTasks(deps, saved, made);
  return saved;
}

export interface AssignmentActionInput {
  version: number;
  text?: string;
  /** A reply document that executes the controlled one (linked as its reply). */
  replyDocumentId?: string;
  comment?: string;
}

const onBehalf = (actor: Actor, a: AssignmentRecord) =>
  a.ownerId !== actor.employeeId ? { onBehalfOf: a.ownerId } : {};

/**
 * An executor's report (text plus an optional reply document), the responsible executor's closing,
 * the controller's acceptance or return, or a recipient's "read". Each is one transaction with the
 * document's log entry; a stale document version gets 409.
 */
export async function actOnAssignment(
  deps: ExecutionDeps,
  actor: Actor,
  documentId: string,
  assignmentId: string,
  action: AssignmentAction,
  input: AssignmentActionInput,
): Promise<DocumentRecord> {
  const doc = await visibleDocument(deps, actor, documentId);
  assertVersion(doc, input.version);
  const all = await deps.documents.assignments(actor.tenantId, documentId);
  const a = all.find((x) => x.id === assignmentId);
  if (!a) throw new NotFoundError('assignment not found');
  if (!actionsFor(actor, a, all).includes(action)) throw actionNotAllowed(a, action);
  const now = deps.clock.now().toISOString();
  const bump = (r: AssignmentRecord, patch: Partial<AssignmentRecord>): Changed => ({
    record: { ...r, ...patch, updatedAt: now },
    expectedVersion: r.version,
  });
  const needText = () => {
    if (!input.text?.trim())
      throw new BusinessRuleError('report_text_required', 'Write what was done', {}, [
        { path: 'text', code: 'required' },
      ]);
    return input.text.trim();
  };
  switch (action) {
    case 'report':
    case 'close': {
      const text = needText();
      if (input.replyDocumentId) await assertReply(deps, actor, documentId, input.replyDocumentId);
      const report = {
        at: now,
        by: actor.employeeId,
        ...onBehalf(actor, a),
        text,
        ...(input.replyDocumentId ? { documentId: input.replyDocumentId } : {}),
      };
      const changed: Changed[] = [];
      const links: LinkWrite[] = input.replyDocumentId
        ? [{ from: input.replyDocumentId, to: documentId, type: 'reply' }]
        : [];
      let patch: Partial<DocumentRecord> | undefined;
      if (action === 'report') {
        changed.push(bump(a, { status: 'reported', reports: [...a.reports, report] }));
      } else {
        const open = all.filter(
          (s) => s.kind === 'resolution' && s.parentId === a.id && s.status !== 'executed',
        );
        if (open.length > 0)
          throw new ConflictError(
            'subresolutions_open',
            'Sub-resolutions under this assignment are still open',
            {
              count: open.length,
            },
          );
        changed.push(bump(a, { status: 'done', reports: [...a.reports, report], closedAt: now }));
        const r = all.find((x) => x.id === a.parentId)!;
        const executed = !r.controllerId;
        changed.push(
          bump(r, { status: executed ? 'executed' : 'closed', ...(executed ? { closedAt: now } : {}) }),
        );
        if (executed) patch = documentExecuted(doc, all, r);
      }
      return commitTree(deps, actor, {
        doc,
        ...(patch ? { patch } : {}),
        assignments: changed,
        action: action === 'report' ? 'execution-report' : 'execution-close',
        ...onBehalf(actor, a),
        changes: [
          { field: 'assignment', after: { id: a.id, status: changed[0]!.record.status, text } },
          ...(patch?.status ? [{ field: 'status', before: doc.status, after: patch.status }] : []),
        ],
        links,
      });
    }
    case 'accept': {
      const patch = documentExecuted(doc, all, a);
      const saved = await commitTree(deps, actor, {
        doc,
        ...(patch ? { patch } : {}),
        assignments: [bump(a, { status: 'executed', closedAt: now })],
        action: 'execution-accept',
        changes: [
          {
            field: 'resolution',
            before: { id: a.id, status: a.status },
            after: { id: a.id, status: 'executed' },
          },
          ...(patch?.status ? [{ field: 'status', before: doc.status, after: patch.status }] : []),
        ],
        ...(input.comment ? { comment: input.comment } : {}),
      });
      await stopDeadline(deps, a);
      return saved;
    }
    case 'return': {
      if (!input.comment?.trim())
        throw new BusinessRuleError('return_comment_required', 'Say why it is returned', {}, [
          { path: 'comment', code: 'required' },
        ]);
      const responsible = all.find((x) => x.parentId === a.id && x.role === 'responsible');
      return commitTree(deps, actor, {
        doc,
        assignments: [
          bump(a, { status: 'open', comment: input.comment }),
          ...(responsible ? [bump(responsible, { status: 'returned', comment: input.comment })] : []),
        ],
        action: 'execution-return',
        changes: [
          {
            field: 'resolution',
            before: { id: a.id, status: a.status },
            after: { id: a.id, status: 'open' },
          },
        ],
        comment: input.comment,
      });
    }
    case 'approve':
    case 'sign':
      return commitTree(deps, actor, {
        doc,
        assignments: [
          bump(a, {
            status: action === 'sign' ? 'signed' : 'approved',
            closedAt: now,
            ...(input.comment ? { comment: input.comment } : {}),
          }),
        ],
        action: action === 'sign' ? 'route-sign' : 'route-approve',
        ...onBehalf(actor, a),
        changes: [
          {
            field: 'assignment',
            after: { id: a.id, kind: a.kind, status: action === 'sign' ? 'signed' : 'approved' },
          },
        ],
        ...(input.comment ? { comment: input.comment } : {}),
      });
    case 'reject': {
      if (!input.comment?.trim())
        throw new BusinessRuleError('reject_comment_required', 'Say why it is rejected', {}, [
          { path: 'comment', code: 'required' },
        ]);
      // The other open tasks of the same step are withdrawn: the route goes back to the author.
      const others = all.filter(
        (x) => x.id !== a.id && x.routeStep === a.routeStep && x.status === 'pending' && x.kind === a.kind,
      );
      return commitTree(deps, actor, {
        doc,
        assignments: [
          bump(a, { status: 'rejected', closedAt: now, comment: input.comment }),
          ...others.map((x) => bump(x, { status: 'withdrawn', closedAt: now })),
        ],
        action: 'route-reject',
        ...onBehalf(actor, a),
        changes: [{ field: 'assignment', after: { id: a.id, kind: a.kind, status: 'rejected' } }],
        comment: input.comment,
      });
    }
    case 'read':
      return commitTree(deps, actor, {
        doc,
        assignments: [bump(a, { status: 'read' })],
        action: 'information-read',
        ...onBehalf(actor, a),
        changes: [{ field: 'assignment', after: { id: a.id, status: 'read' } }],
      });
    default:
      throw actionNotAllowed(a, action);
  }
}

/**
 * A reply document named in a report: one the executor may see, or one registered as the answer to
 * this very document (the clerk registers the outgoing reply the executor prepared).
 */
async function assertReply(
  deps: ExecutionDeps,
  actor: Actor,
  documentId: string,
  replyId: string,
): Promise<void> {
  const reply = await deps.documents.get(actor.tenantId, replyId);
  if (reply && (reply.outgoing?.inReplyTo === documentId || reply.internal?.answersId === documentId)) return;
  await assertDocuments(deps, actor, [[replyId, 'replyDocumentId']]);
}

/** When the last open top resolution is executed, the document is executed too. */
function documentExecuted(
  doc: DocumentRecord,
  all: AssignmentRecord[],
  executing: AssignmentRecord,
): Partial<DocumentRecord> | undefined {
  if (executing.parentId) return undefined;
  const stillOpen = all.some(
    (r) => r.kind === 'resolution' && !r.parentId && r.id !== executing.id && r.status !== 'executed',
  );
  if (stillOpen) return undefined;
  return { status: transition(doc.kind, doc.status, 'execute') };
}

/** Resolution actions race on the document version; commuting ones (read marks) retry on the fresh state. */
export const markRead = (
  deps: ExecutionDeps,
  actor: Actor,
  documentId: string,
  assignmentId: string,
): Promise<DocumentRecord> =>
  retryOnStale(3, async () => {
    const doc = await visibleDocument(deps, actor, documentId);
    return actOnAssignment(deps, actor, documentId, assignmentId, 'read', { version: doc.version });
  });
