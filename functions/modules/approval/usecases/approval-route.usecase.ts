import { randomUUID } from 'node:crypto';
import type { Actor, AggregateMeta } from '../../../platform/kernel/aggregate';
import { addWorkingDays } from '../../execution';
import type { DocumentRecord } from '../../documents';
import { allowedOperations, transition } from '../../documents';
import { ConflictError, NotFoundError } from '../../../platform/kernel/errors';
import type { AssignmentRecord } from '../../execution';
import type { Employee } from '../../org';
import {
  assertStages,
  chooseTemplate,
  outcomeAfter,
  planSteps,
  type StepOutcome,
} from '../domain/approval-route';
import { type DocumentRoute, type RouteStage, type RouteStep, type RouteTemplateData } from '../../documents';
import { allow, assertVersion, hasRole, unknownReference, visibleDocument } from '../../documents';
import {
  assertAllExist,
  assertKnown,
  createAggregate,
  isActive,
  getOr404,
  sortable,
  updateAggregate,
  type Deps,
} from '../../../platform/kernel/aggregates';
import {
  actingHolder,
  linesOfAll,
  notifyNewTasks,
  tenantCalendar,
  today,
  type ExecutionDeps,
} from '../../execution';
import { ensureDeadline } from '../../execution';
import { ROUTE_MACHINE, routeExecutionName } from './approval-progress';

export type RouteTemplate = AggregateMeta & RouteTemplateData;

// ---------------------------------------------------------------- templates

const placement = (t: RouteTemplateData) => ({ sortKey: sortable(t.name) });

async function checkTemplate(deps: Deps, actor: Actor, data: RouteTemplateData): Promise<void> {
  assertStages(data.stages, today(deps));
  await assertParticipants(deps, actor.tenantId, data.stages);
  await assertAllExist(
    deps,
    'ref:classifications',
    actor.tenantId,
    data.classificationIds,
    'classificationIds',
  );
}

/** Participants are active employees and active positions of the tenant (one read per kind for all stages). */
async function assertParticipants(deps: Deps, tenantId: string, stages: RouteStage[]): Promise<void> {
  await assertKnown(
    deps,
    tenantId,
    stages.flatMap((stage, i) =>
      stage.participants.map((p, j) =>
        'employeeId' in p
          ? (['employee', p.employeeId, `stages.${i}.participants.${j}.employeeId`] as const)
          : (['position', p.positionId, `stages.${i}.participants.${j}.positionId`] as const),
      ),
    ),
    isActive,
  );
}

