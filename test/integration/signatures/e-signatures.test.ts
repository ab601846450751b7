import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { DynamoAggregateStore } from '../../../functions/platform/adapters/dynamodb/aggregate-store.adapter';
import { TABLE_NAME } from '../../../infra/local/embedded';
import type { FileVerification } from '../../../functions/modules/signatures';
import type { Api, Problem } from '../../support/api';
import { tableClientOf } from '../../support/table';
import { eventually } from '../../support/eventually';
import {
  as,
  lookups,
  ownOrderJournal,
  sha256Hex,
  unique,
  type Doc,
  type Lookups,
} from '../documents/helpers';

// PAdES signatures on the single file (Decree 935 §142.5, §144, §145) on the shared embedded
// default: every endorsement and the signature add one incremental update signed by the
// official's key in the local KMS, with a certificate from the agency's CA.
const baseUrl = inject('baseUrl');
const run = promisify(execFile);
let admin: Api;
let clerk: Api;
let ref: Lookups;
let dir: string;

type SingleFile = { sha256: string; signatures: number; frozenAt?: string; url: string };
type Verified = FileVerification;
type Assignment = { id: string; kind: string; status: string; actions: string[] };
type ExecutionView = { documentVersion: number; assignments: Assignment[] };
type RouteView = { documentVersion: number };

const emp = (username: string) => ref.employee.get(username)!;

