/**
 * An application's status for the applicant: the number and a second factor (any applicant's
 * passport number or FİN). An unknown agency, a number that cannot be one, an unknown number and a
 * wrong second factor all get the same 404, after the same work: a number that does not parse is
 * still looked up (as a number that exists nowhere) and compared with as many second factors as an
 * application has, so the answer's time does not tell a well-formed number from a bad one.
 */
import { NotFoundError } from '../../../../platform/kernel/errors';
import { parseApplicationNumber, secondFactorMatches } from '../../domain/application-number';
import type { Trilingual } from '../../domain/messages';
import type { PublicApplicationDeps } from '../../ports';
import {
  APPLICATION,
  type ApplicantDecision,
  type ApplicationRecord,
  type ApplicationState,
} from '../application-records';
import { definitionOf } from './published';
import { ensureReceipt, receiptUrl, recordReceipt } from './receipt';

/** How long a result's download link is valid. */
export const RESULT_LINK_SECONDS = 10 * 60;

export interface StatusInput {
  number: string;
  secondFactor: string;
}

export interface StatusAnswer {
  number: string;
  service: { code: string; name: Trilingual };
  state: ApplicationState;
  submittedAt: string;
  level?: { startedAt: string; dueAt: string; lastDay: string };
  payment?: { status: string; amount: number; currency: string };
  decisions: Array<{
    applicant: number;
    outcome: ApplicantDecision['outcome'];
    reason?: string;
    resultUrl?: string;
  }>;
  receiptUrl: string;
}

/** A well-formed number looked up for one that is not (whatever it finds, the answer is the 404). */
const NOWHERE = '0000-0000-0000-0000';
/** What a bad number is compared with: as many candidates as a one-person application. */
const DECOYS = ['0'.repeat(9)];

const notFound = () => new NotFoundError('application not found');

export async function applicationStatus(
  deps: PublicApplicationDeps,
  agency: string,
  input: StatusInput,
): Promise<StatusAnswer> {
  const number = parseApplicationNumber(input.number);
  const record = await deps.store.get<ApplicationRecord>(APPLICATION, agency, number ?? NOWHERE);
  const matches = secondFactorMatches(record?.secondFactors ?? DECOYS, input.secondFactor);
  if (!number || !record || !matches) throw notFound();

  const def = await definitionOf(deps, agency, record.serviceId, record.serviceVersion);
  if (!def) throw notFound();
  let receipt = record.receipt;
  if (!receipt) {
    receipt = await ensureReceipt(deps, record, def);
    await recordReceipt(deps, record, receipt);
  }
  const decisions = await Promise.all(
    (record.decisions ?? []).map(async (d) => ({
      applicant: d.applicant,
      outcome: d.outcome,
      ...(d.reason ? { reason: d.reason } : {}),
      ...(d.result
        ? {
            resultUrl: await deps.objects.presignDownload({
              bucket: 'attachments',
              key: d.result.key,
              ...(d.result.versionId ? { versionId: d.result.versionId } : {}),
              fileName: d.result.fileName,
              inline: false,
              expiresInSeconds: RESULT_LINK_SECONDS,
            }),
          }
        : {}),
    })),
  );
  return {
    number: record.id,
    service: { code: record.serviceCode, name: def.name },
    state: record.state,
    submittedAt: record.submittedAt,
    ...(record.level ? { level: record.level } : {}),
    ...(record.payment
      ? {
          payment: {
            status: record.payment.status,
            amount: record.payment.amount,
            currency: record.payment.currency,
          },
        }
      : {}),
    decisions,
    receiptUrl: await receiptUrl(deps, receipt, record.id),
  };
}
