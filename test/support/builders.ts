import type { Actor, AggregateMeta } from '../../functions/platform/kernel/aggregate';
import type { Role } from '../../functions/platform/kernel/roles';
import type { DocumentRecord } from '../../functions/modules/documents/domain/document';
import type { AssignmentRecord } from '../../functions/modules/documents/domain/tasks';
import type {
  Department,
  Employee,
  Position,
  Substitution,
  SubstitutionData,
  Tenant,
} from '../../functions/modules/org/domain/org';
import type {
  JournalRule,
  ReferenceItem,
  ReferenceItemData,
} from '../../functions/modules/reference/domain/lists';

/**
 * Small builders of the records unit tests arrange, with fixed instants (never today's date) and
 * ids readable in a failure message. Every builder takes overrides.
 */
export const TENANT = 't1';
export const OTHER_TENANT = 't2';
export const T0 = '2026-03-02T06:00:00.000Z';

export function meta(id: string, tenantId = TENANT, at = T0): AggregateMeta {
  return { id, tenantId, version: 1, createdAt: at, updatedAt: at };
}

export function actor(employeeId: string, roles: Role[] = [], overrides: Partial<Actor> = {}): Actor {
  return { tenantId: TENANT, employeeId, username: employeeId, roles: new Set(roles), ...overrides };
}

export function employee(id: string, overrides: Partial<Employee> = {}): Employee {
  return {
    ...meta(id),
    fullName: `Employee ${id}`,
    username: id,
    email: `${id}@agency.az`,
    positionIds: [],
    active: true,
    ...overrides,
  };
}

export function department(id: string, overrides: Partial<Department> = {}): Department {
  return { ...meta(id), name: { az: `Şöbə ${id}` }, code: id, active: true, ...overrides };
}

export function position(id: string, overrides: Partial<Position> = {}): Position {
  return {
    ...meta(id),
    title: { az: `Vəzifə ${id}` },
    departmentId: 'dep-1',
    kind: 'specialist',
    roles: [],
    active: true,
    ...overrides,
  };
}

/** `deputy` stands in for `official` from Monday 2026-03-09 to Friday 2026-03-13. */
export function substitutionData(overrides: Partial<SubstitutionData> = {}): SubstitutionData {
  return {
    employeeId: 'official',
    substituteId: 'deputy',
    from: '2026-03-09',
    to: '2026-03-13',
    active: true,
    ...overrides,
  };
}

export function substitution(id: string, overrides: Partial<Substitution> = {}): Substitution {
  return { ...meta(id), ...substitutionData(), ...overrides };
}

export function tenant(overrides: Partial<Tenant> = {}): Tenant {
  return {
    ...meta(TENANT),
    name: { az: 'Nümunə Agentliyi' },
    legalAddress: 'Bakı, Nizami küç. 1',
    voen: '1234567891',
    email: 'office@agency.az',
    ...overrides,
  };
}

export function referenceItem<D extends ReferenceItemData>(
  id: string,
  data: D,
  tenantId = TENANT,
): AggregateMeta & D {
  return { ...meta(id, tenantId), ...data };
}

export function journal(
  id: string,
  overrides: Partial<Extract<ReferenceItemData, { list: 'journals' }>> = {},
): Extract<ReferenceItem, { list: 'journals' }> {
  return referenceItem(id, {
    list: 'journals',
    name: { az: `Jurnal ${id}` },
    code: id,
    pattern: '{seq}',
    documentKind: 'any',
    active: true,
    ...overrides,
  });
}

/** A journal rule (by default: incoming documents into the journal `incoming`, no conditions). */
export function journalRule(id: string, overrides: Partial<JournalRule> = {}): JournalRule {
  return referenceItem(id, {
    list: 'journal-rules',
    name: { az: `Qayda ${id}` },
    active: true,
    journalId: 'incoming',
    documentKind: 'incoming',
    priority: 100,
    documentTypeIds: [],
    classificationIds: [],
    departmentIds: [],
    deliveryFormIds: [],
    ...overrides,
  }) as JournalRule;
}

export function documentRecord(id: string, overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    ...meta(id),
    kind: 'internal',
    status: 'draft',
    summary: `Sənəd ${id}`,
    controlled: false,
    authorId: 'author',
    participants: ['author'],
    contents: [],
    internal: {},
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
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}
