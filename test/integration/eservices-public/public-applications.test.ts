import { createHash, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, bakuDate } from '../../../functions/modules/eservices';
import type { ApplicationRecord } from '../../../functions/modules/eservices/usecases/application-records';
import { DynamoAggregateStore } from '../../../functions/platform/adapters/dynamodb/aggregate-store.adapter';
import { allPages } from '../../../functions/platform/kernel/aggregate';
import { TABLE_NAME } from '../../../infra/local/embedded';
import { tableClientOf } from '../../support/table';
import { apiClient, type Problem } from '../../support/api';
import { clockNow } from '../../support/clock';
import { readPdf } from '../../support/scans';

// The citizens' public application API against the shared embedded default: demo1's seeded e-visa
// and social assistance (published on start) are applied for without a login. The machine of an
// application is started best-effort (it is another slice's), so nothing here waits on it.
const baseUrl = inject('baseUrl');
const AGENCY = '/api/public/v1/agencies/demo1';
const citizen = apiClient(baseUrl, undefined, 'en');

type Upload = { ref: string; upload: { url: string; method: 'PUT'; signedHeaders: Record<string, string> } };
type Submitted = {
  number: string;
  state: string;
  submittedAt: string;
  receiptUrl: string;
  confirmBy?: string;
  fee: { amount: number; currency: string };
};
type Status = {
  number: string;
  state: string;
  service: { code: string };
  decisions: unknown[];
  receiptUrl: string;
};

let arrival: string;
beforeAll(async () => {
  arrival = addDays(bakuDate(await clockNow(baseUrl)), 5);
}, 60_000);

/** A scan that is a real (tiny) PDF. */
function scanBytes(seed: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`%PDF-1.4\n1 0 obj <<>> endobj\n% scan ${seed}\ntrailer <<>>\n%%EOF\n`);
}

