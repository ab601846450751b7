import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, bakuDate, socialAssistanceDefinition } from '../../../functions/modules/eservices';
import { apiClient, type Api } from '../../support/api';
import { advanceClockTo, clockNow } from '../../support/clock';
import { approveEndorsement, mailsTo, uploadScan } from '../../support/eservices-citizen';
import { eventually } from '../../support/eventually';
import { ownEmbedded } from '../../support/own-embedded';
import { as, lookups } from '../documents/helpers';

// Issue 15's scenarios over the running machine, on an embedded default of their own (the clock
// moves): an urgent e-visa's hours counted through a holiday next to a standard one's working
// days, a group of ten with one e-mail and one payment decided one by one, and a social-assistance
// application decided on the last day of its 15 days with the decision sent by SMS.
const embedded = ownEmbedded();
const AGENCY = '/api/public/v1/agencies/demo1';
const HOUR = 60 * 60_000;

type Decision = { applicant: number; outcome: string; reason?: string; resultUrl?: string };
type Status = {
  number: string;
  state: string;
  level?: { startedAt: string; dueAt: string; lastDay: string };
  decisions: Decision[];
  payment?: { status: string; amount: number; currency: string };
};
type Level = { startedAt: string; dueAt: string; lastDay: string; overdue: boolean };
type View = { number: string; state: string; version: number; documentId?: string; level?: Level };
type Sms = { phone: string; text: string };

let citizen: Api;
let maildev: string;

beforeAll(() => {
  citizen = apiClient(embedded.baseUrl, undefined, 'en');
  maildev = `http://127.0.0.1:${Number(new URL(embedded.baseUrl).port) + 6}`;
});

const bakuDisplay = (date: string) => date.split('-').reverse().join('.');
const token = () => randomUUID().replaceAll('-', '').slice(0, 8).toUpperCase();

async function visitor(surname: string, passportNumber: string) {
  const arrival = addDays(bakuDate(await clockNow(embedded.baseUrl)), 10);
  return {
    surname,
    givenNames: 'Jonas',
    sex: 'male',
    birthDate: '1985-05-06',
    nationality: 'DEU',
    passportNumber,
    passportIssueDate: '2021-02-03',
    passportExpiryDate: addDays(arrival, 3650),
    purpose: 'tourism',
    arrivalDate: arrival,
    addressInAzerbaijan: 'Bakı, Neftçilər pr. 1',
    passportScan: [await uploadScan(citizen, AGENCY, 'e-visa')],
  };
}

/** An e-visa submitted, confirmed from the e-mail's link, and paid on the local payment page. */
async function paidEVisa(variant: string, passports: string[]) {
  const email = `scenario-${token().toLowerCase()}@example.de`;
  const applicants = [];
  for (const [i, passport] of passports.entries())
    applicants.push(await visitor(`Schneider${'x'.repeat(i)}`, passport));
  const submitted = await citizen.post<{ number: string; state: string }>(
    `${AGENCY}/services/e-visa/applications`,
    { language: 'en', variant, common: { email, phone: '+49 30 901820' }, applicants },
    { 'Idempotency-Key': randomUUID() },
  );
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  const number = submitted.body.number;
  const link = await eventually(async () => {
    const mail = (await mailsTo(maildev, email)).find((m) => m.subject.includes(number));
    return mail && /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  }, 'the confirmation e-mail');
  const confirmed = await citizen.post<{ state: string }>(`${AGENCY}/applications/confirm`, {
    number,
    token: link,
  });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  const payment = await eventually(async () => {
    const res = await citizen.post<{ redirectUrl: string }>(`${AGENCY}/applications/payment`, {
      number,
      secondFactor: passports[0],
    });
    return res.status === 200 ? res.body : undefined;
  }, 'the payment to start');
  const page = await (await fetch(payment.redirectUrl)).text();
  const paid = await fetch(payment.redirectUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ decision: 'pay' }).toString(),
    redirect: 'manual',
  });
  expect(paid.status).toBe(303);
  return { number, email, page };
}

/** The officer view once the review has started the application's service level. */
async function reviewed(admin: Api, number: string): Promise<View & { level: Level }> {
  return eventually(async () => {
    const res = await admin.get<View>(`/api/v1/eservices/applications/${number}`);
    return res.body.level && res.body.documentId ? (res.body as View & { level: Level }) : undefined;
  }, `the review of ${number}`);
}

async function decidedStatus(number: string, secondFactor: string) {
  return eventually(async () => {
    const res = await citizen.post<Status>(`${AGENCY}/applications/status`, { number, secondFactor });
    return res.body.state === 'decided' ? res.body : undefined;
  }, `the decision of ${number}`);
}

