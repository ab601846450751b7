/**
 * Applications for the flow's tests, written straight to the store (the public submit is another
 * part of the work): an application of a service version stored beside it, in the state a submit
 * leaves it — awaiting the e-mail confirmation for a definition that confirms, else awaiting the
 * payment when it has a fee, else in review.
 */
import { randomBytes } from 'node:crypto';
import {
  APPLICATION,
  applicationPlacement,
  type ApplicationRecord,
} from '../../functions/modules/eservices/usecases/application-records';
import {
  codeClaim,
  ESERVICE,
  ESERVICE_VERSION,
  versionId,
  type EService,
  type EServiceVersionRecord,
} from '../../functions/modules/eservices/usecases/records';
import {
  applicationNumberFrom,
  APPLICATION_NUMBER_RANDOM_BYTES,
  type ServiceDefinition,
} from '../../functions/modules/eservices';
import type { AggregateStore } from '../../functions/platform/ports/aggregate-store.port';

export interface FlowApplicationOptions {
  tenantId: string;
  serviceId: string;
  serviceVersion: number;
  definition: ServiceDefinition;
  submittedAt: string;
  /** Default: the definition's first variant's fee (one applicant). */
  fee?: { amount: number; currency: string };
  language?: 'az' | 'en' | 'ru';
  email?: string;
  phone?: string;
  /** Passport numbers (normalized), one an applicant. */
  secondFactors?: string[];
  applicants?: Array<Record<string, string>>;
}

export const newApplicationNumber = (): string =>
  applicationNumberFrom(randomBytes(APPLICATION_NUMBER_RANDOM_BYTES));

/** An application as the submit writes it (not stored). */
export function flowApplication(o: FlowApplicationOptions): ApplicationRecord {
  const id = newApplicationNumber();
  const variant = o.definition.variants[0]!;
  const minutes = o.definition.contact.confirmEmailWithinMinutes;
  const fee = o.fee ?? { amount: variant.fee.amount, currency: variant.fee.currency };
  const confirms = minutes !== undefined && o.email !== undefined;
  const applicants = o.applicants ?? [{ surname: 'MÜLLER', givenNames: 'ANNA', passportNumber: 'C01234567' }];
  return {
    id,
    tenantId: o.tenantId,
    version: 1,
    createdAt: o.submittedAt,
    updatedAt: o.submittedAt,
    serviceId: o.serviceId,
    serviceCode: o.definition.code,
    serviceVersion: o.serviceVersion,
    language: o.language ?? 'en',
    values: { variant: variant.code, common: { email: o.email ?? '' }, applicants },
    contact: { ...(o.email ? { email: o.email } : {}), ...(o.phone ? { phone: o.phone } : {}) },
    secondFactors: o.secondFactors ?? applicants.map((a) => a.passportNumber ?? a.fin ?? ''),
    fee,
    state: confirms ? 'awaiting-confirmation' : fee.amount > 0 ? 'awaiting-payment' : 'in-review',
    submittedAt: o.submittedAt,
    ...(confirms
      ? {
          confirmation: {
            token: randomBytes(32).toString('base64url'),
            dueAt: new Date(Date.parse(o.submittedAt) + minutes * 60_000).toISOString(),
          },
        }
      : {}),
    notices: [],
    log: [{ at: o.submittedAt, event: 'submitted', actor: 'applicant' }],
  };
}

export async function storeApplication(store: AggregateStore, record: ApplicationRecord): Promise<void> {
  await store.create(APPLICATION, record, { actorId: 'applicant', ...applicationPlacement(record) });
}

/** Stores a published version of a definition (a memory store's test service). */
export async function storeServiceVersion(
  store: AggregateStore,
  tenantId: string,
  serviceId: string,
  definition: ServiceDefinition,
  at: string,
  version = 1,
): Promise<void> {
  const record: EServiceVersionRecord = {
    id: versionId(serviceId, version),
    tenantId,
    version: 1,
    createdAt: at,
    updatedAt: at,
    serviceId,
    entry: {
      serviceCode: definition.code,
      version,
      state: 'published',
      definition,
      createdAt: at,
      updatedAt: at,
      publishedAt: at,
    },
  };
  await store.create(ESERVICE_VERSION, record, {
    actorId: 'system',
    parentKey: serviceId,
    sortKey: String(version).padStart(6, '0'),
  });
}

/** The published service of that code in an agency (the embedded default's seed publishes e-visa). */
export async function publishedService(
  store: AggregateStore,
  tenantId: string,
  code: string,
): Promise<{ serviceId: string; version: number; definition: ServiceDefinition }> {
  const serviceId = await store.findByUnique(tenantId, codeClaim(code));
  if (!serviceId) throw new Error(`no service ${code} in ${tenantId}`);
  const service = await store.get<EService>(ESERVICE, tenantId, serviceId);
  const version = service?.published?.version;
  if (!version) throw new Error(`service ${code} is not published`);
  const entry = await store.get<EServiceVersionRecord>(
    ESERVICE_VERSION,
    tenantId,
    versionId(serviceId, version),
  );
  return { serviceId, version, definition: entry!.entry.definition };
}
