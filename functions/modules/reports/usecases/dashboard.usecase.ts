import { dateRange, documentKinds } from '../../documents';
import { today as todayOf } from '../../execution';
import type { ControlRow } from '../domain/control';
import { DisciplineTally, monthTrend, weekOf } from '../domain/dashboard';
import type { ReportDeps } from '../ports';
import { controlPage, type ReportScope } from './control.usecase';
import { Names } from './names';

/**
 * The dashboards read at most this many documents per list (each kind's controlled list, each
 * kind's registration list): beyond it the figures say `partial` (narrow the period).
 */
export const DASHBOARD_DOCUMENTS = 5000;

/**
 * Execution discipline (per department and per person: on-time %, overdue now, average delay in
 * working days, trend by month of the due date), control items due this week, and volumes by kind
 * and delivery form, for a registration period — all from the same queries as the reports.
 */
export async function dashboard(deps: ReportDeps, scope: ReportScope, q: { registered?: string }) {
  const period = dateRange(q.registered, 'registered');
  const names = new Names(deps, scope.tenantId, scope.lang);
  const rows: ControlRow[] = [];
  let partial = false;
  let cursor: string | undefined;
  do {
    const page = await controlPage(
      deps,
      scope,
      {
        report: 'all',
        ...(q.registered ? { registered: q.registered } : {}),
        limit: 100,
        ...(cursor ? { cursor } : {}),
      },
      100,
      names,
    );
    rows.push(...page.items);
    cursor = page.nextCursor;
    if (rows.length >= DASHBOARD_DOCUMENTS * documentKinds.length) partial = cursor !== undefined;
  } while (cursor && !partial);

  const departments = new DisciplineTally();
  const people = new DisciplineTally();
  for (const r of rows) {
    departments.add(r.departmentId ?? '', r.department, r);
    people.add(r.executorId, r.executor, r);
  }
  const today = todayOf(deps);
  const week = weekOf(today);
  const dueThisWeek = rows
    .filter((r) => r.state === 'not-executed' && r.dueDate && r.dueDate >= week.from && r.dueDate <= week.to)
    .sort((a, b) => (a.dueDate! < b.dueDate! ? -1 : a.dueDate! > b.dueDate! ? 1 : 0));

  // Volumes: every registered document of the period by kind and delivery form.
  const volumes = new Map<string, { kind: string; deliveryFormId: string; count: number }>();
  for (const kind of documentKinds) {
    let read = 0;
    let next: string | undefined;
    do {
      const page = await deps.documents.list(scope.tenantId, {
        kind,
        order: 'asc',
        limit: 100,
        ...(next ? { cursor: next } : {}),
        ...(period?.from ? { from: period.from } : {}),
        ...(period?.to ? { to: period.to } : {}),
        viewer: scope.viewer,
      });
      read += page.items.length;
      for (const d of page.items) {
        if (!d.registration) continue;
        const key = `${kind}#${d.deliveryFormId ?? ''}`;
        const v = volumes.get(key) ?? { kind, deliveryFormId: d.deliveryFormId ?? '', count: 0 };
        v.count += 1;
        volumes.set(key, v);
      }
      next = page.nextCursor;
      if (next && read >= DASHBOARD_DOCUMENTS) partial = true;
    } while (next && read < DASHBOARD_DOCUMENTS);
  }
  await names.load(
    [],
    [],
    [...volumes.values()].map((v) => v.deliveryFormId),
  );
  return {
    today,
    week,
    partial,
    departments: departments.result(),
    people: people.result(),
    trend: monthTrend(rows),
    dueThisWeek: dueThisWeek.slice(0, 200),
    volumes: [...volumes.values()]
      .map((v) => ({ ...v, deliveryForm: names.deliveryForm(v.deliveryFormId) }))
      .sort((a, b) => a.kind.localeCompare(b.kind) || b.count - a.count),
  };
}
