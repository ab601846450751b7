/**
 * `POST /applications/confirm` {number, token}: the e-mailed link's page posts it. Within the
 * window the application is confirmed (awaiting payment when it has a fee, else in review), the
 * log says so, then the machine's confirmation wait is answered. A wrong token gets the same 404
 * as an unknown number; a late link is a 409 that says the window has ended. A repeat answers the
 * state as it is (and answers the machine again, which is harmless).
 */
import { ConflictError } from '../../../../platform/kernel/errors';
import { constantTimeEqual } from '../../domain/application-number';
import type { ApplicationFlowDeps } from '../../ports';
import type { ApplicationRecord, ApplicationState } from '../application-records';
import { findApplication } from './lookup';
import { APPLICANT, changeApplication, logEntry } from './records';
import { signalRecorded } from './signal';

export interface ConfirmationAnswer {
  number: string;
  state: ApplicationState;
  fee: { amount: number; currency: string };
}

const answer = (r: ApplicationRecord): ConfirmationAnswer => ({ number: r.id, state: r.state, fee: r.fee });

const expired = (r: ApplicationRecord) =>
  new ConflictError('application_confirmation_expired', 'The confirmation window has ended', {
    number: r.id,
  });

export async function confirmApplication(
  deps: ApplicationFlowDeps,
  agency: string,
  input: { number: string; token: string },
): Promise<ConfirmationAnswer> {
  const found = await findApplication(
    deps,
    agency,
    input.number,
    (r) => r.confirmation !== undefined && constantTimeEqual(r.confirmation.token, input.token),
  );
  const now = deps.clock.now();
  const inWindow = (r: ApplicationRecord) =>
    r.state === 'awaiting-confirmation' &&
    r.confirmation !== undefined &&
    !r.confirmation.confirmedAt &&
    now.getTime() < Date.parse(r.confirmation.dueAt);
  const { record, changed } = await changeApplication(deps, agency, found.id, APPLICANT, (r) =>
    inWindow(r)
      ? {
          ...r,
          state: r.fee.amount > 0 ? 'awaiting-payment' : 'in-review',
          confirmation: { ...r.confirmation!, confirmedAt: now.toISOString() },
          log: [...r.log, logEntry(now.toISOString(), 'email-confirmed', APPLICANT)],
        }
      : undefined,
  );
  if (!changed && !record.confirmation?.confirmedAt) throw expired(record);
  await signalRecorded(deps, record, 'confirmation');
  return answer(record);
}
