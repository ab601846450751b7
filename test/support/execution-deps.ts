import type { Actor, AggregateMeta } from '../../functions/platform/kernel/aggregate';
import type { Role } from '../../functions/platform/kernel/roles';
import type { DocumentRecord } from '../../functions/modules/documents/domain/document';
import type {
  ApprovalRoute,
  ApprovalRouteTemplateData,
} from '../../functions/modules/documents/domain/route-copy';
import type { AssignmentRecord } from '../../functions/modules/documents/domain/tasks';
import type { Employee, Substitution } from '../../functions/modules/org/domain/org';
import { approvalProgress } from '../../functions/modules/approval/usecases/approval-progress';
import type { ExecutionDeps } from '../../functions/modules/execution/usecases/common';
import { MemoryAggregateStore } from './fakes/aggregate-store';
import { ManualClock } from './fakes/clock';
import { MemoryDocumentStore } from './fakes/document-store';
import { MemoryWorkflowEngine } from './fakes/workflow';

/**
 * Execution control and approval routes on in-memory ports: the deps their use cases take, with the
 * fakes kept apart so a test can arrange and inspect them, and builders of the records they read.
 * Fixed instants only: 2026-03-02 is a Monday (10:00 in Baku).
 */
export const TENANT = 't1';
export const NOW = '2026-03-02T06:00:00.000Z';
export const TODAY = '2026-03-02';
export const EARLIER = '2026-02-27T08:00:00.000Z';

export function executionDeps(options: { approval?: boolean; workflow?: boolean } = {}) {
  const store = new MemoryAggregateStore();
  const documents = new MemoryDocumentStore();
  const clock = new ManualClock(NOW);
  const workflow = new MemoryWorkflowEngine();
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

export function actor(employeeId: string, roles: Role[] = []): Actor {
  return { tenantId: TENANT, employeeId, username: employeeId, roles: new Set(roles) };
}

const meta = (id: string, at = EARLIER): AggregateMeta => ({
  id,
  tenantId: TENANT,
  version: 1,
  createdAt: at,
  updatedAt: at,
});

/** An incoming document registered to the head, at version 1. */
export function incoming(id = 'doc-1', overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    ...meta(id),
    kind: 'incoming',
    status: 'registered',
    summary: `Müraciət ${id}`,
    controlled: false,
    authorId: 'clerk',
    addresseeId: 'head',
    participants: ['clerk', 'head'],
    contents: [],
    incoming: { sender: { kind: 'citizen', name: 'Əli Məmmədov' }, distribution: [] },
    ...overrides,
  };
}

/** An order draft by its author. */
export function orderDraft(id = 'ord-1', overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    ...meta(id),
    kind: 'order',
    status: 'draft',
    summary: `Əmr ${id}`,
    controlled: false,
    authorId: 'author',
    participants: ['author'],
    contents: [],
    order: { category: 'order' },
    ...overrides,
  };
}

export function assignment(id: string, overrides: Partial<AssignmentRecord> = {}): AssignmentRecord {
  return {
    tenantId: TENANT,
    id,
    documentId: 'doc-1',
    kind: 'execution',
    rootId: 'res-1',
    parentId: 'res-1',
    authorId: 'head',
    assigneeId: 'executor',
    ownerId: 'executor',
    status: 'pending',
    reports: [],
    version: 1,
    createdAt: EARLIER,
    updatedAt: EARLIER,
    ...overrides,
  };
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
  return {
    ...meta(id),
    fullName: `İşçi ${id}`,
    username: id,
    email: `${id}@agency.az`,
    positionIds: [],
    active: true,
    ...overrides,
  };
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
