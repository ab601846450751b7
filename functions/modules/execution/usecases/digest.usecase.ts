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

/** One digest e-mail per employee who asked for it and has something waiting. At-least-once, sent once per day. */
export async function sendDigests(
  deps: ExecutionDeps & { readonly webBaseUrl?: string },
  input: { tenantId: string; at: string },
): Promise<{ sent: number }> {
  if (!deps.email) return { sent: 0 };
  const day = bakuLocalDate(input.at);
  let sent = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.store.list<Employee>('employee', input.tenantId, {
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    for (const employee of page.items) {
      const prefs = { ...defaultNotificationPreferences, ...employee.notifications };
      if (!employee.active || !prefs.digest || !prefs.email || !employee.email) continue;
      const key = `digest:${day}:${employee.id}`;
      if (await deps.documents.notificationSent(input.tenantId, key)) continue;
      const content = await digestOf(deps, input.tenantId, employee.id, day);
      if (content.every((s) => s.total === 0)) continue;
      const message = renderDigest(prefs.language, {
        date: day.split('-').reverse().join('.'),
        sections: content,
        link: `${deps.webBaseUrl ?? ''}/home/`,
      });
      await deps.email.send({ to: [employee.email], subject: message.subject, text: message.text });
      await deps.documents.recordNotification(input.tenantId, key, deps.clock.now().toISOString());
      sent++;
    }
    cursor = page.nextCursor;
  } while (cursor);
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
