import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  issueResults,
  serviceByCode,
  verifyVisaCode,
  visaQrMatrix,
  VISA_CODE_KEY_ALIAS,
  type ResultsDeps,
  type VisaCodeData,
  type VisaCodeKeySet,
} from '../../../functions/modules/eservices';
import {
  APPLICATION,
  applicationKeys,
  type ApplicationRecord,
} from '../../../functions/modules/eservices/usecases/application-records';
import { DynamoAggregateStore } from '../../../functions/platform/adapters/dynamodb/aggregate-store.adapter';
import { createDocumentSigner } from '../../../functions/platform/adapters/kms/document-signer.adapter';
import { createObjectStore } from '../../../functions/platform/adapters/s3/object-store.adapter';
import { TABLE_NAME } from '../../../infra/local/embedded';
import { LOCAL_AWS_CREDENTIALS } from '../../../infra/local/services/common';
import { apiClient, type Problem } from '../../support/api';
import { eVisaApplicant, putDecidedApplication } from '../../support/eservices-results';
import { ownEmbedded } from '../../support/own-embedded';
import { tableClientOf } from '../../support/table';
import { drawnQr, pdfTexts } from '../../unit/eservices/visa-document/pdf-reading';

/**
 * The results of a decided application against an embedded default of this file's own (it is
 * restarted: the e-visa code key must outlive it). The application is written through the store
 * as the review leaves it; the use case runs here with the embedded default's table, S3 and KMS
 * (the e-visa code key by its alias); the public endpoints answer from the embedded default.
 */
const running = ownEmbedded();
const AGENCY = 'demo1';
const DECIDED = '2026-06-20T09:30:00.000Z';
const KEYS = '/api/public/v1/evisa/keys';
const VERIFY = '/api/public/v1/evisa/verify';

let deps: ResultsDeps;
let serviceId: string;
let serviceVersion: number;

beforeAll(async () => {
  const port = running.port;
  const region = 'eu-central-1';
  const store = new DynamoAggregateStore(tableClientOf(running.baseUrl), TABLE_NAME);
  const clock = { now: () => new Date('2026-06-20T10:00:00.000Z') };
  deps = {
    store,
    clock,
    objects: createObjectStore({
      region,
      endpoint: `http://127.0.0.1:${port + 2}`,
      credentials: LOCAL_AWS_CREDENTIALS,
      buckets: { attachments: 'karguzar-attachments', archive: 'karguzar-archive' },
    }),
    visaSigner: createDocumentSigner({
      region,
      endpoint: `http://127.0.0.1:${port + 3}`,
      credentials: LOCAL_AWS_CREDENTIALS,
      keyId: VISA_CODE_KEY_ALIAS,
    }),
  };
  const service = await serviceByCode({ store, clock }, AGENCY, 'e-visa');
  serviceId = service.id;
  serviceVersion = service.published!.version;
});

const number = () => `R${randomUUID().replaceAll('-', '').slice(0, 15).toUpperCase()}`;

/** The signed code a stored visa carries (its metadata), checked against the QR drawn on the page. */
async function codeOf(pdf: Uint8Array): Promise<string> {
  const code = (await PDFDocument.load(pdf, { updateMetadata: false })).getSubject()!;
  expect(await drawnQr(pdf)).toEqual(visaQrMatrix(code));
  return code;
}

async function storedPdf(key: string): Promise<Uint8Array> {
  const bytes = await deps.objects.get({ bucket: 'attachments', key });
  if (!bytes) throw new Error(`nothing stored at ${key}`);
  return bytes;
}

/** The key set as a verifier downloads it, with no login. */
async function keySet(): Promise<VisaCodeKeySet> {
  const res = await apiClient(running.baseUrl).get<VisaCodeKeySet>(KEYS);
  expect(res.status).toBe(200);
  return res.body;
}