/** Asks for the presigned PUT and sends the bytes to it, as a browser on a portal does. */
async function uploadScan(seed = randomUUID()) {
  const bytes = scanBytes(seed);
  const sha256 = createHash('sha256').update(bytes).digest('base64');
  const res = await citizen.post<Upload>(`${AGENCY}/services/e-visa/uploads`, {
    field: 'passportScan',
    name: 'passport.pdf',
    mediaType: 'application/pdf',
    bytes: bytes.byteLength,
    sha256,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const put = await fetch(res.body.upload.url, {
    method: 'PUT',
    headers: { ...res.body.upload.signedHeaders, origin: 'https://portal.example.org' },
    body: bytes,
  });
  expect(put.status, await put.clone().text()).toBe(200);
  expect(put.headers.get('access-control-allow-origin')).toBe('https://portal.example.org');
  return { ref: res.body.ref, name: 'passport.pdf', mediaType: 'application/pdf', bytes: bytes.byteLength };
}

function visaApplication(scan: Awaited<ReturnType<typeof uploadScan>>, passportNumber = 'C01X00T47') {
  return {
    language: 'en',
    variant: 'standard',
    common: { email: 'tour@example.co.uk', phone: '+44 20 7946 0958' },
    applicants: [
      {
        surname: 'Müller',
        givenNames: 'Anna Maria',
        sex: 'female',
        birthDate: '1990-01-02',
        nationality: 'DEU',
        passportNumber,
        passportIssueDate: '2020-01-01',
        passportExpiryDate: addDays(arrival, 3650),
        purpose: 'tourism',
        arrivalDate: arrival,
        addressInAzerbaijan: 'Bakı, Nizami küç. 10',
        passportScan: [scan],
      },
    ],
  };
}

const socialApplication = {
  language: 'az',
  variant: 'standard',
  common: { phone: '+994 55 200 30 40', address: 'Sumqayıt, 5-ci mikrorayon, ev 12' },
  applicants: [
    {
      fin: '5ZK7QH2',
      surname: 'Quliyev',
      name: 'Elvin',
      birthDate: '1983-07-20',
      monthlyIncome: 30_000,
      incomeSource: 'salary',
    },
  ],
};

const submit = (service: string, body: unknown, key: string) =>
  citizen.post<Submitted>(`${AGENCY}/services/${service}/applications`, body, { 'Idempotency-Key': key });

describe('the public application API', () => {
  it('takes an e-visa application with an uploaded scan; a replay answers the same application; the receipt has the number', async () => {
    const key = randomUUID();
    const body = visaApplication(await uploadScan());
    const first = await submit('e-visa', body, key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      state: 'awaiting-confirmation',
      fee: { amount: 2000, currency: 'USD' },
    });
    expect(Date.parse(first.body.confirmBy!) - Date.parse(first.body.submittedAt)).toBe(60 * 60_000);

    const again = await submit('e-visa', body, key);
    expect(again.status).toBe(201);
    expect(again.body.number).toBe(first.body.number);

    const receipt = await fetch(first.body.receiptUrl);
    expect(receipt.status).toBe(200);
    const text = (await readPdf(new Uint8Array(await receipt.arrayBuffer()))).texts.join(' ');
    expect(text).toContain(first.body.number);
    expect(text).toContain('APPLICATION RECEIPT');

    const status = await citizen.post<Status>(`${AGENCY}/applications/status`, {
      number: first.body.number.replaceAll('-', '').toLowerCase(),
      secondFactor: 'c01x00t47',
    });
    expect(status.status, JSON.stringify(status.body)).toBe(200);
    expect(status.body).toMatchObject({
      number: first.body.number,
      state: 'awaiting-confirmation',
      service: { code: 'e-visa' },
      decisions: [],
    });
    expect((await fetch(status.body.receiptUrl)).status).toBe(200);
  });

  it('refuses a scan another application uses, and lists every field error in the request’s language', async () => {
    const scan = await uploadScan();
    expect((await submit('e-visa', visaApplication(scan), randomUUID())).status).toBe(201);
    const reused = await submit('e-visa', visaApplication(scan, 'C09Z00T11'), randomUUID());
    expect(reused.status).toBe(422);
    expect((reused.body as unknown as Problem).errors).toEqual([
      {
        path: 'applicants[0].passportScan[0]',
        code: 'file_already_used',
        message: expect.stringContaining('another application'),
      },
    ]);

    const wrong = visaApplication(await uploadScan());
    const ru = apiClient(baseUrl, undefined, 'ru');
    const res = await ru.post<Problem>(
      `${AGENCY}/services/e-visa/applications`,
      {
        ...wrong,
        common: { email: 'not an address' },
        applicants: [{ ...wrong.applicants[0], surname: '' }],
      },
      { 'Idempotency-Key': randomUUID() },
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'common.email', code: 'invalid_email', message: 'Неверный адрес электронной почты' },
        expect.objectContaining({ path: 'applicants[0].surname', code: 'required' }),
      ]),
    );
    const noKey = await citizen.post<Problem>(
      `${AGENCY}/services/social-assistance/applications`,
      socialApplication,
    );
    expect(noKey.status).toBe(400);
  });

  it('gives the same 404 for a wrong passport number as for an unknown or invalid number and an unknown agency', async () => {
    const { body } = await submit('e-visa', visaApplication(await uploadScan()), randomUUID());
    const miss = async (agency: string, number: string, secondFactor: string) => {
      const res = await citizen.post<Problem>(`/api/public/v1/agencies/${agency}/applications/status`, {
        number,
        secondFactor,
      });
      return { status: res.status, body: res.body };
    };
    const wrongPassport = await miss('demo1', body.number, 'C01X00T48');
    expect(wrongPassport.status).toBe(404);
    expect(await miss('demo1', '7K3M-9QX2-HT4B-W8RC', 'C01X00T47')).toEqual(wrongPassport);
    expect(await miss('demo1', 'nonsense', 'C01X00T47')).toEqual(wrongPassport);
    expect(await miss('nobody', body.number, 'C01X00T47')).toEqual(wrongPassport);
  });

  it('creates exactly one application per Idempotency-Key under 200 concurrent submits (50 keys sent twice)', async () => {
    const fin = randomUUID().replaceAll('-', '').slice(0, 7).toUpperCase();
    const body = { ...socialApplication, applicants: [{ ...socialApplication.applicants[0], fin }] };
    const keys = Array.from({ length: 150 }, () => randomUUID());
    const sent = [...keys, ...keys.slice(0, 50)];
    const answers = await Promise.all(sent.map((k) => submit('social-assistance', body, k)));
    expect(answers.map((a) => a.status)).toEqual(sent.map(() => 201));
    const numbers = answers.map((a) => a.body.number);
    expect(new Set(numbers).size).toBe(150);
    for (let i = 0; i < 50; i++) expect(numbers[150 + i]).toBe(numbers[i]);
    expect(answers.every((a) => a.body.state === 'in-review')).toBe(true);

    // In the table: exactly 150 applications with this FİN.
    const store = new DynamoAggregateStore(tableClientOf(baseUrl), TABLE_NAME);
    const serviceId = await store.findByUnique('demo1', {
      scope: 'eservice-code',
      value: 'social-assistance',
    });
    const stored = await allPages((page) =>
      store.list<ApplicationRecord>('eservice-application', 'demo1', { ...page, parentKey: serviceId! }),
    );
    const ours = stored.filter((a) => a.secondFactors.includes(fin));
    expect(ours).toHaveLength(150);
    expect(new Set(ours.map((a) => a.id))).toEqual(new Set(numbers));
  }, 120_000);

  it('answers CORS preflights and requests of the public paths for any origin, without credentials', async () => {
    const path = `${AGENCY}/services/social-assistance/applications`;
    const preflight = await fetch(`${baseUrl}${path}`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://portal.example.org',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, idempotency-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const answer = await submit('social-assistance', socialApplication, randomUUID());
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    const problem = await citizen.post(`${AGENCY}/applications/status`, { number: 'x', secondFactor: 'y' });
    expect(problem.headers.get('access-control-allow-origin')).toBe('*');
    // A logged-in route keeps the web app's one origin.
    const admin = await fetch(`${baseUrl}/api/v1/eservices`, { method: 'OPTIONS' });
    expect(admin.status).not.toBe(204);
  });
});
