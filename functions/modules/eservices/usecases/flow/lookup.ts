/**
 * Finding an application from the public API: by its number and a secret the applicant holds (the
 * e-mailed link's token, or a passport number / FİN). An invalid number, an unknown one and a wrong
 * secret all get the same 404, after a comparable amount of work.
 */
import { NotFoundError } from '../../../../platform/kernel/errors';
import { constantTimeEqual, parseApplicationNumber } from '../../domain/application-number';
import type { EServiceDeps } from '../../ports';
import type { ApplicationRecord } from '../application-records';
import { loadApplication } from './records';

export const notFound = () => new NotFoundError('application not found');

export async function findApplication(
  deps: Pick<EServiceDeps, 'store'>,
  agency: string,
  number: string,
  holds: (record: ApplicationRecord) => boolean,
): Promise<ApplicationRecord> {
  const id = parseApplicationNumber(number);
  const record = id ? await loadApplication(deps, agency, id) : undefined;
  if (!record) {
    constantTimeEqual(number, agency); // the same hashing work as a comparison
    throw notFound();
  }
  if (!holds(record)) throw notFound();
  return record;
}
