import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoDocumentStore } from '../../../functions/modules/documents';
import {
  eVisaDefinition,
  reviewApplication,
  type ApplicationReviewDeps,
  type ApplicationValues,
} from '../../../functions/modules/eservices';
import { DynamoAggregateStore } from '../../../functions/platform/adapters/dynamodb/aggregate-store.adapter';
import { createObjectStore } from '../../../functions/platform/adapters/s3/object-store.adapter';
import { TABLE_NAME } from '../../../infra/local/embedded';
import { LOCAL_AWS_CREDENTIALS } from '../../../infra/local/services/common';
import { DEFAULT_BUCKETS } from '../../../infra/local/services/s3';
import type { Api, Problem } from '../../support/api';
import {
  APPLICATION,
  type ApplicationRecord,
} from '../../../functions/modules/eservices/usecases/application-records';
import { inReviewApplication, storeApplication } from '../../support/eservices-review';
import { eventually } from '../../support/eventually';
import { tableClientOf } from '../../support/table';
import { as, lookups, type Doc } from '../documents/helpers';

// The agency's side of an application against the shared embedded default (demo1): an e-visa
// application of two visitors is put in review through the store (the public submit and the
// machine are other parts), the review registers it, checks it, starts its clock and its route;
// the officer refuses one visitor and approves the route step through the documents' decision API;
// the table-stream consumer writes the route's outcome on the application.
const baseUrl = inject('baseUrl');
const TENANT = 'demo1';
/** The review's instant: Thursday 19 March 2026, 10:00 in Baku (paid then). */
const PAID_AT = '2026-03-19T06:00:00.000Z';
const SCAN = new TextEncoder().encode('%PDF-1.4 passport scan');

type Check = { applicant: number; ok: boolean; problems: Array<{ code: string }> };
type Decision = { applicant: number; outcome: string; reason?: string; decidedBy: string };
type ApplicationView = {
  number: string;
  version: number;
  state: string;
  registrationNumber?: string;
  documentId?: string;
  applicants: string[];
  level?: { lastDay: string; dueAt: string; overdue: boolean; minutesLeft: number };
  scans: Array<{ path: string; name: string; url?: string }>;
  checks: Check[];
  decisions: Decision[];
  log: Array<{ event: string }>;
  routeOutcome?: { outcome: string };
  actions: string[];
};

let admin: Api;
let clerk: Api;
let officer: Api;
let officerId: string;
let deps: ApplicationReviewDeps;

beforeAll(async () => {
  admin = await as(baseUrl, 'admin');
  clerk = await as(baseUrl, 'clerk');
  officer = await as(baseUrl, 'appealshead');
  officerId = (await lookups(clerk)).employee.get('appealshead')!;
  const port = Number(new URL(baseUrl).port);
  deps = {
    store: new DynamoAggregateStore(tableClientOf(baseUrl), TABLE_NAME),
    documents: new DynamoDocumentStore(tableClientOf(baseUrl), TABLE_NAME),
    // The review's instant is fixed; the route's machine (started by the embedded default's stream
    // consumer) and the officer act in real time.
    clock: { now: () => new Date(PAID_AT) },
    objects: createObjectStore({
      region: 'eu-central-1',
      endpoint: `http://127.0.0.1:${port + 2}`,
      credentials: LOCAL_AWS_CREDENTIALS,
      buckets: DEFAULT_BUCKETS,
    }),
  };
}, 120_000);

