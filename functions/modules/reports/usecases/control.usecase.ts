import { LIST_READ_BUDGET, type Page } from '../../../platform/kernel/aggregate';
import type { Language } from '../../../platform/kernel/text';
import {
  assertFilterReferences,
  bakuLocalDate,
  dateRange,
  documentKinds,
  unknownReference,
  type AssignmentRecord,
  type DocumentKind,
  type DocumentRecord,
  type Viewer,
  partyName,
} from '../../documents';
import { tenantCalendar, today as todayOf, workingDaysBetween } from '../../execution';
import { controlState, inReport, isOverdue, type ControlReport, type ControlRow } from '../domain/control';
import { decodeCursor, encodeCursor, pageByPage, type MultiCursor } from '../domain/cursor';
import type { ReportDeps } from '../ports';
import { Names } from './names';

/** Whose report it is: the tenant, the need-to-know view of the caller, and the language of names. */
export interface ReportScope {
  tenantId: string;
  viewer: Viewer;
  lang: Language;
}

export interface ControlQuery {
  report: ControlReport;
  /** The registration period, in the filter row's date syntax (dd.MM.yyyy, MM.yyyy, yyyy, A-B). */
  registered?: string;
  kind?: DocumentKind;
  departmentId?: string;
  executorId?: string;
  controllerId?: string;
  classificationId?: string;
  limit: number;
  cursor?: string;
}

/** Checks the query's references (422 on an unknown id, like the lists' filters); gives the period. */
export async function checkControlQuery(deps: ReportDeps, tenantId: string, q: Omit<ControlQuery, 'limit'>) {
  const period = dateRange(q.registered, 'registered');
  await assertFilterReferences(deps, tenantId, {
    ...(q.classificationId ? { classificationId: q.classificationId } : {}),
    ...(q.controllerId ? { controllerId: q.controllerId } : {}),
  });
  if (q.executorId && !(await deps.store.get('employee', tenantId, q.executorId)))
    throw unknownReference('executorId');
  if (q.departmentId && !(await deps.store.get('department', tenantId, q.departmentId)))
    throw unknownReference('departmentId');
  return period;
}

/** The Baku date the responsible executor reported the execution (the controller's acceptance without one). */
function executedOn(r: AssignmentRecord, responsible: AssignmentRecord | undefined): string | undefined {
  if (r.status !== 'executed') return undefined;
  const at = responsible?.reports.at(-1)?.at ?? r.closedAt ?? r.updatedAt;
  return bakuLocalDate(at);
}

/**
 * The report's rows of a batch of documents: each controlled resolution (any level: a
 * sub-resolution is controlled by its author) in the report and matching the filters.
 */
