import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { openApiDocument } from '../../../functions/api/openapi';
import { addDays, bakuDate } from '../../../functions/modules/eservices';
import { signedMessage } from '../../../functions/platform/adapters/payment/protocol';
import { apiClient, type Api, type ApiResponse } from '../../support/api';
import { clockNow } from '../../support/clock';
import {
  contractViolation,
  exampleAnswer,
  exampleRequest,
  publicOperations,
  substituted,
  type ExampleRequest,
} from '../../support/contract';
import { approveEndorsement, mailsTo } from '../../support/eservices-citizen';
import { eventually } from '../../support/eventually';
import { as } from '../documents/helpers';

// The public API as its document shows it: every public operation is called with the request its
// examples make (parameters, headers and body read from the OpenAPI document), in the order of a
// citizen's e-visa. Only what the server's state alone can give is put into an example, by the map
// below (operation → path in the request → value); each answer must have the documented success
// status, keep the documented schema and have the top-level keys of the documented answer.
const baseUrl = inject('baseUrl');
const dataDir = inject('embeddedDataDir');
const maildev = `http://127.0.0.1:${Number(new URL(baseUrl).port) + 6}`;
const doc = openApiDocument() as Parameters<typeof publicOperations>[0];
const citizen = apiClient(baseUrl, undefined, 'en');

/** What the journey learns from the server on its way. */
interface Journey {
  arrival: string;
  scan: { bytes: Uint8Array<ArrayBuffer>; sha256: string };
  ref?: string;
  number?: string;
  paymentId?: string;
  code?: string;
}

interface Step {
  operationId: string;
  /** The values only the server's state gives: request path (`body.x`, `header.X`, …) → value. */
  fromServer(
    journey: Journey,
    example: ExampleRequest,
  ): Promise<Record<string, unknown>> | Record<string, unknown>;
  /** For an answer that comes once the server has moved on: whether this one is it. */
  ready?(answer: ApiResponse<Record<string, unknown>>): boolean;
  /** What the journey does with the answer before the next operation. */
  then?(answer: Record<string, unknown>, journey: Journey): Promise<void>;
}

const steps: Step[] = [
  { operationId: 'listCatalogue', fromServer: () => ({}) },
  { operationId: 'getCatalogueService', fromServer: () => ({}) },
  {
    operationId: 'startApplicationUpload',
    fromServer: (j) => ({ 'body.sha256': j.scan.sha256 }),
    then: async (answer, j) => {
      const upload = answer.upload as { url: string; signedHeaders: Record<string, string> };
      const put = await fetch(upload.url, {
        method: 'PUT',
        headers: upload.signedHeaders,
        body: j.scan.bytes,
      });
      expect(put.status, await put.text()).toBe(200);
      j.ref = answer.ref as string;
    },
  },
  {
    operationId: 'submitApplication',
    fromServer: (j) => ({
      'header.Idempotency-Key': randomUUID(),
      'body.applicants[0].passportScan[0].ref': j.ref,
      'body.applicants[0].arrivalDate': j.arrival,
      'body.applicants[0].passportExpiryDate': addDays(j.arrival, 3650),
    }),
    then: async (answer, j) => {
      j.number = answer.number as string;
    },
  },
  {
    operationId: 'confirmApplication',
    fromServer: async (j) => {
      const email = submittedEmail();
      const token = await eventually(async () => {
        const mail = (await mailsTo(maildev, email)).find((m) => m.subject.includes(j.number!));
        return mail && /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
      }, 'the confirmation e-mail');
      return { 'body.number': j.number, 'body.token': token };
    },
  },
  {
    operationId: 'startApplicationPayment',
    fromServer: (j) => ({ 'body.number': j.number }),
    ready: (answer) => answer.status === 200,
    then: async (answer, j) => {
      j.paymentId = answer.paymentId as string;
      // The citizen pays on the acquirer's page (the local one), as the browser posts its form.
      const paid = await fetch(answer.redirectUrl as string, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ decision: 'pay' }).toString(),
        redirect: 'manual',
      });
      expect(paid.status).toBe(303);
    },
  },
  {
    // The acquirer's signed decision, as the local acquirer made it (its secret and record).
    operationId: 'paymentCallback',
    fromServer: async (j, example) => {
      const merchant = JSON.parse(readFileSync(join(dataDir, 'payment/merchant.json'), 'utf8')) as {
        merchantId: string;
        secret: string;
      };
      const acquired = JSON.parse(
        readFileSync(join(dataDir, `payment/payments/${j.paymentId}.json`), 'utf8'),
      ) as { orderId: string; decision: { callbackId: string; decidedAt: string } };
      const fields = {
        'body.merchantId': merchant.merchantId,
        'body.paymentId': j.paymentId,
        'body.orderId': acquired.orderId,
        'body.decidedAt': acquired.decision.decidedAt,
        'body.callbackId': acquired.decision.callbackId,
        'body.timestamp': await clockNow(baseUrl),
      };
      const { signature } = signedMessage(merchant.secret, substituted(example, fields).body as object);
      return { ...fields, 'header.Payment-Signature': signature };
    },
    then: async (_answer, j) => {
      await approveByOfficer(j.number!);
    },
  },
  {
    operationId: 'getApplicationStatus',
    fromServer: (j) => ({ 'body.number': j.number }),
    ready: (answer) => answer.body.state === 'decided',
    then: async (answer, j) => {
      const decisions = answer.decisions as Array<{ resultUrl: string }>;
      const pdf = new Uint8Array(await (await fetch(decisions[0]!.resultUrl)).arrayBuffer());
      j.code = (await PDFDocument.load(pdf, { updateMetadata: false })).getSubject();
    },
  },
  { operationId: 'getEVisaKeys', fromServer: () => ({}) },
  { operationId: 'verifyEVisa', fromServer: (j) => ({ 'body.code': j.code }) },
];