/** A published e-visa of its own, decided through a route of one endorsement by the officer. */
async function publishedEVisa() {
  const template = await admin.post<{ id: string }>('/api/v1/approval-route-templates', {
    name: `E-viza ${randomUUID().slice(0, 8)}`,
    kinds: ['incoming'],
    classificationIds: [],
    stages: [{ kind: 'endorsement', mode: 'sequential', participants: [{ employeeId: officerId }] }],
  });
  expect(template.status, JSON.stringify(template.body)).toBe(201);
  const code = `evisa-${randomUUID().slice(0, 8)}`;
  const definition = { ...eVisaDefinition({ routeTemplateId: template.body.id }), code };
  const created = await admin.post<{ id: string; version: number }>('/api/v1/eservices', definition, {
    'Idempotency-Key': randomUUID(),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await admin.post<{ id: string; version: number }>(
    `/api/v1/eservices/${code}/draft/publish`,
    {
      version: created.body.version,
    },
  );
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return { id: created.body.id, code, version: 1 };
}

function visitor(surname: string, passportNumber: string, ref: string) {
  return {
    surname,
    givenNames: 'Anna',
    sex: 'female',
    birthDate: '1990-01-02',
    nationality: 'DEU',
    passportNumber,
    passportIssueDate: '2020-01-01',
    passportExpiryDate: '2030-01-01',
    purpose: 'tourism',
    arrivalDate: '2026-03-25',
    addressInAzerbaijan: 'Bakı, Nizami küç. 10',
    passportScan: [{ ref, name: `${surname}.pdf`, mediaType: 'application/pdf', bytes: SCAN.length }],
  };
}

describe('the agency’s side of an e-visa application', () => {
  it('registers, checks and routes it; the officer refuses one visitor and approves the route; the rest are approved', async () => {
    // Arrange: two visitors' application in review, their scans uploaded.
    const service = await publishedEVisa();
    const refs = [randomUUID(), randomUUID()];
    for (const ref of refs)
      await deps.objects!.put({
        bucket: 'attachments',
        key: `${TENANT}/eservices/uploads/${ref}`,
        body: SCAN,
        contentType: 'application/pdf',
      });
    const values: ApplicationValues = {
      variant: 'standard',
      common: { email: 'visitor@example.com', phone: '+442079460958' },
      applicants: [visitor('Müller', 'C01X00T47', refs[0]!), visitor('Schmidt', 'C01X00T48', refs[1]!)],
    };
    const app = await storeApplication(
      deps,
      inReviewApplication(TENANT, service, values, {
        submittedAt: '2026-03-19T05:30:00.000Z',
        paidAt: PAID_AT,
        fee: { amount: 4000, currency: 'USD' },
      }),
    );

    // Act 1: the machine's Review step, twice (the task is idempotent).
    const reviewed = await reviewApplication(deps, { tenantId: TENANT, applicationId: app.id });
    const again = await reviewApplication(deps, { tenantId: TENANT, applicationId: app.id });

    // Assert 1: one incoming citizen document with a number, the scans as its files, the route running.
    expect(again.version).toBe(reviewed.version);
    const doc = (await clerk.get<Doc>(`/api/v1/documents/${reviewed.documentId}`)).body;
    expect(doc).toMatchObject({ kind: 'incoming', documentNumber: app.id });
    expect(doc.registration?.number).toBeTruthy();
    expect(reviewed.registrationNumber).toBe(doc.registration!.number);
    expect(doc.contents.map((c) => c.fileName).sort()).toEqual(['Müller.pdf', 'Schmidt.pdf']);
    expect(reviewed.checks).toEqual([
      { applicant: 0, ok: true, problems: [] },
      { applicant: 1, ok: true, problems: [] },
    ]);
    expect(reviewed.level).toMatchObject({ startedAt: PAID_AT, lastDay: '2026-04-02' });
    const route = await clerk.get<{ route: { state: string; steps: Array<{ employeeIds: string[] }> } }>(
      `/api/v1/documents/${doc.id}/approval-route`,
    );
    expect(route.body.route).toMatchObject({ state: 'running' });
    expect(route.body.route!.steps[0]!.employeeIds).toEqual([officerId]);

    // The table stream started the new application's machine: it comes to wait on the decision (a
    // write of the application's version) before the officer opens it.
    await eventually(async () => {
      const record = await deps.store.get<ApplicationRecord>(APPLICATION, TENANT, app.id);
      return record?.waiting?.on === 'decision' ? true : undefined;
    }, 'the machine waiting on the decision');

    // Act 2: the officer sees it in the service's list and opens it; a refusal needs a reason.
    const list = await officer.get<{ items: Array<{ number: string }> }>(
      `/api/v1/eservices/${service.code}/applications`,
    );
    const seen = await officer.get<ApplicationView>(`/api/v1/eservices/applications/${app.id}`);
    const noReason = await officer.put<Problem>(`/api/v1/eservices/applications/${app.id}/decisions`, {
      version: seen.body.version,
      decisions: [{ applicant: 1, outcome: 'refused' }],
    });
    const refused = await officer.put<ApplicationView>(`/api/v1/eservices/applications/${app.id}/decisions`, {
      version: seen.body.version,
      decisions: [{ applicant: 1, outcome: 'refused', reason: 'Pasportun surəti oxunmur' }],
    });
    const scan = await fetch(seen.body.scans[0]!.url!);

    // Assert 2
    expect(list.status).toBe(200);
    expect(list.body.items.map((i) => i.number)).toEqual([app.id]);
    expect(seen.status, JSON.stringify(seen.body)).toBe(200);
    expect(seen.body).toMatchObject({
      number: app.id,
      state: 'in-review',
      documentId: doc.id,
      applicants: ['Müller Anna', 'Schmidt Anna'],
      level: { lastDay: '02.04.2026' },
      actions: ['decide'],
    });
    expect(new Uint8Array(await scan.arrayBuffer())).toEqual(SCAN);
    expect(noReason.status).toBe(422);
    expect(noReason.body).toMatchObject({
      code: 'decision_reason_required',
      title: 'İmtinanın səbəbini yazın',
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    expect(refused.body.decisions).toEqual([
      expect.objectContaining({ applicant: 1, outcome: 'refused', reason: 'Pasportun surəti oxunmur' }),
    ]);

    // Act 3: the officer approves the route's step through the documents' decision API.
    const task = await eventually(async () => {
      const res = await officer.get<{
        documentVersion: number;
        assignments: Array<{ id: string; kind: string; status: string; actions: string[] }>;
      }>(`/api/v1/documents/${doc.id}/execution`);
      const t = res.body.assignments?.find((a) => a.status === 'pending' && a.actions.includes('approve'));
      return t ? { ...t, documentVersion: res.body.documentVersion } : undefined;
    }, 'the officer’s endorsement task');
    const approved = await officer.post(`/api/v1/documents/${doc.id}/assignments/${task.id}/approve`, {
      version: task.documentVersion,
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    // Assert 3: the route's end is on the application: that visitor refused, the other approved.
    const decided = await eventually(async () => {
      const res = await admin.get<ApplicationView>(`/api/v1/eservices/applications/${app.id}`);
      return res.body.routeOutcome ? res.body : undefined;
    }, 'the route’s outcome on the application');
    expect(decided.routeOutcome).toMatchObject({ outcome: 'approved' });
    expect(decided.decisions).toEqual([
      expect.objectContaining({ applicant: 0, outcome: 'approved', decidedBy: officerId }),
      expect.objectContaining({ applicant: 1, outcome: 'refused', reason: 'Pasportun surəti oxunmur' }),
    ]);
    expect(decided.log.map((e) => e.event)).toEqual(
      expect.arrayContaining([
        'registered',
        'checks-passed',
        'level-started',
        'route-started',
        'route-approved',
      ]),
    );
    expect(decided.actions).toEqual([]);
  });

  it('shows an application only to the agency’s admins and its route’s people', async () => {
    // Arrange
    const service = await publishedEVisa();
    const app = await storeApplication(
      deps,
      inReviewApplication(
        TENANT,
        service,
        { variant: 'standard', common: { email: 'visitor@example.com' }, applicants: [] },
        { submittedAt: '2026-03-19T05:30:00.000Z', paidAt: PAID_AT },
      ),
    );
    const executor = await as(baseUrl, 'executor2');

    // Act
    const byAdmin = await admin.get<ApplicationView>(`/api/v1/eservices/applications/${app.id}`);
    const byOther = await executor.get<Problem>(`/api/v1/eservices/applications/${app.id}`);
    const decide = await executor.put<Problem>(`/api/v1/eservices/applications/${app.id}/decisions`, {
      version: 1,
      decisions: [{ applicant: 0, outcome: 'approved' }],
    });
    const listed = await executor.get<{ items: unknown[] }>(`/api/v1/eservices/${service.code}/applications`);

    // Assert
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.actions).toEqual([]);
    expect(byOther.status).toBe(404);
    expect(decide.status).toBe(404);
    expect(listed.body.items).toEqual([]);
  });
});