/** Every template of the agency (a short list), by name. */
export async function listTemplates(deps: Deps, actor: Actor): Promise<RouteTemplate[]> {
  const out: RouteTemplate[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.list<RouteTemplate>('route-template', actor.tenantId, {
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

export const getTemplate = (deps: Deps, actor: Actor, id: string): Promise<RouteTemplate> =>
  getOr404<RouteTemplate>(deps, 'route-template', actor.tenantId, id);

export async function createTemplate(
  deps: Deps,
  actor: Actor,
  data: RouteTemplateData,
  idempotency?: { key: string; requestHash: string },
): Promise<RouteTemplate> {
  await checkTemplate(deps, actor, data);
  return createAggregate(deps, 'route-template', actor, data, placement(data), idempotency);
}

export async function updateTemplate(
  deps: Deps,
  actor: Actor,
  id: string,
  data: RouteTemplateData,
  version: number,
): Promise<RouteTemplate> {
  const current = await getOr404<RouteTemplate>(deps, 'route-template', actor.tenantId, id);
  await checkTemplate(deps, actor, data);
  return updateAggregate(deps, 'route-template', actor, current, data, version, placement(data));
}

// ---------------------------------------------------------------- a document's route

/** The route a document would get now: its own, or the template chosen by kind and classification. */
async function currentRoute(
  deps: ExecutionDeps,
  actor: Actor,
  doc: DocumentRecord,
): Promise<DocumentRoute | undefined> {
  if (doc.route) return doc.route;
  const templates = await listTemplates(deps, actor);
  const named = doc.incoming?.routeTemplateId
    ? templates.find((t) => t.id === doc.incoming!.routeTemplateId)
    : undefined;
  const t = named ?? chooseTemplate(templates, doc.kind, doc.classificationId);
  if (!t) return undefined;
  return { templateId: t.id, templateName: t.name, state: 'draft', round: 0, stages: t.stages, steps: [] };
}

/** Who may shape and start the route: the document's author, the registry office, the head. */
function mayRoute(actor: Actor, doc: DocumentRecord): boolean {
  return doc.authorId === actor.employeeId || hasRole(actor, 'clerk', 'head');
}

const editable = (route: DocumentRoute | undefined) =>
  !route || route.state === 'draft' || route.state === 'rejected';

export interface RouteView {
  documentId: string;
  documentVersion: number;
  route: DocumentRoute | null;
  actions: Array<'edit' | 'start'>;
}

/** A route as the Viza tab shows it (task tokens stay on the server). */
function view(doc: DocumentRecord, route: DocumentRoute | undefined, actor: Actor): RouteView {
  const actions: RouteView['actions'] = [];
  if (mayRoute(actor, doc) && editable(route) && doc.status !== 'cancelled') {
    actions.push('edit');
    if (route && route.stages.length > 0) actions.push('start');
  }
  return {
    documentId: doc.id,
    documentVersion: doc.version,
    route: route
      ? { ...route, steps: route.steps.map(({ taskToken: _token, ...step }) => step as RouteStep) }
      : null,
    actions,
  };
}

export async function getRoute(deps: ExecutionDeps, actor: Actor, documentId: string): Promise<RouteView> {
  const doc = await visibleDocument(deps, actor, documentId);
  return view(doc, await currentRoute(deps, actor, doc), actor);
}

function refuseRunning(): never {
  throw new ConflictError('route_running', 'The route has started; it can change only after a rejection');
}

/** The author shapes the route before it starts (or after a rejection, before resubmitting). */
export async function updateRoute(
  deps: ExecutionDeps,
  actor: Actor,
  documentId: string,
  input: { version: number; templateId?: string; stages: RouteStage[] },
): Promise<RouteView> {
  const doc = await visibleDocument(deps, actor, documentId);
  assertVersion(doc, input.version);
  allow(mayRoute(actor, doc), 'route');
  const before = await currentRoute(deps, actor, doc);
  if (!editable(before)) refuseRunning();
  assertStages(input.stages, today(deps));
  await assertParticipants(deps, actor.tenantId, input.stages);
  let templateName = before?.templateName;
  if (input.templateId && input.templateId !== before?.templateId) {
    // A template of the tenant made for this kind of document.
    const template = await deps.store.get<RouteTemplate>('route-template', actor.tenantId, input.templateId);
    if (!template || !template.kinds.includes(doc.kind)) throw unknownReference('templateId');
    templateName = template.name;
  }
  const templateId = input.templateId ?? before?.templateId;
  const route: DocumentRoute = {
    ...(before ?? { state: 'draft', round: 0, steps: [] }),
    ...(templateId ? { templateId } : {}),
    ...(templateName ? { templateName } : {}),
    stages: input.stages,
  };
  const now = deps.clock.now().toISOString();
  const { document } = await deps.documents.commit({
    document: { ...doc, route, updatedAt: now },
    expectedVersion: doc.version,
    operation: {
      actorId: actor.employeeId,
      action: 'route-edit',
      changes: [{ field: 'route', before: before?.stages, after: input.stages }],
    },
  });
  return view(document, route, actor);
}

/** Holders of the stage's positions (active employees whose first position it is) and named people. */
async function holdersOf(deps: ExecutionDeps, tenantId: string, stage: RouteStage): Promise<string[]> {
  const out: string[] = [];
  for (const p of stage.participants) {
    if ('employeeId' in p) {
      out.push(p.employeeId);
      continue;
    }
    const page = await deps.store.list<Employee>('employee', tenantId, {
      limit: 100,
      parentKey: p.positionId,
    });
    out.push(...page.items.filter((e) => e.active).map((e) => e.id));
  }
  return out;
}

/**
 * Starts the route (or resubmits it after a rejection, as a new round): positions become people,
 * stages become steps, an order goes to agreement, and the route machine starts. The machine's
 * start is idempotent by name; the stream consumer starts it if this process dies first.
 */
export async function startRoute(
  deps: ExecutionDeps,
  actor: Actor,
  documentId: string,
  input: { version: number; comment?: string },
): Promise<RouteView> {
  const doc = await visibleDocument(deps, actor, documentId);
  assertVersion(doc, input.version);
  allow(mayRoute(actor, doc), 'route');
  const before = await currentRoute(deps, actor, doc);
  if (!before || before.stages.length === 0)
    throw new ConflictError('route_empty', 'The document has no route to start');
  if (!editable(before)) refuseRunning();
  const holders: string[][] = [];
  for (const [i, stage] of before.stages.entries()) {
    const people = await holdersOf(deps, actor.tenantId, stage);
    if (people.length === 0)
      throw new ConflictError('route_stage_unstaffed', 'Nobody holds the positions of a stage', { stage: i });
    holders.push(people);
  }
  const now = deps.clock.now().toISOString();
  const { rejection: _previous, ...rest } = before;
  const route: DocumentRoute = {
    ...rest,
    state: 'running',
    round: before.round + 1,
    steps: planSteps(before.stages, holders),
    startedAt: now,
  };
  const status = allowedOperations(doc.kind, doc.status).includes('submit')
    ? transition(doc.kind, doc.status, 'submit')
    : doc.status;
  const participants = [...new Set([...doc.participants, ...holders.flat()])];
  const { document } = await deps.documents.commit({
    document: { ...doc, route, status, participants, updatedAt: now },
    expectedVersion: doc.version,
    operation: {
      actorId: actor.employeeId,
      action: before.state === 'rejected' ? 'route-resubmit' : 'route-start',
      changes: [
        { field: 'route', after: { round: route.round, steps: route.steps.length } },
        ...(status !== doc.status ? [{ field: 'status', before: doc.status, after: status }] : []),
      ],
      ...(input.comment ? { comment: input.comment } : {}),
    },
  });
  try {
    await ensureRouteMachine(deps, document);
  } catch {
    // Not lost: the table-stream consumer (routeWatch) starts it from the committed route.
  }
  return view(document, route, actor);
}

/** Starts the machine of a running route's round; the same name every time, so at most one runs. */
export async function ensureRouteMachine(deps: ExecutionDeps, doc: DocumentRecord): Promise<void> {
  const route = doc.route;
  if (!route || route.state !== 'running' || !deps.workflow) return;
  await deps.workflow.start({
    machine: ROUTE_MACHINE,
    name: routeExecutionName(doc.id, route.round),
    input: { tenantId: doc.tenantId, documentId: doc.id, round: route.round, step: 0 },
  });
}

// ---------------------------------------------------------------- the machine's task

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
  stage: RouteStage | undefined,
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
  const active: RouteStep = {
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
  const nextRoute: DocumentRoute = {
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
