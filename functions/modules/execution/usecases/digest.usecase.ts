import { addWorkingDays, isWorkingDay } from '../domain/calendar/working-days';
import { bakuLocalDate, type DocumentRecord, type InboxBox, type InboxEntry } from '../../documents';
import { bakuInstant } from '../domain/deadline';
import { defaultNotificationPreferences, type Employee } from '../../org';
import type { WorkflowEngine } from '../../../platform/ports/workflow.port';
import { tenantCalendar, type ExecutionDeps } from './common';
import { renderDigest, type DigestSection } from '../../notifications';

/**
 * The daily digest: on each working day at 08:00 Baku, everyone who asked for it gets one e-mail
 * listing what waits for them. One execution of `daily-digest` per agency and year (the last plan
 * of a year starts the next year's), started when someone turns the digest on.
 */
export const DIGEST_MACHINE = 'daily-digest';
export const DIGEST_HOUR = 8;
const digestExecutionName = (tenantId: string, year: number) => `digest-${tenantId}-${year}`;

export async function ensureDigestMachine(
  deps: { readonly workflow?: WorkflowEngine },
  tenantId: string,
  year: number,
): Promise<void> {
  if (!deps.workflow) return;
  await deps.workflow.start({
    machine: DIGEST_MACHINE,
    name: digestExecutionName(tenantId, year),
    input: { tenantId, year, after: `${year}-01-01T00:00:00+04:00` },
  });
}

export type DigestPlan = { action: 'wait'; at: string } | { action: 'stop' };

/** The next digest time after `after` (a working day, 08:00 Baku); past the year, the next year's machine takes over. */
export async function planDigest(
  deps: ExecutionDeps,
  input: { tenantId: string; year: number; after: string },
): Promise<DigestPlan> {
  const calendar = await tenantCalendar(deps, input.tenantId);
  // Never plan into the past: a machine started late begins with the next digest from now.
  const from = Math.max(Date.parse(input.after), deps.clock.now().getTime());
  let day = bakuLocalDate(new Date(from).toISOString());
  if (!isWorkingDay(calendar, day) || Date.parse(bakuInstant(day, DIGEST_HOUR)) <= from)
    day = addWorkingDays(calendar, day, 1);
  if (Number(day.slice(0, 4)) > input.year) {
    await ensureDigestMachine(deps, input.tenantId, input.year + 1);
    return { action: 'stop' };
  }
  return { action: 'wait', at: bakuInstant(day, DIGEST_HOUR) };
}

const sections: Array<{ box: InboxBox; kind: DigestSection['kind'] }> = [
  { box: 'execution', kind: 'execution' },
  { box: 'approval', kind: 'approval' },
  { box: 'control', kind: 'control' },
  { box: 'information', kind: 'information' },
];
const PER_SECTION = 10;

/**
 * The day's sending runs in its own execution of `daily-digest-send` (one per agency and day), so
 * that the year-long machine's history stays small: the fan-out over an agency's recipients adds
 * events per batch, and an execution holds at most 25,000 of them.
 */
export const DIGEST_SEND_MACHINE = 'daily-digest-send';
const digestDayExecutionName = (tenantId: string, day: string) => `digest-${tenantId}-${day}`;

/** Starts the day's sending (idempotent by name: a retried start does not send twice). */
export async function startDigestDay(
  deps: { readonly workflow?: WorkflowEngine },
  input: { tenantId: string; at: string },
): Promise<{ started: boolean }> {
  if (!deps.workflow) return { started: false };
  await deps.workflow.start({
    machine: DIGEST_SEND_MACHINE,
    name: digestDayExecutionName(input.tenantId, bakuLocalDate(input.at)),
    input: { tenantId: input.tenantId, at: input.at, cursor: null },
  });
  return { started: true };
}

/**
 * Bounds of one listing call and of one batch. A batch is what one invocation of the send task
 * does within its timeout (each digest is a few queries and one e-mail); one listing call returns
 * a few hundred ids at most, well below the 256 KB of a state's payload.
 */
export interface DigestLimits {
  /** Employees per batch (one Map iteration). */
  readonly batch: number;
  /** A listing call stops at a page boundary once it holds this many recipients. */
  readonly recipients: number;
  /** ... or once it has read this many pages (an agency where few asked for the digest). */
  readonly pages: number;
  /** Employees per page of the query. */
  readonly pageSize: number;
}
export const DIGEST_LIMITS: DigestLimits = { batch: 25, recipients: 500, pages: 20, pageSize: 100 };