/** Whether a Baku date is a working day, by the agency's calendar as its API gives it. */
async function workingDays(admin: Api, years: number[]): Promise<(date: string) => boolean> {
  const special = new Map<string, string>();
  let weekend: number[] = [];
  for (const year of years) {
    const res = await admin.get<{ weekend: number[]; days: Array<{ date: string; kind: string }> }>(
      `/api/v1/calendar?year=${year}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    weekend = res.body.weekend;
    for (const d of res.body.days) special.set(d.date, d.kind);
  }
  return (date) => {
    const kind = special.get(date);
    if (kind) return kind === 'working';
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay() || 7;
    return !weekend.includes(weekday);
  };
}

describe('an urgent e-visa paid on the evening before a holiday', () => {
  it('is due 3 hours after the payment, through the holiday, while a standard one skips the holidays', async () => {
    // Arrange: the clock at 22:00 in Baku on the 30 December to come, the eve of the New Year holidays.
    const now = await clockNow(embedded.baseUrl);
    let year = Number(bakuDate(now).slice(0, 4));
    if (Date.parse(now) >= Date.parse(`${year}-12-30T18:00:00.000Z`)) year += 1;
    await advanceClockTo(embedded.baseUrl, `${year}-12-30T18:00:00.000Z`);
    const admin = await as(embedded.baseUrl, 'admin');
    const isWorking = await workingDays(admin, [year, year + 1]);
    expect([isWorking(`${year}-12-30`), isWorking(`${year}-12-31`)]).toEqual([true, false]);

    // Act
    const urgent = await paidEVisa('urgent', [`U${token()}`]);
    const standard = await paidEVisa('standard', [`S${token()}`]);
    const urgentView = await reviewed(admin, urgent.number);
    const standardView = await reviewed(admin, standard.number);

    // Assert: the urgent term runs round the clock into the holiday.
    const { level } = urgentView;
    expect(bakuDate(level.startedAt)).toBe(`${year}-12-30`);
    expect(Date.parse(level.dueAt) - Date.parse(level.startedAt)).toBe(3 * HOUR);
    expect(bakuDate(level.dueAt)).toBe(`${year}-12-31`);
    expect(level.lastDay).toBe(bakuDisplay(`${year}-12-31`));
    expect(urgent.page).toContain('60.00 USD');
    // The standard one paid at the same time: the third working day after, holidays skipped.
    const paidOn = bakuDate(standardView.level.startedAt);
    expect(paidOn).toBe(`${year}-12-30`);
    let third = paidOn;
    for (let left = 3; left > 0;) {
      third = addDays(third, 1);
      if (isWorking(third)) left -= 1;
    }
    expect(third > addDays(paidOn, 3)).toBe(true);
    expect(standardView.level.lastDay).toBe(bakuDisplay(third));
    expect(bakuDate(new Date(Date.parse(standardView.level.dueAt) - 1).toISOString())).toBe(third);
  }, 240_000);
});

describe('a group of ten visitors with one e-mail and one payment', () => {
  it('gets ten decisions: nine visas with numbers of their own, one refusal with its letter and reason', async () => {
    // Arrange
    const admin = await as(embedded.baseUrl, 'admin');
    const officer = await as(embedded.baseUrl, 'appealshead');
    const passports = Array.from({ length: 10 }, (_, i) => `G${i}${token()}`);
    const group = await paidEVisa('standard', passports);
    const view = await reviewed(admin, group.number);

    // Act: the officer refuses the fourth visitor, then approves the route. The machine writes the
    // record meanwhile (its wait on the decision): that does not make the officer's view stale.
    const seen = await eventually(async () => {
      const res = await officer.get<View>(`/api/v1/eservices/applications/${group.number}`);
      return res.status === 200 ? res.body : undefined;
    }, 'the application in the officer’s view');
    const refused = await officer.put(`/api/v1/eservices/applications/${group.number}/decisions`, {
      version: seen.version,
      decisions: [{ applicant: 3, outcome: 'refused', reason: 'Pasportun surəti oxunmur' }],
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    await approveEndorsement(officer, view.documentId!);
    const decided = await decidedStatus(group.number, passports[7]!);

    // Assert
    expect(group.page).toContain('200.00 USD');
    expect(decided.payment).toEqual({ status: 'paid', amount: 20_000, currency: 'USD' });
    expect(decided.decisions.map((d) => [d.applicant, d.outcome])).toEqual(
      passports.map((_, i) => [i, i === 3 ? 'refused' : 'approved']),
    );
    expect(decided.decisions[3]).toMatchObject({ reason: 'Pasportun surəti oxunmur' });
    const letter = new Uint8Array(await (await fetch(decided.decisions[3]!.resultUrl!)).arrayBuffer());
    expect(new TextDecoder().decode(letter.slice(0, 5))).toBe('%PDF-');
    const visas: Array<{ visaNumber: string; passport: string }> = [];
    for (const d of decided.decisions.filter((x) => x.outcome === 'approved')) {
      const pdf = new Uint8Array(await (await fetch(d.resultUrl!)).arrayBuffer());
      const code = (await PDFDocument.load(pdf, { updateMetadata: false })).getSubject()!;
      const verified = await citizen.post<{
        valid: boolean;
        visa: { visaNumber: string; passportNumber: string };
      }>('/api/public/v1/evisa/verify', { code });
      expect(verified.status, JSON.stringify(verified.body)).toBe(200);
      visas.push({ visaNumber: verified.body.visa.visaNumber, passport: verified.body.visa.passportNumber });
    }
    expect(visas).toHaveLength(9);
    expect(new Set(visas.map((v) => v.visaNumber)).size).toBe(9);
    expect(visas.map((v) => v.passport)).toEqual(passports.filter((_, i) => i !== 3));
    const subjects = (await mailsTo(maildev, group.email)).map((m) => m.subject);
    expect(subjects.filter((s) => s.startsWith('Confirm your application'))).toHaveLength(1);
  }, 300_000);
});

describe('a social-assistance application decided on the 15th day', () => {
  it('is within its level on the last day and the decision reaches the applicant’s phone once by SMS', async () => {
    // Arrange: a social-assistance service of its own, decided by one endorsement of the officer.
    const admin = await as(embedded.baseUrl, 'admin');
    const officerId = (await lookups(await as(embedded.baseUrl, 'clerk'))).employee.get('appealshead')!;
    const template = await admin.post<{ id: string }>('/api/v1/approval-route-templates', {
      name: `Sosial yardım ${token()}`,
      kinds: ['incoming'],
      classificationIds: [],
      stages: [{ kind: 'endorsement', mode: 'sequential', participants: [{ employeeId: officerId }] }],
    });
    expect(template.status, JSON.stringify(template.body)).toBe(201);
    const code = `social-${token().toLowerCase()}`;
    const created = await admin.post<{ version: number }>(
      '/api/v1/eservices',
      { ...socialAssistanceDefinition({ routeTemplateId: template.body.id }), code },
      { 'Idempotency-Key': randomUUID() },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const published = await admin.post(`/api/v1/eservices/${code}/draft/publish`, {
      version: created.body.version,
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const phone = `+99450${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`;
    const fin = `${token().slice(0, 6)}Z`;

    // Act 1: submitted (free: no payment), in review
    const submitted = await citizen.post<{ number: string; state: string }>(
      `${AGENCY}/services/${code}/applications`,
      {
        language: 'az',
        variant: 'standard',
        common: { phone, address: 'Bakı, Nizami küç. 10', household: [] },
        applicants: [
          {
            fin,
            surname: 'Məmmədova',
            name: 'Aygün',
            birthDate: '1980-04-05',
            monthlyIncome: 15_000,
            incomeSource: 'pension',
          },
        ],
      },
      { 'Idempotency-Key': randomUUID() },
    );
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const number = submitted.body.number;
    const view = await reviewed(admin, number);

    // Act 2: the clock at noon in Baku on the level's 15th day; the officer approves.
    const day15 = addDays(bakuDate(view.level.startedAt), 15);
    await advanceClockTo(embedded.baseUrl, `${day15}T08:00:00.000Z`);
    const officer = await as(embedded.baseUrl, 'appealshead');
    const onDay15 = (await officer.get<View>(`/api/v1/eservices/applications/${number}`)).body;
    await approveEndorsement(officer, view.documentId!);
    const decided = await decidedStatus(number, fin);
    const smsTo = async () =>
      (
        (await (await fetch(`${embedded.baseUrl}/local/sms?limit=500`)).json()) as { items: Sms[] }
      ).items.filter((s) => s.phone === phone);
    const sms = await eventually(async () => {
      const sent = await smsTo();
      return sent.length > 0 ? sent : undefined;
    }, 'the decision SMS');
    const settled = await eventually(async () => {
      const res = await admin.get<View & { log: Array<{ event: string; detail?: Record<string, unknown> }> }>(
        `/api/v1/eservices/applications/${number}`,
      );
      const sent = res.body.log.some(
        (l) => l.event === 'notice-sent' && l.detail?.notice === 'decision' && l.detail.channel === 'sms',
      );
      return res.body.state === 'decided' && sent ? res.body : undefined;
    }, 'the decision SMS logged as sent');

    // Assert
    expect(submitted.body.state).not.toBe('awaiting-payment');
    // A FİN made up for the test is not in the citizens' registry: the officer is told.
    expect((view as View & { checks?: unknown }).checks).toEqual([
      expect.objectContaining({
        ok: false,
        problems: [expect.objectContaining({ code: 'fin_not_in_registry' })],
      }),
    ]);
    expect(view.level.lastDay).toBe(bakuDisplay(day15));
    expect(decided.level?.lastDay).toBe(day15);
    expect(onDay15.level).toMatchObject({ lastDay: bakuDisplay(day15), overdue: false });
    expect(decided.payment).toBeUndefined();
    expect(decided.decisions).toEqual([expect.objectContaining({ applicant: 0, outcome: 'approved' })]);
    expect(sms).toHaveLength(1);
    expect(sms[0]!.text).toContain(number);
    expect(settled.state).toBe('decided');
    expect(await smsTo()).toHaveLength(1);
  }, 300_000);
});