/** The submit example's contact e-mail: the confirmation link goes there. */
function submittedEmail(): string {
  const submit = publicOperations(doc).find((o) => o.operationId === 'submitApplication')!;
  return (exampleRequest(doc, submit.operation).body as { common: { email: string } }).common.email;
}

let officer: Api;
let admin: Api;

/** The officer approves the application's endorsement task, as in the documents' API. */
async function approveByOfficer(number: string): Promise<void> {
  const view = await eventually(async () => {
    const res = await admin.get<{ documentId?: string }>(`/api/v1/eservices/applications/${number}`);
    return res.body.documentId ? res.body : undefined;
  }, 'the registered document');
  await approveEndorsement(officer, view.documentId!, 'Viza verilsin');
}

/** The request as it goes on the wire: path parameters in the path, the query, headers, body. */
function send(method: string, template: string, request: ExampleRequest) {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String(request.path[name])),
  );
  const query = new URLSearchParams(Object.entries(request.query).map(([k, v]) => [k, String(v)])).toString();
  const url = query ? `${path}?${query}` : path;
  const headers = Object.fromEntries(Object.entries(request.header).map(([k, v]) => [k, String(v)]));
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  return { url, call: () => citizen.call<Record<string, unknown>>(method, url, body, headers) };
}

/** A scan of exactly the example's size (a small PDF padded), so that only its digest comes from here. */
function scanOf(size: number): Journey['scan'] {
  const head = `%PDF-1.4\n% passport scan ${randomUUID()}\n`;
  const tail = '%%EOF\n';
  const bytes = new TextEncoder().encode(head + ' '.repeat(size - head.length - tail.length) + tail);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('base64') };
}

beforeAll(async () => {
  officer = await as(baseUrl, 'appealshead');
  admin = await as(baseUrl, 'admin');
}, 120_000);

describe('the public API’s documented examples', () => {
  it('the journey calls every public operation of the document, each once', () => {
    // Arrange
    const documented = publicOperations(doc).map((o) => o.operationId);

    // Act
    const called = steps.map((s) => s.operationId);

    // Assert
    expect([...called].sort()).toEqual([...documented].sort());
  });

  it('each example request, with only the server’s values put in, gets its documented answer', async () => {
    // Arrange
    const operations = new Map(publicOperations(doc).map((o) => [o.operationId, o]));
    const upload = operations.get('startApplicationUpload')!;
    const journey: Journey = {
      arrival: addDays(bakuDate(await clockNow(baseUrl)), 10),
      scan: scanOf((exampleRequest(doc, upload.operation).body as { bytes: number }).bytes),
    };
    const answers: Array<{ operationId: string; status: number; keys: string[]; violation?: string }> = [];
    const expected: typeof answers = [];

    // Act
    for (const step of steps) {
      const op = operations.get(step.operationId);
      if (!op) throw new Error(`${step.operationId} is not a public operation of the document`);
      const example = exampleRequest(doc, op.operation);
      const request = substituted(example, await step.fromServer(journey, example));
      const { url, call } = send(op.method, op.path, request);
      const answer = step.ready
        ? await eventually(async () => {
            const res = await call();
            return step.ready!(res) ? res : undefined;
          }, `${step.operationId} to answer as documented`)
        : await call();
      const documented = exampleAnswer(doc, op.operation);
      const violation = contractViolation(
        op.method,
        url,
        answer.status,
        answer.headers.get('content-type'),
        answer.body,
      );
      answers.push({
        operationId: step.operationId,
        status: answer.status,
        // A page's `nextCursor` depends on how many services other tests have published on the
        // shared server; the schema check above covers it, so it is not compared with the example.
        keys: Object.keys(answer.body ?? {})
          .filter((key) => key !== 'nextCursor')
          .sort(),
        ...(violation ? { violation: violation.problem } : {}),
      });
      expected.push({
        operationId: step.operationId,
        status: documented.status,
        keys: Object.keys(documented.example ?? {}).sort(),
      });
      if (answer.status !== documented.status) break;
      await step.then?.(answer.body, journey);
    }

    // Assert
    expect(answers).toEqual(expected);
  }, 240_000);
});
