import type { AssignmentRecord, DocumentRecord } from '../../../functions/modules/documents';
import type { ReportScope } from '../../../functions/modules/reports';
import {
  assignment,
  department,
  documentRecord,
  employee,
  meta,
  position,
  TENANT,
  T0,
} from '../../support/builders';
import { memoryDeps } from '../../support/memory-deps';

/**
 * Four controlled incoming letters registered on 2026-03-02 (the clock's today, a Monday), each
 * under one controlled resolution with a responsible executor: on time, late, overdue, still in time.
 */
export const TODAY = '2026-03-02';

function letter(n: number, overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  return documentRecord(`doc-${n}`, {
    kind: 'incoming',
    status: 'in-execution',
    summary: `Ərizə ${n}`,
    controlled: true,
    classificationId: 'cls-1',
    participants: ['clerk', 'head', 'ctrl', 'exec'],
    incoming: { sender: { kind: 'citizen', name: `Vətəndaş ${n}` }, distribution: [] },
    registration: { journalId: 'j1', year: 2026, seq: n, number: `D-${n}/26`, at: T0 },
    ...overrides,
  });
}

function tree(n: number, res: Partial<AssignmentRecord>, reportedAt?: string): AssignmentRecord[] {
  return [
    assignment(`res-${n}`, {
      documentId: `doc-${n}`,
      kind: 'resolution',
      parentId: undefined,
      rootId: `res-${n}`,
      assigneeId: 'head',
      ownerId: 'head',
      controllerId: 'ctrl',
      status: 'open',
      ...res,
    }),
    assignment(`ex-${n}`, {
      documentId: `doc-${n}`,
      parentId: `res-${n}`,
      rootId: `res-${n}`,
      assigneeId: 'exec',
      ownerId: 'exec',
      role: 'responsible',
      status: reportedAt ? 'done' : 'pending',
      reports: reportedAt ? [{ at: reportedAt, by: 'exec', text: 'İcra olundu' }] : [],
    }),
  ];
}

export function reportWorld() {
  const deps = memoryDeps();
  deps.documents.seed({
    documents: [
      letter(1),
      letter(2),
      letter(3),
      letter(4),
      letter(5, { controlled: false, participants: ['clerk'] }),
    ],
    assignments: [
      ...tree(1, { status: 'executed', dueDate: '2026-03-05', closedAt: T0 }, '2026-03-01T08:00:00.000Z'),
      ...tree(2, { status: 'executed', dueDate: '2026-02-25', closedAt: T0 }, '2026-02-27T08:00:00.000Z'),
      ...tree(3, { dueDate: '2026-02-26' }),
      ...tree(4, { dueDate: '2026-03-06' }),
    ],
  });
  deps.store.seed('department', department('dep-top', { name: { az: 'Aparat' } }), {});
  deps.store.seed('department', department('dep-1', { name: { az: 'Ümumi şöbə' }, parentId: 'dep-top' }), {});
  deps.store.seed('position', position('pos-1', { departmentId: 'dep-1' }), {});
  deps.store.seed('employee', employee('exec', { fullName: 'Əliyev Çingiz', positionIds: ['pos-1'] }), {});
  deps.store.seed('employee', employee('ctrl', { fullName: 'İsmayılova Gülşən', positionIds: [] }), {});
  deps.store.seed(
    'ref:classifications',
    { ...meta('cls-1'), list: 'classifications', name: { az: 'Müraciət', en: 'Application' }, active: true },
    {},
  );
  return deps;
}

export const scopeOf = (employeeId: string, seesAll = false): ReportScope => ({
  tenantId: TENANT,
  viewer: { employeeId, seesAll, actingFor: [], headOf: [] },
  lang: 'az',
});
