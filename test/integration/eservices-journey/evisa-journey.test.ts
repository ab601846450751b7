import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, bakuDate } from '../../../functions/modules/eservices';
import { apiClient, type Api } from '../../support/api';
import { clockNow } from '../../support/clock';
import { approveEndorsement, germanVisitor, mailsTo, uploadScan } from '../../support/eservices-citizen';
import { eventually } from '../../support/eventually';
import { as } from '../documents/helpers';

// One e-visa from the citizen's first request to the verified QR, through every part as they run
// in the embedded default: the public upload and submit, the confirmation link from the e-mail,
// the local payment page and its signed callback, the machine's review (registration in the
// journal, checks, the demo agency's route), the officer's task in the documents' API, the issued
// PDF found by number and passport number, and the public check of its code.
const baseUrl = inject('baseUrl');
const AGENCY = '/api/public/v1/agencies/demo1';
const citizen = apiClient(baseUrl, undefined, 'en');
const maildev = `http://127.0.0.1:${Number(new URL(baseUrl).port) + 6}`;

type Decision = { applicant: number; outcome: string; resultUrl?: string };
type Status = { number: string; state: string; decisions: Decision[]; payment?: { status: string } };

let officer: Api;
let admin: Api;
let arrival: string;
beforeAll(async () => {
  officer = await as(baseUrl, 'appealshead');
  admin = await as(baseUrl, 'admin');
  arrival = addDays(bakuDate(await clockNow(baseUrl)), 10);
}, 120_000);

describe('an e-visa from the application to the verified QR code', () => {
  it('is applied for, confirmed, paid, approved by the officer, downloaded by number and passport and verified', async () => {
    // Arrange
    const email = `journey-${randomUUID().slice(0, 8)}@example.de`;
    const passport = `J${randomUUID().replaceAll('-', '').slice(0, 8).toUpperCase()}`;
    const body = {
      language: 'en',
      variant: 'standard',
      common: { email, phone: '+49 30 901820' },
      applicants: [
        germanVisitor({
          passportNumber: passport,
          arrivalDate: arrival,
          passportExpiryDate: addDays(arrival, 3650),
          scan: await uploadScan(citizen, AGENCY, 'e-visa'),
        }),
      ],
    };

    // Act 1: submit, then the link from the e-mail
    const submitted = await citizen.post<{ number: string; state: string }>(
      `${AGENCY}/services/e-visa/applications`,
      body,
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

    // Act 2: the payment page, as the browser posts its form
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

    // Act 3: the officer finds the registered application's task and decides it
    const view = await eventually(async () => {
      const res = await admin.get<{ documentId?: string; registrationNumber?: string }>(
        `/api/v1/eservices/applications/${number}`,
      );
      return res.body.documentId ? res.body : undefined;
    }, 'the registered document');
    await approveEndorsement(officer, view.documentId!, 'Viza verilsin');

    // Act 4: the status by number and passport number, the PDF, its code checked
    const decided = await eventually(async () => {
      const res = await citizen.post<Status>(`${AGENCY}/applications/status`, {
        number,
        secondFactor: passport,
      });
      return res.body.state === 'decided' ? res.body : undefined;
    }, 'the decision');
    const pdf = new Uint8Array(await (await fetch(decided.decisions[0]!.resultUrl!)).arrayBuffer());
    const code = (await PDFDocument.load(pdf, { updateMetadata: false })).getSubject()!;
    const verified = await citizen.post<{ holder?: unknown }>('/api/public/v1/evisa/verify', { code });
    const flipped = code.slice(0, -3) + (code.at(-3) === 'A' ? 'B' : 'A') + code.slice(-2);
    const tampered = await citizen.post('/api/public/v1/evisa/verify', { code: flipped });
    const wrongPassport = await citizen.post(`${AGENCY}/applications/status`, {
      number,
      secondFactor: 'X0000000',
    });
    const unknown = await citizen.post(`${AGENCY}/applications/status`, {
      number: '7K3M-9QX2-HT4B-W8RC',
      secondFactor: passport,
    });

    // Assert
    expect([submitted.body.state, confirmed.body.state]).toEqual([
      'awaiting-confirmation',
      'awaiting-payment',
    ]);
    expect(paid.status).toBe(303);
    expect(view.registrationNumber).toBeTruthy();
    expect(decided.payment?.status).toBe('paid');
    expect(decided.decisions).toEqual([expect.objectContaining({ applicant: 0, outcome: 'approved' })]);
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    expect(code.startsWith('AZV:')).toBe(true);
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect(JSON.stringify(verified.body)).toContain(passport);
    expect(tampered.status).toBe(422);
    expect(wrongPassport.status).toBe(404);
    expect(wrongPassport.body).toEqual(unknown.body);
    const subjects = await eventually(async () => {
      const all = (await mailsTo(maildev, email)).map((m) => m.subject);
      return all.length >= 3 ? all : undefined;
    }, 'the payment and decision e-mails');
    expect(subjects.filter((s) => s.includes(number))).toHaveLength(subjects.length);
  }, 240_000);
});