const wantsDigest = (employee: Employee): boolean => {
  const prefs = { ...defaultNotificationPreferences, ...employee.notifications };
  return employee.active && prefs.digest === true && prefs.email && Boolean(employee.email);
};

/**
 * One page of the agency's digest recipients (a query on the agency's employees, never a scan), as
 * batches of employee ids; `cursor` is where the next call goes on (null: done).
 */
export async function listDigestRecipients(
  deps: ExecutionDeps,
  input: { tenantId: string; at: string; cursor: string | null },
  limits: DigestLimits = DIGEST_LIMITS,
): Promise<{ batches: string[][]; cursor: string | null }> {
  if (!deps.email) return { batches: [], cursor: null };
  const ids: string[] = [];
  let cursor: string | undefined = input.cursor ?? undefined;
  let pages = 0;
  do {
    const page = await deps.store.list<Employee>('employee', input.tenantId, {
      limit: limits.pageSize,
      ...(cursor ? { cursor } : {}),
    });
    ids.push(...page.items.filter(wantsDigest).map((e) => e.id));
    cursor = page.nextCursor;
    pages++;
  } while (cursor && ids.length < limits.recipients && pages < limits.pages);
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += limits.batch) batches.push(ids.slice(i, i + limits.batch));
  return { batches, cursor: cursor ?? null };
}

/**
 * One digest e-mail to each employee of the batch who (still) asks for it and has something
 * waiting. At-least-once, sent once per day and employee (a retried batch skips those already sent).
 */
export async function sendDigests(
  deps: ExecutionDeps & { readonly webBaseUrl?: string },
  input: { tenantId: string; at: string; employeeIds: string[] },
): Promise<{ sent: number }> {
  if (!deps.email) return { sent: 0 };
  const day = bakuLocalDate(input.at);
  let sent = 0;
  const employees = await deps.store.getMany<Employee>('employee', input.tenantId, input.employeeIds);
  for (const employee of employees) {
    if (!wantsDigest(employee)) continue;
    const key = `digest:${day}:${employee.id}`;
    if (await deps.documents.notificationSent(input.tenantId, key)) continue;
    const content = await digestOf(deps, input.tenantId, employee.id, day);
    if (content.every((s) => s.total === 0)) continue;
    const prefs = { ...defaultNotificationPreferences, ...employee.notifications };
    const message = renderDigest(prefs.language, {
      date: day.split('-').reverse().join('.'),
      sections: content,
      link: `${deps.webBaseUrl ?? ''}/home/`,
    });
    await deps.email.send({ to: [employee.email], subject: message.subject, text: message.text });
    await deps.documents.recordNotification(input.tenantId, key, deps.clock.now().toISOString());
    sent++;
  }
  return { sent };
}

async function digestOf(
  deps: ExecutionDeps,
  tenantId: string,
  userId: string,
  day: string,
): Promise<DigestSection[]> {
  const out: DigestSection[] = [];
  for (const { box, kind } of sections) {
    const open: InboxEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await deps.documents.inbox(tenantId, userId, box, {
        order: box === 'information' ? 'desc' : 'asc',
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      open.push(...page.items.filter((l) => l.open));
      cursor = page.nextCursor;
    } while (cursor && open.length < 1000);
    const shown = await Promise.all(
      open
        .slice(0, PER_SECTION)
        .map(async (l) => ({ line: l, doc: await deps.documents.get(tenantId, l.documentId) })),
    );
    out.push({
      kind,
      total: open.length,
      overdue: open.filter((l) => l.dueDate !== undefined && l.dueDate < day).length,
      items: shown
        .filter((x): x is { line: InboxEntry; doc: DocumentRecord } => x.doc !== undefined)
        .map(({ line, doc }) => ({
          document: doc.registration?.number ?? doc.summary.slice(0, 60),
          summary: doc.summary.slice(0, 120),
          ...(line.dueDate ? { dueDate: line.dueDate.split('-').reverse().join('.') } : {}),
          overdue: line.dueDate !== undefined && line.dueDate < day,
        })),
    });
  }
  return out;
}
