import { beforeAll, describe, expect, it } from 'vitest';
import {
  azerbaijanBuiltInCalendar,
  azerbaijanCalendar,
} from '../../../functions/modules/execution/domain/calendar/azerbaijan';
import {
  addWorkingDays,
  calendarDays,
} from '../../../functions/modules/execution/domain/calendar/working-days';
import { bakuLocalDate } from '../../../functions/modules/documents/domain/date-filter';
import { type Api, type Problem } from '../../support/api';
import { advanceClockTo, clockNow } from '../../support/clock';
import { ownEmbedded } from '../../support/own-embedded';
import { eventually } from '../../support/eventually';
import { ended, executionArn, plannedAt } from '../../support/workflows';
import { as, citizenIncoming, lookups, unique, type Doc, type Lookups } from '../documents/helpers';
import type { Assignment, ExecutionView as View } from './helpers';

// Resolutions, execution and control on a running embedded default of its own (the clock moves).
const embedded = ownEmbedded();
let maildev: string;
let clerk: Api;
let head: Api;
let ref: Lookups;

type InboxPage = {
  items: Array<{
    document: Doc;
    line: { status: string; open: boolean; read?: boolean };
    daysLeft?: number;
    overdue: boolean;
  }>;
};
type Mail = { subject: string; to: Array<{ address: string }>; text: string };

const emp = (username: string) => ref.employee.get(username)!;

const now = () => clockNow(embedded.baseUrl);
const advanceTo = (instant: string) => advanceClockTo(embedded.baseUrl, instant);

