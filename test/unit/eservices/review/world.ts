import type { ApplicationValues, ServiceDefinition } from '../../../../functions/modules/eservices';
import { eVisaDefinition } from '../../../../functions/modules/eservices';
import type { ApplicationRecord } from '../../../../functions/modules/eservices/usecases/application-records';
import { actor, employee, journal, meta, TENANT } from '../../../support/builders';
import { inReviewApplication, publishedService, storeApplication } from '../../../support/eservices-review';
import { memoryDeps } from '../../../support/memory-deps';

/**
 * The agency the review's unit tests work in (in memory): an officer who decides e-visas through a
 * route template of one endorsement, an incoming journal, the published e-visa. Thursday
 * 19 March 2026, 10:00 in Baku — the last working day before the Novruz and Ramazan holidays.
 */
export const PAID_AT = '2026-03-19T06:00:00.000Z';
export const SUBMITTED_AT = '2026-03-19T05:30:00.000Z';
export const TEMPLATE = '7a0c6e3e-9d0a-4b7b-8f55-4d1f3c2b1a01';
export const admin = actor('admin', ['admin']);
export const officer = actor('officer', ['executor']);
export const outsider = actor('outsider', ['executor']);

export function reviewWorld() {
  const deps = memoryDeps(PAID_AT);
  for (const id of ['admin', 'officer', 'outsider']) deps.store.seed('employee', employee(id));
  deps.store.seed(
    'ref:journals',
    journal('incoming', { documentKind: 'incoming', pattern: '{seq}-ER/{yy}' }),
  );
  deps.store.seed('route-template', {
    ...meta(TEMPLATE, TENANT),
    name: 'E-viza',
    kinds: ['incoming'],
    classificationIds: [],
    stages: [{ kind: 'endorsement', mode: 'sequential', participants: [{ employeeId: 'officer' }] }],
  });
  return deps;
}
export type ReviewWorld = ReturnType<typeof reviewWorld>;

export const evisaDefinition = (): ServiceDefinition => eVisaDefinition({ routeTemplateId: TEMPLATE });

/** A German visitor arriving on 25 March 2026 whose passport runs to 2030. */
export function visitor(overrides: Record<string, string | unknown[]> = {}) {
  return {
    surname: 'Müller',
    givenNames: 'Anna Maria',
    sex: 'female',
    birthDate: '1990-01-02',
    nationality: 'DEU',
    passportNumber: 'C01X00T47',
    passportIssueDate: '2020-01-01',
    passportExpiryDate: '2030-01-01',
    purpose: 'tourism',
    arrivalDate: '2026-03-25',
    addressInAzerbaijan: 'Bakı, Nizami küç. 10',
    passportScan: [{ ref: 'upload-1', name: 'passport.pdf', mediaType: 'application/pdf', bytes: 9 }],
    ...overrides,
  };
}

export const SCAN = new TextEncoder().encode('%PDF-scan');

/** A published e-visa and an application of `applicants` to it in review, with its scans stored. */
export async function inReview(
  w: ReviewWorld,
  applicants: ApplicationValues['applicants'] = [visitor()],
  options: { service?: { id: string; code: string; version: number }; submittedAt?: string } = {},
): Promise<ApplicationRecord> {
  const service = options.service ?? (await publishedService(w, admin, evisaDefinition()));
  const values: ApplicationValues = {
    variant: 'standard',
    common: { email: 'visitor@example.com', phone: '+442079460958' },
    applicants,
  };
  for (const a of applicants)
    for (const f of (a.passportScan ?? []) as Array<{ ref: string }>)
      if (!(await w.objects.head({ bucket: 'attachments', key: `${TENANT}/eservices/uploads/${f.ref}` })))
        await w.objects.put({
          bucket: 'attachments',
          key: `${TENANT}/eservices/uploads/${f.ref}`,
          body: SCAN,
          contentType: 'application/pdf',
        });
  return storeApplication(
    w,
    inReviewApplication(TENANT, service, values, {
      submittedAt: options.submittedAt ?? SUBMITTED_AT,
      paidAt: PAID_AT,
      fee: { amount: 2000 * applicants.length, currency: 'USD' },
    }),
  );
}
