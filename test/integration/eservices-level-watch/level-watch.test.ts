import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, bakuDate } from '../../../functions/modules/eservices';
import { apiClient, type Api } from '../../support/api';
import { advanceClockTo, clockNow } from '../../support/clock';
import { approveEndorsement, germanVisitor, mailsTo, uploadScan } from '../../support/eservices-citizen';
import { eventually } from '../../support/eventually';
import { ownEmbedded } from '../../support/own-embedded';
import { executionArn, executionHistory, executionStatus } from '../../support/workflows';
import { as } from '../documents/helpers';

// Issue 15, the service level's watch over the running machine, on an embedded default of its own
// (the clock moves): two urgent e-visas (3 hours, round the clock) routed to the appeals head; one
// is decided at once and hears nothing, the other gets one reminder an hour before its level runs
// out and one escalation when it has — to the appeals head and the head of the agency above him.
const embedded = ownEmbedded();
const AGENCY = '/api/public/v1/agencies/demo1';
const HOUR = 60 * 60_000;
const OFFICER_MAIL = 'v.rzayev@demo1.example.az';
const DIRECTOR_MAIL = 'e.hasanov@demo1.example.az';

type Level = { startedAt: string; dueAt: string; lastDay: string };
type View = {
  number: string;
  state: string;
  documentId?: string;
  registrationNumber?: string;
  level?: Level;
  log: Array<{ event: string; detail?: Record<string, unknown> }>;
};
type Parked = { plan: { next: { event: { kind: string; at: string } } } };

let citizen: Api;
let maildev: string;

beforeAll(() => {
  citizen = apiClient(embedded.baseUrl, undefined, 'en');
  maildev = `http://127.0.0.1:${Number(new URL(embedded.baseUrl).port) + 6}`;
});

const token = () => randomUUID().replaceAll('-', '').slice(0, 8).toUpperCase();
const watchArn = (number: string) =>
  executionArn('eservice-level-watch', `level-demo1-${number.replaceAll('-', '')}`);

/** An urgent e-visa submitted, confirmed from the e-mail's link and paid on the local payment page. */
async function paidUrgentEVisa(): Promise<string> {
  const email = `watch-${token().toLowerCase()}@example.de`;
  const passport = `W${token()}`;
  const arrival = addDays(bakuDate(await clockNow(embedded.baseUrl)), 10);
  const applicant = germanVisitor({
    passportNumber: passport,
    arrivalDate: arrival,
    passportExpiryDate: addDays(arrival, 3650),
    scan: await uploadScan(citizen, AGENCY, 'e-visa'),
  });
  const submitted = await citizen.post<{ number: string }>(
    `${AGENCY}/services/e-visa/applications`,
    { language: 'en', variant: 'urgent', common: { email, phone: '+49 30 901820' }, applicants: [applicant] },
    { 'Idempotency-Key': randomUUID() },
  );
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  const number = submitted.body.number;
  const link = await eventually(async () => {
    const mail = (await mailsTo(maildev, email)).find((m) => m.subject.includes(number));
    return mail && /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  }, 'the confirmation e-mail');
  const confirmed = await citizen.post(`${AGENCY}/applications/confirm`, { number, token: link });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  const payment = await eventually(async () => {
    const res = await citizen.post<{ redirectUrl: string }>(`${AGENCY}/applications/payment`, {
      number,
      secondFactor: passport,
    });
    return res.status === 200 ? res.body : undefined;
  }, 'the payment to start');
  const paid = await fetch(payment.redirectUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ decision: 'pay' }).toString(),
    redirect: 'manual',
  });
  expect(paid.status).toBe(303);
  return number;
}

const viewOf = async (admin: Api, number: string) =>
  (await admin.get<View>(`/api/v1/eservices/applications/${number}`)).body;

async function reviewed(admin: Api, number: string): Promise<View & { level: Level }> {
  return eventually(async () => {
    const view = await viewOf(admin, number);
    return view.level && view.documentId ? (view as View & { level: Level }) : undefined;
  }, `the review of ${number}`);
}

/** The watch resting in its Wait state before an event of that kind; gives the event. */
async function waitingFor(arn: string, kind: string) {
  return eventually(async () => {
    if ((await executionStatus(embedded.baseUrl, arn)) !== 'RUNNING') return undefined;
    const last = (await executionHistory(embedded.baseUrl, arn)).at(-1);
    const entered = last?.type === 'WaitStateEntered' ? last.stateEnteredEventDetails : undefined;
    if (entered?.name !== 'WaitForEvent') return undefined;
    const event = (JSON.parse(entered.input ?? 'null') as Parked).plan.next.event;
    return event.kind === kind ? event : undefined;
  }, `${arn} waiting for its ${kind}`);
}

