import type { AggregateMeta } from '../../functions/platform/kernel/aggregate';
import type { DocumentRecord } from '../../functions/modules/documents/domain/document';
import type {
  ApprovalRoute,
  ApprovalRouteTemplateData,
} from '../../functions/modules/documents/domain/route-copy';
import type { AssignmentRecord } from '../../functions/modules/documents/domain/tasks';
import type { Employee, Substitution } from '../../functions/modules/org/domain/org';
import { approvalProgress } from '../../functions/modules/approval/usecases/approval-progress';
import type { ExecutionDeps } from '../../functions/modules/execution/usecases/common';
import type { MemoryAggregateStore } from './fakes/aggregate-store';
import * as base from './builders';
import { memoryDeps } from './memory-deps';

/**
 * Execution control and approval routes on in-memory ports: the deps their use cases take, with the
 * fakes kept apart so a test can arrange and inspect them, and builders of the records they read
 * (the shared builders of `builders.ts`, with records created at EARLIER).
 * Fixed instants only: 2026-03-02 is a Monday (10:00 in Baku).
 */
export { actor, TENANT } from './builders';
export const NOW = base.T0;
export const TODAY = '2026-03-02';
export const EARLIER = '2026-02-27T08:00:00.000Z';

export function executionDeps(options: { approval?: boolean; workflow?: boolean } = {}) {
  const { store, documents, clock, workflow } = memoryDeps(NOW);
  const deps: ExecutionDeps = {
    store,
    documents,
    clock,
    ...(options.workflow === false ? {} : { workflow }),
    ...(options.approval === false ? {} : { approval: approvalProgress({ workflow }) }),
  };
  return { deps, store, documents, clock, workflow };
}

export type ExecutionWorld = ReturnType<typeof executionDeps>;

const meta = (id: string): AggregateMeta => base.meta(id, base.TENANT, EARLIER);

/** The shared document builder, created at EARLIER and without the internal-document part. */
function document(id: string, overrides: Partial<DocumentRecord>): DocumentRecord {
  const record = base.documentRecord(id, { ...meta(id), ...overrides });
  if (!('internal' in overrides)) delete record.internal;
  return record;
}

/** An incoming document registered to the head, at version 1. */
export function incoming(id = 'doc-1', overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  return document(id, {
    kind: 'incoming',
    status: 'registered',
    summary: `Müraciət ${id}`,
    authorId: 'clerk',
    addresseeId: 'head',
    participants: ['clerk', 'head'],
    incoming: { sender: { kind: 'citizen', name: 'Əli Məmmədov' }, distribution: [] },
    ...overrides,
  });
}

/** An order draft by its author. */
export function orderDraft(id = 'ord-1', overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  return document(id, {
    kind: 'order',
    summary: `Əmr ${id}`,
    order: { category: 'order' },
    ...overrides,
  });
}

export function assignment(id: string, overrides: Partial<AssignmentRecord> = {}): AssignmentRecord {
  return base.assignment(id, { createdAt: EARLIER, updatedAt: EARLIER, ...overrides });
}

/** The head's open resolution `res-1` on `doc-1`. */
export function resolution(overrides: Partial<AssignmentRecord> = {}): AssignmentRecord {
  return assignment('res-1', {
    kind: 'resolution',
    parentId: undefined,
    assigneeId: 'head',
    ownerId: 'head',
    text: 'İcra edin',
    status: 'open',
    ...overrides,
  });
}

export function employee(id: string, overrides: Partial<Employee> = {}): Employee {
  return base.employee(id, { ...meta(id), fullName: `İşçi ${id}`, ...overrides });
}

/** Active employees, each filed under its first position (as the org use cases store them). */
export function seedEmployees(store: MemoryAggregateStore, ...people: Employee[]): void {
  for (const e of people) store.seed('employee', e, { parentKey: e.positionIds[0] ?? '-' });
}

export function seedSubstitution(
  store: MemoryAggregateStore,
  s: Omit<Substitution, keyof AggregateMeta>,
): void {
  store.seed('substitution', { ...meta(`sub-${s.employeeId}`), ...s }, { parentKey: s.employeeId });
}

export function routeTemplate(id: string, data: Partial<ApprovalRouteTemplateData> = {}) {
  return {
    ...meta(id),
    name: `Şablon ${id}`,
    kinds: ['order' as const],
    classificationIds: [],
    stages: [
      { kind: 'endorsement' as const, mode: 'parallel' as const, participants: [{ employeeId: 'lawyer' }] },
    ],
    ...data,
  };
}

/** A running route whose step 0 (an endorsement by `people`) waits on the machine's token `tok-0`. */
export function runningRoute(people: string[], assignmentIds: string[]): ApprovalRoute {
  return {
    state: 'running',
    round: 1,
    stages: [
      { kind: 'endorsement', mode: 'parallel', participants: people.map((employeeId) => ({ employeeId })) },
    ],
    steps: [
      {
        stage: 0,
        kind: 'endorsement',
        employeeIds: people,
        state: 'active',
        taskToken: 'tok-0',
        startedAt: EARLIER,
        assignees: people.map((employeeId, i) => ({
          employeeId,
          assignmentId: assignmentIds[i]!,
          status: 'pending',
        })),
      },
    ],
    startedAt: EARLIER,
  };
}

/**
 * `doc-1` in execution on in-memory deps: an incoming document whose participants are the clerk, the
 * head and `participants`, under the head's resolution `res-1` (with `res`) and its `tasks`; `more`
 * documents beside it.
 */
export function docInExecution(
  participants: string[],
  res: Partial<AssignmentRecord> = {},
  tasks: AssignmentRecord[] = [],
  more: DocumentRecord[] = [],
): ExecutionWorld {
  const w = executionDeps();
  w.documents.seed({
    documents: [
      incoming('doc-1', { status: 'in-execution', participants: ['clerk', 'head', ...participants] }),
      ...more,
    ],
    assignments: [resolution(res), ...tasks],
  });
  return w;
}

/** A document's assignments as the store holds them now, by id. */
export async function assignmentsById(
  w: ExecutionWorld,
  documentId = 'doc-1',
): Promise<Map<string, AssignmentRecord>> {
  return new Map((await w.documents.assignments(base.TENANT, documentId)).map((a) => [a.id, a]));
}

/** An order in agreement whose route's step 0 (endorsements by `people`) waits on the tasks `taskIds`. */
export function orderInAgreement(
  people: string[],
  taskIds: string[],
  id = 'ord-1',
  overrides: Partial<DocumentRecord> = {},
): DocumentRecord {
  return orderDraft(id, {
    status: 'in-agreement',
    participants: ['author', ...people],
    route: runningRoute(people, taskIds),
    ...overrides,
  });
}

/** `who`'s endorsement task `id` of step 0 of the route of `ord-1`. */
export function endorsementTask(id: string, who: string): AssignmentRecord {
  return assignment(id, {
    documentId: 'ord-1',
    kind: 'endorsement',
    parentId: undefined,
    rootId: id,
    assigneeId: who,
    ownerId: who,
    routeStep: 0,
  });
}
