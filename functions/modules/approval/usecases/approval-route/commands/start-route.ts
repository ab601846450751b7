import type { Actor } from '../../../../../platform/kernel/aggregate';
import { ConflictError } from '../../../../../platform/kernel/errors';
import {
  allow,
  allowedOperations,
  commitWithAddresseeLines,
  assertVersion,
  transition,
  visibleDocument,
  type DocumentRecord,
  type ApprovalRoute,
  type ApprovalStage,
} from '../../../../documents';
import type { ExecutionDeps } from '../../../../execution';
import type { Employee } from '../../../../org';
import { planSteps } from '../../../domain/approval-route';
import { ROUTE_MACHINE, routeExecutionName } from '../../approval-progress';
import { currentRoute, editable, mayRoute, refuseRunning, view, type ApprovalRouteView } from '../route-view';

/** Holders of the stage's positions (active employees whose first position it is) and named people. */
async function holdersOf(deps: ExecutionDeps, tenantId: string, stage: ApprovalStage): Promise<string[]> {
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
): Promise<ApprovalRouteView> {
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
  const route: ApprovalRoute = {
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
  const { document } = await commitWithAddresseeLines(deps, doc, {
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