const finished = (arn: string) =>
  eventually(
    async () => ((await executionStatus(embedded.baseUrl, arn)) === 'SUCCEEDED' ? true : undefined),
    `${arn} to finish`,
  );

const events = (view: View, kind: string) => view.log.filter((e) => e.event === kind);
/** Subjects of the e-mails to `address` that name the registration number (as a word: 1-ER/26 is not 11-ER/26). */
const subjectsAbout = async (address: string, registration: string) =>
  (await mailsTo(maildev, address)).map((m) => m.subject).filter((s) => s.split(' ').includes(registration));

describe('the service level’s watch', () => {
  it('reminds once an hour before the level ends, escalates once at its end, and is silent once decided', async () => {
    // Arrange: two urgent e-visas in review; the second is decided at once.
    const admin = await as(embedded.baseUrl, 'admin');
    const officer = await as(embedded.baseUrl, 'appealshead');
    const late = await reviewed(admin, await paidUrgentEVisa());
    const onTime = await reviewed(admin, await paidUrgentEVisa());
    const reminder = await waitingFor(watchArn(late.number), 'reminder');
    await waitingFor(watchArn(onTime.number), 'reminder');
    expect(Date.parse(late.level.dueAt) - Date.parse(late.level.startedAt)).toBe(3 * HOUR);
    expect(reminder.at).toBe(new Date(Date.parse(late.level.dueAt) - HOUR).toISOString());
    await approveEndorsement(officer, onTime.documentId!);
    await eventually(
      async () => ((await viewOf(admin, onTime.number)).state === 'decided' ? true : undefined),
      'the decision of the second application',
    );

    // Act: the clock past both reminders' instants.
    const lastReminder = Math.max(Date.parse(reminder.at), Date.parse(onTime.level.dueAt) - HOUR);
    await advanceClockTo(embedded.baseUrl, lastReminder + 1000);
    const escalation = await waitingFor(watchArn(late.number), 'escalation');
    await finished(watchArn(onTime.number));

    // Assert: one reminder, to the holder of the open task only; nothing for the decided one.
    expect(escalation.at).toBe(late.level.dueAt);
    const reminded = await viewOf(admin, late.number);
    expect(events(reminded, 'reminder')).toHaveLength(1);
    expect(events(reminded, 'escalation')).toHaveLength(0);
    const lateNo = late.registrationNumber!;
    expect(
      (await subjectsAbout(OFFICER_MAIL, lateNo)).filter((s) => s.startsWith('Xatırlatma')),
    ).toHaveLength(1);
    expect(await subjectsAbout(DIRECTOR_MAIL, lateNo)).toEqual([]);

    // Act: the clock past the level's end.
    await advanceClockTo(embedded.baseUrl, Date.parse(late.level.dueAt) + 1000);
    await finished(watchArn(late.number));

    // Assert: one escalation, to the officer and the head above him; still one reminder.
    const escalated = await viewOf(admin, late.number);
    expect(events(escalated, 'reminder')).toHaveLength(1);
    expect(events(escalated, 'escalation')).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ holders: 1, supervisors: 1 }) }),
    ]);
    const officerSubjects = await subjectsAbout(OFFICER_MAIL, lateNo);
    expect(officerSubjects.filter((s) => s.startsWith('Xatırlatma'))).toHaveLength(1);
    expect(officerSubjects.filter((s) => s.startsWith('Xidmət müddəti keçib'))).toHaveLength(1);
    expect(await subjectsAbout(DIRECTOR_MAIL, lateNo)).toEqual([
      expect.stringMatching(/^Xidmət müddəti keçib/),
    ]);
    const decided = await viewOf(admin, onTime.number);
    expect([...events(decided, 'reminder'), ...events(decided, 'escalation')]).toEqual([]);
    const onTimeNo = onTime.registrationNumber!;
    const aboutDecided = [
      ...(await subjectsAbout(OFFICER_MAIL, onTimeNo)),
      ...(await subjectsAbout(DIRECTOR_MAIL, onTimeNo)),
    ];
    expect(aboutDecided.filter((s) => /Xatırlatma|Xidmət müddəti/.test(s))).toEqual([]);
  }, 300_000);
});
