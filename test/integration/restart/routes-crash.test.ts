import { beforeAll, describe, expect, it } from 'vitest';
import { azerbaijanBuiltInCalendar } from '../../../functions/modules/execution/domain/calendar/azerbaijan';
import { addWorkingDays } from '../../../functions/modules/execution/domain/calendar/working-days';
import { bakuLocalDate } from '../../../functions/modules/documents/domain/date-filter';
import { advanceClockTo, clockNow } from '../../support/clock';
import { eventually } from '../../support/eventually';
import { ownEmbedded } from '../../support/own-embedded';
import { executionArn, markerFired, plannedAt, startMarker } from '../../support/workflows';
import { as, citizenIncoming, lookups, unique, type Doc, type Lookups } from '../documents/helpers';

// kill -9 of the embedded default while route approvals and an execution deadline are pending:
// no task is lost, the route goes on after the restart, and the reminder fires at its planned time.
const embedded = ownEmbedded();
let ref: Lookups;

type Assignment = { id: string; kind: string; status: string; actions: string[] };
type View = { documentVersion: number; assignments: Assignment[] };
type InboxPage = { items: Array<{ document: Doc; line: { assignmentId: string } }> };
type Mail = { subject: string };

const emp = (username: string) => ref.employee.get(username)!;
const maildev = () => `http://127.0.0.1:${embedded.port + 6}/api/email`;
const now = () => clockNow(embedded.baseUrl);
const advanceTo = (instant: string) => advanceClockTo(embedded.baseUrl, instant);

beforeAll(async () => {
  ref = await lookups(await as(embedded.baseUrl, 'clerk'));
});

describe('kill -9 with pending approvals and deadlines', () => {
  it('loses no task, goes on after the restart, and fires the deadline at its original time', async () => {
    const base = embedded.baseUrl;
    const clerk = await as(base, 'clerk');
    const head = await as(base, 'head');

    // An order waiting on two parallel endorsements, one of them given.
    const order = (
      await clerk.post<Doc>('/api/v1/documents/order', { summary: unique('Əmr'), category: 'directive' })
    ).body;
    const shaped = await clerk.put<{ documentVersion: number }>(
      `/api/v1/documents/${order.id}/approval-route`,
      {
        version: order.version,
        stages: [
          {
            kind: 'endorsement',
            mode: 'parallel',
            participants: [{ employeeId: emp('executor1') }, { employeeId: emp('executor2') }],
          },
          { kind: 'signing', mode: 'sequential', participants: [{ employeeId: emp('approver') }] },
        ],
      },
    );
    expect(shaped.status, JSON.stringify(shaped.body)).toBe(200);
    expect(
      (
        await clerk.post(`/api/v1/documents/${order.id}/approval-route/start`, {
          version: shaped.body.documentVersion,
        })
      ).status,
    ).toBe(200);
    const decide = async (user: string, kind: string, action: string) => {
      const api = await as(base, user);
      const v = await eventually(async () => {
        const res = await api.get<View>(`/api/v1/documents/${order.id}/execution`);
        return res.body.assignments.some((a) => a.kind === kind && a.actions.includes(action))
          ? res.body
          : undefined;
      }, `${user}'s ${kind} task`);
      const task = v.assignments.find((a) => a.kind === kind && a.actions.includes(action))!;
      const res = await api.post(`/api/v1/documents/${order.id}/assignments/${task.id}/${action}`, {
        version: v.documentVersion,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    await decide('executor1', 'endorsement', 'approve');
    const executor2 = await as(base, 'executor2');
    await eventually(async () => {
      const page = await executor2.get<InboxPage>('/api/v1/inbox/approval?open=true');
      return page.body.items.some((i) => i.document.id === order.id) ? true : undefined;
    }, 'the second endorsement waiting');

    // A controlled resolution whose first reminder is 3 working days before its due date, 09:00 Baku.
    const cal = azerbaijanBuiltInCalendar;
    const today = bakuLocalDate(await now());
    const due = addWorkingDays(cal, today, 6);
    const reminderAt = `${addWorkingDays(cal, due, -3)}T09:00:00+04:00`;
    const doc = (await clerk.post<Doc>('/api/v1/documents/incoming', citizenIncoming(unique('Müddətli'))))
      .body;
    const resolved = await head.post<Doc>(`/api/v1/documents/${doc.id}/resolutions`, {
      version: doc.version,
      text: 'İcra edilsin',
      executors: [{ employeeId: emp('executor3') }],
      controllerId: emp('controller'),
      dueDate: due,
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(201);
    const number = doc.registration!.number;
    const reminders = async () =>
      ((await (await fetch(maildev())).json()) as Mail[]).filter(
        (m) => m.subject.includes(number) && m.subject.startsWith('Xatırlatma'),
      );
    // The resolution's deadline watch rests until the reminder's time.
    const resolution = (await head.get<View>(`/api/v1/documents/${doc.id}/execution`)).body.assignments.find(
      (a) => a.kind === 'resolution',
    )!;
    const watch = executionArn('execution-deadline', `deadline-${resolution.id}`);
    const planned = () => plannedAt(base, watch, 'WaitForEvent');
    expect(await planned()).toBe(new Date(reminderAt).toISOString());
    // Half an hour before the reminder (a marker due then has fired: the move was acted on), then the crash.
    const halfHourBefore = new Date(Date.parse(reminderAt) - 30 * 60_000).toISOString();
    const marker = await startMarker(base, halfHourBefore);
    await advanceTo(halfHourBefore);
    await markerFired(base, marker);
    expect(await reminders()).toHaveLength(0);

    await embedded.kill9();
    await embedded.restart();

    // The clock kept its place; nothing fired early on the way up: a marker due at the clock's now
    // has fired since the restart, and the watch still rests until the reminder's time.
    const upAt = await now();
    expect(Date.parse(upAt)).toBeLessThan(Date.parse(reminderAt));
    await markerFired(base, await startMarker(base, upAt));
    expect(await planned()).toBe(new Date(reminderAt).toISOString());
    expect(await reminders()).toHaveLength(0);
    // The reminder comes when its original time is reached.
    await advanceTo(new Date(Date.parse(reminderAt) + 60_000).toISOString());
    await eventually(
      async () => ((await reminders()).length > 0 ? true : undefined),
      'the reminder after restart',
    );

    // The endorsement that was waiting is still there; the route goes on to the signature.
    const after = await as(base, 'executor2');
    const waiting = await after.get<InboxPage>('/api/v1/inbox/approval?open=true');
    expect(waiting.body.items.some((i) => i.document.id === order.id)).toBe(true);
    await decide('executor2', 'endorsement', 'approve');
    await decide('approver', 'signing', 'sign');
    const signed = await eventually(async () => {
      const res = await clerk.get<Doc>(`/api/v1/documents/${order.id}`);
      return res.body.status === 'signed' ? res.body : undefined;
    }, 'the order signed');
    expect(signed.status).toBe('signed');
  });
});