async function rowsOf(
  deps: ReportDeps,
  scope: ReportScope,
  q: ControlQuery,
  docs: DocumentRecord[],
  ctx: { names: Names; today: string; calendar: Awaited<ReturnType<typeof tenantCalendar>> },
): Promise<ControlRow[]> {
  const trees = await Promise.all(docs.map((d) => deps.documents.assignments(scope.tenantId, d.id)));
  const found: Array<{ doc: DocumentRecord; r: AssignmentRecord; responsible?: AssignmentRecord }> = [];
  for (const [i, doc] of docs.entries()) {
    const all = trees[i]!;
    for (const r of all) {
      if (r.kind !== 'resolution' || !r.controllerId) continue;
      const responsible = all.find(
        (x) => x.parentId === r.id && x.kind === 'execution' && x.role === 'responsible',
      );
      const facts = { status: r.status, dueDate: r.dueDate, executedOn: executedOn(r, responsible) };
      if (!inReport(q.report, facts, ctx.today)) continue;
      if (q.controllerId && r.controllerId !== q.controllerId) continue;
      if (q.executorId && responsible?.ownerId !== q.executorId) continue;
      found.push({ doc, r, ...(responsible ? { responsible } : {}) });
    }
  }
  await ctx.names.load(
    found.flatMap(({ r, responsible }) => [
      r.controllerId,
      responsible?.ownerId,
      responsible?.reports.at(-1)?.by,
    ]),
    found.map(({ doc }) => doc.classificationId),
  );
  const rows: ControlRow[] = [];
  for (const { doc, r, responsible } of found) {
    const executorId = responsible?.ownerId ?? '';
    if (q.departmentId && !ctx.names.departmentsOf(executorId).includes(q.departmentId)) continue;
    const done = executedOn(r, responsible);
    const facts = { status: r.status, dueDate: r.dueDate, executedOn: done };
    const state = controlState(facts)!;
    const overdue = isOverdue(facts, ctx.today);
    let workingDays: number | undefined;
    if (r.dueDate) {
      const days = workingDaysBetween(ctx.calendar, done ?? ctx.today, r.dueDate);
      // Past the due date is at least one day late, even when no working day came in between.
      workingDays = (done ?? ctx.today) > r.dueDate ? Math.min(-1, days) : days;
    }
    const report = responsible?.reports.at(-1);
    const department = ctx.names.departmentOf(executorId);
    rows.push({
      documentId: doc.id,
      resolutionId: r.id,
      kind: doc.kind,
      number: doc.registration?.number ?? '',
      ...(doc.registration ? { registeredOn: bakuLocalDate(doc.registration.at) } : {}),
      classification: ctx.names.classification(doc.classificationId),
      summary: doc.summary,
      party: partyName(doc),
      ...(r.dueDate ? { dueDate: r.dueDate } : {}),
      state,
      overdue,
      ...(workingDays !== undefined ? { workingDays } : {}),
      department: department.name,
      ...(department.id ? { departmentId: department.id } : {}),
      executor: ctx.names.employee(executorId),
      executorId,
      controller: ctx.names.employee(r.controllerId),
      controllerId: r.controllerId!,
      actedBy: ctx.names.employee(report?.by),
      ...(report ? { actedAt: report.at } : {}),
      status: r.status,
    });
  }
  return rows;
}

/**
 * One page of an execution-control report: the controlled documents of the period (one query per
 * document kind on the kind's list index with the `controlled` condition and the need-to-know
 * viewer, exactly as the registration lists read them — never a scan), each joined with its
 * resolution tree (a query on the document's own key). At most `budget` documents are read per
 * call; a page the budget cuts short carries the cursor on.
 */
export async function controlPage(
  deps: ReportDeps,
  scope: ReportScope,
  q: ControlQuery,
  budget = LIST_READ_BUDGET,
  names = new Names(deps, scope.tenantId, scope.lang),
): Promise<Page<ControlRow>> {
  const period = dateRange(q.registered, 'registered');
  const kinds: readonly DocumentKind[] = q.kind ? [q.kind] : documentKinds;
  const ctx = { names, today: todayOf(deps), calendar: await tenantCalendar(deps, scope.tenantId) };
  let at: MultiCursor | undefined = decodeCursor(q.cursor, kinds.length);
  const items: ControlRow[] = [];
  for (let read = 0; at && read < budget && items.length < q.limit;) {
    const page = await deps.documents.list(scope.tenantId, {
      kind: kinds[at.part]!,
      order: 'asc',
      limit: Math.min(q.limit - items.length, budget - read, 100),
      ...(at.cursor ? { cursor: at.cursor } : {}),
      ...(period?.from ? { from: period.from } : {}),
      ...(period?.to ? { to: period.to } : {}),
      ...(q.classificationId ? { classificationId: q.classificationId } : {}),
      controlled: true,
      viewer: scope.viewer,
    });
    read += Math.max(1, page.items.length);
    items.push(...(await rowsOf(deps, scope, q, page.items, ctx)));
    at = page.nextCursor
      ? { part: at.part, cursor: page.nextCursor }
      : at.part + 1 < kinds.length
        ? { part: at.part + 1 }
        : undefined;
  }
  return { items, ...(at ? { nextCursor: encodeCursor(at) } : {}) };
}

/** Every row of a report, page after page (for an export job: no per-request budget). */
export async function* controlRows(
  deps: ReportDeps,
  scope: ReportScope,
  q: Omit<ControlQuery, 'limit' | 'cursor'>,
): AsyncGenerator<ControlRow> {
  const names = new Names(deps, scope.tenantId, scope.lang);
  yield* pageByPage((cursor) =>
    controlPage(deps, scope, { ...q, limit: 100, ...(cursor ? { cursor } : {}) }, 100, names),
  );
}
