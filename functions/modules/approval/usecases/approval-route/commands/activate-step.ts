import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '../../../../../platform/kernel/errors';
import {
  allowedOperations,
  transition,
  type AssignmentRecord,
  type DocumentRecord,
  type ApprovalRoute,
  type ApprovalStage,
  type ApprovalStep,
} from '../../../../documents';
import {
  actingHolder,
  addWorkingDays,
  ensureDeadline,
  linesOfAll,
  notifyNewTasks,
  tenantCalendar,
  today,
  type ExecutionDeps,
} from '../../../../execution';
import { outcomeAfter, type StepOutcome } from '../../../domain/approval-route';

export interface StepActivation {
  tenantId: string;
  documentId: string;
  round: number;
  step: number;
  taskToken: string;
}

async function stepDueDate(
  deps: ExecutionDeps,
  tenantId: string,
  stage: ApprovalStage | undefined,
): Promise<string | undefined> {
  if (!stage) return undefined;
  if (stage.deadlineDate) return stage.deadlineDate;
  if (stage.deadlineDays === undefined) return undefined;
  return addWorkingDays(await tenantCalendar(deps, tenantId), today(deps), stage.deadlineDays);
}

/**
 * The route machine reached a step: the step's tasks are made and the machine's task token is kept
 * on it, in one transaction, so a decision always finds the token. Run again with the same step
 * (a retried invocation), it only keeps the newer token; if the step already ended, it answers at
 * once. Information steps end as soon as their notices are out.
 */
export async function activateStep(deps: ExecutionDeps, input: StepActivation): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await activateOnce(deps, input);
      return;
    } catch (error) {
      if (error instanceof ConflictError && error.code === 'stale_version' && attempt < 5) continue;
      throw error;
    }
  }
}

async function answer(deps: ExecutionDeps, token: string, output: StepOutcome): Promise<void> {
  await deps.workflow!.taskSucceeded(token, output);
}

async function activateOnce(deps: ExecutionDeps, input: StepActivation): Promise<void> {
  const doc = await deps.documents.get(input.tenantId, input.documentId);
  if (!doc) throw new NotFoundError('document not found');
  const route = doc.route;
  const step = route?.steps[input.step];
  if (!route || !step || route.round !== input.round) {
    // A stale round (the route was resubmitted): this execution has nothing left to do.
    await answer(deps, input.taskToken, {
      outcome: 'rejected',
      done: true,
      next: input.step + 1,
      nextKind: 'none',
    });
    return;
  }
  if (step.state === 'done' || step.state === 'rejected') {
    await answer(
      deps,
      input.taskToken,
      outcomeAfter(route, input.step, step.state === 'done' ? 'approved' : 'rejected'),
    );
    return;
  }
  const now = deps.clock.now().toISOString();
  const steps = [...route.steps];
  if (step.state === 'active') {
    steps[input.step] = { ...step, taskToken: input.taskToken };
    await deps.documents.commit({
      document: { ...doc, route: { ...route, steps }, updatedAt: now },
      expectedVersion: doc.version,
      operation: { actorId: 'system', action: 'route-step', changes: [] },
    });
    return;
  }
  const stage = route.stages[step.stage];
  const dueDate = await stepDueDate(deps, doc.tenantId, stage);
  const date = today(deps);
  const made: AssignmentRecord[] = [];
  const common = {
    tenantId: doc.tenantId,
    documentId: doc.id,
    authorId: doc.authorId,
    reports: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
    routeStep: input.step,
  };
  const holder = (id: string) => actingHolder(deps, doc.tenantId, id, date);
  let status = doc.status;
  let patch: Partial<DocumentRecord> = {};
  if (step.kind === 'execution') {
    // An execution stage is a resolution by the route's author: the first person is responsible.
    const id = randomUUID();
    const controllerId = doc.controllerId ?? doc.authorId;
    made.push({
      ...common,
      id,
      rootId: id,
      kind: 'resolution',
      assigneeId: doc.authorId,
      ownerId: doc.authorId,
      text: doc.summary,
      ...(dueDate ? { dueDate, controllerId } : {}),
      status: 'open',
    });
    for (const [i, employeeId] of step.employeeIds.entries())
      made.push({
        ...common,
        id: randomUUID(),
        rootId: id,
        parentId: id,
        kind: 'execution',
        role: i === 0 ? 'responsible' : 'co-executor',
        assigneeId: await holder(employeeId),
        ownerId: employeeId,
        ...(dueDate ? { dueDate } : {}),
        status: 'pending',
      });
    if (allowedOperations(doc.kind, doc.status).includes('resolve'))
      status = transition(doc.kind, doc.status, 'resolve');
    if (dueDate && !doc.controlled) patch = { controlled: true, controllerId, dueDate };
  } else {
    for (const employeeId of step.employeeIds) {
      const id = randomUUID();
      made.push({
        ...common,
        id,
        rootId: id,
        kind: step.kind === 'information' ? 'information' : step.kind === 'resolution' ? 'task' : step.kind,
        assigneeId: await holder(employeeId),
        ownerId: employeeId,
        ...(dueDate && step.kind !== 'information' ? { dueDate } : {}),
        status: step.kind === 'information' ? 'unread' : 'pending',
      });
    }
  }
  const tracked = step.kind === 'execution' ? made.slice(0, 1) : made;
  const informational = step.kind === 'information';
  const active: ApprovalStep = {
    ...step,
    state: informational ? 'done' : 'active',
    taskToken: input.taskToken,
    startedAt: now,
    ...(informational ? { endedAt: now } : {}),
    ...(dueDate ? { dueDate } : {}),
    assignees: tracked.map((a) => ({
      employeeId: a.ownerId,
      assignmentId: a.id,
      status: informational ? 'done' : 'pending',
    })),
  };
  steps[input.step] = active;
  const last = input.step === steps.length - 1;
  const nextRoute: ApprovalRoute = {
    ...route,
    steps,
    ...(informational && last ? { state: 'completed' as const, completedAt: now } : {}),
  };
  const participants = [...new Set([...doc.participants, ...made.flatMap((a) => [a.assigneeId, a.ownerId])])];
  const { document: saved } = await deps.documents.commit({
    document: { ...doc, ...patch, status, route: nextRoute, participants, updatedAt: now },
    expectedVersion: doc.version,
    operation: {
      actorId: 'system',
      action: 'route-step',
      changes: [
        {
          field: 'route',
          after: {
            step: input.step,
            kind: step.kind,
            people: step.employeeIds,
            ...(dueDate ? { dueDate } : {}),
          },
        },
        ...(status !== doc.status ? [{ field: 'status', before: doc.status, after: status }] : []),
      ],
    },
    assignments: made.map((record) => ({ record })),
    inbox: linesOfAll(made, now),
  });
  if (step.kind === 'execution') await ensureDeadline(deps, made[0]!);
  await notifyNewTasks(deps, saved, made);
  if (informational) await answer(deps, input.taskToken, outcomeAfter(nextRoute, input.step, 'approved'));
}
