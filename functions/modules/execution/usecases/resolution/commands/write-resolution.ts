import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../../../platform/kernel/aggregate';
import {
  allow,
  assertEmployees,
  assertVersion,
  permitted,
  replayed,
  transition,
  unknownReference,
  visibleDocument,
  type AssignmentRecord,
  type DocumentRecord,
  type Idempotency,
} from '../../../../documents';
import { assertAssignmentAction, planResolution, type ResolutionInput } from '../../../domain/assignment';
import { actingHolder, notifyNewTasks, today, type ExecutionDeps } from '../../common';
import { actingForAddressee, holds } from '../assignment-rights';
import { commitTree } from '../commit-tree';
import { startDeadline } from '../deadline-machine';

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
  idempotency?: Idempotency,
): Promise<DocumentRecord> {
  // A retried request that already wrote this resolution: the document, not a second resolution.
  const done = await replayed(deps, actor, idempotency);
  if (done) return done;
  const doc = await visibleDocument(deps, actor, documentId);
  assertVersion(doc, input.version);
  const now = deps.clock.now().toISOString();
  const date = today(deps);
  const all = await deps.documents.assignments(actor.tenantId, documentId);
  let parent: AssignmentRecord | undefined;
  let status = doc.status;
  // The addressee's substitute resolves the waiting document on the official's behalf.
  const forAddressee = input.parentId ? undefined : await actingForAddressee(deps, actor, doc);
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
    allow(permitted(actor, doc, 'resolve') || tasks.length > 0 || forAddressee !== undefined, 'resolve');
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
    ...(idempotency ? { idempotency } : {}),
    ...(parent && parent.ownerId !== actor.employeeId ? { onBehalfOf: parent.ownerId } : {}),
    ...(forAddressee ? { onBehalfOf: forAddressee } : {}),
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
