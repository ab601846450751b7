/**
 * Applications ready for their results (state in-review, the route ended, a decision for every
 * applicant), written through the aggregate store as the review would leave them — for the
 * results' unit tests (memory store) and integration tests (the embedded default's table). The
 * submit API, the machine and the route are other slices': nothing here imitates them beyond the
 * record they write.
 */
import {
  eVisaDefinition,
  socialAssistanceDefinition,
  type ServiceDefinition,
} from '../../functions/modules/eservices';
import {
  APPLICATION,
  applicationPlacement,
  type ApplicantDecision,
  type ApplicationLanguage,
  type ApplicationRecord,
} from '../../functions/modules/eservices/usecases/application-records';
import {
  ESERVICE_VERSION,
  versionId,
  versionPlacement,
  type EServiceVersionRecord,
} from '../../functions/modules/eservices/usecases/records';
import type { FieldValues } from '../../functions/modules/eservices';
import type { AggregateStore } from '../../functions/platform/ports/aggregate-store.port';

/** An e-visa applicant's values (as `validateApplication` normalizes them). */
export function eVisaApplicant(overrides: Record<string, string> = {}): FieldValues {
  return {
    surname: 'MÜLLER',
    givenNames: 'ANNA MARIA',
    sex: 'female',
    birthDate: '1990-04-12',
    nationality: 'DEU',
    passportNumber: 'C01X00T47',
    passportIssueDate: '2020-01-10',
    passportExpiryDate: '2030-01-09',
    purpose: 'tourism',
    arrivalDate: '2026-07-01',
    addressInAzerbaijan: 'Bakı, Nizami küçəsi 10',
    passportScan: [{ ref: 'u-1', name: 'passport.pdf', mediaType: 'application/pdf', bytes: 1000 }],
    ...overrides,
  };
}

/** A social assistance applicant's values. */
export function assistanceApplicant(overrides: Record<string, string> = {}): FieldValues {
  return {
    fin: '5ZJBKQ7',
    surname: 'Məmmədova',
    name: 'Aysel',
    patronymic: 'Rauf qızı',
    birthDate: '1985-03-02',
    ...overrides,
  };
}

/** The published version 1 of a service, stored as the services use case stores it. */
export async function putServiceVersion(
  store: AggregateStore,
  tenantId: string,
  serviceId: string,
  definition: ServiceDefinition,
  at = '2026-01-05T08:00:00.000Z',
): Promise<EServiceVersionRecord> {
  const record: EServiceVersionRecord = {
    id: versionId(serviceId, 1),
    tenantId,
    version: 1,
    createdAt: at,
    updatedAt: at,
    serviceId,
    entry: {
      serviceCode: definition.code,
      version: 1,
      state: 'published',
      definition,
      createdAt: at,
      updatedAt: at,
      publishedAt: at,
    },
  };
  await store.create(ESERVICE_VERSION, record, { actorId: 'system', ...versionPlacement(record) });
  return record;
}

export const evisaDefinition = (): ServiceDefinition => eVisaDefinition({ routeTemplateId: 'route-evisa' });
export const assistanceDefinition = (): ServiceDefinition =>
  socialAssistanceDefinition({ routeTemplateId: 'route-assistance' });

export interface DecidedApplication {
  tenantId: string;
  /** The application number (any unique id of `[A-Z0-9-]`). */
  id: string;
  serviceId: string;
  serviceCode: string;
  serviceVersion?: number;
  language?: ApplicationLanguage;
  applicants: FieldValues[];
  /** One per applicant, in order. */
  outcomes: Array<'approved' | { refused: string }>;
  /** The officer's decision instant (every applicant's). */
  decidedAt: string;
  registrationNumber?: string;
}

/** An application in review whose route ended, with a decision for every applicant, written through the store. */
export async function putDecidedApplication(
  store: AggregateStore,
  a: DecidedApplication,
): Promise<ApplicationRecord> {
  const submittedAt = '2026-06-18T07:00:00.000Z';
  const decisions: ApplicantDecision[] = a.outcomes.map((o, applicant) => ({
    applicant,
    ...(o === 'approved'
      ? { outcome: 'approved' as const }
      : { outcome: 'refused' as const, reason: o.refused }),
    decidedAt: a.decidedAt,
    decidedBy: 'employee-officer',
  }));
  const record: ApplicationRecord = {
    id: a.id,
    tenantId: a.tenantId,
    version: 1,
    createdAt: submittedAt,
    updatedAt: a.decidedAt,
    serviceId: a.serviceId,
    serviceCode: a.serviceCode,
    serviceVersion: a.serviceVersion ?? 1,
    language: a.language ?? 'az',
    values: {
      variant: 'standard',
      common: { email: 'applicant@example.com', phone: '+994501234567' },
      applicants: a.applicants,
    },
    contact: { email: 'applicant@example.com', phone: '+994501234567' },
    secondFactors: a.applicants.map((v) => String(v.passportNumber ?? v.fin ?? '')),
    fee: { amount: 0, currency: 'AZN' },
    state: 'in-review',
    submittedAt,
    documentId: `doc-${a.id}`,
    ...(a.registrationNumber ? { registrationNumber: a.registrationNumber } : {}),
    routeOutcome: {
      outcome: decisions.some((d) => d.outcome === 'approved') ? 'approved' : 'rejected',
      at: a.decidedAt,
    },
    decisions,
    notices: [],
    log: [{ at: submittedAt, event: 'submitted', actor: 'applicant' }],
  };
  await store.create(APPLICATION, record, { actorId: 'system', ...applicationPlacement(record) });
  return record;
}