async function resolve(doc: Doc, body: Record<string, unknown>) {
  const res = await head.post<Doc>(`/api/v1/documents/${doc.id}/resolutions`, {
    version: doc.version,
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function register(summary: string, extra: Record<string, unknown> = {}): Promise<Doc> {
  const res = await clerk.post<Doc>('/api/v1/documents/incoming', citizenIncoming(summary, extra));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function view(api: Api, id: string): Promise<View> {
  const res = await api.get<View>(`/api/v1/documents/${id}/execution`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function act(
  api: Api,
  docId: string,
  a: Assignment,
  action: string,
  body: Record<string, unknown> = {},
) {
  const v = await view(api, docId);
  return api.post<Doc | Problem>(`/api/v1/documents/${docId}/assignments/${a.id}/${action}`, {
    version: v.documentVersion,
    ...body,
  });
}

async function mails(): Promise<Mail[]> {
  return (await (await fetch(`${maildev}/api/email`)).json()) as Mail[];
}

const cal = azerbaijanBuiltInCalendar;

/** The first Monday–Friday on or after a date (not a holiday check: pick dates away from them). */
function nextWeekday(date: string): string {
  let t = Date.parse(`${date}T00:00:00Z`);
  while ([0, 6].includes(new Date(t).getUTCDay())) t += 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

beforeAll(async () => {
  maildev = `http://127.0.0.1:${Number(new URL(embedded.baseUrl).port) + 6}`;
  clerk = await as(embedded.baseUrl, 'clerk');
  head = await as(embedded.baseUrl, 'head');
  ref = await lookups(clerk);
});

describe('resolution, execution and control', () => {
  it('a head resolves; executors report; the responsible one closes; the controller returns, then accepts', async () => {
    const today = bakuLocalDate(await now());
    const due = addWorkingDays(cal, today, 10);
    const doc = await register(unique('Dərkənar sınağı'), { distribution: [emp('accountant')] });
    const executor1 = await as(embedded.baseUrl, 'executor1');
    const executor2 = await as(embedded.baseUrl, 'executor2');
    const controller = await as(embedded.baseUrl, 'controller');
    const lawyer = await as(embedded.baseUrl, 'lawyer');

    // Only the head (or the addressee) may write the resolution.
    const refused = await clerk.post<Problem>(`/api/v1/documents/${doc.id}/resolutions`, {
      version: doc.version,
      text: 'x',
      executors: [{ employeeId: emp('executor2') }],
    });
    expect(refused.status).toBe(403);
    const past = await head.post<Problem>(`/api/v1/documents/${doc.id}/resolutions`, {
      version: doc.version,
      text: 'Baxın',
      executors: [{ employeeId: emp('executor1') }],
      controllerId: emp('controller'),
      dueDate: '2020-01-01',
    });
    expect(past.status).toBe(422);
    expect(past.body.errors?.[0]).toMatchObject({ path: 'dueDate', code: 'due_date_in_past' });

    const resolved = await head.post<Doc>(`/api/v1/documents/${doc.id}/resolutions`, {
      version: doc.version,
      text: 'Araşdırıb cavab hazırlayın',
      executors: [{ employeeId: emp('executor1'), responsible: true }, { employeeId: emp('executor2') }],
      forInformation: [emp('lawyer')],
      controllerId: emp('controller'),
      dueDate: due,
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(201);
    expect(resolved.body).toMatchObject({ status: 'in-execution', controlled: true, dueDate: due });

    const tree = await view(head, doc.id);
    const resolution = tree.assignments.find((a) => a.kind === 'resolution')!;
    const execs = tree.assignments.filter((a) => a.kind === 'execution');
    const infos = tree.assignments.filter((a) => a.kind === 'information');
    expect(execs.map((e) => [e.ownerId, e.role]).sort()).toEqual(
      [
        [emp('executor1'), 'responsible'],
        [emp('executor2'), 'co-executor'],
      ].sort(),
    );
    // The for-information recipient and the registration's distribution list.
    expect(infos.map((i) => i.ownerId).sort()).toEqual([emp('lawyer'), emp('accountant')].sort());
    expect(resolution).toMatchObject({ status: 'open', controllerId: emp('controller'), dueDate: due });

    // Personal lists.
    const tasks = await executor1.get<InboxPage>('/api/v1/inbox/execution?open=true');
    expect(tasks.body.items.some((r) => r.document.id === doc.id)).toBe(true);
    const control = await controller.get<InboxPage>(
      `/api/v1/inbox/control?summary=${encodeURIComponent('Dərkənar sınağı')}`,
    );
    const line = control.body.items.find((r) => r.document.id === doc.id)!;
    expect(line).toMatchObject({ overdue: false, line: { open: true } });
    expect(line.daysLeft).toBeGreaterThan(0);
    const info = await lawyer.get<InboxPage>('/api/v1/inbox/information');
    expect(info.body.items.find((r) => r.document.id === doc.id)?.line.read).toBe(false);
    const lawyerLine = (await view(lawyer, doc.id)).assignments.find((a) => a.ownerId === emp('lawyer'))!;
    expect((await act(lawyer, doc.id, lawyerLine, 'read')).status).toBe(200);
    const read = await lawyer.get<InboxPage>('/api/v1/inbox/information');
    expect(read.body.items.find((r) => r.document.id === doc.id)?.line.read).toBe(true);

    // The co-executor reports; the co-executor cannot close; the responsible one closes.
    const e2 = (await view(executor2, doc.id)).assignments.find((a) => a.ownerId === emp('executor2'))!;
    expect(e2.actions).toEqual(['report', 'sub-resolution']);
    expect((await act(executor2, doc.id, e2, 'close', { text: 'x' })).status).toBe(409);
    const noText = await act(executor2, doc.id, e2, 'report', { text: '' });
    expect(noText.status).toBe(422);
    expect((await act(executor2, doc.id, e2, 'report', { text: 'Mənim hissəm hazırdır' })).status).toBe(200);
    // A stale version is refused before anything else.
    const stale = await executor1.post<Problem>(
      `/api/v1/documents/${doc.id}/assignments/${execs.find((e) => e.role === 'responsible')!.id}/close`,
      { version: 1, text: 'x' },
    );
    expect(stale.status).toBe(409);
    expect((stale.body as Problem).code).toBe('stale_version');

    const e1 = (await view(executor1, doc.id)).assignments.find((a) => a.ownerId === emp('executor1'))!;
    const outgoing = await clerk.post<Doc>('/api/v1/documents/outgoing', {
      signatoryId: emp('head'),
      summary: 'Cavab məktubu',
      recipients: [{ name: 'Aysel Məmmədova', email: 'aysel@example.az' }],
      inReplyTo: doc.id,
    });
    expect(outgoing.status, JSON.stringify(outgoing.body)).toBe(201);
    const closed = await act(executor1, doc.id, e1, 'close', {
      text: 'Cavab hazırlandı',
      replyDocumentId: outgoing.body.id,
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect((await view(head, doc.id)).assignments.find((a) => a.id === resolution.id)!.status).toBe('closed');

    // Only the controller may accept or return; returning needs a reason.
    const notController = await act(executor1, doc.id, resolution, 'accept');
    expect(notController.status).toBe(409);
    expect((await act(controller, doc.id, resolution, 'return', {})).status).toBe(422);
    const returned = await act(controller, doc.id, resolution, 'return', { comment: 'Cavab natamamdır' });
    expect(returned.status).toBe(200);
    const again = (await view(executor1, doc.id)).assignments.find((a) => a.id === e1.id)!;
    expect(again).toMatchObject({ status: 'returned', actions: ['report', 'close', 'sub-resolution'] });
    expect((await act(executor1, doc.id, again, 'close', { text: 'Tamamlandı' })).status).toBe(200);
    const accepted = await act(controller, doc.id, resolution, 'accept');
    expect(accepted.status).toBe(200);
    expect((accepted.body as Doc).status).toBe('executed');

    const after = await controller.get<InboxPage>(
      `/api/v1/inbox/control?summary=${encodeURIComponent('Dərkənar sınağı')}`,
    );
    expect(after.body.items.find((r) => r.document.id === doc.id)?.line.open).toBe(false);
    const ops = await head.get<{ items: Array<{ action: string }> }>(
      `/api/v1/documents/${doc.id}/operations?limit=100`,
    );
    const actions = ops.body.items.map((o) => o.action);
    for (const a of [
      'resolution',
      'execution-report',
      'execution-close',
      'execution-return',
      'execution-accept',
      'information-read',
    ])
      expect(actions).toContain(a);
    const links = await head.get<Array<{ otherId: string; type: string }>>(
      `/api/v1/documents/${doc.id}/links`,
    );
    expect(JSON.stringify(links.body)).toContain(outgoing.body.id);
  });

  it('a sub-resolution: the executor cannot close while it is open, and controls it', async () => {
    const today = bakuLocalDate(await now());
    const due = addWorkingDays(cal, today, 8);
    const doc = await register(unique('Alt dərkənar'));
    const executor1 = await as(embedded.baseUrl, 'executor1');
    const executor3 = await as(embedded.baseUrl, 'executor3');
    await resolve(doc, {
      text: 'İcra edin',
      executors: [{ employeeId: emp('executor1') }],
      controllerId: emp('controller'),
      dueDate: due,
    });
    const e1 = (await view(executor1, doc.id)).assignments.find((a) => a.kind === 'execution')!;
    const tooLate = await executor1.post<Problem>(`/api/v1/documents/${doc.id}/resolutions`, {
      version: (await view(executor1, doc.id)).documentVersion,
      parentId: e1.id,
      text: 'Hazırlayın',
      executors: [{ employeeId: emp('executor3') }],
      dueDate: addWorkingDays(cal, due, 2),
    });
    expect(tooLate.status).toBe(422);
    expect(tooLate.body.errors?.[0]?.code).toBe('due_after_parent');
    const sub = await executor1.post<Doc>(`/api/v1/documents/${doc.id}/resolutions`, {
      version: (await view(executor1, doc.id)).documentVersion,
      parentId: e1.id,
      text: 'Hazırlayın',
      executors: [{ employeeId: emp('executor3') }],
    });
    expect(sub.status, JSON.stringify(sub.body)).toBe(201);
    const blocked = await act(executor1, doc.id, e1, 'close', { text: 'Hazırdır' });
    expect(blocked.status).toBe(409);
    expect((blocked.body as Problem).code).toBe('subresolutions_open');

    const tree = await view(executor3, doc.id);
    const subResolution = tree.assignments.find((a) => a.kind === 'resolution' && a.parentId === e1.id)!;
    expect(subResolution).toMatchObject({ controllerId: emp('executor1'), dueDate: due });
    const e3 = tree.assignments.find((a) => a.ownerId === emp('executor3'))!;
    expect((await act(executor3, doc.id, e3, 'close', { text: 'Etdim' })).status).toBe(200);
    expect((await act(executor1, doc.id, subResolution, 'accept')).status).toBe(200);
    expect((await act(executor1, doc.id, e1, 'close', { text: 'Hazırdır' })).status).toBe(200);
    const top = (await view(head, doc.id)).assignments.find((a) => a.kind === 'resolution' && !a.parentId)!;
    expect(top.status).toBe('closed');
  });

  it('deadlines: reminders, then the overdue notice to executor and controller once the due date has passed', async () => {
    const start = await now();
    const today = bakuLocalDate(start);
    const due = addWorkingDays(cal, today, 5);
    const summary = unique('Müddət sınağı');
    const doc = await register(summary);
    await resolve(doc, {
      text: 'Vaxtında icra edin',
      executors: [{ employeeId: emp('executor2') }],
      controllerId: emp('controller'),
      dueDate: due,
    });
    const number = doc.registration!.number;
    const mailFor = (address: string, subject: string) => async () =>
      (await mails()).find(
        (m) =>
          m.subject.includes(number) &&
          m.subject.startsWith(subject) &&
          m.to.some((t) => t.address === address),
      );

    // The executor hears of the new task at once, with a link to the card's İcra tab.
    const executorEmail = (await clerk.get<{ email: string }>(`/api/v1/employees/${emp('executor2')}`)).body
      .email;
    const task = await eventually(mailFor(executorEmail, 'Yeni tapşırıq'), 'the new-task notice');
    expect(task.text).toContain(`/documents/view/?id=${doc.id}&tab=execution`);
    // Nothing else before the first reminder (3 working days before the due date, 09:00 Baku): the
    // resolution's deadline machine rests until that instant, and only the new-task notice went out.
    const resolution = (await view(head, doc.id)).assignments.find((a) => a.kind === 'resolution')!;
    const watch = executionArn('execution-deadline', `deadline-${resolution.id}`);
    const reminderDay = addWorkingDays(cal, due, -3);
    expect(await plannedAt(embedded.baseUrl, watch, 'WaitForEvent')).toBe(
      new Date(`${reminderDay}T09:00:00+04:00`).toISOString(),
    );
    expect(
      (await mails()).filter((m) => m.subject.includes(number) && !m.subject.startsWith('Yeni tapşırıq')),
    ).toHaveLength(0);

    await advanceTo(`${reminderDay}T09:00:01+04:00`);
    const reminder = await eventually(mailFor(executorEmail, 'Xatırlatma'), 'the reminder');
    expect(reminder.subject).toContain('3 iş günü');

    // Past the due date: the overdue notice reaches the executor and the controller.
    const dayAfter = addWorkingDays({ weekend: [], days: [] }, due, 1);
    await advanceTo(`${dayAfter}T00:00:01+04:00`);
    const overdue = await eventually(async () => {
      const found = (await mails()).filter(
        (m) => m.subject.includes(number) && m.subject.startsWith('İcra müddəti keçib'),
      );
      return found.length >= 2 ? found : undefined;
    }, 'the overdue notices');
    expect(overdue.length).toBeGreaterThanOrEqual(2);

    const controller = await as(embedded.baseUrl, 'controller');
    const control = await controller.get<InboxPage>('/api/v1/inbox/control?open=true');
    expect(control.body.items[0]?.document.id).toBe(doc.id);
    expect(control.body.items[0]).toMatchObject({ overdue: true });
    const ops = await head.get<{
      items: Array<{ action: string; changes: Array<{ after?: { kind?: string } }> }>;
    }>(`/api/v1/documents/${doc.id}/operations?limit=100`);
    const notices = ops.body.items
      .filter((o) => o.action === 'notification')
      .map((o) => o.changes[0]?.after?.kind);
    expect(notices).toContain('reminder');
    expect(notices).toContain('overdue');

    // Still open the next working day: the escalation to the controller and the author.
    const escalated = (m: Mail) =>
      m.subject.includes(number) && m.subject.startsWith('İcra müddəti keçmiş sənəd');
    const nextDay = addWorkingDays(cal, due, 1);
    await advanceTo(`${nextDay}T09:00:01+04:00`);
    // One to the controller, one to the author.
    await eventually(
      async () => ((await mails()).filter(escalated).length >= 2 ? true : undefined),
      'the escalations',
    );
    const escalations = (await mails()).filter(escalated).length;

    // Completed late: executed, and the watch stops (no further escalation on the following day).
    const executor2 = await as(embedded.baseUrl, 'executor2');
    const work = (await view(executor2, doc.id)).assignments.find((a) => a.kind === 'execution')!;
    expect((await act(executor2, doc.id, work, 'close', { text: 'Gecikmə ilə icra olundu' })).status).toBe(
      200,
    );
    const r = (await view(controller, doc.id)).assignments.find((a) => a.kind === 'resolution')!;
    expect((await act(controller, doc.id, r, 'accept')).status).toBe(200);
    expect((await head.get<Doc>(`/api/v1/documents/${doc.id}`)).body.status).toBe('executed');
    const dayAfterNext = addWorkingDays(cal, nextDay, 1);
    await advanceTo(`${dayAfterNext}T09:00:01+04:00`);
    // The watch has ended (stopped when the resolution was executed, or at that day's event, which
    // then sent nothing): no later escalation can come from it.
    await ended(embedded.baseUrl, watch);
    expect((await mails()).filter(escalated)).toHaveLength(escalations);
    const closed = await controller.get<InboxPage>('/api/v1/inbox/control?open=false');
    expect(closed.body.items.find((i) => i.document.id === doc.id)?.line.open).toBe(false);
  });

  it('the daily digest: a morning e-mail on working days to whoever asked for it', async () => {
    const today = bakuLocalDate(await now());
    const doc = await register(unique('Xülasə sınağı'));
    await resolve(doc, {
      text: 'Xülasədə görünsün',
      executors: [{ employeeId: emp('executor4') }],
      controllerId: emp('controller'),
      dueDate: addWorkingDays(cal, today, 8),
    });
    const controller = await as(embedded.baseUrl, 'controller');
    const prefs = await controller.get<{ version: number; email: boolean; sms: boolean; language: string }>(
      '/api/v1/me/notifications',
    );
    const on = await controller.put('/api/v1/me/notifications', { ...prefs.body, digest: true });
    expect(on.status, JSON.stringify(on.body)).toBe(200);
    const controllerEmail = (await clerk.get<{ email: string }>(`/api/v1/employees/${emp('controller')}`))
      .body.email;
    const executorEmail = (await clerk.get<{ email: string }>(`/api/v1/employees/${emp('executor4')}`)).body
      .email;
    // The stream consumer has started the agency's digest machine, which waits for the next morning.
    const morning = addWorkingDays(cal, today, 1);
    const digestMachine = executionArn('daily-digest', `digest-demo1-${today.slice(0, 4)}`);
    expect(await plannedAt(embedded.baseUrl, digestMachine, 'WaitForMorning')).toBe(
      new Date(`${morning}T08:00:00+04:00`).toISOString(),
    );
    await advanceTo(`${morning}T08:00:30+04:00`);
    const digest = await eventually(
      async () =>
        (await mails()).find(
          (m) => m.subject.startsWith('Gündəlik xülasə') && m.to.some((t) => t.address === controllerEmail),
        ),
      'the digest',
    );
    expect(digest.subject).toContain(morning.split('-').reverse().join('.'));
    expect(digest.text).toContain('Nəzarətimdə olanlar');
    expect(digest.text).toContain(doc.registration!.number);
    // Nobody else asked for it.
    expect(
      (await mails()).some(
        (m) => m.subject.startsWith('Gündəlik xülasə') && m.to.some((t) => t.address === executorEmail),
      ),
    ).toBe(false);
  });

  it('the working-day calendar: an admin edits one year at a time; other years and other roles are untouched', async () => {
    const admin = await as(embedded.baseUrl, 'admin');
    type Calendar = {
      version: number;
      days: Array<{ date: string; kind: string }>;
      overrides: Array<{ date: string; kind: string }>;
    };
    const base = await admin.get<Calendar>('/api/v1/calendar?year=2027');
    expect(base.status).toBe(200);
    expect(base.body.days.some((d) => d.date === '2027-01-01' && d.kind === 'holiday')).toBe(true);
    const off = {
      date: '2027-07-14',
      kind: 'day-off',
      name: { az: 'Müəssisə günü', en: 'Agency day', ru: 'День агентства' },
    };
    const put27 = await admin.put<Calendar>('/api/v1/calendar', {
      version: base.body.version,
      year: 2027,
      days: [off],
    });
    expect(put27.status, JSON.stringify(put27.body)).toBe(200);
    expect(put27.body.overrides).toEqual([off]);
    const put26 = await admin.put<Calendar>('/api/v1/calendar', {
      version: put27.body.version,
      year: 2026,
      days: [{ date: '2026-12-30', kind: 'day-off' }],
    });
    expect(put26.status, JSON.stringify(put26.body)).toBe(200);
    // The 2027 edit stays when 2026 is edited.
    expect((await admin.get<Calendar>('/api/v1/calendar?year=2027')).body.overrides).toEqual([off]);
    const outside = await admin.put<Problem>('/api/v1/calendar', {
      version: put26.body.version,
      year: 2026,
      days: [{ date: '2027-01-05', kind: 'day-off' }],
    });
    expect(outside.status).toBe(422);
    expect(outside.body.errors?.[0]).toMatchObject({ path: 'days.0.date', code: 'date_outside_year' });
    expect((await clerk.put('/api/v1/calendar', { version: put26.body.version, days: [] })).status).toBe(403);
    const stale = await admin.put<Problem>('/api/v1/calendar', {
      version: base.body.version,
      year: 2027,
      days: [],
    });
    expect(stale.status).toBe(409);
    // Undo both edits.
    const undo = await admin.put<Calendar>('/api/v1/calendar', { version: put26.body.version, days: [] });
    expect(undo.status).toBe(200);
    expect((await admin.get<Calendar>('/api/v1/calendar?year=2026')).body.overrides).toEqual([]);
  });

  it('yearly calendar data: a year without it still computes deadlines and says so; an admin enters a year; bad input writes nothing', async () => {
    const admin = await as(embedded.baseUrl, 'admin');
    type YearView = {
      year: number;
      movableHolidays: string;
      source?: string;
      ramazan: string[];
      qurban: string[];
      workingDays: string[];
      restDays: string[];
      version: number;
    };
    type Years = {
      today: string;
      years: Array<{ year: number; movableHolidays: string; source: string }>;
      missing: number[];
      version: number;
    };
    type Calendar = {
      movableHolidays: string;
      days: Array<{ date: string; kind: string; provisional?: boolean }>;
    };
    const today = bakuLocalDate(await now());
    // Years no data covers, whatever the clock says: after the built-in years and after today.
    const bare = Math.max(Number(today.slice(0, 4)), 2027) + 4;
    const entered = bare + 1;

    // A year without data: its status says so, its calendar has the fixed holidays and days off.
    const missing = await admin.get<YearView>(`/api/v1/calendar/years/${bare}`);
    expect(missing.status).toBe(200);
    expect(missing.body).toMatchObject({ year: bare, movableHolidays: 'missing', ramazan: [], qurban: [] });
    expect(missing.body.source).toBeUndefined();
    const bareCalendar = await admin.get<Calendar>(`/api/v1/calendar?year=${bare}`);
    expect(bareCalendar.body.movableHolidays).toBe('missing');
    expect(bareCalendar.body.days.map((d) => [d.date, d.kind])).toEqual(
      calendarDays(azerbaijanCalendar(), bare).map((d) => [d.date, d.kind]),
    );

    // A controlled resolution due in that year: accepted, its deadline machine plans its reminders
    // on fixed holidays and weekends, and the server logs a warning naming the tenant and the year.
    const doc = await register(unique('Uzaq müddət'));
    const due = addWorkingDays(azerbaijanCalendar(), `${bare}-03-19`, 1);
    await resolve(doc, {
      text: 'Uzaq müddətli tapşırıq',
      executors: [{ employeeId: emp('executor1') }],
      controllerId: emp('controller'),
      dueDate: due,
    });
    const warning = await eventually(
      async () =>
        embedded
          .logs()
          .split('\n')
          .find((l) => l.includes('calendar_year_without_movable_holidays') && l.includes(`"year":${bare}`)),
      'the warning about the year without data',
    );
    const logged = JSON.parse(warning) as Record<string, unknown>;
    expect(logged).toMatchObject({ level: 'warn', year: bare, tenantId: expect.any(String) });
    expect(Object.keys(logged).sort()).toEqual([
      'detail',
      'level',
      'message',
      'service',
      'tenantId',
      'time',
      'year',
    ]);

    // The summary for the home page agrees with the server's clock.
    const years = await admin.get<Years>('/api/v1/calendar/years');
    expect(years.status).toBe(200);
    expect(years.body.today).toBe(bakuLocalDate(await now()));
    const current = Number(years.body.today.slice(0, 4));
    const due2 = years.body.today.slice(5, 7) === '12' ? [current, current + 1] : [current];
    const known = new Set(years.body.years.map((y) => y.year));
    expect(years.body.missing).toEqual(due2.filter((y) => !known.has(y)));
    expect(years.body.years).toContainEqual({ year: 2026, movableHolidays: 'confirmed', source: 'built-in' });
    const before = years.body.version;

    // Bad input: 422 (403 for a non-admin) and nothing written.
    const good = {
      version: before,
      status: 'confirmed',
      ramazan: [`${entered}-04-03`],
      qurban: [`${entered}-06-10`],
      workingDays: [],
      restDays: [],
    };
    const refused = async (body: unknown) => {
      const res = await admin.put<Problem>(`/api/v1/calendar/years/${entered}`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      return res.body;
    };
    const overlap = await refused({ ...good, qurban: [`${entered}-04-04`] });
    expect(overlap.errors?.[0]).toMatchObject({ path: 'qurban.0', code: 'overlapping_dates' });
    const outside = await refused({ ...good, restDays: [`${entered + 1}-01-05`] });
    expect(outside.errors?.[0]).toMatchObject({ path: 'restDays.0', code: 'date_outside_year' });
    const notWeekend = await refused({ ...good, workingDays: [nextWeekday(`${entered}-09-01`)] });
    expect(notWeekend.errors?.[0]).toMatchObject({ path: 'workingDays.0', code: 'not_a_weekend_day' });
    const unknown = await refused({ ...good, colour: 'red' });
    expect(unknown.errors?.[0]).toMatchObject({ code: 'unrecognized_keys' });
    const proto = await refused(
      `{"version":${before},"status":"confirmed","ramazan":["${entered}-04-03"],"qurban":["${entered}-06-10"],"__proto__":{"admin":true}}`,
    );
    expect(proto.errors?.[0]).toMatchObject({ path: '__proto__', code: 'forbidden_key' });
    const badDate = await refused({ ...good, ramazan: [`${entered}-02-30`] });
    expect(badDate.code).toBe('validation_failed');
    expect(await refused({ ...good, ramazan: [] })).toMatchObject({ code: 'validation_failed' });
    const clerkPut = await clerk.put<Problem>(`/api/v1/calendar/years/${entered}`, good);
    expect(clerkPut.status).toBe(403);
    expect((await admin.get<YearView>(`/api/v1/calendar/years/${entered}`)).body).toMatchObject({
      movableHolidays: 'missing',
      version: before,
    });
    expect((await admin.get<Years>('/api/v1/calendar/years')).body.version).toBe(before);

    // An admin enters the year: the calendar follows, in English too; a stale version gets 409.
    const saved = await admin.put<YearView>(`/api/v1/calendar/years/${entered}`, {
      ...good,
      status: 'provisional',
      restDays: [nextWeekday(`${entered}-09-01`)],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({
      year: entered,
      movableHolidays: 'provisional',
      source: 'agency',
      ramazan: [`${entered}-04-03`],
      version: before + 1,
    });
    const enteredCalendar = await admin.get<Calendar>(`/api/v1/calendar?year=${entered}`);
    expect(enteredCalendar.body.movableHolidays).toBe('provisional');
    expect(enteredCalendar.body.days).toContainEqual(
      expect.objectContaining({ date: `${entered}-04-03`, kind: 'holiday', provisional: true }),
    );
    expect(enteredCalendar.body.days).toContainEqual(
      expect.objectContaining({ date: nextWeekday(`${entered}-09-01`), kind: 'day-off' }),
    );
    const stale = await admin.put<Problem>(`/api/v1/calendar/years/${entered}`, good);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    // Another year next to it keeps its own data; the bare year is still bare.
    const confirmed = await admin.put<YearView>('/api/v1/calendar/years/2027', {
      version: before + 1,
      status: 'confirmed',
      ramazan: ['2027-03-09'],
      qurban: ['2027-05-16'],
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ movableHolidays: 'confirmed', source: 'agency', workingDays: [] });
    expect((await admin.get<YearView>(`/api/v1/calendar/years/${entered}`)).body.movableHolidays).toBe(
      'provisional',
    );
    expect((await admin.get<YearView>(`/api/v1/calendar/years/${bare}`)).body.movableHolidays).toBe(
      'missing',
    );
    // Another agency sees none of it.
    const otherAdmin = await as(embedded.baseUrl, 'admin2');
    expect((await otherAdmin.get<YearView>(`/api/v1/calendar/years/${entered}`)).body).toMatchObject({
      movableHolidays: 'missing',
      version: 0,
    });
    expect((await otherAdmin.get<YearView>('/api/v1/calendar/years/2027')).body.source).toBe('built-in');
  });
});
