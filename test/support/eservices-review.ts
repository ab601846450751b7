import { randomBytes } from 'node:crypto';
import {
  applicationNumberFrom,
  APPLICATION_NUMBER_RANDOM_BYTES,
  createService,
  publishService,
  type ApplicationValues,
  type ServiceDefinition,
} from '../../functions/modules/eservices';
import {
  APPLICATION,
  applicationPlacement,
  type ApplicationRecord,
} from '../../functions/modules/eservices/usecases/application-records';
import type { EServiceDeps } from '../../functions/modules/eservices/ports';
import type { Actor } from '../../functions/platform/kernel/aggregate';

/**
 * The agency's side of applications (issue 15, review) needs applications in review, which the
 * public submit and the machine make in the product; the tests make them here: a published service
 * (through the admin use cases) and an application record written through the store as the machine
 * leaves it after the payment — state `in-review`, no document yet.
 */
export async function publishedService(
  deps: EServiceDeps,
  admin: Actor,
  definition: ServiceDefinition,
): Promise<{ id: string; code: string; version: number }> {
  const created = await createService(deps, admin, definition);
  const published = await publishService(deps, admin, definition.code, { version: created.version });
  return { id: published.id, code: published.code, version: published.published!.version };
}

/** An e-visa application in review: paid (or free) at `paidAt`, the given values. */
export function inReviewApplication(
  tenantId: string,
  service: { id: string; code: string; version: number },
  values: ApplicationValues,
  options: { submittedAt: string; paidAt?: string; fee?: { amount: number; currency: string } },
): ApplicationRecord {
  const fee = options.fee ?? { amount: 0, currency: 'USD' };
  return {
    id: applicationNumberFrom(randomBytes(APPLICATION_NUMBER_RANDOM_BYTES)),
    tenantId,
    version: 1,
    createdAt: options.submittedAt,
    updatedAt: options.paidAt ?? options.submittedAt,
    serviceId: service.id,
    serviceCode: service.code,
    serviceVersion: service.version,
    language: 'en',
    values,
    contact: { email: 'visitor@example.com', phone: '+442079460958' },
    secondFactors: values.applicants.map((a) => String(a.passportNumber ?? '')),
    fee,
    state: 'in-review',
    submittedAt: options.submittedAt,
    ...(options.paidAt
      ? {
          payment: {
            paymentId: `pay-${options.submittedAt}`,
            amount: fee.amount,
            currency: fee.currency,
            status: 'paid' as const,
            createdAt: options.submittedAt,
            decidedAt: options.paidAt,
            callbackIds: ['cb-1'],
          },
        }
      : {}),
    notices: [],
    log: [{ at: options.submittedAt, event: 'submitted', actor: 'applicant' }],
  };
}

export async function storeApplication(
  deps: EServiceDeps,
  record: ApplicationRecord,
): Promise<ApplicationRecord> {
  return (
    await deps.store.create(APPLICATION, record, { actorId: 'applicant', ...applicationPlacement(record) })
  ).item;
}