describe('the results of a decided e-visa application', () => {
  let code: string;
  let numbers: string[];

  it('stores a signed visa per approved applicant and a letter for the refused one, and decides the application', async () => {
    // Arrange
    const id = number();
    await putDecidedApplication(deps.store, {
      tenantId: AGENCY,
      id,
      serviceId,
      serviceCode: 'e-visa',
      serviceVersion,
      language: 'en',
      applicants: [
        eVisaApplicant(),
        eVisaApplicant({
          surname: 'ŞAHİN',
          givenNames: 'AYŞE',
          passportNumber: 'U12345678',
          nationality: 'GBR',
        }),
        eVisaApplicant({ surname: 'DOE', givenNames: 'JOHN', passportNumber: 'X9876543' }),
      ],
      outcomes: ['approved', 'approved', { refused: 'The passport was reported stolen' }],
      decidedAt: DECIDED,
    });

    // Act
    const outcome = await issueResults(deps, { tenantId: AGENCY, applicationId: id });
    const again = await issueResults(deps, { tenantId: AGENCY, applicationId: id });

    // Assert
    const record = (await deps.store.get<ApplicationRecord>(APPLICATION, AGENCY, id))!;
    expect(record.state).toBe('decided');
    numbers = outcome.results.flatMap((r) => (r.number ? [r.number] : []));
    expect(numbers).toEqual(['EV-2026-000001', 'EV-2026-000002']);
    expect(again).toEqual({ ...outcome, issued: 0 });
    expect(record.decisions!.map((d) => d.result?.key)).toEqual(
      [0, 1, 2].map((i) => applicationKeys.result(AGENCY, id, i)),
    );
    code = await codeOf(await storedPdf(applicationKeys.result(AGENCY, id, 0)));
    const [letter] = await pdfTexts(await storedPdf(applicationKeys.result(AGENCY, id, 2)));
    expect(letter).toContain('The passport was reported stolen');
    expect(letter).toContain(id);
  });

  it('publishes a key set with which the visa’s QR code verifies, offline and through the endpoint', async () => {
    // Arrange
    const keys = JSON.parse(JSON.stringify(await keySet())) as VisaCodeKeySet;

    // Act
    const offline = verifyVisaCode(code, keys);
    const res = await apiClient(running.baseUrl).post<{ valid: true; visa: VisaCodeData; checkLine: string }>(
      VERIFY,
      { code },
    );

    // Assert
    expect(offline).toMatchObject({ ok: true, data: { visaNumber: numbers[0], surname: 'MÜLLER' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      valid: true,
      visa: {
        visaNumber: 'EV-2026-000001',
        passportNumber: 'C01X00T47',
        validFrom: '2026-07-01',
        agency: AGENCY,
      },
    });
    expect(res.body.checkLine).toContain('01.07.2026–28.09.2026');
  });

  it('refuses the code with one character changed, with a localized reason', async () => {
    // Arrange: a character in the signed body (the name), then one in the signature.
    const swap = (at: number) => code.slice(0, at) + (code[at] === '7' ? '8' : '7') + code.slice(at + 1);

    // Act
    const body = await apiClient(running.baseUrl, undefined, 'en').post<Problem>(VERIFY, { code: swap(30) });
    const signature = await apiClient(running.baseUrl, undefined, 'ru').post<Problem>(VERIFY, {
      code: swap(code.length - 10),
    });

    // Assert
    for (const res of [body, signature]) {
      expect(res.status).toBe(422);
      expect(res.body.code).toMatch(/^visa_code_(bad_signature|malformed)$/);
    }
    expect(body.body.title).toMatch(/altered|not an e-visa/);
    expect(signature.body.title).toMatch(/Подпись|не QR-код/);
  });

  it('numbers the next application’s visa after the last, without a gap', async () => {
    // Arrange
    const id = number();
    await putDecidedApplication(deps.store, {
      tenantId: AGENCY,
      id,
      serviceId,
      serviceCode: 'e-visa',
      serviceVersion,
      applicants: [eVisaApplicant({ passportNumber: 'P55555555' })],
      outcomes: ['approved'],
      decidedAt: DECIDED,
    });

    // Act
    const outcome = await issueResults(deps, { tenantId: AGENCY, applicationId: id });

    // Assert
    expect(outcome.results.map((r) => r.number)).toEqual(['EV-2026-000003']);
  });

  it('keeps the e-visa code key across a restart: the same key set, the issued code still verifies', async () => {
    // Arrange
    const before = await keySet();

    // Act
    await running.restart();
    const after = await keySet();
    const res = await apiClient(running.baseUrl).post<{ valid: boolean }>(VERIFY, { code });

    // Assert
    expect(after).toEqual(before);
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(true);
  });
});