beforeAll(async () => {
  admin = await as(baseUrl, 'admin');
  clerk = await as(baseUrl, 'clerk');
  ref = await lookups(clerk);
  dir = await mkdtemp(join(tmpdir(), 'karguzar-pades-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function download(file: SingleFile): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch(file.url)).arrayBuffer());
}

async function decide(api: Api, docId: string, kind: string, action: string) {
  const { task, documentVersion } = await eventually(async () => {
    const res = await api.get<ExecutionView>(`/api/v1/documents/${docId}/execution`);
    const found = res.body.assignments?.find(
      (a) => a.kind === kind && a.status === 'pending' && a.actions.includes(action),
    );
    return found ? { ...res.body, task: found } : undefined;
  }, `a ${kind} task on ${docId}`);
  return api.post<Doc | Problem>(`/api/v1/documents/${docId}/assignments/${task.id}/${action}`, {
    version: documentVersion,
  });
}

/** poppler's pdfsig and qpdf on the file, as an outside verifier runs them. */
async function standardTools(bytes: Uint8Array, name: string) {
  const path = join(dir, name);
  await writeFile(path, bytes);
  // pdfsig exits non-zero when a certificate is not trusted (our agency CA is not in its store).
  const pdfsig = await run('pdfsig', [path]).catch((e: { stdout: string }) => ({ stdout: e.stdout }));
  const qpdf = await run('qpdf', ['--check', path]);
  return { pdfsig: pdfsig.stdout, qpdf: qpdf.stdout };
}

/** An internal document of `author`'s, registered, that `signatoryId` is to sign. */
async function registeredInternal(author: Api, summary: string, signatoryId: string): Promise<Doc> {
  const draft = await author.post<Doc>('/api/v1/documents/internal', {
    summary: unique(summary),
    executionCharacter: 'information',
    signatoryId,
  });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  const registered = await author.post<Doc>(`/api/v1/documents/${draft.body.id}/operations/register`, {
    version: draft.body.version,
  });
  expect(registered.status, JSON.stringify(registered.body)).toBe(200);
  return registered.body;
}

describe('PAdES signatures on the single file', () => {
  it('three officials endorse and one signs, then the page-1 code is added: four incremental signatures, each valid for pdfsig, qpdf and the verification', async () => {
    // Arrange: an order with a route of three endorsers and a signer
    const { nomenclatureId } = await ownOrderJournal(admin, 'PAdES sınağı', 'P');
    const order = await clerk.post<Doc>('/api/v1/documents/order', {
      summary: unique('Elektron imzalı əmr'),
      category: 'directive',
      nomenclatureId,
    });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const edited = await clerk.put<RouteView>(`/api/v1/documents/${order.body.id}/approval-route`, {
      version: order.body.version,
      stages: [
        {
          kind: 'endorsement',
          mode: 'parallel',
          participants: [
            { employeeId: emp('executor1') },
            { employeeId: emp('executor2') },
            { employeeId: emp('lawyer') },
          ],
        },
        { kind: 'signing', mode: 'sequential', participants: [{ employeeId: emp('recordshead') }] },
      ],
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const unsigned = await clerk.get<SingleFile>(`/api/v1/documents/${order.body.id}/single-file`);
    const started = await clerk.post<RouteView>(`/api/v1/documents/${order.body.id}/approval-route/start`, {
      version: edited.body.documentVersion,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);

    // Act: the three endorsements and the signature, each from the official's task
    for (const user of ['executor1', 'executor2', 'lawyer']) {
      const res = await decide(await as(baseUrl, user), order.body.id, 'endorsement', 'approve');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const signed = await decide(await as(baseUrl, 'recordshead'), order.body.id, 'signing', 'sign');
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const file = await clerk.get<SingleFile>(`/api/v1/documents/${order.body.id}/single-file`);
    const bytes = await download(file.body);
    const verified = await clerk.get<Verified>(`/api/v1/documents/${order.body.id}/single-file/verification`);
    const tools = await standardTools(bytes, 'endorsed-and-signed.pdf');

    // Assert: four signatures, one revision each, the unsigned file's bytes first and untouched
    expect(file.body.signatures).toBe(4);
    expect(file.body.frozenAt).toBeDefined();
    expect(sha256Hex(bytes)).toBe(file.body.sha256);
    expect(file.body.sha256).not.toBe(unsigned.body.sha256);
    const original = await download(unsigned.body);
    expect(sha256Hex(bytes.subarray(0, original.length))).toBe(unsigned.body.sha256);
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect(verified.body.valid).toBe(true);
    expect(verified.body.sha256).toBe(file.body.sha256);
    const sigs = verified.body.signatures;
    expect(sigs.map((s) => s.right)).toEqual(['endorse', 'endorse', 'endorse', 'sign']);
    for (const s of sigs) {
      expect(s).toMatchObject({
        integrity: true,
        chain: true,
        authority: true,
        coversRevision: true,
        valid: true,
      });
      expect(s.byteRange[0]).toBe(0);
    }
    expect(sigs.map((s) => s.coversWholeFile)).toEqual([false, false, false, true]);
    const last = sigs[3]!;
    expect(last.byteRange[2]! + last.byteRange[3]!).toBe(bytes.length);
    // Each signature covers every byte of the revisions before it.
    for (let i = 1; i < sigs.length; i++)
      expect(sigs[i]!.byteRange[1]!).toBeGreaterThan(sigs[i - 1]!.byteRange[2]! + sigs[i - 1]!.byteRange[3]!);
    expect(new Set(sigs.map((s) => s.signerName)).size).toBe(4);
    expect(last.signer.subject).toContain(last.signerName!);
    expect(last.signer.issuer).toBe(verified.body.ca!.subject);
    expect(verified.body.requisites.find((r) => r.requisite === 'registrationNumber')?.present).toBe(true);

    // Standard tools agree: pdfsig finds four signatures, each intact; qpdf finds no error.
    expect(tools.pdfsig.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(4);
    expect(tools.pdfsig).toContain('ETSI.CAdES.detached');
    expect(tools.pdfsig).toContain('Total document signed');
    expect(tools.qpdf).toContain('No syntax or stream encoding errors found');

    // Then the page-1 code is added for printing (§146): one more appended revision, and every
    // signature still verifies.
    const print = await clerk.get<{ sha256: string; singleFileSha256: string; url: string }>(
      `/api/v1/documents/${order.body.id}/single-file/print`,
    );
    expect(print.status, JSON.stringify(print.body)).toBe(200);
    expect(print.body.singleFileSha256).toBe(file.body.sha256);
    const printed = new Uint8Array(await (await fetch(print.body.url)).arrayBuffer());
    expect(sha256Hex(printed)).toBe(print.body.sha256);
    expect(sha256Hex(printed.subarray(0, bytes.length))).toBe(file.body.sha256);
    const printedTools = await standardTools(printed, 'endorsed-signed-printed.pdf');
    expect(printedTools.pdfsig.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(4);
    expect(printedTools.pdfsig).not.toContain('Total document signed');
    expect(printedTools.qpdf).toContain('No syntax or stream encoding errors found');
  });

  it('refuses the signature of someone without the right (422, localized) and writes nothing', async () => {
    // Arrange: an internal document whose signatory holds no position with the signing right
    const author = await as(baseUrl, 'executor1');
    const registered = await registeredInternal(author, 'İmza hüququ olmayan imzalayan', emp('executor1'));
    const before = await author.get<SingleFile>(`/api/v1/documents/${registered.id}/single-file`);

    // Act
    const refused = await author.post<Problem>(`/api/v1/documents/${registered.id}/operations/sign`, {
      version: registered.version,
    });
    const refusedEn = await (
      await as(baseUrl, 'executor1', 'en')
    ).post<Problem>(`/api/v1/documents/${registered.id}/operations/sign`, {
      version: registered.version,
    });

    // Assert: 422 with the reason; the document, its status and its file as they were
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('no_signing_right');
    expect(refused.body.title).toContain('imza hüququnuz yoxdur');
    expect(refusedEn.body.title).toContain('no signing right');
    const after = await author.get<Doc>(`/api/v1/documents/${registered.id}`);
    expect(after.body.version).toBe(registered.version);
    expect(after.body.status).toBe(registered.status);
    const file = await author.get<SingleFile>(`/api/v1/documents/${registered.id}/single-file`);
    expect(file.body.signatures).toBe(0);
    expect(file.body.sha256).toBe(before.body.sha256);
    expect(file.body.frozenAt).toBeUndefined();
    const verified = await author.get<Verified>(
      `/api/v1/documents/${registered.id}/single-file/verification`,
    );
    expect(verified.body.signatures).toEqual([]);
    expect(verified.body.valid).toBe(false);
  });

  it('a substitute signs on behalf of the absent official, and the signature says so', async () => {
    // Arrange: the head is away (the demo substitution): the deputy substitutes him
    const author = await as(baseUrl, 'executor2');
    const deputy = await as(baseUrl, 'deputy');
    const registered = await registeredInternal(author, 'Əvəzedicinin imzaladığı sənəd', emp('head'));

    // Act
    const signed = await deputy.post<Doc>(`/api/v1/documents/${registered.id}/operations/sign`, {
      version: registered.version,
    });
    const verified = await author.get<Verified>(
      `/api/v1/documents/${registered.id}/single-file/verification`,
    );
    const file = await author.get<SingleFile>(`/api/v1/documents/${registered.id}/single-file`);
    const tools = await standardTools(await download(file.body), 'on-behalf.pdf');

    // Assert: the deputy's key signed, exercising the head's right, on his behalf
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.status).toBe('signed');
    expect(verified.body.valid).toBe(true);
    const [only] = verified.body.signatures;
    expect(only).toMatchObject({ right: 'sign', onBehalfOf: emp('head'), valid: true });
    expect(only!.signer.subject).toContain(only!.signerName!);
    expect(only!.onBehalfOfName).not.toBe(only!.signerName);
    expect(tools.pdfsig).toContain('Signature is Valid.');
    expect(tools.qpdf).toContain('No syntax or stream encoding errors found');
  });

  it('an official who fills a position with the signing right gets a KMS key and a certificate from the agency CA', async () => {
    // Arrange: a new head position in the records department and an employee put on it
    const departments = await admin.get<{ items: Array<{ id: string; code: string }> }>(
      '/api/v1/departments?limit=100',
    );
    const departmentId = departments.body.items[0]!.id;
    const position = await admin.post<{ id: string }>('/api/v1/positions', {
      title: { az: `Sınaq şöbəsinin müdiri ${Date.now()}` },
      departmentId,
      kind: 'head',
      roles: ['head'],
    });
    expect(position.status, JSON.stringify(position.body)).toBe(201);
    const stamp = Date.now().toString(36);
    const employee = await admin.post<{ id: string }>('/api/v1/employees', {
      fullName: 'Həsənov Elvin Rauf oğlu',
      username: `signer-${stamp}`,
      email: `signer-${stamp}@example.az`,
      positionIds: [position.body.id],
    });
    expect(employee.status, JSON.stringify(employee.body)).toBe(201);
    const store = new DynamoAggregateStore(tableClientOf(baseUrl), TABLE_NAME);
    type KeyRecord = { keyId: string; certificates: Array<{ positionId: string; certificate: string }> };
    type CaRecord = { certificate: string };

    // Act: the table stream provisions the official
    const key = await eventually(async () => {
      const found = await store.get<
        KeyRecord & { id: string; tenantId: string; version: number; createdAt: string; updatedAt: string }
      >('signer-key', 'demo1', employee.body.id);
      return found?.certificates.length ? found : undefined;
    }, 'the signer key of the new head');
    const ca = await store.get<
      CaRecord & { id: string; tenantId: string; version: number; createdAt: string; updatedAt: string }
    >('agency-ca', 'demo1', 'demo1');

    // Assert: a KMS key, a certificate naming the person and the position, issued by the agency CA
    expect(key.keyId).toMatch(/^arn:aws:kms:/);
    expect(key.certificates.map((c) => c.positionId)).toEqual([position.body.id]);
    const cert = new X509Certificate(Buffer.from(key.certificates[0]!.certificate, 'base64'));
    const caCert = new X509Certificate(Buffer.from(ca!.certificate, 'base64'));
    expect(cert.subject).toContain('CN=Həsənov Elvin Rauf oğlu');
    expect(cert.subject).toContain('Sınaq şöbəsinin müdiri');
    expect(cert.checkIssued(caCert)).toBe(true);
    expect(cert.verify(caCert.publicKey)).toBe(true);
    expect(caCert.subject).toMatch(/organizationIdentifier=VATAZ-\d{10}|2\.5\.4\.97=VATAZ-\d{10}/);
  });
});
